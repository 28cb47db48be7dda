import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { CREATE_GROUP, GROUP_QUERY, JOIN_GROUP, VIEWER_GROUPS } from '../api/operations';
import { useSession } from '../app/session';
import type { GroupPageQuery, ViewerGroupsQuery } from '../gql/graphql';
import { type Page, usePagedList } from '../moderation/use-paged-list';
import { countOf } from '../room/room-actions';
import { RoomCard } from './room-card';

type ViewerGroup = ViewerGroupsQuery['viewerGroups']['edges'][number]['node'];

const GROUPS_PAGE = 20;

/** The groups the viewer belongs to (`viewerGroups`, most recently joined first) and a form to create one. */
export function GroupsPage() {
  const { api, navigate, showError } = useSession();
  const fetchPage = useCallback(
    async (after: string | null): Promise<Page<ViewerGroup>> => {
      const { viewerGroups } = await api.query(VIEWER_GROUPS, { first: GROUPS_PAGE, after });
      return { nodes: viewerGroups.edges.map((edge) => edge.node), next: viewerGroups.pageInfo.hasNextPage ? viewerGroups.pageInfo.endCursor : null };
    },
    [api],
  );
  const groups = usePagedList<ViewerGroup>(fetchPage, showError);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const descriptionId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createGroup } = await api.mutate(CREATE_GROUP, { input: { name: name.trim(), description: description.trim() || null } });
      navigate({ page: 'group', groupId: createGroup.id });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'BAD_USER_INPUT') setError(failure.message);
      else showError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="groups">
      <section className="card" aria-labelledby="groups-title">
        <h1 id="groups-title">Your groups</h1>
        {groups.items === null && <p className="muted">Loading your groups…</p>}
        {groups.items?.length === 0 && <p className="muted">You are in no group yet. Create one below, or open a group’s link and join it.</p>}
        {groups.items !== null && groups.items.length > 0 && (
          <ul className="group-list" data-testid="viewer-groups">
            {groups.items.map((group) => (
              <li key={group.id}>
                <a
                  href={`/groups/${encodeURIComponent(group.id)}`}
                  className="breakable"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ page: 'group', groupId: group.id });
                  }}
                >
                  {group.name}
                </a>{' '}
                <span className="muted small">{countOf(group.memberCount, 'member')}</span>
                {group.description && <p className="muted small breakable">{group.description}</p>}
              </li>
            ))}
          </ul>
        )}
        {groups.hasMore && (
          <button type="button" className="button load-more" disabled={groups.loading} onClick={() => void groups.loadMore()}>
            {groups.loading ? 'Loading…' : 'More groups'}
          </button>
        )}
      </section>
      <section className="card form-card" aria-labelledby="new-group-title">
        <h2 id="new-group-title">Create a group</h2>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={nameId}>Group name</label>
          <input id={nameId} value={name} aria-invalid={error !== null} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={descriptionId}>Description (optional)</label>
          <textarea id={descriptionId} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Create group
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

/** One group: what it is, join it, and its rooms. */
export function GroupPage(props: { groupId: string }) {
  const { api, showError } = useSession();
  const [group, setGroup] = useState<GroupPageQuery['group'] | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.query(GROUP_QUERY, { id: props.groupId }).then(
      (data) => {
        if (!current) return;
        setGroup(data.group);
      },
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, props.groupId, showError]);

  if (group === undefined) return <p className="muted">Loading the group…</p>;
  if (group === null) return <p className="card">This group does not exist or is not visible to you.</p>;

  const join = async () => {
    setBusy(true);
    try {
      const { joinGroup } = await api.mutate(JOIN_GROUP, { groupId: group.id });
      setGroup({ ...group, memberCount: joinGroup.memberCount, viewerIsMember: joinGroup.viewerIsMember });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="group">
      <section className="card" aria-labelledby="group-title">
        <h1 id="group-title" className="breakable">
          {group.name}
        </h1>
        {group.description && <p className="breakable">{group.description}</p>}
        <p className="muted small">{countOf(group.memberCount, 'member')}</p>
        {group.viewerIsMember ? (
          <p className="muted small">You are a member.</p>
        ) : (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void join()}>
            Join group
          </button>
        )}
      </section>
      <section className="section" aria-labelledby="group-rooms-title">
        <h2 id="group-rooms-title">Rooms in this group</h2>
        {group.rooms.length === 0 ? (
          <p className="muted">No rooms yet.</p>
        ) : (
          <div className="room-grid">
            {group.rooms.map((room) => (
              <RoomCard key={room.id} room={room} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

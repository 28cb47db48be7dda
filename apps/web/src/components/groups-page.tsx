import { type FormEvent, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { CREATE_GROUP, GROUP_QUERY, JOIN_GROUP } from '../api/operations';
import { type KnownGroup, loadKnownGroups, rememberGroup } from '../app/known-groups';
import { useSession } from '../app/session';
import type { GroupPageQuery } from '../gql/graphql';
import { countOf } from '../room/room-actions';
import { RoomCard } from './room-card';

/** Your groups (those created or joined in this browser) and a form to create one. */
export function GroupsPage() {
  const { api, viewer, navigate, showError } = useSession();
  const [groups] = useState<KnownGroup[]>(() => loadKnownGroups(viewer.id));
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
      rememberGroup(viewer.id, createGroup);
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
        {groups.length === 0 ? (
          <p className="muted">Groups you create or join appear here. A group’s link opens it too.</p>
        ) : (
          <ul className="group-list">
            {groups.map((group) => (
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
                </a>
              </li>
            ))}
          </ul>
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
  const { api, viewer, showError } = useSession();
  const [group, setGroup] = useState<GroupPageQuery['group'] | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api.query(GROUP_QUERY, { id: props.groupId }).then(
      (data) => {
        if (!current) return;
        setGroup(data.group);
        if (data.group?.viewerIsMember) rememberGroup(viewer.id, data.group);
      },
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, props.groupId, showError, viewer.id]);

  if (group === undefined) return <p className="muted">Loading the group…</p>;
  if (group === null) return <p className="card">This group does not exist or is not visible to you.</p>;

  const join = async () => {
    setBusy(true);
    try {
      const { joinGroup } = await api.mutate(JOIN_GROUP, { groupId: group.id });
      setGroup({ ...group, memberCount: joinGroup.memberCount, viewerIsMember: joinGroup.viewerIsMember });
      rememberGroup(viewer.id, joinGroup);
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

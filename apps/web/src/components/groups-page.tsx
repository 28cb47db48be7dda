import { type FormEvent, useCallback, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { CREATE_GROUP, GROUP_DIRECTORY, VIEWER_GROUPS } from '../api/operations';
import { useSession } from '../app/session';
import type { GroupDirectoryQuery, GroupJoinPolicy, ViewerGroupsQuery } from '../gql/graphql';
import { type Page, usePagedList } from '../moderation/use-paged-list';
import { countOf } from '../room/room-actions';
import { JOIN_POLICY_LABELS } from './group-page';

type ViewerGroup = ViewerGroupsQuery['viewerGroups']['edges'][number]['node'];
type DirectoryGroup = GroupDirectoryQuery['groups']['edges'][number]['node'];

/** The API's bound on `groups(search)`, in characters. */
const GROUP_SEARCH_MAX = 80;

const GROUPS_PAGE = 20;

/** The groups the viewer belongs to (`viewerGroups`, most recently joined first), the directory of groups to find, and a form to create one. */
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
  const [joinPolicy, setJoinPolicy] = useState<GroupJoinPolicy>('BY_REQUEST');
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const descriptionId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createGroup } = await api.mutate(CREATE_GROUP, { input: { name: name.trim(), description: description.trim() || null, joinPolicy } });
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
        {groups.items?.length === 0 && <p className="muted">You are in no group yet. Find one below, or create one.</p>}
        {groups.items !== null && groups.items.length > 0 && (
          <ul className="group-list" data-testid="viewer-groups">
            {groups.items.map((group) => (
              <li key={group.id}>
                <GroupLink group={group} />{' '}
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
      <GroupDirectory />
      <section className="card form-card" aria-labelledby="new-group-title">
        <h2 id="new-group-title">Create a group</h2>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={nameId}>Group name</label>
          <input id={nameId} value={name} aria-invalid={error !== null} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={descriptionId}>Description (optional)</label>
          <textarea id={descriptionId} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
          <fieldset className="radio-group">
            <legend>Who can join</legend>
            {(['BY_REQUEST', 'OPEN'] as const).map((policy) => (
              <label key={policy} className="inline-label">
                <input type="radio" name="join-policy" value={policy} checked={joinPolicy === policy} onChange={() => setJoinPolicy(policy)} />
                {policy === 'BY_REQUEST' ? 'By request: you approve who joins' : 'Open: anyone signed in can join'}
              </label>
            ))}
          </fieldset>
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

/** Groups to find: every OPEN and BY_REQUEST group by name, searched by words of the name. */
function GroupDirectory() {
  const { api, showError } = useSession();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const searchId = useId();
  const fetchPage = useCallback(
    async (after: string | null): Promise<Page<DirectoryGroup>> => {
      const { groups } = await api.query(GROUP_DIRECTORY, { search: search || null, first: GROUPS_PAGE, after });
      return { nodes: groups.edges.map((edge) => edge.node), next: groups.pageInfo.hasNextPage ? groups.pageInfo.endCursor : null };
    },
    [api, search],
  );
  const directory = usePagedList<DirectoryGroup>(fetchPage, showError);

  return (
    <section className="card" aria-labelledby="find-groups-title">
      <h2 id="find-groups-title">Find groups</h2>
      <form
        className="search-row"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <label htmlFor={searchId} className="visually-hidden">
          Search groups by name
        </label>
        <input id={searchId} type="search" placeholder="Search groups by name" maxLength={GROUP_SEARCH_MAX} value={typed} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {directory.items === null && <p className="muted">Loading groups…</p>}
      {directory.items?.length === 0 && <p className="muted">{search ? `No group’s name contains “${search}”.` : 'There are no groups yet.'}</p>}
      {directory.items !== null && directory.items.length > 0 && (
        <ul className="group-list" data-testid="group-directory">
          {directory.items.map((group) => (
            <li key={group.id}>
              <GroupLink group={group} />{' '}
              <span className="policy">{JOIN_POLICY_LABELS[group.joinPolicy]}</span>{' '}
              <span className="muted small">
                {countOf(group.memberCount, 'member')}
                {group.viewerIsMember && ' · you are a member'}
              </span>
              {group.description && <p className="muted small breakable">{group.description}</p>}
            </li>
          ))}
        </ul>
      )}
      {directory.hasMore && (
        <button type="button" className="button load-more" disabled={directory.loading} onClick={() => void directory.loadMore()}>
          {directory.loading ? 'Loading…' : 'More groups to find'}
        </button>
      )}
    </section>
  );
}

/** A group's name as a link to its page, followed in the app (no reload). */
function GroupLink({ group }: { readonly group: { readonly id: string; readonly name: string } }) {
  const { navigate } = useSession();
  return (
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
  );
}

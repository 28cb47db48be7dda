import { useCallback, useEffect, useRef, useState } from 'react';

import { LatestRequest } from '../api/latest-request';
import {
  APPROVE_GROUP_JOIN_REQUEST,
  DECLINE_GROUP_JOIN_REQUEST,
  GROUP_JOIN_REQUESTS,
  GROUP_QUERY,
  INVITE_TO_GROUP,
  JOIN_GROUP,
  LEAVE_GROUP,
  REQUEST_TO_JOIN_GROUP,
} from '../api/operations';
import { useSession } from '../app/session';
import type { GroupJoinPolicy, GroupJoinRequestsQuery, GroupPageQuery } from '../gql/graphql';
import { type Page, usePagedList } from '../moderation/use-paged-list';
import { countOf } from '../room/room-actions';
import { Avatar } from './avatar';
import { PeoplePicker } from './people-picker';
import type { PickedPerson } from './people-picker-state';
import { RoomCard } from './room-card';

type Group = NonNullable<GroupPageQuery['group']>;
type JoinRequest = NonNullable<GroupJoinRequestsQuery['group']>['joinRequests']['edges'][number]['node'];

/** How people join, in words, for badges and the directory. */
export const JOIN_POLICY_LABELS: Readonly<Record<GroupJoinPolicy, string>> = {
  OPEN: 'Open: anyone can join',
  BY_REQUEST: 'By request: admins approve',
};

const REQUESTS_PAGE = 20;
/** At most this many people invited in one go (one mutation each). */
const INVITE_MAX = 10;

/** One group: what it is, how to join it, its rooms; for members "Start a room here"; for admins, requests and invitations. */
export function GroupPage(props: { groupId: string }) {
  const { api, navigate, showError } = useSession();
  const [group, setGroup] = useState<GroupPageQuery['group'] | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // Re-read after every change of membership: joining reveals the GROUP rooms, leaving hides them.
  // Only the newest read is shown: the first read answering after the one that followed a join
  // (or after another group was opened) would show a membership that no longer holds.
  const latest = useRef(new LatestRequest());
  const load = useCallback(async () => {
    const ticket = latest.current.restart();
    const data = await api.query(GROUP_QUERY, { id: props.groupId });
    if (latest.current.isCurrent(ticket)) setGroup(data.group);
  }, [api, props.groupId]);

  useEffect(() => {
    load().catch(showError);
  }, [load, showError]);

  if (group === undefined) return <p className="muted">Loading the group…</p>;
  if (group === null) return <p className="card">This group does not exist.</p>;

  const act = async (change: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await change();
      await load();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const isAdmin = group.viewerMembership?.role === 'ADMIN';

  return (
    <div className="group">
      <section className="card" aria-labelledby="group-title">
        <h1 id="group-title" className="breakable">
          {group.name}
        </h1>
        {group.description && <p className="breakable">{group.description}</p>}
        <p className="muted small">
          <span className="policy" data-testid="join-policy">
            {JOIN_POLICY_LABELS[group.joinPolicy]}
          </span>{' '}
          {countOf(group.memberCount, 'member')}
        </p>
        <Membership group={group} busy={busy} act={act} />
        {group.viewerIsMember && (
          <div className="form-actions">
            <a
              className="button button-primary"
              href={`/groups/${encodeURIComponent(group.id)}/new`}
              onClick={(event) => {
                event.preventDefault();
                navigate({ page: 'new-room', groupId: group.id });
              }}
            >
              Start a room here
            </a>
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.mutate(LEAVE_GROUP, { groupId: group.id }))}>
              Leave group
            </button>
          </div>
        )}
      </section>
      {isAdmin && <JoinRequests groupId={group.id} onDecided={() => void load().catch(showError)} />}
      {isAdmin && <InvitePeople groupId={group.id} onInvited={() => void load().catch(showError)} />}
      <section className="section" aria-labelledby="group-rooms-title">
        <h2 id="group-rooms-title">Rooms in this group</h2>
        {group.rooms.length === 0 ? (
          <p className="muted">{group.viewerIsMember ? 'No rooms yet. Start one above.' : 'No rooms you can see yet: members see the group-only rooms.'}</p>
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

/** The viewer's way in: member, join now (open or invited), ask, or waiting for an admin. */
function Membership(props: { group: Group; busy: boolean; act(change: () => Promise<unknown>): Promise<void> }) {
  const { api } = useSession();
  const { group, busy, act } = props;
  if (group.viewerIsMember) {
    return (
      <p className="muted small" data-testid="membership">
        You are {group.viewerMembership?.role === 'ADMIN' ? 'an admin' : 'a member'} of this group.
      </p>
    );
  }
  if (group.joinPolicy === 'OPEN' || group.viewerIsInvited) {
    return (
      <>
        {group.viewerIsInvited && <p data-testid="membership">An admin invited you to this group.</p>}
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void act(() => api.mutate(JOIN_GROUP, { groupId: group.id }))}>
          Join group
        </button>
      </>
    );
  }
  const request = group.viewerJoinRequest;
  if (request?.status === 'PENDING') {
    return (
      <p role="status" data-testid="membership">
        You asked to join. An admin of the group will approve or decline your request.
      </p>
    );
  }
  return (
    <>
      <p className="muted small" data-testid="membership">
        {request?.status === 'DECLINED' ? 'An admin declined your last request. You may ask again.' : "This group's admins approve new members."}
      </p>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void act(() => api.mutate(REQUEST_TO_JOIN_GROUP, { groupId: group.id }))}>
        Ask to join
      </button>
    </>
  );
}

/** Pending join requests (admins): approve or decline each. */
function JoinRequests(props: { groupId: string; onDecided(): void }) {
  const { api, showError } = useSession();
  const { groupId, onDecided } = props;
  const fetchPage = useCallback(
    async (after: string | null): Promise<Page<JoinRequest>> => {
      const { group } = await api.query(GROUP_JOIN_REQUESTS, { id: groupId, first: REQUESTS_PAGE, after });
      const connection = group?.joinRequests;
      return { nodes: connection?.edges.map((edge) => edge.node) ?? [], next: connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null };
    },
    [api, groupId],
  );
  const requests = usePagedList<JoinRequest>(fetchPage, showError);
  const [deciding, setDeciding] = useState<string | null>(null);

  const decide = async (request: JoinRequest, approve: boolean) => {
    setDeciding(request.id);
    try {
      if (approve) await api.mutate(APPROVE_GROUP_JOIN_REQUEST, { requestId: request.id });
      else await api.mutate(DECLINE_GROUP_JOIN_REQUEST, { requestId: request.id });
      await requests.reload();
      onDecided();
    } catch (error) {
      showError(error);
    } finally {
      setDeciding(null);
    }
  };

  return (
    <section className="card" aria-labelledby="join-requests-title">
      <h2 id="join-requests-title">Requests to join</h2>
      {requests.items === null && <p className="muted">Loading requests…</p>}
      {requests.items?.length === 0 && <p className="muted">No one is waiting.</p>}
      {requests.items !== null && requests.items.length > 0 && (
        <ul className="request-list" data-testid="join-requests">
          {requests.items.map((request) => (
            <li key={request.id} className="request">
              <Avatar profile={request.profile} size="small" />
              <span className="request-who">
                <strong className="breakable">{request.profile.displayName}</strong>
                {request.profile.headline && <span className="muted small breakable">{request.profile.headline}</span>}
                <span className="muted small">
                  asked <time dateTime={request.requestedAt}>{new Date(request.requestedAt).toLocaleString()}</time>
                </span>
              </span>
              <span className="request-actions">
                <button type="button" className="button button-primary button-small" disabled={deciding !== null} onClick={() => void decide(request, true)}>
                  Approve<span className="visually-hidden"> {request.profile.displayName}</span>
                </button>
                <button type="button" className="button button-small" disabled={deciding !== null} onClick={() => void decide(request, false)}>
                  Decline<span className="visually-hidden"> {request.profile.displayName}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {requests.hasMore && (
        <button type="button" className="button load-more" disabled={requests.loading} onClick={() => void requests.loadMore()}>
          {requests.loading ? 'Loading…' : 'More requests'}
        </button>
      )}
    </section>
  );
}

/** Invite people (admins), found by name or headline: they may then join at once. */
function InvitePeople(props: { groupId: string; onInvited(): void }) {
  const { api, showError } = useSession();
  const [chosen, setChosen] = useState<PickedPerson[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  const invite = async () => {
    setBusy(true);
    setSent(null);
    try {
      for (const person of chosen) await api.mutate(INVITE_TO_GROUP, { groupId: props.groupId, profileId: person.id });
      setSent(`Invited ${chosen.map((person) => person.displayName).join(', ')}. They can join from the group's page.`);
      setChosen([]);
      props.onInvited();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite people</h2>
      <PeoplePicker label="People to invite" chosen={chosen} max={INVITE_MAX} onChange={setChosen} />
      {sent && (
        <p role="status" className="small">
          {sent}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy || chosen.length === 0} onClick={() => void invite()}>
          Send invitations
        </button>
      </div>
    </section>
  );
}

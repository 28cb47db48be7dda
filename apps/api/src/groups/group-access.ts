import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { GroupEntity } from './group.entity';
import { type GroupJoinPolicy, type GroupJoinRequestStatus, type GroupRole, type GroupStanding } from './group-membership.rules';

/** The viewer's latest join request to a group, if any. */
export interface ViewerJoinRequest {
  readonly id: string;
  readonly status: GroupJoinRequestStatus;
  readonly requestedAt: Date;
  readonly decidedAt: Date | null;
}

/** A viewer's way into one group: an admin's invitation, and their latest join request. */
export interface ViewerJoinState {
  readonly invited: boolean;
  readonly latestRequest: ViewerJoinRequest | null;
}

/** Where one viewer stands with one group: membership, invitation, latest join request. */
export interface ViewerGroupStanding extends ViewerJoinState {
  readonly role: GroupRole | null;
  readonly joinedAt: Date | null;
}

export const NO_JOIN_STATE: ViewerJoinState = { invited: false, latestRequest: null };
export const NOT_A_MEMBER: ViewerGroupStanding = { role: null, joinedAt: null, ...NO_JOIN_STATE };

/** {@link viewerStandings} without the membership (`Group.viewerIsInvited`, `Group.viewerJoinRequest`). */
export async function viewerJoinStates(em: EntityManager, groupIds: readonly string[], profileId: string): Promise<ViewerJoinState[]> {
  return viewerStandings(em, groupIds, profileId);
}

/**
 * Where `profileId` stands with each of `groupIds`, in one SQL statement (primary-key lookups on
 * group_members and group_invitations, the latest request from group_join_requests).
 * @returns one standing per id, in the same order.
 */
export async function viewerStandings(em: EntityManager, groupIds: readonly string[], profileId: string): Promise<ViewerGroupStanding[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select k.group_id, gm.role, gm.joined_at, (gi.profile_id is not null) as invited,
            jr.id as request_id, jr.status as request_status, jr.requested_at, jr.decided_at
       from unnest(array[?]::uuid[]) as k(group_id)
       left join group_members gm on gm.group_id = k.group_id and gm.profile_id = ?
       left join group_invitations gi on gi.group_id = k.group_id and gi.profile_id = ?
       left join lateral (
         select r.id, r.status, r.requested_at, r.decided_at from group_join_requests r
          where r.group_id = k.group_id and r.profile_id = ? order by r.requested_at desc, r.id desc limit 1
       ) jr on true`,
    [[...new Set(groupIds)], profileId, profileId, profileId],
  );
  const byGroup = new Map<string, ViewerGroupStanding>();
  for (const row of rows) {
    byGroup.set(row['group_id'] as string, {
      role: (row['role'] as GroupRole | null) ?? null,
      joinedAt: row['joined_at'] ? new Date(row['joined_at'] as string | Date) : null,
      invited: row['invited'] === true,
      latestRequest: row['request_id']
        ? {
            id: row['request_id'] as string,
            status: row['request_status'] as GroupJoinRequestStatus,
            requestedAt: new Date(row['requested_at'] as string | Date),
            decidedAt: row['decided_at'] ? new Date(row['decided_at'] as string | Date) : null,
          }
        : null,
    });
  }
  return groupIds.map((id) => byGroup.get(id) ?? NOT_A_MEMBER);
}

/** The pure rules' facts for one viewer and one group. */
export function standingFacts(joinPolicy: GroupJoinPolicy, standing: ViewerGroupStanding, viewer: AuthenticatedViewer): GroupStanding {
  return { joinPolicy, role: standing.role, invited: standing.invited, isStaff: viewer.isStaff };
}

/**
 * Inside a transaction: the group row locked `for update` (every membership change of one group
 * runs one at a time, so counters and "at least one admin" hold under concurrency) and where the
 * viewer stands with it.
 * @throws GROUP_NOT_FOUND when the group does not exist.
 */
export async function lockGroupForMembershipChange(
  tx: EntityManager,
  groupId: string,
  viewer: AuthenticatedViewer,
): Promise<{ group: GroupEntity; standing: GroupStanding }> {
  const [row] = await tx.execute<Record<string, unknown>[]>(`select * from groups where id = ? for update`, [groupId]);
  if (!row) throw DomainError.notFound('Group');
  const group = tx.map(GroupEntity, row);
  const [standing] = await viewerStandings(tx, [groupId], viewer.profileId);
  return { group, standing: standingFacts(group.joinPolicy, standing ?? NOT_A_MEMBER, viewer) };
}

/** Whether `profileId` is a member of the group now (one primary-key lookup). */
export async function isMemberOfGroup(em: EntityManager, groupId: string, profileId: string): Promise<boolean> {
  const rows = await em.execute<unknown[]>(`select 1 from group_members where group_id = ? and profile_id = ?`, [groupId, profileId]);
  return rows.length > 0;
}

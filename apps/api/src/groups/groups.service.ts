import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode, type GroupInput, GroupOperation, validateGroupInput } from '@roundtable/domain';

import { type AuthenticatedViewer } from '../auth/authenticator';
import { isUuid, parseProfileId, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import type { TextScreeningService } from '../moderation/text-screening.service';
import { ProfileEntity } from '../profiles/profile.entity';
import { lockProfileLosingRight } from '../rooms/access/rights-loss-lock';
import { lockGroupForMembershipChange, viewerStandings } from './group-access';
import { groupDirectoryPage } from './group-directory.queries';
import { GroupEntity, GroupJoinRequestEntity, GroupMemberEntity } from './group.entity';
import {
  GroupJoinPolicy,
  GroupJoinRequestStatus,
  GroupRole,
  joinOutcome,
  assertGroupAccess,
  needsSuccessorAdmin,
} from './group-membership.rules';

export interface GroupsServiceDeps {
  /**
   * After a viewer left a group (committed): their participations in the group's LIVE GROUP rooms
   * end (media included) and their streams of the group's rooms re-check access.
   */
  readonly onMemberLeft?: (profileId: string, groupId: string) => Promise<void>;
  /** Trust and safety screening of the group name (refuses slurs, flags milder profanity). */
  readonly screening?: TextScreeningService;
}

export class GroupsService {
  constructor(private readonly deps: GroupsServiceDeps = {}) {}

  /**
   * Creates a group with the viewer as its first member and admin.
   * @throws BAD_USER_INPUT (name, description) for invalid input, or a refused name.
   */
  async createGroup(em: EntityManager, viewer: AuthenticatedViewer, input: GroupInput & { joinPolicy?: GroupJoinPolicy | null }): Promise<GroupEntity> {
    const valid = validateGroupInput(input);
    const flags = this.deps.screening?.screen({ name: valid.name }) ?? [];
    return em.transactional(async (tx) => {
      const now = new Date();
      const group = tx.create(GroupEntity, {
        id: randomUUID(),
        name: valid.name,
        description: valid.description,
        createdById: viewer.profileId,
        memberCount: 1,
        joinPolicy: input.joinPolicy ?? GroupJoinPolicy.Open,
        createdAt: now,
      });
      await tx.flush();
      await tx.execute(`insert into group_members (group_id, profile_id, role, joined_at) values (?, ?, ?, ?)`, [
        group.id,
        viewer.profileId,
        GroupRole.Admin,
        now,
      ]);
      await this.deps.screening?.fileFlags(tx, viewer.profileId, null, flags);
      return group;
    });
  }

  /**
   * Joins an OPEN group, or a BY_REQUEST group the viewer was invited to; joining again changes
   * nothing. Knowing a BY_REQUEST group's id is not enough: ask with {@link requestToJoinGroup}.
   * @throws GROUP_NOT_FOUND; NOT_ALLOWED (FORBIDDEN) for a BY_REQUEST group without an invitation.
   */
  async joinGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string): Promise<GroupEntity> {
    const groupId = parseUuid(rawGroupId, 'groupId');
    return em.transactional(async (tx) => {
      const { group, standing } = await lockGroupForMembershipChange(tx, groupId, viewer);
      const outcome = joinOutcome(standing);
      if (outcome === 'request') {
        throw DomainError.notAllowed('This group admits members by request: ask to join (requestToJoinGroup), or ask an admin for an invitation');
      }
      if (outcome === 'join') await this.admit(tx, group, viewer.profileId, null);
      return group;
    });
  }

  /**
   * Asks to join a group: for a BY_REQUEST group (without an invitation) this files a PENDING
   * request for its admins (asking again while one is pending changes nothing); an OPEN group, or
   * one the viewer was invited to, is joined at once; a member's request changes nothing.
   * @throws GROUP_NOT_FOUND.
   */
  async requestToJoinGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string): Promise<GroupEntity> {
    const groupId = parseUuid(rawGroupId, 'groupId');
    return em.transactional(async (tx) => {
      const { group, standing } = await lockGroupForMembershipChange(tx, groupId, viewer);
      const outcome = joinOutcome(standing);
      if (outcome === 'join') await this.admit(tx, group, viewer.profileId, null);
      if (outcome === 'request') {
        await tx.execute(
          `insert into group_join_requests (id, group_id, profile_id, status, requested_at) values (?, ?, ?, 'PENDING', ?)
           on conflict (group_id, profile_id) where status = 'PENDING' do nothing`,
          [randomUUID(), groupId, viewer.profileId, new Date()],
        );
      }
      return group;
    });
  }

  /**
   * An admin approves a pending join request: its author becomes a member. Approving twice
   * changes nothing.
   * @throws NOT_FOUND (unknown request); NOT_ALLOWED (FORBIDDEN) unless the viewer is an admin of
   * the group; JOIN_REQUEST_ALREADY_DECIDED (CONFLICT) for a declined request.
   */
  async approveJoinRequest(em: EntityManager, viewer: AuthenticatedViewer, rawRequestId: string): Promise<GroupJoinRequestEntity> {
    return this.decideJoinRequest(em, viewer, rawRequestId, GroupJoinRequestStatus.Approved);
  }

  /**
   * An admin declines a pending join request; its author may ask again later. Declining twice
   * changes nothing.
   * @throws NOT_FOUND; NOT_ALLOWED (FORBIDDEN) unless an admin; JOIN_REQUEST_ALREADY_DECIDED (CONFLICT) for an approved request.
   */
  async declineJoinRequest(em: EntityManager, viewer: AuthenticatedViewer, rawRequestId: string): Promise<GroupJoinRequestEntity> {
    return this.decideJoinRequest(em, viewer, rawRequestId, GroupJoinRequestStatus.Declined);
  }

  /**
   * An admin invites a profile: the invitee may then join at once (`joinGroup`), whatever the
   * policy; an invitee who had asked to join becomes a member now. Inviting a member changes nothing.
   * @throws BAD_USER_INPUT (profileId) for oneself or a malformed id; PROFILE_NOT_FOUND;
   * GROUP_NOT_FOUND; NOT_ALLOWED (FORBIDDEN) unless the viewer is an admin of the group.
   */
  async inviteToGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string, rawProfileId: string): Promise<GroupEntity> {
    const groupId = parseUuid(rawGroupId, 'groupId');
    const profileId = parseProfileId(rawProfileId, 'profileId');
    if (profileId === viewer.profileId) throw DomainError.invalidInput('profileId', 'You cannot invite yourself');
    return em.transactional(async (tx) => {
      const { group, standing } = await lockGroupForMembershipChange(tx, groupId, viewer);
      assertGroupAccess(GroupOperation.Invite, standing, "Only the group's admins can invite people");
      if ((await tx.count(ProfileEntity, { id: profileId })) === 0) throw DomainError.notFound('Profile');
      const [invitee] = await viewerStandings(tx, [groupId], profileId);
      if (invitee?.role) return group;
      if (invitee?.latestRequest?.status === GroupJoinRequestStatus.Pending) {
        await this.admit(tx, group, profileId, viewer.profileId);
        return group;
      }
      await tx.execute(
        `insert into group_invitations (group_id, profile_id, invited_by_id, invited_at) values (?, ?, ?, ?) on conflict do nothing`,
        [groupId, profileId, viewer.profileId, new Date()],
      );
      return group;
    });
  }

  /**
   * Leaves a group (leaving again changes nothing). Access to its GROUP rooms ends with the
   * commit: every read checks membership. When the last admin leaves, the longest-standing member
   * becomes admin.
   * @throws GROUP_NOT_FOUND.
   */
  async leaveGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string): Promise<GroupEntity> {
    const groupId = parseUuid(rawGroupId, 'groupId');
    const group = await em.transactional(async (tx) => {
      const { group } = await lockGroupForMembershipChange(tx, groupId, viewer);
      const left = await tx.execute<{ role: GroupRole }[]>(`delete from group_members where group_id = ? and profile_id = ? returning role`, [
        groupId,
        viewer.profileId,
      ]);
      if (left.length === 0) return group;
      // A join of theirs into a GROUP room being decided now is either refused (not a member) or
      // committed before `onMemberLeft` reads their participations, and then ended (rights-loss-lock.ts).
      await lockProfileLosingRight(tx, viewer.profileId);
      const [counts] = await tx.execute<{ admins: string; members: string }[]>(
        `update groups set member_count = member_count - 1 where id = ?
         returning (select count(*) from group_members where group_id = ? and role = 'ADMIN') as admins, member_count as members`,
        [groupId, groupId],
      );
      if (counts && needsSuccessorAdmin(Number(counts.admins), Number(counts.members))) {
        await tx.execute(
          `update group_members set role = 'ADMIN' where (group_id, profile_id) =
             (select group_id, profile_id from group_members where group_id = ? order by joined_at, profile_id limit 1)`,
          [groupId],
        );
      }
      await tx.refresh(group);
      return group;
    });
    await this.deps.onMemberLeft?.(viewer.profileId, groupId);
    return group;
  }

  private async decideJoinRequest(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRequestId: string,
    decision: GroupJoinRequestStatus.Approved | GroupJoinRequestStatus.Declined,
  ): Promise<GroupJoinRequestEntity> {
    const requestId = parseUuid(rawRequestId, 'requestId');
    return em.transactional(async (tx) => {
      const [found] = await tx.execute<{ group_id: string }[]>(`select group_id from group_join_requests where id = ?`, [requestId]);
      if (!found) throw DomainError.notFound('Join request');
      // The group lock first, as every membership change takes it: decisions on one group queue.
      const { group, standing } = await lockGroupForMembershipChange(tx, found.group_id, viewer);
      assertGroupAccess(GroupOperation.DecideJoinRequest, standing, "Only the group's admins can decide join requests");
      const request = await tx.findOneOrFail(GroupJoinRequestEntity, { id: requestId }, { refresh: true });
      if (request.status === decision) return request;
      if (request.status !== GroupJoinRequestStatus.Pending) {
        throw DomainError.conflict(DomainErrorCode.JoinRequestAlreadyDecided, `This join request was already ${request.status.toLowerCase()}`);
      }
      if (decision === GroupJoinRequestStatus.Approved) await this.admit(tx, group, request.profileId, viewer.profileId);
      else {
        request.status = decision;
        request.decidedAt = new Date();
        request.decidedById = viewer.profileId;
        await tx.flush();
      }
      await tx.refresh(request);
      return request;
    });
  }

  /**
   * Inside the group's lock: makes `profileId` a member (once), counts them, closes their
   * invitation and their pending request (approved by `decidedById`).
   */
  private async admit(tx: EntityManager, group: GroupEntity, profileId: string, decidedById: string | null): Promise<void> {
    const now = new Date();
    const added = await tx.execute<unknown[]>(
      `insert into group_members (group_id, profile_id, role, joined_at) values (?, ?, 'MEMBER', ?) on conflict do nothing returning group_id`,
      [group.id, profileId, now],
    );
    await tx.execute(`delete from group_invitations where group_id = ? and profile_id = ?`, [group.id, profileId]);
    await tx.execute(
      `update group_join_requests set status = 'APPROVED', decided_at = ?, decided_by_id = ? where group_id = ? and profile_id = ? and status = 'PENDING'`,
      [now, decidedById, group.id, profileId],
    );
    if (added.length === 0) return;
    await tx.execute(`update groups set member_count = member_count + 1 where id = ?`, [group.id]);
    await tx.refresh(group);
  }

  /** The group directory: see {@link groupDirectoryPage}. */
  async groupDirectory(em: EntityManager, search: string | null, first: number, after: string | null): Promise<Page<GroupEntity>> {
    return groupDirectoryPage(em, search, first, after);
  }

  /**
   * The groups `viewer` belongs to, most recently joined first, keyset-paginated on
   * (joined_at, group_id): one SQL statement, read from `group_members_profile_joined_idx`.
   * The viewer's memberships come with it (role, joinedAt), so `viewerMembership` costs nothing more.
   * @param first page size (already bounded by the caller); @param after a cursor from this list.
   * @throws BAD_USER_INPUT (field after) for a cursor this list did not make.
   */
  async viewerGroups(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    first: number,
    after: string | null,
  ): Promise<{ page: Page<GroupEntity>; memberships: GroupMemberEntity[] }> {
    const cursor = decodeCursor(after, isUuid);
    const params: unknown[] = [viewer.profileId];
    let keyset = '';
    if (cursor) {
      keyset = 'and (gm.joined_at, gm.group_id) < (?, ?)';
      params.push(cursor.at, cursor.id.toLowerCase());
    }
    const rows = await em.execute<Record<string, unknown>[]>(
      `select g.*, gm.joined_at as member_since, gm.role as member_role from group_members gm join groups g on g.id = gm.group_id
        where gm.profile_id = ? ${keyset} order by gm.joined_at desc, gm.group_id desc limit ?`,
      [...params, first + 1],
    );
    const memberships = rows.map((row) =>
      Object.assign(new GroupMemberEntity(), {
        groupId: row['id'] as string,
        profileId: viewer.profileId,
        role: row['member_role'] as GroupRole,
        joinedAt: new Date(row['member_since'] as string | Date),
      }),
    );
    const joinedAt = new Map(memberships.map((m) => [m.groupId, m.joinedAt]));
    const groups = rows.map((row) => em.map(GroupEntity, row));
    return { page: toPage(groups, first, (g) => encodeCursor(joinedAt.get(g.id) ?? new Date(0), g.id), cursor), memberships };
  }
}

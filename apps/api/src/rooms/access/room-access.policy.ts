import { type EntityManager } from '@mikro-orm/postgresql';
import {
  decideRoomAccess,
  DomainError,
  type ParticipantRole,
  RoomAccessRule,
  type RoomAccessDecision,
  type RoomOperation,
  type RoomRelation,
  type RoomStatus,
  type RoomVisibility,
} from '@roundtable/domain';
import { AppealStatus, ModerationNoticeAction, suspendedMessage } from '@roundtable/moderation';

import type { AuthenticatedViewer } from '../../auth/authenticator';
import { parseUuid } from '../../common/ids';
import { leanQuery } from '../../database/lean-rows';

/** A room as the policy reads it, with the viewer's relation to it. */
export interface RoomWithRelation {
  readonly roomId: string;
  readonly hostId: string;
  /** When the suspension in force ends (null: no end, or not suspended); for the refusal's words. */
  readonly suspendedUntil: Date | null;
  readonly relation: RoomRelation;
  /**
   * The viewer's profile display name (null without a profile row), read in the same statement;
   * only when asked for with `withViewerName` (e.g. for a media token), else undefined.
   */
  readonly viewerDisplayName?: string | null;
}

/** What {@link RoomAccessPolicy.relationTo} reads besides the relation. */
export interface RelationReadOptions {
  /** Also read the viewer's display name (one more column, no more statements). */
  readonly withViewerName?: boolean;
}

/** The user-facing message of each refusing rule; none reveals a room the viewer may not see. */
const REFUSAL_MESSAGES: Readonly<Record<RoomAccessRule, string>> = {
  [RoomAccessRule.Visible]: 'Room not found',
  [RoomAccessRule.Belongs]: 'Only members or invitees can join this room',
  [RoomAccessRule.NotBanned]: 'You are banned from this room',
  [RoomAccessRule.NotBlockedByHost]: 'You cannot take part in this room: its host has blocked you',
  [RoomAccessRule.NotSuspended]: suspendedMessage({ expiresAt: null }),
  [RoomAccessRule.Live]: 'The room is not live',
  [RoomAccessRule.NotEnded]: 'The room has ended',
  [RoomAccessRule.InRoom]: 'Join the room first',
  [RoomAccessRule.OnStage]: 'Only people on the stage can do this',
  [RoomAccessRule.Moderates]: 'Only the host and moderators can do this',
  [RoomAccessRule.Hosts]: 'Only the host can do this',
};

/**
 * The one room access policy of the API: it gathers a viewer's {@link RoomRelation} to a room in
 * one SQL statement and asks the domain's table (`ROOM_ACCESS_TABLE`, `decideRoomAccess`). Every
 * place that asks "may this viewer see, join, watch, command, get media for, report, or see field
 * Y of this room" asks here; the rules themselves are never restated.
 */
export class RoomAccessPolicy {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * The room and the viewer's relation to it, or null when no room has that id. One statement:
   * the room row, the viewer's participation, group membership, invitation, ban, the host's block,
   * and a suspension in force (a SUSPENDED notice begun, not expired, not reversed on appeal).
   * With `withViewerName`, the viewer's display name comes in the same statement.
   * @throws BAD_USER_INPUT (field `field`) for an id that is not a UUID.
   */
  async relationTo(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    field = 'roomId',
    options: RelationReadOptions = {},
  ): Promise<RoomWithRelation | null> {
    const now = this.now();
    const withName = options.withViewerName === true;
    const [row] = await leanQuery(
      em,
      `select r.id, r.host_id, r.visibility, r.status,${withName ? `
          (select pv.display_name from profiles pv where pv.id = ?) as viewer_display_name,` : ''}
          (select p.role from participants p where p.room_id = r.id and p.profile_id = ? and p.left_at is null limit 1) as role,
          (r.group_id is not null and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?)) as is_group_member,
          exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ?) as is_invitee,
          exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = ?) as is_banned,
          exists (select 1 from blocks bl where bl.blocker_id = r.host_id and bl.blocked_id = ?) as is_blocked_by_host,
          (s.subject_profile_id is not null) as is_suspended, s.expires_at as suspended_until
        from rooms r
        left join lateral (
          select n.subject_profile_id, n.expires_at from moderation_notices n
           where n.subject_profile_id = ? and n.action = ? and n.created_at <= ?
             and (n.expires_at is null or n.expires_at > ?) and n.appeal_status is distinct from ?
           order by n.expires_at desc nulls first limit 1
        ) s on true
        where r.id = ?`,
      [
        ...(withName ? [viewer.profileId] : []),
        viewer.profileId,
        viewer.profileId,
        viewer.profileId,
        viewer.profileId,
        viewer.profileId,
        viewer.profileId,
        ModerationNoticeAction.Suspended,
        now,
        now,
        AppealStatus.Reversed,
        parseUuid(roomId, field),
      ],
    );
    if (!row) return null;
    const hostId = row['host_id'] as string;
    const isSuspended = row['is_suspended'] === true;
    const until = row['suspended_until'];
    return {
      roomId: row['id'] as string,
      hostId,
      ...(withName ? { viewerDisplayName: (row['viewer_display_name'] as string | null | undefined) ?? null } : {}),
      suspendedUntil: isSuspended ? (until === null || until === undefined ? null : new Date(until as string | Date)) : null,
      relation: {
        visibility: row['visibility'] as RoomVisibility,
        status: row['status'] as RoomStatus,
        isHost: hostId === viewer.profileId,
        role: (row['role'] as ParticipantRole | null) ?? null,
        isGroupMember: row['is_group_member'] === true,
        isInvitee: row['is_invitee'] === true,
        isBanned: row['is_banned'] === true,
        isBlockedByHost: row['is_blocked_by_host'] === true,
        isSuspended,
        // A suspended account has no staff powers (separation of duties, issue 15).
        isStaff: viewer.isStaff && !isSuspended,
      },
    };
  }

  /** The table's answer for one operation. */
  decide(operation: RoomOperation, relation: RoomRelation): RoomAccessDecision {
    return decideRoomAccess(operation, relation);
  }

  /**
   * Throws the refusal of {@link decide} as a {@link DomainError} (its contract code: NOT_FOUND for
   * a room the viewer may not see, FORBIDDEN, BANNED, CONFLICT, ...), or returns when allowed.
   */
  assert(operation: RoomOperation, relation: RoomRelation, suspendedUntil: Date | null = null): void {
    const decision = decideRoomAccess(operation, relation);
    if (decision.allowed) return;
    // A suspension's refusal says until when, and what stays open (notices, appeal).
    const message = decision.rule === RoomAccessRule.NotSuspended ? suspendedMessage({ expiresAt: suspendedUntil }) : REFUSAL_MESSAGES[decision.rule];
    throw new DomainError(decision.code, message);
  }

  /**
   * {@link relationTo} then {@link assert}: the room, when the viewer may do `operation` in it.
   * @throws ROOM_NOT_FOUND for an unknown room (as for one the viewer may not see), else the refusal.
   */
  async require(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    operation: RoomOperation,
    field = 'roomId',
    options: RelationReadOptions = {},
  ): Promise<RoomWithRelation> {
    const found = await this.relationTo(em, viewer, roomId, field, options);
    if (!found) throw DomainError.notFound('Room');
    this.assert(operation, found.relation, found.suspendedUntil);
    return found;
  }
}

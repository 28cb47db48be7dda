import { type EntityManager } from '@mikro-orm/postgresql';
import {
  decideRoomAccess,
  decideRoomStanding,
  DomainError,
  type ParticipantRole,
  roomAccessRefusalMessage,
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
   * The policy's clock when the statement was sent (also the instant the suspension was judged
   * at): the relation holds what was committed by then, at the latest. A media token decided on
   * this relation starts at this second (`AudioAccessRequest.decidedAt`), so a right lost after
   * the read revokes it.
   */
  readonly readAt: Date;
  /**
   * The viewer's profile display name (null without a profile row), read in the same statement;
   * only when asked for with `withViewerName` (e.g. for a media token), else undefined.
   */
  readonly viewerDisplayName?: string | null;
  /**
   * When the viewer last lost a media right in the room (`media_revocations`; null: never), read
   * in the same statement; only with `withMediaRevocation`, else undefined.
   */
  readonly mediaRevokedAt?: Date | null;
}

/** What {@link RoomAccessPolicy.relationTo} reads besides the relation. */
export interface RelationReadOptions {
  /** Also read the viewer's display name (one more column, no more statements). */
  readonly withViewerName?: boolean;
  /** Also read the viewer's last media revocation in the room (one more column, no more statements). */
  readonly withMediaRevocation?: boolean;
}

/**
 * SQL: the suspension in force for the profile `subject` (a column, or `?` followed by the profile
 * id in the caller's parameters): a SUSPENDED notice begun by `now`, not expired, not reversed on
 * appeal; its `subject_profile_id` and `expires_at`, the latest-ending first, at most one row.
 * The relation's `isSuspended` and the room lists' staff override read it (one statement of the rule).
 */
export function suspensionInForceSql(subject: string, now: Date): { sql: string; params: unknown[] } {
  return {
    sql: `select n.subject_profile_id, n.expires_at from moderation_notices n
           where n.subject_profile_id = ${subject} and n.action = ? and n.created_at <= ?
             and (n.expires_at is null or n.expires_at > ?) and n.appeal_status is distinct from ?
           order by n.expires_at desc nulls first limit 1`,
    params: [ModerationNoticeAction.Suspended, now, now, AppealStatus.Reversed],
  };
}

/**
 * The select list of a viewer's relation to a room: the room `r`, the viewer's id `v.id`, the
 * suspension in force `s` (a lateral {@link suspensionInForceSql}). Read by {@link relationFromRow}.
 */
const RELATION_COLUMNS = `(select p.role from participants p where p.room_id = r.id and p.profile_id = v.id and p.left_at is null limit 1) as role,
          (r.group_id is not null and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = v.id)) as is_group_member,
          exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = v.id) as is_invitee,
          exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = v.id) as is_banned,
          exists (select 1 from blocks bl where bl.blocker_id = r.host_id and bl.blocked_id = v.id) as is_blocked_by_host,
          (s.subject_profile_id is not null) as is_suspended, s.expires_at as suspended_until`;

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
    const relations = await this.relationsOf(em, parseUuid(roomId, field), [viewer], options);
    return relations.get(viewer.profileId) ?? null;
  }

  /**
   * {@link relationTo} for many viewers of one room in one statement (a batch of room commands):
   * by profile id, one entry per distinct viewer; empty when the room does not exist.
   * @param roomId an id already parsed as a UUID.
   */
  async relationsOf(
    em: EntityManager,
    roomId: string,
    viewers: readonly AuthenticatedViewer[],
    options: RelationReadOptions = {},
  ): Promise<Map<string, RoomWithRelation>> {
    const byId = new Map(viewers.map((viewer) => [viewer.profileId, viewer]));
    const withName = options.withViewerName === true;
    const withRevocation = options.withMediaRevocation === true;
    const readAt = this.now();
    const suspension = suspensionInForceSql('v.id', readAt);
    const rows = await leanQuery(
      em,
      `select v.id as viewer_id, r.id, r.host_id, r.visibility, r.status,${withName ? `
          (select pv.display_name from profiles pv where pv.id = v.id) as viewer_display_name,` : ''}${withRevocation ? `
          (select mr.revoked_at from media_revocations mr where mr.room_id = r.id and mr.profile_id = v.id) as media_revoked_at,` : ''}
          ${RELATION_COLUMNS}
        from rooms r
        cross join jsonb_array_elements_text(?::jsonb) as v(id)
        left join lateral (${suspension.sql}) s on true
        where r.id = ?`,
      // A JSON array, not a JS array: knex would spread an array binding into a list of values.
      [JSON.stringify([...byId.keys()]), ...suspension.params, roomId],
      // Once per request and per join: parsed and planned once per connection, not per call.
      { prepare: true },
    );
    const relations = new Map<string, RoomWithRelation>();
    for (const row of rows) {
      const viewer = byId.get(row['viewer_id'] as string);
      if (!viewer) continue;
      relations.set(viewer.profileId, relationFromRow(row, viewer, readAt, { withName, withRevocation }));
    }
    return relations;
  }

  /**
   * One viewer's relation to many rooms in one statement, with columns of the caller's feature read
   * in the same statement (`attached.columns`, a select list over the room `r`, with its
   * `attached.params`): e.g. `Room.insights` reads its figures and the relation that decides whether
   * the viewer may see them in one statement for every room of a request.
   * @param roomIds ids already parsed as UUIDs.
   * @returns by room id: the relation and the whole row (the attached columns by their aliases).
   */
  async relationsToRooms(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    roomIds: readonly string[],
    attached: { readonly columns: string; readonly params: readonly unknown[] },
  ): Promise<Map<string, { readonly found: RoomWithRelation; readonly row: Record<string, unknown> }>> {
    const readAt = this.now();
    const suspension = suspensionInForceSql('v.id', readAt);
    const rows = await leanQuery(
      em,
      `select v.id as viewer_id, r.id, r.host_id, r.visibility, r.status, ${attached.columns},
          ${RELATION_COLUMNS}
        from rooms r
        cross join (select ?::varchar as id) v
        left join lateral (${suspension.sql}) s on true
        where r.id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [...attached.params, viewer.profileId, ...suspension.params, JSON.stringify([...roomIds])],
    );
    const found = new Map<string, { found: RoomWithRelation; row: Record<string, unknown> }>();
    for (const row of rows) {
      const relation = relationFromRow(row, viewer, readAt, { withName: false, withRevocation: false });
      found.set(relation.roomId, { found: relation, row });
    }
    return found;
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
    const refusal = RoomAccessPolicy.refusal(decideRoomAccess(operation, relation), suspendedUntil);
    if (refusal) throw refusal;
  }

  /**
   * The refusal of the operation's standing rules only (see `decideRoomStanding`), or null: what
   * the command pipeline checks before the room rules (`decide`) check the position rules.
   */
  standingRefusal(operation: RoomOperation, found: RoomWithRelation): DomainError | null {
    return RoomAccessPolicy.refusal(decideRoomStanding(operation, found.relation), found.suspendedUntil);
  }

  /** A decision's refusal as a {@link DomainError} with the rule's message, or null when allowed. */
  static refusal(decision: RoomAccessDecision, suspendedUntil: Date | null): DomainError | null {
    if (decision.allowed) return null;
    // A suspension's refusal says until when, and what stays open (notices, appeal).
    const message = decision.rule === RoomAccessRule.NotSuspended ? suspendedMessage({ expiresAt: suspendedUntil }) : roomAccessRefusalMessage(decision);
    return new DomainError(decision.code, message);
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

/** A row of the relation statements as a {@link RoomWithRelation} for `viewer`. */
function relationFromRow(
  row: Record<string, unknown>,
  viewer: AuthenticatedViewer,
  readAt: Date,
  { withName, withRevocation }: { readonly withName: boolean; readonly withRevocation: boolean },
): RoomWithRelation {
  const hostId = row['host_id'] as string;
  const isSuspended = row['is_suspended'] === true;
  const until = row['suspended_until'];
  return {
    roomId: row['id'] as string,
    hostId,
    readAt,
    ...(withName ? { viewerDisplayName: (row['viewer_display_name'] as string | null | undefined) ?? null } : {}),
    ...(withRevocation ? { mediaRevokedAt: row['media_revoked_at'] ? new Date(row['media_revoked_at'] as string | Date) : null } : {}),
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

import { type EntityManager } from '@mikro-orm/postgresql';
import { mayAccessRoom, RoomOperation, type RoomStatus } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseUuid } from '../common/ids';
import { leanQuery, leanRows } from '../database/lean-rows';
import { suspensionInForceSql } from './access/room-access.policy';
import { RoomEntity } from './room.entity';

/**
 * "Rooms a viewer may see", in one place, for rooms, lists and recommendations alike. The rule is
 * the access policy's (`ROOM_ACCESS_TABLE`: SEE, and JOIN's standing rules for recommendations);
 * this module gathers its facts for one room, and restates it as SQL for lists. The restatement
 * is checked against the table over generated relations on PostgreSQL
 * (`room-lists-agree-with-the-policy.e2e.spec.ts`).
 */

/**
 * The room, if it exists and the viewer may see it (the access policy's SEE); otherwise null
 * (existence is not revealed). A null viewer is someone with no relation to any room (a calendar
 * link opened without a viewer): the policy lets them see PUBLIC rooms only. One statement: the room row (lean, read-only: see `leanRows`)
 * with the facts SEE reads as columns (group membership, invitation, a suspension in force, which
 * takes staff powers away).
 */
export async function findVisibleRoom(em: EntityManager, viewer: AuthenticatedViewer | null, roomId: string, now: Date = new Date()): Promise<RoomEntity | null> {
  const rooms = leanRows(em, RoomEntity);
  const suspension = suspensionInForceSql('?', now);
  const profileId = viewer?.profileId ?? null;
  const isStaff = viewer?.isStaff === true;
  const [row] = await leanQuery(
    em,
    `select ${rooms.columns('r')},
        (r.visibility = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?)) as viewer_is_group_member,
        (r.visibility = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ?)) as viewer_is_invitee,
        ${isStaff ? `exists (${suspension.sql})` : 'false'} as viewer_is_suspended
      from rooms r where r.id = ?`,
    [profileId, profileId, ...(isStaff ? [profileId, ...suspension.params] : []), parseUuid(roomId, 'roomId')],
  );
  const room = row ? (rooms.map(row) as RoomEntity | null) : null;
  if (!row || !room) return null;
  const suspended = row.viewer_is_suspended === true;
  const sees = mayAccessRoom(RoomOperation.See, {
    visibility: room.visibility,
    status: room.status as RoomStatus,
    isHost: profileId !== null && room.hostId === profileId,
    role: null,
    isGroupMember: row.viewer_is_group_member === true,
    isInvitee: row.viewer_is_invitee === true,
    // SEE reads none of these: a ban, a block or a suspension does not hide a room.
    isBanned: false,
    isBlockedByHost: false,
    isSuspended: suspended,
    isStaff: isStaff && !suspended,
  });
  return sees ? room : null;
}

/**
 * SQL (on alias `r`): rooms whose host the profile has not blocked. Blocking someone takes their
 * rooms off the blocker's lists (`rooms`, recommendations); a link still opens the room.
 */
export function roomsNotHostedByBlockedSql(profileId: string): { sql: string; params: unknown[] } {
  return {
    sql: `not exists (select 1 from blocks bl where bl.blocker_id = ? and bl.blocked_id = r.host_id)`,
    params: [profileId],
  };
}

/**
 * SQL (on alias `r`) for the rooms a profile belongs to — the domain's `belongsToRoom`: PUBLIC
 * rooms, rooms they host, GROUP rooms of their groups, PRIVATE rooms they are invited to — and
 * whose host they have not blocked. This is what "may join" builds on (recommendations), without
 * the staff override.
 */
export function roomsProfileBelongsToSql(profileId: string): { sql: string; params: unknown[] } {
  const notBlocked = roomsNotHostedByBlockedSql(profileId);
  return {
    sql: `((r.visibility = 'PUBLIC' or r.host_id = ?
      or (r.visibility = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?))
      or (r.visibility = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ?)))
      and ${notBlocked.sql})`,
    params: [profileId, profileId, profileId, ...notBlocked.params],
  };
}

/**
 * SQL (on alias `r`) for the rooms a viewer's lists show: the access policy's SEE (staff powers
 * see every room; a suspended staff account has none, so it sees what anyone sees) without rooms
 * hosted by someone the viewer blocked (a list preference, not a right: a link still opens them).
 */
export function roomsViewerMaySeeSql(viewer: AuthenticatedViewer, now: Date = new Date()): { sql: string; params: unknown[] } {
  const belongs = roomsProfileBelongsToSql(viewer.profileId);
  if (!viewer.isStaff) return belongs;
  const notBlocked = roomsNotHostedByBlockedSql(viewer.profileId);
  const suspension = suspensionInForceSql('?', now);
  return {
    sql: `(${notBlocked.sql} and (not exists (${suspension.sql}) or ${belongs.sql}))`,
    params: [...notBlocked.params, viewer.profileId, ...suspension.params, ...belongs.params],
  };
}

/**
 * SQL (on alias `r`) for the rooms a profile may join as far as its standing goes: the standing
 * rules of the access policy's JOIN (belongs, not banned, not blocked by the host, not suspended;
 * staff rights add nothing), without rooms hosted by someone it blocked. The room's status (JOIN's
 * LIVE) is the caller's filter: recommendations also offer rooms about to start.
 */
export function roomsViewerMayJoinSql(profileId: string, now: Date = new Date()): { sql: string; params: unknown[] } {
  const belongs = roomsProfileBelongsToSql(profileId);
  const suspension = suspensionInForceSql('?', now);
  return {
    sql: `(${belongs.sql}
      and not exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = ?)
      and (r.host_id = ? or not exists (select 1 from blocks hb where hb.blocker_id = r.host_id and hb.blocked_id = ?))
      and not exists (${suspension.sql}))`,
    params: [...belongs.params, profileId, profileId, profileId, profileId, ...suspension.params],
  };
}

/**
 * SQL (on alias `r`) for "the profile in column `profileColumn` may be told about room `r`": the
 * access policy's NOTIFY row — JOIN's standing rules (belongs: PUBLIC, hosts, a GROUP room's
 * member, a PRIVATE room's invitee; not banned; not blocked by the host; not suspended) whatever
 * the room's status — and not a room hosted by someone the profile blocked (blocks count in both
 * directions). The same rules as {@link roomsViewerMayJoinSql}, for a column of many recipients,
 * so a batch of notifications is filtered in its own `INSERT … SELECT`, never row by row.
 * `profileColumn`'s alias must not be one this SQL uses inside (gm, ri, bl, b, hb, n).
 */
export function roomsProfileMayBeNotifiedSql(profileColumn: string, now: Date = new Date()): { sql: string; params: unknown[] } {
  const suspension = suspensionInForceSql(profileColumn, now);
  const p = profileColumn;
  return {
    sql: `((r.visibility = 'PUBLIC' or r.host_id = ${p}
      or (r.visibility = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ${p}))
      or (r.visibility = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ${p})))
      and not exists (select 1 from blocks bl where bl.blocker_id = ${p} and bl.blocked_id = r.host_id)
      and not exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = ${p})
      and (r.host_id = ${p} or not exists (select 1 from blocks hb where hb.blocker_id = r.host_id and hb.blocked_id = ${p}))
      and not exists (${suspension.sql}))`,
    params: [...suspension.params],
  };
}

import { type EntityManager } from '@mikro-orm/postgresql';
import { canSeeRoom, type RoomAccessFacts, RoomVisibility, type Viewer } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseUuid } from '../common/ids';
import { leanQuery, leanRows } from '../database/lean-rows';
import { GroupMemberEntity } from '../groups/group.entity';
import { RoomBanEntity, RoomEntity, RoomInviteeEntity } from './room.entity';

/**
 * "Rooms a viewer may see", in one place, for rooms, subscriptions and recommendations alike.
 * The rule itself is the domain's (`canSeeRoom`, `joinRefusal`); this module gathers the facts it
 * needs for one room, and states the same rule as SQL for lists.
 */

export const asDomainViewer = (viewer: AuthenticatedViewer): Viewer => ({ profileId: viewer.profileId, isStaff: viewer.isStaff });

/** What the domain's access rules need about one viewer and one room: three indexed lookups. */
export async function roomAccessFacts(em: EntityManager, room: RoomEntity, viewerId: string): Promise<RoomAccessFacts> {
  const [member, invitee, ban] = await Promise.all([
    room.visibility === RoomVisibility.Group && room.groupId
      ? em.count(GroupMemberEntity, { groupId: room.groupId, profileId: viewerId })
      : Promise.resolve(0),
    room.visibility === RoomVisibility.Private ? em.count(RoomInviteeEntity, { roomId: room.id, profileId: viewerId }) : Promise.resolve(0),
    em.count(RoomBanEntity, { roomId: room.id, profileId: viewerId }),
  ]);
  return {
    visibility: room.visibility,
    hostId: room.hostId,
    status: room.status,
    viewerIsGroupMember: member > 0,
    viewerIsInvitee: invitee > 0,
    viewerIsBanned: ban > 0,
  };
}

/**
 * {@link roomAccessFacts} for many viewers of one room in one statement (a batch of audience
 * commands): facts by profile id, one entry for each distinct id in `viewerIds`.
 */
export async function roomAccessFactsOf(em: EntityManager, room: RoomEntity, viewerIds: readonly string[]): Promise<Map<string, RoomAccessFacts>> {
  const ids = [...new Set(viewerIds)];
  const rows = await em.execute<{ id: string; member: boolean; invitee: boolean; banned: boolean }[]>(
    `select v.id,
        (?::text = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = ? and gm.profile_id = v.id)) as member,
        (?::text = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = ? and ri.profile_id = v.id)) as invitee,
        exists (select 1 from room_bans b where b.room_id = ? and b.profile_id = v.id) as banned
      from jsonb_array_elements_text(?::jsonb) as v(id)`,
    // A JSON array, not a JS array: knex would spread an array binding into a list of values.
    [room.visibility, room.groupId, room.visibility, room.id, room.id, JSON.stringify(ids)],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        visibility: room.visibility,
        hostId: room.hostId,
        status: room.status,
        viewerIsGroupMember: row.member === true,
        viewerIsInvitee: row.invitee === true,
        viewerIsBanned: row.banned === true,
      },
    ]),
  );
}

/**
 * The room, if it exists and the viewer may see it; otherwise null (existence is not revealed).
 * One statement: the room row (lean, read-only: see `leanRows`) with the facts of
 * {@link roomAccessFacts} as columns; the rule applied is still the domain's `canSeeRoom`.
 */
export async function findVisibleRoom(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<RoomEntity | null> {
  const rooms = leanRows(em, RoomEntity);
  const [row] = await leanQuery(
    em,
    `select ${rooms.columns('r')},
        (r.visibility = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?)) as viewer_is_group_member,
        (r.visibility = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ?)) as viewer_is_invitee,
        exists (select 1 from room_bans b where b.room_id = r.id and b.profile_id = ?) as viewer_is_banned
      from rooms r where r.id = ?`,
    [viewer.profileId, viewer.profileId, viewer.profileId, parseUuid(roomId, 'roomId')],
  );
  const room = row ? (rooms.map(row) as RoomEntity | null) : null;
  if (!row || !room) return null;
  const facts: RoomAccessFacts = {
    visibility: room.visibility,
    hostId: room.hostId,
    status: room.status,
    viewerIsGroupMember: row.viewer_is_group_member === true,
    viewerIsInvitee: row.viewer_is_invitee === true,
    viewerIsBanned: row.viewer_is_banned === true,
  };
  return canSeeRoom(facts, asDomainViewer(viewer)) ? room : null;
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
 * SQL (on alias `r`) for the rooms a viewer's lists show — the domain's `canSeeRoom` (staff see
 * every room) — without rooms hosted by someone the viewer blocked.
 */
export function roomsViewerMaySeeSql(viewer: AuthenticatedViewer): { sql: string; params: unknown[] } {
  return viewer.isStaff ? roomsNotHostedByBlockedSql(viewer.profileId) : roomsProfileBelongsToSql(viewer.profileId);
}

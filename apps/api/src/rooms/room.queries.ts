import { type EntityManager } from '@mikro-orm/postgresql';
import { fieldAccessOfRole, ParticipantRole, RoomOperation, type RoomStatus } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput } from '../common/api-error';
import type { RequestScope } from '../common/request-scope';
import { isUuid, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { likeLiteral } from '../common/sql';
import { ParticipantEntity, RoomEntity } from './room.entity';
import { findVisibleRoom, roomsViewerMaySeeSql } from './room-visibility';

export interface RoomListFilter {
  readonly status?: RoomStatus | null;
  readonly topic?: string | null;
  readonly groupId?: string | null;
  /** Words to find in the title or the host's display name (case-insensitive). */
  readonly search?: string | null;
}

/** Open hands listed at once (oldest first); the cost limit prices `raisedHands` at this size. */
export const RAISED_HANDS_LIMIT = 100;

/** Longest `filter.search` accepted, in characters. */
export const ROOM_SEARCH_MAX_LENGTH = 100;

/** Rooms a group lists (`Group.rooms`), newest first; the cost limit prices the field at this size. */
export const GROUP_ROOMS_LIMIT = 100;

/**
 * The WHERE conditions (on alias `r`) of a room list: what the viewer may see (`roomsViewerMaySeeSql`,
 * the one statement of that rule) and the filter. Shared by `listRooms` and `visibleRoomsOfGroups`
 * so both lists show exactly the same rooms.
 * @throws BAD_USER_INPUT (filter.groupId, filter.search) for a malformed id or an over-long search.
 */
export function roomListConditions(viewer: AuthenticatedViewer, filter: RoomListFilter): { where: string[]; params: unknown[] } {
  const visible = roomsViewerMaySeeSql(viewer);
  const where: string[] = [visible.sql];
  const params: unknown[] = [...visible.params];
  if (filter.status) {
    where.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.topic) {
    where.push('r.topics @> array[?]::text[]');
    params.push(filter.topic);
  }
  if (filter.groupId) {
    where.push('r.group_id = ?');
    params.push(parseUuid(filter.groupId, 'filter.groupId'));
  }
  const words = (filter.search ?? '').trim();
  if (words.length > ROOM_SEARCH_MAX_LENGTH) {
    throw badInput('filter.search', `filter.search must be at most ${ROOM_SEARCH_MAX_LENGTH} characters`);
  }
  for (const word of words.split(/\s+/).filter(Boolean).slice(0, 8)) {
    // Every word must appear in the title or in the host's name.
    where.push(`(r.title ilike ? or exists (select 1 from profiles hp where hp.id = r.host_id and hp.display_name ilike ?))`);
    const pattern = `%${likeLiteral(word)}%`;
    params.push(pattern, pattern);
  }
  return { where, params };
}

/**
 * The rooms of many groups that the viewer may see, newest first, at most `limit` per group, in
 * one SQL statement: a LATERAL join over the group ids, each group with its own limit, under the
 * same conditions as `listRooms` (`roomListConditions`).
 * @param groupIds group uuids (lower case); the result has one list per id, in the same order.
 * @param status only rooms in this status; null: any status.
 */
export async function visibleRoomsOfGroups(
  em: EntityManager,
  viewer: AuthenticatedViewer,
  groupIds: readonly string[],
  status: RoomStatus | null,
  limit: number,
): Promise<RoomEntity[][]> {
  const { where, params } = roomListConditions(viewer, { status });
  const rows = await em.execute<Record<string, unknown>[]>(
    `select gr.* from unnest(array[?]::uuid[]) as k(group_id)
       cross join lateral (
         select r.* from rooms r
          where r.group_id = k.group_id and ${where.join(' and ')}
          order by r.created_at desc, r.id desc limit ?
       ) gr
      order by gr.group_id, gr.created_at desc, gr.id desc`,
    [[...new Set(groupIds)], ...params, limit],
  );
  const byGroup = new Map<string, RoomEntity[]>();
  for (const row of rows) {
    const room = em.map(RoomEntity, row);
    const list = byGroup.get(room.groupId ?? '');
    if (list) list.push(room);
    else byGroup.set(room.groupId ?? '', [room]);
  }
  return groupIds.map((groupId) => byGroup.get(groupId) ?? []);
}

/** The room reads: lists, audience pages and the raised-hands queue. Each is one SQL statement. */
export class RoomQueries {
  findVisibleRoom(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<RoomEntity | null> {
    return findVisibleRoom(em, viewer, roomId);
  }

  /** Rooms the viewer may see, newest first, keyset-paginated on (created_at, id). */
  async listRooms(em: EntityManager, viewer: AuthenticatedViewer, filter: RoomListFilter, first: number, after: string | null): Promise<Page<RoomEntity>> {
    const { where, params } = roomListConditions(viewer, filter);
    const cursor = decodeCursor(after, isUuid);
    if (cursor) {
      where.push('(r.created_at, r.id) < (?, ?)');
      params.push(cursor.at, cursor.id);
    }
    const rows = await em.execute(
      `select r.* from rooms r where ${where.join(' and ')} order by r.created_at desc, r.id desc limit ?`,
      [...params, first + 1],
    );
    const rooms = rows.map((row) => em.map(RoomEntity, row));
    return toPage(rooms, first, (room) => encodeCursor(room.createdAt, room.id), cursor);
  }

  /**
   * Listeners in the order they joined, keyset-paginated on (joined_at, id): one statement, with
   * their profiles joined into the scope's profile loader (so `node { profile }` costs nothing more).
   */
  async audience(scope: RequestScope, roomId: string, first: number, after: string | null): Promise<Page<ParticipantEntity>> {
    const cursor = decodeCursor(after, isUuid);
    const keyset = cursor ? ' and (p.joined_at > ? or (p.joined_at = ? and p.id > ?))' : '';
    const rows = await scope.participantsWithProfiles(
      `p.room_id = ? and p.left_at is null and p.role = ?${keyset} order by p.joined_at asc, p.id asc limit ?`,
      [roomId, ParticipantRole.Listener, ...(cursor ? [cursor.at, cursor.at, cursor.id] : []), first + 1],
    );
    return toPage(rows, first, (p) => encodeCursor(p.joinedAt, p.id), cursor);
  }

  /**
   * Open requests to speak, oldest first; empty unless the access policy lets the viewer's role see
   * hand questions (`SEE_HAND_QUESTIONS`: the host and moderators), as for `Participant.handRaiseQuestion`.
   */
  async raisedHands(em: EntityManager, room: RoomEntity, viewerRole: ParticipantRole | null): Promise<ParticipantEntity[]> {
    if (!fieldAccessOfRole(viewerRole).has(RoomOperation.SeeHandQuestions)) return [];
    return em.find(
      ParticipantEntity,
      { roomId: room.id, leftAt: null, handRaisedAt: { $ne: null } },
      { orderBy: { handRaisedAt: 'asc', id: 'asc' }, limit: RAISED_HANDS_LIMIT },
    );
  }
}

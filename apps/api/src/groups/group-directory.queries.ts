import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, GROUP_LIMITS } from '@roundtable/domain';

import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { likeLiteral } from '../common/sql';
import { GroupEntity, GroupJoinRequestEntity } from './group.entity';

/** Longest `groups(search)` accepted, in characters once trimmed: a group name's maximum. */
export const GROUP_SEARCH_MAX = GROUP_LIMITS.nameMax;

/**
 * The group directory (`groups(search, first, after)`): OPEN and BY_REQUEST groups alike, by
 * name (case-insensitive, then id), keyset-paginated: one SQL statement on `groups_name_idx`, or
 * with a search, on the name's trigram index. The cursor is the shared (time, id) shape every
 * list uses; the keyset reads the named group's (lower(name), id) in the same statement. Listing a group reveals its name, description,
 * policy and member count, never its members or GROUP rooms.
 * @param search words the name must contain (case-insensitive); blank means every group.
 * @throws BAD_USER_INPUT (field search) over {@link GROUP_SEARCH_MAX} characters; (field after) for a cursor this list did not make.
 */
export async function groupDirectoryPage(em: EntityManager, search: string | null | undefined, first: number, after: string | null | undefined): Promise<Page<GroupEntity>> {
  const text = (search ?? '').trim();
  if (text.length > GROUP_SEARCH_MAX) throw DomainError.invalidInput('search', `search must be at most ${GROUP_SEARCH_MAX} characters`);
  const cursor = decodeCursor(after, isUuid);
  const where: string[] = [];
  const params: unknown[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    where.push('g.name ilike ?');
    params.push(`%${likeLiteral(word)}%`);
  }
  if (cursor) {
    where.push('(lower(g.name), g.id) > (select lower(c.name), c.id from groups c where c.id = ?)');
    params.push(cursor.id.toLowerCase());
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select g.* from groups g ${where.length ? `where ${where.join(' and ')}` : ''} order by lower(g.name), g.id limit ?`,
    [...params, first + 1],
  );
  return toPage(
    rows.map((row) => em.map(GroupEntity, row)),
    first,
    (group) => encodeCursor(group.createdAt, group.id),
    cursor,
  );
}

/**
 * One pending `joinRequests(first, after)` page per group, oldest first, for many groups in one
 * SQL statement (a LATERAL join over the group ids on `group_join_requests_pending_idx`), keyset
 * on (requested_at, id). The caller has checked that the viewer administers each group.
 * @throws BAD_USER_INPUT (field after) for a cursor a join requests page did not make.
 */
export async function pendingJoinRequestPagesOfGroups(
  em: EntityManager,
  groupIds: readonly string[],
  first: number,
  after: string | null,
): Promise<Page<GroupJoinRequestEntity>[]> {
  const cursor = decodeCursor(after, isUuid);
  const params: unknown[] = [[...new Set(groupIds)]];
  let keyset = '';
  if (cursor) {
    keyset = 'and (r.requested_at, r.id) > (?, ?)';
    params.push(cursor.at, cursor.id.toLowerCase());
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select jr.* from unnest(array[?]::uuid[]) as k(group_id)
       cross join lateral (
         select r.* from group_join_requests r
          where r.group_id = k.group_id and r.status = 'PENDING' ${keyset}
          order by r.requested_at, r.id limit ?
       ) jr
      order by jr.group_id, jr.requested_at, jr.id`,
    [...params, first + 1],
  );
  const byGroup = new Map<string, GroupJoinRequestEntity[]>();
  for (const row of rows) {
    const request = em.map(GroupJoinRequestEntity, row);
    const list = byGroup.get(request.groupId);
    if (list) list.push(request);
    else byGroup.set(request.groupId, [request]);
  }
  return groupIds.map((groupId) => toPage(byGroup.get(groupId) ?? [], first, (r) => encodeCursor(r.requestedAt, r.id), cursor));
}

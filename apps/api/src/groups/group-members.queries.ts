import { type EntityManager } from '@mikro-orm/postgresql';

import { isValidProfileId } from '../auth/authenticator';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { ProfileEntity } from '../profiles/profile.entity';

/**
 * One `members(first, after)` page per group, for many groups in one SQL statement: a LATERAL
 * join over the group ids gives each group its own keyset page on (joined_at, profile_id), in join
 * order, with its own `first + 1` limit — what one query per group gave, without the N+1.
 * @param groupIds group uuids (lower case); the result has one page per id, in the same order.
 * @param first page size (already bounded by the caller); @param after a cursor from a members page.
 * @throws BAD_USER_INPUT (field after) for a cursor a members page did not make.
 */
export async function memberPagesOfGroups(
  em: EntityManager,
  groupIds: readonly string[],
  first: number,
  after: string | null,
): Promise<Page<ProfileEntity>[]> {
  const cursor = decodeCursor(after, isValidProfileId);
  const params: unknown[] = [[...new Set(groupIds)]];
  let keyset = '';
  if (cursor) {
    keyset = 'and (gm.joined_at, gm.profile_id) > (?, ?)';
    params.push(cursor.at, cursor.id);
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select k.group_id as page_group_id, m.joined_at as member_since, p.*
       from unnest(array[?]::uuid[]) as k(group_id)
       cross join lateral (
         select gm.profile_id, gm.joined_at from group_members gm
          where gm.group_id = k.group_id ${keyset}
          order by gm.joined_at, gm.profile_id limit ?
       ) m
       join profiles p on p.id = m.profile_id
      order by k.group_id, m.joined_at, m.profile_id`,
    [...params, first + 1],
  );
  const byGroup = new Map<string, { profile: ProfileEntity; cursor: string }[]>();
  for (const row of rows) {
    const groupId = row['page_group_id'] as string;
    const profile = em.map(ProfileEntity, row);
    const entry = { profile, cursor: encodeCursor(new Date(row['member_since'] as string | Date), profile.id) };
    const list = byGroup.get(groupId);
    if (list) list.push(entry);
    else byGroup.set(groupId, [entry]);
  }
  return groupIds.map((groupId) => {
    const page = toPage(byGroup.get(groupId) ?? [], first, (entry) => entry.cursor, cursor);
    return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: node.profile })) };
  });
}

import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, type GroupInput, validateGroupInput } from '@roundtable/domain';

import { type AuthenticatedViewer } from '../auth/authenticator';
import { isUuid, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import type { TextScreeningService } from '../moderation/text-screening.service';
import { GroupEntity } from './group.entity';

export interface GroupsServiceDeps {
  /** After a viewer left a group (committed): their streams of the group's rooms re-check access. */
  readonly onMemberLeft?: (profileId: string) => Promise<void>;
  /** Trust and safety screening of the group name (refuses slurs, flags milder profanity). */
  readonly screening?: TextScreeningService;
}

export class GroupsService {
  constructor(private readonly deps: GroupsServiceDeps = {}) {}

  async createGroup(em: EntityManager, viewer: AuthenticatedViewer, input: GroupInput): Promise<GroupEntity> {
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
        createdAt: now,
      });
      await tx.flush();
      await tx.execute(`insert into group_members (group_id, profile_id, joined_at) values (?, ?, ?)`, [group.id, viewer.profileId, now]);
      await this.deps.screening?.fileFlags(tx, viewer.profileId, null, flags);
      return group;
    });
  }

  async joinGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string): Promise<GroupEntity> {
    return this.changeMembership(em, viewer, rawGroupId, 'join');
  }

  async leaveGroup(em: EntityManager, viewer: AuthenticatedViewer, rawGroupId: string): Promise<GroupEntity> {
    const group = await this.changeMembership(em, viewer, rawGroupId, 'leave');
    await this.deps.onMemberLeft?.(viewer.profileId);
    return group;
  }

  private async changeMembership(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawGroupId: string,
    change: 'join' | 'leave',
  ): Promise<GroupEntity> {
    const groupId = parseUuid(rawGroupId, 'groupId');
    return em.transactional(async (tx) => {
      const group = await tx.findOne(GroupEntity, { id: groupId });
      if (!group) throw DomainError.notFound('Group');
      const changed =
        change === 'join'
          ? await tx.execute<unknown[]>(
              `insert into group_members (group_id, profile_id, joined_at) values (?, ?, ?) on conflict do nothing returning group_id`,
              [groupId, viewer.profileId, new Date()],
            )
          : await tx.execute<unknown[]>(`delete from group_members where group_id = ? and profile_id = ? returning group_id`, [
              groupId,
              viewer.profileId,
            ]);
      if (changed.length > 0) {
        await tx.execute(`update groups set member_count = member_count + ? where id = ?`, [change === 'join' ? 1 : -1, groupId]);
        await tx.refresh(group);
      }
      return group;
    });
  }

  /**
   * The groups `viewer` belongs to, most recently joined first, keyset-paginated on
   * (joined_at, group_id): one SQL statement, read from `group_members_profile_joined_idx`.
   * @param first page size (already bounded by the caller); @param after a cursor from this list.
   * @throws BAD_USER_INPUT (field after) for a cursor this list did not make.
   */
  async viewerGroups(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<GroupEntity>> {
    const cursor = decodeCursor(after, isUuid);
    const params: unknown[] = [viewer.profileId];
    let keyset = '';
    if (cursor) {
      keyset = 'and (gm.joined_at, gm.group_id) < (?, ?)';
      params.push(cursor.at, cursor.id.toLowerCase());
    }
    const rows = await em.execute<Record<string, unknown>[]>(
      `select g.*, gm.joined_at as member_since from group_members gm join groups g on g.id = gm.group_id
        where gm.profile_id = ? ${keyset} order by gm.joined_at desc, gm.group_id desc limit ?`,
      [...params, first + 1],
    );
    const joinedAt = new Map<string, Date>();
    const groups = rows.map((row) => {
      const group = em.map(GroupEntity, row);
      joinedAt.set(group.id, new Date(row['member_since'] as string | Date));
      return group;
    });
    return toPage(groups, first, (g) => encodeCursor(joinedAt.get(g.id) ?? new Date(0), g.id), cursor);
  }
}

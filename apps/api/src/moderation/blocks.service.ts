import { type EntityManager } from '@mikro-orm/postgresql';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { parseProfileId } from '../common/ids';
import { ProfileEntity } from '../profiles/profile.entity';
import { lockProfileLosingRight } from '../rooms/access/rights-loss-lock';
import { BlockEntity } from './moderation.entity';

/**
 * What a block does to sessions already open, after it committed: the blocked person leaves the
 * blocker's live rooms (their hand, stage place and media with them) and their open streams
 * re-check access. Wired by the services; the default does nothing (unit use).
 */
export type AfterBlock = (blocker: AuthenticatedViewer, blockedId: string, liveRoomIds: readonly string[]) => Promise<void>;

/**
 * `block` / `unblock`: idempotent. A block takes the blocked person out of the rooms the blocker
 * hosts: the access policy refuses them JOIN, WATCH, RAISE_HAND and media (NOT_BLOCKED_BY_HOST),
 * and {@link AfterBlock} ends what they already held (issue 15, bug 6).
 */
export class BlocksService {
  constructor(private readonly afterBlock: AfterBlock = async () => undefined) {}

  /**
   * @throws BAD_USER_INPUT (field profileId) for a bad id or the viewer themself; NOT_FOUND for an unknown profile.
   */
  async block(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.target(viewer, rawProfileId);
    const { target, liveRoomIds } = await em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw notFound('Profile');
      // Before the rooms are read: a join of theirs being decided now is either refused by the
      // block or committed before that read, and then ended below (rights-loss-lock.ts).
      await lockProfileLosingRight(tx, profileId);
      await tx.execute(`insert into blocks (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing`, [
        viewer.profileId,
        profileId,
        new Date(),
      ]);
      // The blocker's live rooms the blocked person is in now: their sessions there end below.
      const rooms = await tx.execute<{ room_id: string }[]>(
        `select p.room_id from participants p join rooms r on r.id = p.room_id
          where p.profile_id = ? and p.left_at is null and r.host_id = ? and r.status = 'LIVE'`,
        [profileId, viewer.profileId],
      );
      return { target, liveRoomIds: rooms.map((row) => row.room_id) };
    });
    await this.afterBlock(viewer, profileId, liveRoomIds);
    return target;
  }

  async unblock(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.target(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw notFound('Profile');
      await tx.nativeDelete(BlockEntity, { blockerId: viewer.profileId, blockedId: profileId });
      return target;
    });
  }

  private target(viewer: AuthenticatedViewer, rawProfileId: string): string {
    const profileId = parseProfileId(rawProfileId, 'profileId');
    if (profileId === viewer.profileId) throw badInput('profileId', 'You cannot block yourself');
    return profileId;
  }
}

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { parseProfileId } from '../common/ids';
import { ProfileEntity } from '../profiles/profile.entity';
import { BlockEntity } from './moderation.entity';

/** `block` / `unblock`: idempotent; the effects live in the room visibility SQL and the JoinRoom guard. */
export class BlocksService {
  /**
   * @throws BAD_USER_INPUT (field profileId) for a bad id or the viewer themself; NOT_FOUND for an unknown profile.
   */
  async block(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.target(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw notFound('Profile');
      await tx.execute(`insert into blocks (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing`, [
        viewer.profileId,
        profileId,
        new Date(),
      ]);
      return target;
    });
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

  /** True when `blockerId` has blocked `blockedId`. */
  async hasBlocked(em: EntityManager, blockerId: string, blockedId: string): Promise<boolean> {
    return (await em.count(BlockEntity, { blockerId, blockedId })) > 0;
  }

  /** Of `profileIds`, those `blockerId` has blocked: one indexed query. */
  async blockedAmong(em: EntityManager, blockerId: string, profileIds: readonly string[]): Promise<Set<string>> {
    if (profileIds.length === 0) return new Set();
    const blocks = await em.find(BlockEntity, { blockerId, blockedId: { $in: [...new Set(profileIds)] } }, { fields: ['blockedId'] });
    return new Set(blocks.map((block) => block.blockedId));
  }

  /** The refusal {@link assertNotBlockedByHost} throws. */
  static blockedByHostRefusal(): DomainError {
    return new DomainError(DomainErrorCode.NotAllowed, 'You cannot join this room: its host has blocked you');
  }

  /** Refuses (FORBIDDEN) a profile the room's host blocked: it may neither join nor watch the room. */
  async assertNotBlockedByHost(em: EntityManager, hostId: string, profileId: string): Promise<void> {
    if (hostId !== profileId && (await this.hasBlocked(em, hostId, profileId))) {
      throw BlocksService.blockedByHostRefusal();
    }
  }

  private target(viewer: AuthenticatedViewer, rawProfileId: string): string {
    const profileId = parseProfileId(rawProfileId, 'profileId');
    if (profileId === viewer.profileId) throw badInput('profileId', 'You cannot block yourself');
    return profileId;
  }
}

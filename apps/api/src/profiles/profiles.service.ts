import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, type ProfileUpdateInput, validateProfileUpdate } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseProfileId } from '../common/ids';
import type { TextScreeningService } from '../moderation/text-screening.service';
import { FollowEntity, ProfileEntity } from './profile.entity';

const KNOWN_PROFILES_LIMIT = 50_000;

export class ProfilesService {
  /** Profiles known to exist, so most requests skip the insert-if-missing statement. */
  private readonly known = new Set<string>();

  /** @param screening trust and safety screening of display names and headlines. */
  constructor(private readonly screening: TextScreeningService | null = null) {}

  /** Creates the viewer's profile on their first authenticated request, from the `name` claim. */
  async ensureProfile(em: EntityManager, viewer: AuthenticatedViewer): Promise<void> {
    if (this.known.has(viewer.profileId)) return;
    const displayName = viewer.name ?? `Member ${viewer.profileId.slice(0, 8)}`;
    const now = new Date();
    await em.execute(
      `insert into profiles (id, display_name, created_at, updated_at) values (?, ?, ?, ?) on conflict (id) do nothing`,
      [viewer.profileId, displayName, now, now],
    );
    if (this.known.size >= KNOWN_PROFILES_LIMIT) this.known.clear();
    this.known.add(viewer.profileId);
  }

  /** Forget cached knowledge (tests clear the database between cases). */
  forgetKnownProfiles(): void {
    this.known.clear();
  }

  async getProfile(em: EntityManager, id: string): Promise<ProfileEntity | null> {
    return em.findOne(ProfileEntity, { id });
  }

  async updateViewerProfile(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    input: ProfileUpdateInput,
  ): Promise<ProfileEntity> {
    const update = validateProfileUpdate(input);
    const flags = this.screening?.screen({ displayName: update.displayName, headline: update.headline }) ?? [];
    return em.transactional(async (tx) => {
      const profile = await tx.findOneOrFail(ProfileEntity, { id: viewer.profileId });
      tx.assign(profile, update);
      await this.screening?.fileFlags(tx, viewer.profileId, null, flags);
      return profile;
    });
  }

  async follow(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.followTarget(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw DomainError.notFound('Profile');
      const inserted = await tx.execute<{ followee_id: string }[]>(
        `insert into follows (follower_id, followee_id, created_at) values (?, ?, ?)
         on conflict do nothing returning followee_id`,
        [viewer.profileId, profileId, new Date()],
      );
      if (inserted.length > 0) await this.adjustFollowCounts(tx, viewer.profileId, profileId, +1);
      await tx.refresh(target);
      return target;
    });
  }

  async unfollow(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.followTarget(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw DomainError.notFound('Profile');
      const deleted = await tx.nativeDelete(FollowEntity, { followerId: viewer.profileId, followeeId: profileId });
      if (deleted > 0) await this.adjustFollowCounts(tx, viewer.profileId, profileId, -1);
      await tx.refresh(target);
      return target;
    });
  }

  private followTarget(viewer: AuthenticatedViewer, rawProfileId: string): string {
    const profileId = parseProfileId(rawProfileId, 'profileId');
    if (profileId === viewer.profileId) throw DomainError.invalidInput('profileId', 'You cannot follow yourself');
    return profileId;
  }

  private async adjustFollowCounts(tx: EntityManager, followerId: string, followeeId: string, delta: 1 | -1) {
    // Counters change in SQL, not read-modify-write, so concurrent follows never lose an update.
    await tx.execute(`update profiles set follower_count = follower_count + ? where id = ?`, [delta, followeeId]);
    await tx.execute(`update profiles set following_count = following_count + ? where id = ?`, [delta, followerId]);
  }
}

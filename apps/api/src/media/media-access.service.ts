import { type EntityManager } from '@mikro-orm/postgresql';
import type { AudioAccess, AudioGateway } from '@roundtable/audio';
import { DomainError, DomainErrorCode, STAGE_ROLES } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { ProfileEntity } from '../profiles/profile.entity';
import { ParticipantEntity } from '../rooms/room.entity';
import { findVisibleRoom } from '../rooms/room-visibility';

/** Media tokens for participants: grants follow the participant's current role. */
export class MediaAccessService {
  /**
   * @param assertMayUseMedia refuses media to an account that may not have it (a suspended one),
   *   by throwing a contract error (FORBIDDEN).
   */
  constructor(
    private readonly audio: AudioGateway,
    private readonly assertMayUseMedia: (em: EntityManager, profileId: string) => Promise<void> = async () => undefined,
  ) {}

  /**
   * A token for a participant the join command has just admitted. No suspension re-check: the
   * command's guards refused a suspended account inside the join's own transaction, and one
   * statement fewer per join counts in a rush of joins (issue 14 §3).
   */
  async issueAudioAccessAfterJoin(em: EntityManager, viewer: AuthenticatedViewer, participant: ParticipantEntity): Promise<AudioAccess> {
    return this.issue(em, viewer, participant);
  }

  private async issue(em: EntityManager, viewer: AuthenticatedViewer, participant: ParticipantEntity): Promise<AudioAccess> {
    const profile = await em.findOne(ProfileEntity, { id: viewer.profileId });
    return this.audio.issueAccess({
      roomId: participant.roomId,
      profileId: participant.profileId,
      displayName: profile?.displayName ?? viewer.profileId,
      canPublish: STAGE_ROLES.has(participant.role),
    });
  }

  /**
   * A fresh token after the viewer's role changed.
   * @throws FORBIDDEN when the account may not use media (suspended); NOT_FOUND when the room is
   *   not visible; CONFLICT when not in the room.
   */
  async refreshAudioAccess(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<AudioAccess> {
    await this.assertMayUseMedia(em, viewer.profileId);
    const room = await findVisibleRoom(em, viewer, roomId);
    if (!room) throw notFound('Room');
    const participant = await em.findOne(ParticipantEntity, { roomId: room.id, profileId: viewer.profileId, leftAt: null });
    if (!participant) throw new DomainError(DomainErrorCode.NotAParticipant, 'Join the room first');
    return this.issue(em, viewer, participant);
  }
}

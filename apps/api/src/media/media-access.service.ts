import { type EntityManager } from '@mikro-orm/postgresql';
import { type AudioAccess, type AudioGateway, revocationCutoff } from '@roundtable/audio';
import { mayAccessRoom, RoomOperation } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import type { ParticipantEntity } from '../rooms/room.entity';

/**
 * Media tokens for participants. What a token grants is the access policy's answer for the
 * viewer's current relation to the room: LISTEN_MEDIA to receive a token at all, PUBLISH_MEDIA
 * for `canPublish`. A blocked, banned, suspended or removed viewer gets none; a demoted speaker's
 * next token cannot publish. A token's `nbf` is never before the revocation cutoff of the
 * viewer's last lost media right in the room (`media_revocations`), so the revocation that
 * refuses their older tokens never refuses a token issued after it.
 */
export class MediaAccessService {
  constructor(
    private readonly audio: AudioGateway,
    private readonly access: RoomAccessPolicy,
  ) {}

  /**
   * A token for `participant` (the viewer's own participation, just joined).
   * @throws the policy's refusal of LISTEN_MEDIA (FORBIDDEN for a suspended or blocked viewer).
   */
  async issueAudioAccess(em: EntityManager, viewer: AuthenticatedViewer, participant: ParticipantEntity): Promise<AudioAccess> {
    return this.grant(em, viewer, participant.roomId, 'roomId');
  }

  /**
   * A fresh token after the viewer's role changed, under the policy's current answer.
   * @throws NOT_FOUND when the room is not visible; FORBIDDEN when the account may not use media
   *   (suspended, blocked by the host); BANNED; NOT_A_PARTICIPANT (CONFLICT) when not in the room.
   */
  async refreshAudioAccess(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<AudioAccess> {
    return this.grant(em, viewer, roomId, 'roomId');
  }

  private async grant(em: EntityManager, viewer: AuthenticatedViewer, roomId: string, field: string): Promise<AudioAccess> {
    // The display name and the last revocation come with the access facts: one statement, no
    // entity to hydrate (issue 14 §3).
    const {
      roomId: id,
      relation,
      viewerDisplayName,
      mediaRevokedAt,
    } = await this.access.require(em, viewer, roomId, RoomOperation.ListenMedia, field, { withViewerName: true, withMediaRevocation: true });
    const notBefore = mediaRevokedAt ? revocationCutoff(mediaRevokedAt) : null;
    return this.audio.issueAccess({
      roomId: id,
      profileId: viewer.profileId,
      displayName: viewerDisplayName ?? viewer.profileId,
      canPublish: mayAccessRoom(RoomOperation.PublishMedia, relation),
      // A token signed in the second of the viewer's last lost right would be refused with the
      // tokens that revocation revokes; it starts at the next second instead.
      notBefore,
    });
  }
}

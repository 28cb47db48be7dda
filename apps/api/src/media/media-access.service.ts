import { type EntityManager } from '@mikro-orm/postgresql';
import { type AudioAccess, type AudioGateway, revocationCutoff } from '@roundtable/audio';
import { mayAccessRoom, RoomOperation } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import type { RoomAccessPolicy, RoomWithRelation } from '../rooms/access/room-access.policy';
import type { ParticipantEntity } from '../rooms/room.entity';

/**
 * Media tokens for participants. What a token grants is the access policy's answer for the
 * viewer's current relation to the room: LISTEN_MEDIA to receive a token at all, PUBLISH_MEDIA
 * for `canPublish`. A blocked, banned, suspended or removed viewer gets none; a demoted speaker's
 * next token cannot publish. A token's `nbf` is never before the revocation cutoff of the
 * viewer's last lost media right in the room (`media_revocations`), so the revocation that
 * refuses their older tokens never refuses a token issued after it; and it is the second the
 * relation was read (`RoomWithRelation.readAt`), not the second it is signed, so the revocation
 * of a right lost after that read refuses it even when it is signed after the loss.
 */
export class MediaAccessService {
  constructor(
    private readonly audio: AudioGateway,
    private readonly access: RoomAccessPolicy,
  ) {}

  /**
   * A token for `participant` (the viewer's own participation, just joined).
   * @param committed the viewer's relation to the room as the join left it, read in the join's
   *   own transaction with the display name and the last media revocation
   *   (`CommandOutcome.actorRelation`): decided on with no statement. Absent (or not for this
   *   room and role, or read without those columns): the relation is read now, one statement.
   * @throws the policy's refusal of LISTEN_MEDIA, the same with or without `committed`: NOT_FOUND
   *   when the room is not visible; FORBIDDEN when the account may not use media (suspended,
   *   blocked by the host); BANNED; NOT_A_PARTICIPANT (CONFLICT) when not in the room.
   */
  async issueAudioAccess(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    participant: ParticipantEntity,
    committed?: RoomWithRelation,
  ): Promise<AudioAccess> {
    if (
      committed &&
      committed.roomId === participant.roomId &&
      committed.relation.role === participant.role &&
      committed.viewerDisplayName !== undefined &&
      committed.mediaRevokedAt !== undefined
    ) {
      this.access.assert(RoomOperation.ListenMedia, committed.relation, committed.suspendedUntil);
      return this.sign(viewer, committed);
    }
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
    const found = await this.access.require(em, viewer, roomId, RoomOperation.ListenMedia, field, { withViewerName: true, withMediaRevocation: true });
    return this.sign(viewer, found);
  }

  /** The token for a relation LISTEN_MEDIA was allowed on: PUBLISH_MEDIA decides `canPublish`. */
  private async sign(viewer: AuthenticatedViewer, { roomId, relation, viewerDisplayName, mediaRevokedAt, readAt }: RoomWithRelation): Promise<AudioAccess> {
    return this.audio.issueAccess({
      roomId,
      profileId: viewer.profileId,
      displayName: viewerDisplayName ?? viewer.profileId,
      canPublish: mayAccessRoom(RoomOperation.PublishMedia, relation),
      // A token signed in the second of the viewer's last lost right would be refused with the
      // tokens that revocation revokes; it starts at the next second instead.
      notBefore: mediaRevokedAt ? revocationCutoff(mediaRevokedAt) : null,
      // Otherwise it starts at the second its rights were read: a right lost after the read (a
      // ban committed after the join) revokes it, however late it is signed.
      decidedAt: readAt,
    });
  }
}

import { type ParticipantRole, roleAllowsInLiveRoom, RoomOperation, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../rooms/room-command.handler';
import type { MediaOutbox, MediaSyncJob } from './media-outbox';
import { recordMediaRevocations } from './media-revocations';

/**
 * The media side of a command, in the command's transaction:
 * - every lost media right (left, which a suspension does too; removed, which a block or a ban
 *   does; moved off the stage) is recorded in `media_revocations` at the command's time, which
 *   the sync worker reads when it runs, so the revocation can never be lost with a job;
 * - for each change to what someone may do on the media server, a sync job. Joining needs none
 *   (the token carries the grants; the `participant_joined` webhook queues one); un-muting needs
 *   none (it is the speaker's own act on their client).
 */
/** Whether a role publishes audio: the access policy's PUBLISH_MEDIA position rules (on stage). */
const publishes = (role: ParticipantRole): boolean => roleAllowsInLiveRoom(RoomOperation.PublishMedia, role);

export class MediaControlProjection implements RoomProjection {
  readonly name = 'media outbox';

  constructor(private readonly outbox: () => MediaOutbox | null) {}

  async project({ tx, room, events, now }: RoomChange): Promise<void> {
    const jobs = new Map<string, MediaSyncJob>();
    const revoked = new Set<string>();
    const sync = (profileId: string | null) => jobs.set(profileId ?? '*', { roomId: room.id, profileId });
    for (const event of events) {
      switch (event.type) {
        case 'RoleChanged':
          // A change of what the role may publish (the policy's PUBLISH_MEDIA: onto or off the stage); moderator ↔ speaker changes nothing.
          if (publishes(event.participant.role) !== publishes(event.previousRole)) {
            sync(event.participant.profileId);
            if (publishes(event.previousRole)) revoked.add(event.participant.profileId);
          }
          break;
        case 'ParticipantMuted':
          sync(event.participant.profileId);
          break;
        case 'ParticipantRemoved':
        case 'ParticipantLeft':
          sync(event.profileId);
          revoked.add(event.profileId);
          break;
        case 'RoomStatusChanged':
          if (event.status === RoomStatus.Ended) sync(null);
          break;
        default:
          break;
      }
    }
    await recordMediaRevocations(tx, room.id, [...revoked], now);
    const outbox = this.outbox();
    if (outbox && jobs.size > 0) await outbox.enqueueInTransaction(tx, [...jobs.values()]);
  }
}

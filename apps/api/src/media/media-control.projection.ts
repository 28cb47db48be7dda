import { roleAllowsInLiveRoom, RoomOperation, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../rooms/room-command.handler';
import type { MediaOutbox, MediaSyncJob } from './media-outbox';

/**
 * The media outbox side of a command: for each change to what someone may do on the media
 * server, a sync job written in the command's transaction. Joining needs none (the token carries
 * the grants); un-muting needs none (it is the speaker's own act on their client).
 */
export class MediaControlProjection implements RoomProjection {
  readonly name = 'media outbox';

  constructor(private readonly outbox: () => MediaOutbox | null) {}

  async project({ tx, room, events, now }: RoomChange): Promise<void> {
    const outbox = this.outbox();
    if (!outbox) return;
    const jobs = new Map<string, MediaSyncJob>();
    const sync = (profileId: string | null, removedAt: Date | null = null) =>
      jobs.set(profileId ?? '*', { roomId: room.id, profileId, removedAt: removedAt?.toISOString() ?? null });
    for (const event of events) {
      switch (event.type) {
        case 'RoleChanged':
          // A change of what the role may publish (the policy's PUBLISH_MEDIA: onto or off the stage); moderator ↔ speaker changes nothing.
          if (roleAllowsInLiveRoom(RoomOperation.PublishMedia, event.participant.role) !== roleAllowsInLiveRoom(RoomOperation.PublishMedia, event.previousRole)) {
            sync(event.participant.profileId);
          }
          break;
        case 'ParticipantMuted':
          sync(event.participant.profileId);
          break;
        case 'ParticipantRemoved':
          sync(event.profileId, now);
          break;
        case 'ParticipantLeft':
          sync(event.profileId);
          break;
        case 'RoomStatusChanged':
          if (event.status === RoomStatus.Ended) sync(null);
          break;
        default:
          break;
      }
    }
    if (jobs.size > 0) await outbox.enqueueInTransaction(tx, [...jobs.values()]);
  }
}

import { randomUUID } from 'node:crypto';

import { RoomStatus } from '@roundtable/domain';

import { notFound } from '../../common/api-error';
import { ProfileEntity } from '../../profiles/profile.entity';
import type { RoomChange, RoomProjection } from '../room-command.handler';
import { ParticipantEntity, RoomBanEntity } from '../room.entity';
import { participantColumns } from '../participant.mapper';

/**
 * `participants` and `room_bans`: the current membership of a room. A participant's row lives
 * from join to leave (`left_at`); left rows stay as listening history.
 */
export class ParticipantRowsProjection implements RoomProjection {
  readonly name = 'participant rows';

  async project({ tx, room, before, events, rows, departed, actorId, now }: RoomChange): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'ParticipantJoined': {
          const row = tx.create(ParticipantEntity, {
            ...participantColumns(event.participant),
            id: randomUUID(),
            roomId: room.id,
            connected: false,
          });
          rows.set(row.profileId, row);
          break;
        }
        case 'ParticipantLeft':
        case 'ParticipantRemoved': {
          const leaving = rows.get(event.profileId);
          if (leaving) {
            leaving.leftAt = now;
            rows.delete(event.profileId);
            departed.set(event.profileId, leaving);
          }
          if (event.type === 'ParticipantRemoved' && event.banned && !before.bannedIds.has(event.profileId)) {
            // A pre-emptive ban (of someone not in the room) may name no profile at all; answer
            // NOT_FOUND rather than let the room_bans foreign key fail as an internal error.
            if (!leaving && (await tx.count(ProfileEntity, { id: event.profileId })) === 0) throw notFound('Profile');
            tx.create(RoomBanEntity, { roomId: room.id, profileId: event.profileId, bannedById: actorId, createdAt: now });
          }
          break;
        }
        case 'RoomStatusChanged': {
          if (event.status === RoomStatus.Ended) {
            // Everyone leaves, including listeners the command did not load.
            await tx.nativeUpdate(ParticipantEntity, { roomId: room.id, leftAt: null }, { leftAt: now });
            for (const row of rows.values()) row.leftAt = now;
            rows.clear();
          }
          break;
        }
        case 'QuestionChanged':
        case 'RoomConversationChanged':
          // The question chain writes its own rows; conversation settings live on the room row.
          break;
        default: {
          const row = rows.get(event.participant.profileId);
          if (!row) throw new Error(`${event.type} for a participant that was not loaded`);
          Object.assign(row, participantColumns(event.participant));
        }
      }
    }
  }
}

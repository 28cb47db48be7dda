import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../room-command.handler';

const isListener = (role: ParticipantRole) => role === ParticipantRole.Listener;

/**
 * `rooms.listener_count` and `rooms.participant_count`, moved by each event in the command's own
 * transaction (on the locked room row), so reads never count a large audience. Runs before the
 * participant projection, while the rows of those who leave still say what role they had.
 */
export class RoomCountersProjection implements RoomProjection {
  readonly name = 'room counters';

  async project({ room, events, rows }: RoomChange): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'ParticipantJoined':
          room.participantCount += 1;
          if (isListener(event.participant.role)) room.listenerCount += 1;
          break;
        case 'ParticipantLeft':
        case 'ParticipantRemoved': {
          const leaving = rows.get(event.profileId);
          // A pre-emptive ban names someone who is not in the room: nothing to count.
          if (!leaving) break;
          room.participantCount -= 1;
          if (isListener(leaving.role)) room.listenerCount -= 1;
          break;
        }
        case 'RoleChanged':
          room.listenerCount += (isListener(event.participant.role) ? 1 : 0) - (isListener(event.previousRole) ? 1 : 0);
          break;
        case 'RoomStatusChanged':
          if (event.status === RoomStatus.Ended) {
            room.participantCount = 0;
            room.listenerCount = 0;
          }
          break;
        default:
          break;
      }
    }
    room.participantCount = Math.max(0, room.participantCount);
    room.listenerCount = Math.max(0, room.listenerCount);
  }
}

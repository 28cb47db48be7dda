import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../room-command.handler';

const isListener = (role: ParticipantRole) => role === ParticipantRole.Listener;

/**
 * `room_streams.listener_count` and `room_streams.participant_count`, moved by each event in the
 * command's own transaction (on the stream row every command locks), so reads never count a large
 * audience. Runs before the participant projection, while the rows of those who leave still say
 * what role they had.
 */
export class RoomCountersProjection implements RoomProjection {
  readonly name = 'room counters';

  async project({ stream, events, rows }: RoomChange): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'ParticipantJoined':
          stream.participantCount += 1;
          if (isListener(event.participant.role)) stream.listenerCount += 1;
          break;
        case 'ParticipantLeft':
        case 'ParticipantRemoved': {
          const leaving = rows.get(event.profileId);
          // A pre-emptive ban names someone who is not in the room: nothing to count.
          if (!leaving) break;
          stream.participantCount -= 1;
          if (isListener(leaving.role)) stream.listenerCount -= 1;
          break;
        }
        case 'RoleChanged':
          stream.listenerCount += (isListener(event.participant.role) ? 1 : 0) - (isListener(event.previousRole) ? 1 : 0);
          break;
        case 'RoomStatusChanged':
          if (event.status === RoomStatus.Ended) {
            stream.participantCount = 0;
            stream.listenerCount = 0;
          }
          break;
        default:
          break;
      }
    }
    stream.participantCount = Math.max(0, stream.participantCount);
    stream.listenerCount = Math.max(0, stream.listenerCount);
  }
}

import { audienceDelta, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../room-command.handler';

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
      if (event.type === 'RoomStatusChanged' && event.status === RoomStatus.Ended) {
        stream.participantCount = 0;
        stream.listenerCount = 0;
        continue;
      }
      const leaving = event.type === 'ParticipantLeft' || event.type === 'ParticipantRemoved' ? (rows.get(event.profileId)?.role ?? null) : null;
      const delta = audienceDelta(event, leaving);
      stream.participantCount += delta.participants;
      stream.listenerCount += delta.listeners;
    }
    stream.participantCount = Math.max(0, stream.participantCount);
    stream.listenerCount = Math.max(0, stream.listenerCount);
  }
}

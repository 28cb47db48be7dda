import { toRoomEventMessage } from '../../events/room-event-message';
import type { RoomChange, RoomProjection } from '../room-command.handler';
import { RoomEventEntity } from '../room.entity';

/**
 * `room_events`: the room's event log, primary key `(room_id, version)`, so a version is never
 * written twice. Stores the domain event in its envelope (never the GraphQL shape); runs after the
 * participant projection so that new participants already have their row id.
 */
export class RoomEventLogProjection implements RoomProjection {
  readonly name = 'room event log';

  async project({ tx, room, events, rows, departed, actorId, now, messages }: RoomChange): Promise<void> {
    for (const event of events) {
      const leaver = 'profileId' in event ? (departed.get(event.profileId) ?? null) : null;
      const participantId = 'participant' in event ? (rows.get(event.participant.profileId)?.id ?? null) : (leaver?.id ?? null);
      const message = toRoomEventMessage(event, participantId, actorId, leaver?.role ?? null);
      messages.push(message);
      tx.create(RoomEventEntity, {
        roomId: room.id,
        version: event.version,
        type: event.type,
        payload: message as unknown as Record<string, unknown>,
        at: now,
      });
    }
  }
}

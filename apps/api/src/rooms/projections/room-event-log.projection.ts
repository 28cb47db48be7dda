import { toRoomEventMessage } from '../../events/room-event-message';
import type { DeferredWrite } from '../deferred-writes';
import type { RoomChange, RoomProjection } from '../room-command.handler';

/** One `room_events` row: the stored domain event of one version. */
interface AppendedEvent {
  readonly roomId: string;
  readonly version: number;
  readonly type: string;
  readonly payload: unknown;
  readonly at: Date;
}

/**
 * Appends the events of a command, or of a whole batch of commands (group commit), in one
 * multi-row INSERT at the end of the transaction, instead of one managed `RoomEventEntity` each:
 * nothing reads these rows back in the transaction, and building, tracking and flushing an entity
 * per event was a third of the ORM's CPU in a join storm (issue 14 §3). A version written twice
 * still fails the transaction on the primary key.
 */
const APPEND_EVENTS: DeferredWrite<AppendedEvent> = {
  name: 'append room events',
  async write(tx, events) {
    await tx.execute(
      `insert into room_events (room_id, version, type, payload, at)
       select e.room_id::uuid, e.version, e.type, e.payload, e.at::timestamptz
         from jsonb_to_recordset(?::jsonb) as e(room_id text, version integer, type text, payload jsonb, at text)
        order by e.version`,
      [JSON.stringify(events.map((event) => ({ room_id: event.roomId, version: event.version, type: event.type, payload: event.payload, at: event.at.toISOString() })))],
    );
  },
};

/**
 * `room_events`: the room's event log, primary key `(room_id, version)`, so a version is never
 * written twice. Stores the domain event in its envelope (never the GraphQL shape); runs after the
 * participant projection so that new participants already have their row id.
 */
export class RoomEventLogProjection implements RoomProjection {
  readonly name = 'room event log';

  async project({ room, events, rows, departed, actorId, now, messages, deferred }: RoomChange): Promise<void> {
    for (const event of events) {
      const leaver = 'profileId' in event ? (departed.get(event.profileId) ?? null) : null;
      const participantId = 'participant' in event ? (rows.get(event.participant.profileId)?.id ?? null) : (leaver?.id ?? null);
      const message = toRoomEventMessage(event, participantId, actorId, leaver?.role ?? null);
      messages.push(message);
      deferred.add(APPEND_EVENTS, { roomId: room.id, version: event.version, type: event.type, payload: message, at: now });
    }
  }
}

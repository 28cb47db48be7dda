import { type EntityManager } from '@mikro-orm/postgresql';
import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { DeferredWrite } from '../rooms/deferred-writes';
import type { RoomChange, RoomProjection } from '../rooms/room-command.handler';

/**
 * `room_interactions`: what each profile did in each room (joined, seconds listened, raised a
 * hand, spoke), kept in step with room events in the command's own transaction. These are the
 * outcomes the ranking learning loop trains on (`ranking:export`). Runs before the participant
 * projection, which closes the rows whose join times it reads.
 */
export class EngagementProjection implements RoomProjection {
  readonly name = 'ranking engagement';

  async project({ tx, room, events, rows, now, deferred }: RoomChange): Promise<void> {
    const counted = new Set<string>();
    for (const event of events) {
      switch (event.type) {
        case 'ParticipantJoined':
          // Deferred: a batch of joins (group commit) records all of them in one statement.
          deferred.add(RECORD_JOINS, { roomId: room.id, profileId: event.participant.profileId, onStage: event.participant.role !== ParticipantRole.Listener, at: now });
          break;
        case 'ParticipantLeft':
        case 'ParticipantRemoved': {
          const leaving = rows.get(event.profileId);
          if (!leaving) break;
          counted.add(event.profileId);
          await tx.execute(`update room_interactions set seconds_listened = seconds_listened + ? where profile_id = ? and room_id = ?`, [
            listenedSeconds(leaving.joinedAt, now),
            event.profileId,
            room.id,
          ]);
          break;
        }
        case 'HandRaised':
          await tx.execute(`update room_interactions set raised_hand = true where profile_id = ? and room_id = ?`, [
            event.participant.profileId,
            room.id,
          ]);
          break;
        case 'RoleChanged':
          if (event.participant.role === ParticipantRole.Listener) break;
          await tx.execute(`update room_interactions set spoke = true where profile_id = ? and room_id = ?`, [
            event.participant.profileId,
            room.id,
          ]);
          break;
        case 'RoomStatusChanged':
          // Everyone still in the room stops listening now; those who left in this same command
          // (the host leaving ends the room) were counted above.
          if (event.status === RoomStatus.Ended) await recordRoomEnded(tx, room.id, now, [...counted]);
          break;
        default:
          break;
      }
    }
  }
}

interface RecordedJoin {
  readonly roomId: string;
  readonly profileId: string;
  readonly onStage: boolean;
  readonly at: Date;
}

/**
 * {@link recordJoin} for many joins in one statement. A profile that joined more than once in the
 * batch is one row (its last join time, on stage if any join was): one `INSERT … ON CONFLICT DO
 * UPDATE` may not touch the same row twice.
 */
const RECORD_JOINS: DeferredWrite<RecordedJoin> = {
  name: 'record joins',
  async write(tx, joins) {
    const merged = new Map<string, RecordedJoin>();
    for (const join of joins) {
      const key = `${join.roomId} ${join.profileId}`;
      const earlier = merged.get(key);
      merged.set(key, earlier ? { ...join, onStage: earlier.onStage || join.onStage } : join);
    }
    const rows = [...merged.values()];
    await tx.execute(
      `insert into room_interactions (profile_id, room_id, first_joined_at, last_joined_at, spoke)
       select j.profile_id, j.room_id::uuid, j.at::timestamptz, j.at::timestamptz, j.on_stage
         from jsonb_to_recordset(?::jsonb) as j(profile_id text, room_id text, at text, on_stage boolean)
       on conflict (profile_id, room_id) do update set last_joined_at = excluded.last_joined_at,
         spoke = room_interactions.spoke or excluded.spoke`,
      // A JSON array, not a JS array: knex would spread an array binding into a list of values.
      [JSON.stringify(rows.map((row) => ({ profile_id: row.profileId, room_id: row.roomId, at: row.at.toISOString(), on_stage: row.onStage })))],
    );
  },
};

/** A profile joined a room (again): first and last join times, and whether they came in on stage. */
export async function recordJoin(tx: EntityManager, roomId: string, profileId: string, onStage: boolean, now: Date): Promise<void> {
  await tx.execute(
    `insert into room_interactions (profile_id, room_id, first_joined_at, last_joined_at, spoke)
     values (?, ?, ?, ?, ?)
     on conflict (profile_id, room_id) do update set last_joined_at = excluded.last_joined_at,
       spoke = room_interactions.spoke or excluded.spoke`,
    [profileId, roomId, now, now, onStage],
  );
}

async function recordRoomEnded(tx: EntityManager, roomId: string, now: Date, alreadyCounted: readonly string[]): Promise<void> {
  await tx.execute(
    `update room_interactions ri
        set seconds_listened = ri.seconds_listened + greatest(0, floor(extract(epoch from (?::timestamptz - p.joined_at))))::int
       from participants p
      where p.room_id = ? and p.left_at is null and ri.room_id = p.room_id and ri.profile_id = p.profile_id
        and not (p.profile_id = any(?::text[]))`,
    [now, roomId, `{${alreadyCounted.map((id) => `"${id}"`).join(',')}}`],
  );
}

function listenedSeconds(joinedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - joinedAt.getTime()) / 1000));
}

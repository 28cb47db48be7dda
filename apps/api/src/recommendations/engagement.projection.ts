import { type EntityManager } from '@mikro-orm/postgresql';
import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { RoomChange, RoomProjection } from '../rooms/room-command.handler';

/**
 * `room_interactions`: what each profile did in each room (joined, seconds listened, raised a
 * hand, spoke), kept in step with room events in the command's own transaction. These are the
 * outcomes the ranking learning loop trains on (`ranking:export`). Runs before the participant
 * projection, which closes the rows whose join times it reads.
 */
export class EngagementProjection implements RoomProjection {
  readonly name = 'ranking engagement';

  async project({ tx, room, events, rows, now }: RoomChange): Promise<void> {
    const counted = new Set<string>();
    for (const event of events) {
      switch (event.type) {
        case 'ParticipantJoined':
          await recordJoin(tx, room.id, event.participant.profileId, event.participant.role !== ParticipantRole.Listener, now);
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

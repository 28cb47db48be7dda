import { type EntityManager } from '@mikro-orm/postgresql';
import { ParticipantRole, type RoomEvent } from '@roundtable/domain';

import type { ParticipantEntity } from './room.entity';

/**
 * Keeps `room_interactions` (what each profile did in each room: joined, seconds listened, raised
 * a hand, spoke) in step with room events, in the command's own transaction. These are the
 * outcomes the ranking learning loop trains on.
 */
export async function recordInteraction(
  tx: EntityManager,
  roomId: string,
  event: RoomEvent,
  leaving: ParticipantEntity | null,
  now: Date,
): Promise<void> {
  switch (event.type) {
    case 'ParticipantJoined':
      await recordJoin(tx, roomId, event.participant.profileId, event.participant.role !== ParticipantRole.Listener, now);
      return;
    case 'ParticipantLeft':
    case 'ParticipantRemoved': {
      if (!leaving) return;
      await tx.execute(
        `update room_interactions set seconds_listened = seconds_listened + ? where profile_id = ? and room_id = ?`,
        [listenedSeconds(leaving.joinedAt, now), event.profileId, roomId],
      );
      return;
    }
    case 'HandRaised': {
      await tx.execute(`update room_interactions set raised_hand = true where profile_id = ? and room_id = ?`, [
        event.participant.profileId,
        roomId,
      ]);
      return;
    }
    case 'RoleChanged': {
      if (event.participant.role === ParticipantRole.Listener) return;
      await tx.execute(`update room_interactions set spoke = true where profile_id = ? and room_id = ?`, [
        event.participant.profileId,
        roomId,
      ]);
      return;
    }
    default:
      return;
  }
}

export async function recordJoin(tx: EntityManager, roomId: string, profileId: string, onStage: boolean, now: Date) {
  await tx.execute(
    `insert into room_interactions (profile_id, room_id, first_joined_at, last_joined_at, spoke)
     values (?, ?, ?, ?, ?)
     on conflict (profile_id, room_id) do update set last_joined_at = excluded.last_joined_at,
       spoke = room_interactions.spoke or excluded.spoke`,
    [profileId, roomId, now, now, onStage],
  );
}

/** When a room ends, everyone still in it stops listening; run before their rows are closed. */
export async function recordRoomEnded(tx: EntityManager, roomId: string, now: Date): Promise<void> {
  await tx.execute(
    `update room_interactions ri
        set seconds_listened = ri.seconds_listened + greatest(0, floor(extract(epoch from (?::timestamptz - p.joined_at))))::int
       from participants p
      where p.room_id = ? and p.left_at is null and ri.room_id = p.room_id and ri.profile_id = p.profile_id`,
    [now, roomId],
  );
}

function listenedSeconds(joinedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - joinedAt.getTime()) / 1000));
}

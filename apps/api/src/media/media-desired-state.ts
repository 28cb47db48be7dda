import { type EntityManager } from '@mikro-orm/postgresql';
import type { DesiredMediaPresence, DesiredRoomParticipant } from '@roundtable/audio';
import { type ParticipantRole, roleAllowsInLiveRoom, RoomOperation } from '@roundtable/domain';

import { ParticipantEntity, RoomBanEntity } from '../rooms/room.entity';

/** Whether a participant's role publishes audio: the access policy's PUBLISH_MEDIA position rules (on stage). */
const publishes = (role: ParticipantRole): boolean => roleAllowsInLiveRoom(RoomOperation.PublishMedia, role);

/**
 * What Roundtable decided about a profile's media presence in a room, read from the database
 * (never from the job that asked: jobs are level-triggered, so the latest state always wins).
 */
export async function desiredPresence(
  em: EntityManager,
  roomId: string,
  profileId: string,
  removedAt: Date | null,
): Promise<DesiredMediaPresence> {
  const [row, ban] = await Promise.all([
    em.findOne(ParticipantEntity, { roomId, profileId, leftAt: null }),
    em.findOne(RoomBanEntity, { roomId, profileId }),
  ]);
  if (ban) return { kind: 'banned', decidedAt: ban.createdAt };
  if (row) return publishes(row.role) ? { kind: 'stage', muted: row.muted } : { kind: 'listener' };
  return removedAt ? { kind: 'removed', decidedAt: removedAt } : { kind: 'not-in-room' };
}

/** Everyone Roundtable knows in a LIVE room, for reconciliation: participants and banned profiles. */
export async function desiredRoomParticipants(em: EntityManager, roomId: string): Promise<DesiredRoomParticipant[]> {
  const [rows, bans] = await Promise.all([
    em.find(ParticipantEntity, { roomId, leftAt: null }),
    em.find(RoomBanEntity, { roomId }),
  ]);
  const desired: DesiredRoomParticipant[] = rows.map((row) => ({
    profileId: row.profileId,
    desired: publishes(row.role) ? { kind: 'stage', muted: row.muted } : { kind: 'listener' },
    recordedConnected: row.connected,
  }));
  for (const ban of bans) {
    desired.push({ profileId: ban.profileId, desired: { kind: 'banned', decidedAt: ban.createdAt }, recordedConnected: false });
  }
  return desired;
}

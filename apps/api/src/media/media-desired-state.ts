import { type EntityManager } from '@mikro-orm/postgresql';
import type { DesiredMediaPresence, DesiredRoomParticipant } from '@roundtable/audio';
import { type ParticipantRole, roleAllowsInLiveRoom, RoomOperation } from '@roundtable/domain';

import { ParticipantEntity, RoomBanEntity } from '../rooms/room.entity';
import { mediaRevocation, mediaRevocationsInRoom } from './media-revocations';

/** Whether a participant's role publishes audio: the access policy's PUBLISH_MEDIA position rules (on stage). */
const publishes = (role: ParticipantRole): boolean => roleAllowsInLiveRoom(RoomOperation.PublishMedia, role);

/**
 * What Roundtable decided about a profile's media presence in a room, read from the database
 * (never from the job that asked: jobs are level-triggered, so the latest state always wins),
 * revocations included: someone who lost their place is `removed` as of the recorded
 * revocation, and a listener carries when they last lost the stage.
 */
export async function desiredPresence(em: EntityManager, roomId: string, profileId: string): Promise<DesiredMediaPresence> {
  const [row, ban, revokedAt] = await Promise.all([
    em.findOne(ParticipantEntity, { roomId, profileId, leftAt: null }),
    em.findOne(RoomBanEntity, { roomId, profileId }),
    mediaRevocation(em, roomId, profileId),
  ]);
  return presence(row, ban, revokedAt);
}

/**
 * Everyone Roundtable knows in a LIVE room, for reconciliation: participants, banned profiles,
 * and profiles whose place was taken away (their older media tokens are revoked on removal).
 */
export async function desiredRoomParticipants(em: EntityManager, roomId: string): Promise<DesiredRoomParticipant[]> {
  const [rows, bans, revocations] = await Promise.all([
    em.find(ParticipantEntity, { roomId, leftAt: null }),
    em.find(RoomBanEntity, { roomId }),
    mediaRevocationsInRoom(em, roomId),
  ]);
  const desired: DesiredRoomParticipant[] = rows.map((row) => ({
    profileId: row.profileId,
    desired: presence(row, null, revocations.get(row.profileId) ?? null),
    recordedConnected: row.connected,
  }));
  const known = new Set(rows.map((row) => row.profileId));
  for (const ban of bans) {
    known.add(ban.profileId);
    desired.push({ profileId: ban.profileId, desired: presence(null, ban, null), recordedConnected: false });
  }
  for (const [profileId, revokedAt] of revocations) {
    if (!known.has(profileId)) desired.push({ profileId, desired: presence(null, null, revokedAt), recordedConnected: false });
  }
  return desired;
}

function presence(row: ParticipantEntity | null, ban: RoomBanEntity | null, revokedAt: Date | null): DesiredMediaPresence {
  if (ban) return { kind: 'banned', decidedAt: revokedAt && revokedAt > ban.createdAt ? revokedAt : ban.createdAt };
  if (row) return publishes(row.role) ? { kind: 'stage', muted: row.muted } : { kind: 'listener', rightsLostAt: revokedAt };
  return revokedAt ? { kind: 'removed', decidedAt: revokedAt } : { kind: 'not-in-room' };
}

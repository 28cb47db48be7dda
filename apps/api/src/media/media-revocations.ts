import { type EntityManager } from '@mikro-orm/postgresql';

/**
 * When a profile last lost a media right in a room (`media_revocations`): leaving (also when a
 * suspension ends the participation), removal (also a block or a ban) and moving off the stage.
 * Written in the transaction of the command that took the right away; read by the media sync
 * worker when a job runs and by token issuance. Never carried in a job, so no job, however
 * coalesced, dropped or late, can lose a revocation.
 */

/**
 * Records that `profileIds` lost a media right in `roomId` at `at` (the command's clock, the
 * clock media tokens are signed with). Keeps the later time on a conflict. One statement.
 */
export async function recordMediaRevocations(tx: EntityManager, roomId: string, profileIds: readonly string[], at: Date): Promise<void> {
  if (profileIds.length === 0) return;
  const values = profileIds.map(() => '(?, ?, ?)').join(', ');
  await tx.execute(
    `insert into media_revocations (room_id, profile_id, revoked_at) values ${values}
     on conflict (room_id, profile_id) do update set revoked_at = greatest(media_revocations.revoked_at, excluded.revoked_at)`,
    profileIds.flatMap((profileId) => [roomId, profileId, at]),
  );
}

/** When `profileId` last lost a media right in `roomId`, or `null`. One statement. */
export async function mediaRevocation(em: EntityManager, roomId: string, profileId: string): Promise<Date | null> {
  const rows = await em.execute<{ revoked_at: Date }[]>(`select revoked_at from media_revocations where room_id = ? and profile_id = ?`, [roomId, profileId]);
  return rows[0] ? new Date(rows[0].revoked_at) : null;
}

/** Every revocation in `roomId`, by profile id. One statement. */
export async function mediaRevocationsInRoom(em: EntityManager, roomId: string): Promise<Map<string, Date>> {
  const rows = await em.execute<{ profile_id: string; revoked_at: Date }[]>(`select profile_id, revoked_at from media_revocations where room_id = ?`, [roomId]);
  return new Map(rows.map((row) => [row.profile_id, new Date(row.revoked_at)]));
}

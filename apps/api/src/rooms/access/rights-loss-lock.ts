import { type EntityManager } from '@mikro-orm/postgresql';

/**
 * The handshake between a batch of joins and a right lost outside the room's locks (issue 14 §3).
 *
 * A join decided in an audience batch hands its media grant the relation the batch read in its
 * own transaction (`CommandOutcome.actorRelation`) instead of reading it again after commit. Rights
 * taken away by room commands (a ban, a removal, the end) hold the room's stream row, so they
 * are ordered before the batch (which then reads them) or after its commit (and then end the
 * participation it made). Three rights are taken away outside the room's locks, and the session
 * ending that follows finds the participations to end by reading `participants`: the host's
 * block (inside the block's transaction), a suspension and leaving a group (after their commit).
 * Under READ COMMITTED such a read does not see a join whose batch has not committed, while the
 * batch's relation, read earlier, did not see the loss: the participation, and the media token
 * decided on that relation, would outlive the right.
 *
 * So both sides take the row of the profile concerned in `profiles`: the batch takes
 * `FOR KEY SHARE` on its joiners' rows (in id order) in a statement before its relation read
 * ({@link joiningProfilesKeyShareSql}); the transaction that takes a right away takes
 * `FOR UPDATE` on the row of the profile losing it ({@link lockProfileLosingRight}), which
 * conflicts with it. Either the loss's lock comes first, and the batch's relation read, a later
 * statement than its lock, sees the committed loss (the join is refused); or the batch's lock
 * comes first, the loss waits for the batch's commit, and the session ending, which reads after
 * the loss's lock, sees the join and ends it (recording the media revocation that refuses the
 * token: its `nbf` is the second of the batch's read, `RoomWithRelation.readAt`).
 *
 * `FOR KEY SHARE` is the lock inserting the joiner's participant row takes anyway (its foreign
 * key), taken earlier: it conflicts with nothing but `FOR UPDATE` (not with profile edits or
 * follower counts), so joins never wait on each other or on ordinary writes of their profiles.
 */

/**
 * SQL: a scalar subquery that locks the `profiles` rows of the ids in a JSON array parameter
 * (`?`, a JSON text of strings) `FOR KEY SHARE`, in id order, and evaluates to how many it locked.
 * For the select list of a statement that runs before the relation read of the same transaction.
 */
export const joiningProfilesKeyShareSql = `(select count(*) from (
    select 1 from profiles pf where pf.id in (select jsonb_array_elements_text(?::jsonb)) order by pf.id for key share of pf) joining)`;

/**
 * Locks the row of the profile losing a right `FOR UPDATE` until `tx` ends: waits for every
 * audience batch that is deciding a join of theirs, and holds back the next until `tx` commits
 * (see the module's comment). Call it in the transaction that takes the right away, before the
 * participations to end are read (in that transaction, or after its commit). One statement;
 * locks nothing when the profile does not exist.
 *
 * `alsoReferenced`: other profiles whose rows the transaction's later writes reference (their
 * foreign keys take `FOR KEY SHARE` on them). They are locked in the same statement, and every
 * row in id order, so that two such transactions crossing (A blocks B while B blocks A) queue
 * one behind the other instead of each holding the row the other's foreign key needs: a
 * deadlock PostgreSQL would break by failing one of them (issue 14 §3).
 */
export async function lockProfileLosingRight(tx: EntityManager, profileId: string, alsoReferenced: readonly string[] = []): Promise<void> {
  const ids = [...new Set([profileId, ...alsoReferenced])];
  await tx.execute(`select id from profiles where id in (${ids.map(() => '?').join(', ')}) order by id for update`, ids);
}

import { type EntityManager } from '@mikro-orm/postgresql';

/**
 * The handshake between a join being decided and a right lost outside the room's locks (issue 14 §3).
 *
 * A join decided in an audience batch hands its media grant the relation the batch read in its
 * own transaction (`CommandOutcome.actorRelation`) instead of reading it again after commit. Rights
 * taken away by room commands (a ban, a removal, the end) hold the room's stream row, so they
 * are ordered before the join (which then reads them) or after its commit (and then end the
 * participation it made). Three rights are taken away outside the room's locks, and the session
 * ending that follows finds the participations to end by reading `participants`: the host's
 * block (inside the block's transaction), a suspension and leaving a group (after their commit).
 * Under READ COMMITTED such a read does not see a join whose transaction has not committed, while
 * the join's relation, read earlier, did not see the loss: the participation, and the media token
 * decided on that relation, would outlive the right.
 *
 * So both sides take a transaction-level advisory lock on the profile concerned, in a key space
 * of their own ({@link RIGHTS_LOSS_LOCK_SPACE}, `hashtext` of the profile id): every transaction
 * deciding a join takes it SHARED for its joiners (in key order) before it reads their relations
 * ({@link joiningProfilesSharedLockSql}, {@link lockJoiningProfiles}); the transaction that takes
 * a right away takes it EXCLUSIVE for the profile losing it ({@link lockProfileLosingRight}).
 * Either the loss's lock comes first, and the join's relation read, a later statement than its
 * lock, sees the committed loss (the join is refused); or the join's lock comes first, the loss
 * waits for its commit, and the session ending, which reads after the loss's lock, sees the join
 * and ends it (recording the media revocation that refuses the token: its `nbf` is the second of
 * the join's read, `RoomWithRelation.readAt`).
 *
 * Advisory locks, not row locks: they conflict with nothing but each other, so the handshake never
 * makes a loss wait on, or deadlock with, the row locks of ordinary writes between the same people
 * (a report's or a follow's foreign keys, follower counts, bans, invitations). Shared locks never
 * wait on each other, so joins do not wait for joins. A loss holds one such lock and takes it
 * first; a join takes all of its own before any row lock of its writes: no cycle can form. Two
 * profiles whose ids hash alike share a lock: a loss may then also wait for a stranger's join,
 * which costs a wait, never correctness.
 */

/** The first key of the handshake's advisory locks ('RL'); the second is `hashtext(profile id)`. */
export const RIGHTS_LOSS_LOCK_SPACE = 0x524c;

/**
 * SQL: a scalar subquery that takes the handshake's SHARED lock for each profile id of a JSON array
 * parameter (`?`, a JSON text of strings), in key order, and evaluates to how many keys it locked.
 * For the select list of a statement that runs before the relation read of the same transaction.
 */
export const joiningProfilesSharedLockSql = `(select count(pg_advisory_xact_lock_shared(${RIGHTS_LOSS_LOCK_SPACE}, k.key)) from (
    select distinct hashtext(j.id) as key from jsonb_array_elements_text(?::jsonb) as j(id) order by 1) k)`;

/**
 * Takes the handshake's SHARED lock for `profileIds` until `tx` ends, in key order: one statement,
 * for a transaction deciding a join that does not read the room through the audience tier's
 * statement (a join decided alone, on the stage tier). Call it before the relation read.
 */
export async function lockJoiningProfiles(tx: EntityManager, profileIds: readonly string[]): Promise<void> {
  await tx.execute(`select ${joiningProfilesSharedLockSql} as locked`, [JSON.stringify([...profileIds])]);
}

/**
 * Takes the handshake's EXCLUSIVE lock for the profile losing a right until `tx` ends: waits for
 * every transaction that is deciding a join of theirs, and holds back the next until `tx` commits
 * (see the module's comment). Call it in the transaction that takes the right away, before the
 * participations to end are read (in that transaction, or after its commit). One statement.
 */
export async function lockProfileLosingRight(tx: EntityManager, profileId: string): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(${RIGHTS_LOSS_LOCK_SPACE}, hashtext(?)) as locked`, [profileId]);
}

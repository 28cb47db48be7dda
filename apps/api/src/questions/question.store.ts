import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode, QuestionStatus, VOTABLE_STATUSES, votingClosed } from '@roundtable/domain';

import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { placeholders } from '../common/sql';

/**
 * The question queue's storage (issue 16; table `room_questions` and `question_votes`, migration
 * `migration-20261207-question-queue.ts`). The rules are `@roundtable/domain`'s question queue;
 * this module is where they meet concurrency:
 * - a vote is one statement that locks only its question's row (never the room), inserts the
 *   vote idempotently and moves the count with it, so the count always equals the vote rows;
 * - a vote on a merged question counts on the question it was merged into, and a vote racing the
 *   merge of its question waits for the merge and then lands on the kept question;
 * - a merge locks the kept question and the duplicates, moves votes and askers with
 *   `ON CONFLICT DO NOTHING` (a profile on both sides counts once) and recounts the kept question
 *   under its lock.
 *
 * Status changes other than merges (screening, answering, closing) are applied by the room's
 * command pipeline, which orders them in the room's version chain.
 */

/** One `room_questions` row. Times are `Date`s; ids are UUIDs except profile ids. */
export interface QuestionRow {
  readonly id: string;
  readonly roomId: string;
  readonly askerId: string;
  readonly text: string;
  readonly anonymous: boolean;
  readonly status: QuestionStatus;
  readonly askInPerson: boolean;
  readonly upvoteCount: number;
  readonly mergedIntoId: string | null;
  readonly createdAt: Date;
  readonly answeredAt: Date | null;
}

/** The outcome of a vote: the question it counted on (the kept one, for a merged duplicate). */
export interface VoteOutcome {
  readonly questionId: string;
  readonly upvoteCount: number;
  /** False when the vote was already there (upvote) or absent (removal): nothing changed. */
  readonly changed: boolean;
}

/** How many times a vote follows a merge that moved its question while it waited; merges are one level deep. */
const VOTE_ATTEMPTS = 3;

const COLUMNS = `q.id, q.room_id, q.asker_id, q.text, q.anonymous, q.status, q.ask_in_person, q.upvote_count,
  q.merged_into_id, q.created_at, q.answered_at`;

/**
 * Adds (`up`) or removes the viewer's vote. Idempotent. One statement per attempt, holding the
 * question's row lock only for that statement's transaction.
 * @throws DomainError NOT_FOUND for an unknown question; QUESTION_STATE_CONFLICT when adding a vote
 *   to a question that is not OPEN or ANSWERING (removing one is always allowed).
 */
export async function castQuestionVote(em: EntityManager, questionId: string, profileId: string, up: boolean): Promise<VoteOutcome> {
  if (!isUuid(questionId)) throw DomainError.notFound('Question');
  for (let attempt = 0; attempt < VOTE_ATTEMPTS; attempt += 1) {
    const rows = await em.execute<{ id: string | null; status: string | null; upvote_count: number | null; changed: number | null }[]>(
      up ? UPVOTE_SQL : REMOVE_VOTE_SQL,
      [questionId, profileId],
    );
    const row = rows[0];
    if (!row || row.id === null) {
      // Unknown, or merged while this vote waited for its lock: the next attempt follows the merge.
      const known = await em.execute<{ id: string }[]>(`select id from room_questions where id = ?`, [questionId]);
      if (known.length === 0) throw DomainError.notFound('Question');
      continue;
    }
    if (up && row.changed === 0 && !VOTABLE_STATUSES.has(row.status as QuestionStatus)) throw votingClosed(row.status as QuestionStatus);
    return { questionId: row.id, upvoteCount: Number(row.upvote_count), changed: Number(row.changed) > 0 };
  }
  throw DomainError.conflict(DomainErrorCode.QuestionStateConflict, 'The question changed while voting: try again');
}

// `home`: the question a vote lives on. `locked` re-reads it under its row lock with the newest
// committed values, and is empty when a merge moved it meanwhile (the caller then retries).
const HOME_LOCKED = `
  home as (select coalesce(q.merged_into_id, q.id) as id from room_questions q where q.id = ?),
  locked as (
    select q.id, q.status, q.upvote_count from room_questions q join home h on h.id = q.id
    where q.merged_into_id is null for update of q
  )`;

const UPVOTE_SQL = `
  with ${HOME_LOCKED},
  ins as (
    insert into question_votes (question_id, profile_id)
    select l.id, ? from locked l where l.status in (${[...VOTABLE_STATUSES].map((status) => `'${status}'`).join(', ')})
    on conflict do nothing returning question_id
  ),
  upd as (update room_questions q set upvote_count = q.upvote_count + 1 from ins where q.id = ins.question_id returning q.upvote_count)
  select l.id, l.status, coalesce((select upvote_count from upd), l.upvote_count) as upvote_count,
    (select count(*) from ins)::int as changed
  from locked l`;

const REMOVE_VOTE_SQL = `
  with ${HOME_LOCKED},
  del as (delete from question_votes v using locked l where v.question_id = l.id and v.profile_id = ? returning v.question_id),
  upd as (update room_questions q set upvote_count = q.upvote_count - 1 from del where q.id = del.question_id returning q.upvote_count)
  select l.id, l.status, coalesce((select upvote_count from upd), l.upvote_count) as upvote_count,
    (select count(*) from del)::int as changed
  from locked l`;

/**
 * Locks the named questions of one room (in id order, so two merges never deadlock) and returns
 * them. Questions of another room are not returned: the caller treats them as unknown.
 * Must run inside a transaction.
 */
export async function lockQuestions(tx: EntityManager, roomId: string, ids: readonly string[]): Promise<QuestionRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await tx.execute<Record<string, unknown>[]>(
    `select ${COLUMNS} from room_questions q where q.room_id = ? and q.id in (${placeholders(valid)}) order by q.id for update`,
    [roomId, ...valid],
  );
  return rows.map(toQuestionRow);
}

/**
 * Merges `duplicateIds` into `intoId` after the rules allowed it (the caller holds the rows'
 * locks from {@link lockQuestions}): votes and askers move (each profile once), the duplicates are
 * CLOSED and point at the kept question, questions merged into a duplicate earlier point at the
 * kept one, and the kept question's count is recounted. Four statements.
 * @returns the kept question's new count.
 */
export async function mergeQuestionRows(tx: EntityManager, intoId: string, keptAskerId: string, duplicateIds: readonly string[]): Promise<number> {
  const list = placeholders(duplicateIds);
  await tx.execute(
    `insert into question_votes (question_id, profile_id, voted_at)
     select ?, voter, min(at) from (
       select v.profile_id as voter, v.voted_at as at from question_votes v where v.question_id in (${list})
       union all
       select q.asker_id, q.created_at from room_questions q where q.id in (${list}) and q.asker_id <> ?
     ) moved group by voter
     on conflict do nothing`,
    [intoId, ...duplicateIds, ...duplicateIds, keptAskerId],
  );
  await tx.execute(
    `update room_questions set status = 'CLOSED', ask_in_person = false, merged_into_id = ? where id in (${list})`,
    [intoId, ...duplicateIds],
  );
  await tx.execute(`update room_questions set merged_into_id = ? where merged_into_id in (${list})`, [intoId, ...duplicateIds]);
  const [row] = await tx.execute<{ upvote_count: number }[]>(
    `update room_questions set upvote_count = (select count(*) from question_votes where question_id = ?) where id = ? returning upvote_count`,
    [intoId, intoId],
  );
  return Number(row?.upvote_count ?? 0);
}

/** Which questions a viewer may list (see `Question` in the contract). */
export interface QuestionListScope {
  readonly roomId: string;
  /** Host and moderators see every status and every asker. */
  readonly moderates: boolean;
  /** The signed-in viewer, who also sees their own questions in any status; null when anonymous. */
  readonly viewerId: string | null;
  /** The statuses asked for; null for every status the viewer may see. */
  readonly statuses: readonly QuestionStatus[] | null;
  readonly order: 'TOP' | 'NEWEST';
}

/** Statuses everyone may see. */
const PUBLIC_STATUSES = [QuestionStatus.Open, QuestionStatus.Answering, QuestionStatus.Answered];

/**
 * One `Room.questions` page: one SQL statement whatever the number of questions and votes, keyset
 * on `room_questions_top_idx` (TOP: upvotes, then oldest first) or `room_questions_newest_idx`.
 * The cursor names the last question; the keyset reads its current keys in the same statement.
 * @throws BAD_USER_INPUT (field after) for a cursor this list did not make.
 */
export async function questionPage(em: EntityManager, scope: QuestionListScope, first: number, after: string | null | undefined): Promise<Page<QuestionRow>> {
  const cursor = decodeCursor(after, isUuid);
  const where = ['q.room_id = ?'];
  const params: unknown[] = [scope.roomId];
  if (scope.statuses) {
    if (scope.statuses.length === 0) return toPage([], first, (q: QuestionRow) => q.id, cursor);
    where.push(`q.status in (${placeholders(scope.statuses)})`);
    params.push(...scope.statuses);
  }
  if (!scope.moderates) {
    const visible = `q.status in (${placeholders(PUBLIC_STATUSES)})`;
    where.push(scope.viewerId === null ? visible : `(${visible} or q.asker_id = ?)`);
    params.push(...PUBLIC_STATUSES, ...(scope.viewerId === null ? [] : [scope.viewerId]));
  }
  const top = scope.order === 'TOP';
  if (cursor) {
    where.push(
      top
        ? '(-q.upvote_count, q.created_at, q.id) > (select -c.upvote_count, c.created_at, c.id from room_questions c where c.id = ?)'
        : '(q.created_at, q.id) < (select c.created_at, c.id from room_questions c where c.id = ?)',
    );
    params.push(cursor.id);
  }
  const order = top ? 'q.upvote_count desc, q.created_at, q.id' : 'q.created_at desc, q.id desc';
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${COLUMNS} from room_questions q where ${where.join(' and ')} order by ${order} limit ?`,
    [...params, first + 1],
  );
  return toPage(rows.map(toQuestionRow), first, (q) => encodeCursor(q.createdAt, q.id), cursor);
}

function toQuestionRow(row: Record<string, unknown>): QuestionRow {
  return {
    id: String(row['id']),
    roomId: String(row['room_id']),
    askerId: String(row['asker_id']),
    text: String(row['text']),
    anonymous: Boolean(row['anonymous']),
    status: row['status'] as QuestionStatus,
    askInPerson: Boolean(row['ask_in_person']),
    upvoteCount: Number(row['upvote_count']),
    mergedIntoId: row['merged_into_id'] === null ? null : String(row['merged_into_id']),
    createdAt: new Date(row['created_at'] as string),
    answeredAt: row['answered_at'] === null ? null : new Date(row['answered_at'] as string),
  };
}

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode, PUBLIC_QUESTION_STATUSES, type QuestionSnapshot, type QuestionStatus, VOTABLE_STATUSES, votingClosed, WAITING_STATUSES } from '@roundtable/domain';

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

/** One `room_questions` row: the domain's snapshot and its room. Times are `Date`s; ids are UUIDs except profile ids. */
export interface QuestionRow extends QuestionSnapshot {
  readonly roomId: string;
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

/** Statuses everyone may see (the domain's {@link PUBLIC_QUESTION_STATUSES}). */
const PUBLIC_STATUSES = [...PUBLIC_QUESTION_STATUSES];

/** A `Room.questions` page: a Relay connection with the number of questions the list holds. */
export type QuestionPage = Page<QuestionRow> & { readonly totalCount: number };

/**
 * One `Room.questions` page: one SQL statement whatever the number of questions and votes (the
 * count and the page together), keyset on `room_questions_top_idx` (TOP: upvotes, then oldest
 * first) or `room_questions_newest_idx`. The cursor names the last question; the keyset reads its
 * current keys in the same statement. `totalCount` counts every question of the list (all pages).
 * @throws BAD_USER_INPUT (field after) for a cursor this list did not make.
 */
export async function questionPage(em: EntityManager, scope: QuestionListScope, first: number, after: string | null | undefined): Promise<QuestionPage> {
  const cursor = decodeCursor(after, isUuid);
  const where = ['q.room_id = ?'];
  const params: unknown[] = [scope.roomId];
  if (scope.statuses) {
    if (scope.statuses.length === 0) return { ...toPage([], first, (q: QuestionRow) => q.id, cursor), totalCount: 0 };
    where.push(`q.status in (${placeholders(scope.statuses)})`);
    params.push(...scope.statuses);
  }
  if (!scope.moderates) {
    // The domain's questionVisibleTo as SQL: public statuses, one's own, and duplicates merged
    // into a question the viewer sees (public, or their own).
    const publicStatus = (alias: string) => `${alias}.status in (${placeholders(PUBLIC_STATUSES)})`;
    const own = (alias: string) => (scope.viewerId === null ? 'false' : `${alias}.asker_id = ?`);
    const ownParams = scope.viewerId === null ? [] : [scope.viewerId];
    where.push(
      `(${publicStatus('q')} or ${own('q')} or (q.status = 'CLOSED' and exists (select 1 from room_questions k where k.id = q.merged_into_id and (${publicStatus('k')} or ${own('k')}))))`,
    );
    params.push(...PUBLIC_STATUSES, ...ownParams, ...PUBLIC_STATUSES, ...ownParams);
  }
  const top = scope.order === 'TOP';
  const keyset: string[] = [];
  if (cursor) {
    keyset.push(
      top
        ? '(-q.upvote_count, q.created_at, q.id) > (select -c.upvote_count, c.created_at, c.id from room_questions c where c.id = ?)'
        : '(q.created_at, q.id) < (select c.created_at, c.id from room_questions c where c.id = ?)',
    );
  }
  const order = top ? 'q.upvote_count desc, q.created_at, q.id' : 'q.created_at desc, q.id desc';
  // The count row always comes back; the page joins it (no row of the page: an empty page).
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.total_count, p.* from (select count(*)::int as total_count from room_questions q where ${where.join(' and ')}) t
     left join lateral (
       select ${COLUMNS} from room_questions q where ${[...where, ...keyset].join(' and ')} order by ${order} limit ?
     ) p on true`,
    [...params, ...params, ...(cursor ? [cursor.id] : []), first + 1],
  );
  const totalCount = Number(rows[0]?.['total_count'] ?? 0);
  const found = rows.filter((row) => row['id'] !== null && row['id'] !== undefined).map(toQuestionRow);
  return { ...toPage(found, first, (q) => encodeCursor(q.createdAt, q.id), cursor), totalCount };
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

/** What {@link lockChainQuestions} reads: every question a batch of question commands may touch. */
export interface ChainQuestionNeeds {
  /** Named questions (the commands' targets, a merge's kept question and duplicates). */
  readonly ids: readonly string[];
  /** Questions merged into these earlier (a merge repoints them). */
  readonly mergedInto: readonly string[];
  /** Askers whose waiting and asked-in-person questions count (asking, raising or lowering a hand). */
  readonly askerIds: readonly string[];
  /** Also the question being answered now (answering another one ends it). */
  readonly answering: boolean;
}

/**
 * Locks and returns, in one statement, every question of `roomId` the commands of one room
 * transaction may read or change (see {@link ChainQuestionNeeds}), in id order. Questions of
 * another room are never returned: the rules then answer NOT_FOUND. Must run inside a transaction
 * that holds the room's stream lock (the version chain), so locks here never wait on another
 * question command of the room; a concurrent vote waits at most for this transaction.
 */
export async function lockChainQuestions(tx: EntityManager, roomId: string, needs: ChainQuestionNeeds): Promise<QuestionRow[]> {
  const ids = needs.ids.filter(isUuid);
  const mergedInto = needs.mergedInto.filter(isUuid);
  const conditions: string[] = [];
  const params: unknown[] = [roomId];
  if (ids.length > 0) {
    conditions.push(`q.id in (${placeholders(ids)})`);
    params.push(...ids);
  }
  if (mergedInto.length > 0) {
    conditions.push(`q.merged_into_id in (${placeholders(mergedInto)})`);
    params.push(...mergedInto);
  }
  if (needs.askerIds.length > 0) {
    const waiting = [...WAITING_STATUSES];
    conditions.push(`(q.asker_id in (${placeholders(needs.askerIds)}) and (q.status in (${placeholders(waiting)}) or q.ask_in_person))`);
    params.push(...needs.askerIds, ...waiting);
  }
  if (needs.answering) conditions.push(`q.status = 'ANSWERING'`);
  if (conditions.length === 0) return [];
  const rows = await tx.execute<Record<string, unknown>[]>(
    `select ${COLUMNS} from room_questions q where q.room_id = ? and (${conditions.join(' or ')}) order by q.id for update`,
    params,
  );
  return rows.map(toQuestionRow);
}

/**
 * Writes the questions one room transaction created or changed, in the order given (a question
 * leaving ANSWERING before the next one enters it, as `room_questions_one_answering` requires):
 * one INSERT for the new ones, one UPDATE per changed one (status, asked in person, merge link,
 * answered time; text, asker and votes never change here).
 */
export async function writeQuestionRows(tx: EntityManager, created: readonly QuestionRow[], changed: readonly QuestionRow[]): Promise<void> {
  for (const q of changed) {
    await tx.execute(`update room_questions set status = ?, ask_in_person = ?, merged_into_id = ?, answered_at = ? where id = ?`, [
      q.status,
      q.askInPerson,
      q.mergedIntoId,
      q.answeredAt,
      q.id,
    ]);
  }
  if (created.length > 0) {
    await tx.execute(
      `insert into room_questions (id, room_id, asker_id, text, anonymous, status, ask_in_person, created_at)
       select x.id::uuid, x.room_id::uuid, x.asker_id, x.text, x.anonymous, x.status, x.ask_in_person, x.created_at::timestamptz
         from jsonb_to_recordset(?::jsonb) as x(id text, room_id text, asker_id text, text text, anonymous boolean, status text, ask_in_person boolean, created_at text)`,
      [
        JSON.stringify(
          created.map((q) => ({
            id: q.id,
            room_id: q.roomId,
            asker_id: q.askerId,
            text: q.text,
            anonymous: q.anonymous,
            status: q.status,
            ask_in_person: q.askInPerson,
            created_at: q.createdAt.toISOString(),
          })),
        ),
      ],
    );
  }
}

/** Questions by id (any room, any status), for loaders; the caller decides who may see them. */
export async function questionsByIds(em: EntityManager, ids: readonly string[]): Promise<QuestionRow[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  const rows = await em.execute<Record<string, unknown>[]>(`select ${COLUMNS} from room_questions q where q.id in (${placeholders(valid)})`, valid);
  return rows.map(toQuestionRow);
}

/** The duplicates merged into each of `keptIds`, oldest first, in one statement. */
export async function mergedQuestionsOf(em: EntityManager, keptIds: readonly string[]): Promise<Map<string, QuestionRow[]>> {
  const valid = [...new Set(keptIds.filter(isUuid))];
  const byKept = new Map<string, QuestionRow[]>(valid.map((id) => [id, []]));
  if (valid.length === 0) return byKept;
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${COLUMNS} from room_questions q where q.merged_into_id in (${placeholders(valid)}) order by q.created_at, q.id`,
    valid,
  );
  for (const row of rows.map(toQuestionRow)) byKept.get(row.mergedIntoId ?? '')?.push(row);
  return byKept;
}

/** Which of `questionIds` `profileId` has upvoted (a vote on a duplicate lives on its kept question). One statement. */
export async function upvotedBy(em: EntityManager, profileId: string, questionIds: readonly string[]): Promise<Set<string>> {
  const valid = [...new Set(questionIds.filter(isUuid))];
  if (valid.length === 0) return new Set();
  const rows = await em.execute<{ question_id: string }[]>(
    `select question_id from question_votes where profile_id = ? and question_id in (${placeholders(valid)})`,
    [profileId, ...valid],
  );
  return new Set(rows.map((row) => row.question_id));
}

import { textLength } from '../common/text';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * THE QUESTION QUEUE of one room (issue 16), as pure rules: the statuses a question moves
 * through, votes, merging duplicates, and the link between a question and its asker's raised
 * hand. The API keeps the same state in PostgreSQL (one row per question, one per vote); this
 * module is the specification its transactions follow and the model its tests compare against.
 *
 * Who may do what (ask, vote, screen, answer, merge, see which status) is the access policy's
 * question, not this module's: these rules assume the actor was allowed, and check only the
 * state (a closed question cannot be answered; a vote needs an open question) and ownership
 * (only the asker withdraws).
 *
 * Contract: `room-conversation.graphql` (`Question`, `QuestionStatus`, the question mutations).
 */

/** `QuestionStatus` of the contract. */
export enum QuestionStatus {
  /** Waiting for screening: seen only by host, moderators and the asker. */
  Pending = 'PENDING',
  /** Visible to the room and open to votes. */
  Open = 'OPEN',
  /** Being answered now: at most one question per room at a time. */
  Answering = 'ANSWERING',
  Answered = 'ANSWERED',
  /** Dismissed, refused in screening, withdrawn by the asker, or merged into another question. */
  Closed = 'CLOSED',
}

/** Statuses a question takes votes in. */
export const VOTABLE_STATUSES: ReadonlySet<QuestionStatus> = new Set([QuestionStatus.Open, QuestionStatus.Answering]);

/** Statuses that count toward an asker's cap on unanswered questions. */
export const WAITING_STATUSES: ReadonlySet<QuestionStatus> = new Set([QuestionStatus.Pending, QuestionStatus.Open]);

/**
 * Limits on questions. Text is counted in code points after trimming (as PostgreSQL's
 * `varchar(n)` counts); `maxWaitingPerAsker` caps one person's PENDING + OPEN questions in a room.
 * The per-minute rate (one question per person per minute) is the API's rate limiter's, not a
 * state rule.
 */
export const QUESTION_LIMITS = {
  textMin: 1,
  textMax: 500,
  maxWaitingPerAsker: 3,
  /** Most duplicates one `mergeQuestions` takes. */
  mergeMax: 20,
} as const;

/** One question, as the rules see it. */
export interface QuestionState {
  readonly id: string;
  readonly askerId: string;
  readonly text: string;
  readonly anonymous: boolean;
  readonly status: QuestionStatus;
  /** True while the asker's raised hand is for this question. */
  readonly askInPerson: boolean;
  /**
   * The profiles whose upvotes count here: for a question nothing was merged into, its own
   * voters; for a kept question, also every voter of its duplicates, each once. A duplicate keeps
   * the voters it had when it was merged (they count on the kept question, not twice). The
   * askers of duplicates count as voters of the kept question.
   */
  readonly voterIds: ReadonlySet<string>;
  /** The kept question this one was merged into; always a question that is not itself merged. */
  readonly mergedIntoId: string | null;
  readonly createdAt: Date;
  readonly answeredAt: Date | null;
}

/**
 * A question as the room's version chain carries it (`QuestionChanged`) and readers see it: the
 * state without the voter set, with the count. `upvoteCount` is as of the change (counts move
 * outside the chain; `Room.questions` reads them current).
 */
export type QuestionSnapshot = Omit<QuestionState, 'voterIds'> & {
  /** Distinct voters when the snapshot was taken (`upvoteCount` of the state's voters). */
  readonly upvoteCount: number;
};

/** The queue of one room. */
export interface QuestionQueueState {
  /** `Room.screensQuestions`: new questions wait as PENDING. */
  readonly screensQuestions: boolean;
  readonly questions: ReadonlyMap<string, QuestionState>;
}

/** Everything that changes the queue. Ids are the API's (UUIDs); `actorId` is the signed-in profile. */
export type QuestionCommand =
  | {
      readonly type: 'AskQuestion';
      readonly questionId: string;
      readonly askerId: string;
      readonly text: string;
      readonly anonymous: boolean;
      readonly askInPerson: boolean;
    }
  | { readonly type: 'UpvoteQuestion'; readonly questionId: string; readonly voterId: string }
  | { readonly type: 'RemoveQuestionUpvote'; readonly questionId: string; readonly voterId: string }
  | { readonly type: 'WithdrawQuestion'; readonly questionId: string; readonly actorId: string }
  | { readonly type: 'ScreenQuestion'; readonly questionId: string; readonly approve: boolean }
  | { readonly type: 'AnswerQuestion'; readonly questionId: string }
  | { readonly type: 'MarkQuestionAnswered'; readonly questionId: string }
  | { readonly type: 'DismissQuestion'; readonly questionId: string }
  | { readonly type: 'MergeQuestions'; readonly intoId: string; readonly questionIds: readonly string[] }
  /**
   * The asker raised a hand for `questionId`, or lowered it (`questionId: null`): the hand's
   * question is the one asked in person; lowering keeps the question.
   */
  | { readonly type: 'SetAskInPerson'; readonly askerId: string; readonly questionId: string | null };

/**
 * What one command did: the new state, and the ids of the questions whose status, text, asker
 * link or merge changed (each is one `QuestionChanged` in the room's version chain). Vote changes
 * are not listed: counts reach clients in conversation ticks, not the exact chain.
 */
export interface QuestionDecision {
  readonly state: QuestionQueueState;
  readonly changedIds: readonly string[];
  /**
   * The question the command was about, after it (for a merge: the kept one); null only for a
   * hand lowered with no question asked in person.
   */
  readonly question: QuestionState | null;
}

/**
 * Trims a question's text and checks its length: 1–{@link QUESTION_LIMITS.textMax} code points.
 * @throws DomainError INVALID_INPUT on field `text`.
 */
export function normaliseQuestionText(raw: string): string {
  const text = raw.trim();
  const length = textLength(text);
  if (length < QUESTION_LIMITS.textMin) throw DomainError.invalidInput('text', 'Write a question');
  if (length > QUESTION_LIMITS.textMax) {
    throw DomainError.invalidInput('text', `A question has at most ${QUESTION_LIMITS.textMax} characters`);
  }
  return text;
}

/**
 * Applies one command to a room's queue. Pure: `state` is never mutated. Idempotent no-ops (a
 * second upvote, removing a vote never cast, answering the question being answered) return the
 * same state object and no changed ids.
 *
 * A vote on a merged question counts on the question it was merged into.
 *
 * @throws DomainError NOT_FOUND for an unknown question id; INVALID_INPUT for bad text or a
 *   merge list that is empty, too long or names the kept question; NOT_ALLOWED when someone
 *   other than the asker withdraws; QUESTION_STATE_CONFLICT when the question's status does not
 *   allow the command (voting on a pending question, answering a closed one, merging into or
 *   from a closed one); QUESTION_LIMIT_REACHED when the asker already has
 *   {@link QUESTION_LIMITS.maxWaitingPerAsker} questions waiting.
 */
export function decideQuestions(state: QuestionQueueState, command: QuestionCommand, now: Date): QuestionDecision {
  switch (command.type) {
    case 'AskQuestion':
      return ask(state, command, now);
    case 'UpvoteQuestion':
      return vote(state, command.questionId, command.voterId, true);
    case 'RemoveQuestionUpvote':
      return vote(state, command.questionId, command.voterId, false);
    case 'WithdrawQuestion': {
      const question = find(state, command.questionId);
      if (question.askerId !== command.actorId) throw DomainError.notAllowed('Only the asker can withdraw a question');
      if (question.status === QuestionStatus.Closed) return unchanged(state, question);
      requireStatus(question, [QuestionStatus.Pending, QuestionStatus.Open, QuestionStatus.Answering], 'withdrawn');
      return change(state, [{ ...question, status: QuestionStatus.Closed, askInPerson: false }], question.id);
    }
    case 'ScreenQuestion': {
      const question = find(state, command.questionId);
      const target = command.approve ? QuestionStatus.Open : QuestionStatus.Closed;
      if (question.status === target) return unchanged(state, question);
      requireStatus(question, [QuestionStatus.Pending], 'screened');
      const screened = { ...question, status: target, askInPerson: command.approve && question.askInPerson };
      return change(state, [screened], question.id);
    }
    case 'AnswerQuestion': {
      const question = find(state, command.questionId);
      if (question.status === QuestionStatus.Answering) return unchanged(state, question);
      requireStatus(question, [QuestionStatus.Open], 'answered');
      const previous = [...state.questions.values()].filter((q) => q.status === QuestionStatus.Answering);
      return change(
        state,
        [
          ...previous.map((q) => ({ ...q, status: QuestionStatus.Answered, askInPerson: false, answeredAt: now })),
          { ...question, status: QuestionStatus.Answering },
        ],
        question.id,
      );
    }
    case 'MarkQuestionAnswered': {
      const question = find(state, command.questionId);
      if (question.status === QuestionStatus.Answered) return unchanged(state, question);
      requireStatus(question, [QuestionStatus.Open, QuestionStatus.Answering], 'marked answered');
      return change(state, [{ ...question, status: QuestionStatus.Answered, askInPerson: false, answeredAt: now }], question.id);
    }
    case 'DismissQuestion': {
      const question = find(state, command.questionId);
      if (question.status === QuestionStatus.Closed) return unchanged(state, question);
      requireStatus(question, [QuestionStatus.Pending, QuestionStatus.Open, QuestionStatus.Answering], 'dismissed');
      return change(state, [{ ...question, status: QuestionStatus.Closed, askInPerson: false }], question.id);
    }
    case 'MergeQuestions':
      return merge(state, command.intoId, command.questionIds);
    case 'SetAskInPerson':
      return setAskInPerson(state, command.askerId, command.questionId);
  }
}

/**
 * The refusal of a vote on a question that takes none (not OPEN or ANSWERING): the rules' and the
 * storage's one answer. QUESTION_STATE_CONFLICT.
 */
export function votingClosed(status: QuestionStatus): DomainError {
  return DomainError.conflict(DomainErrorCode.QuestionStateConflict, `Votes are taken on open questions; this one is ${status.toLowerCase()}`);
}

/** `Question.upvoteCount`: distinct profiles who upvoted it or a question merged into it. */
export function upvoteCount(question: QuestionState): number {
  return question.voterIds.size;
}

/**
 * The invariants every reachable queue keeps; returns the broken ones (empty when all hold).
 * The API's concurrency tests check the same list against the database.
 */
export function queueInvariantViolations(state: QuestionQueueState): string[] {
  const violations: string[] = [];
  const questions = [...state.questions.values()];
  const answering = questions.filter((q) => q.status === QuestionStatus.Answering);
  if (answering.length > 1) violations.push(`${answering.length} questions are ANSWERING`);
  for (const q of questions) {
    if (q.mergedIntoId !== null) {
      const kept = state.questions.get(q.mergedIntoId);
      if (!kept) violations.push(`${q.id} is merged into an unknown question`);
      else if (kept.mergedIntoId !== null) violations.push(`${q.id} is merged into a merged question`);
      if (q.status !== QuestionStatus.Closed) violations.push(`${q.id} is merged but ${q.status}`);
      if (q.askInPerson) violations.push(`${q.id} is merged but asked in person`);
    }
    if (q.askInPerson && (q.status === QuestionStatus.Closed || q.status === QuestionStatus.Answered)) {
      violations.push(`${q.id} is ${q.status.toLowerCase()} but asked in person`);
    }
  }
  const inPerson = new Map<string, number>();
  for (const q of questions.filter((x) => x.askInPerson)) inPerson.set(q.askerId, (inPerson.get(q.askerId) ?? 0) + 1);
  for (const [asker, count] of inPerson) if (count > 1) violations.push(`${asker} asks ${count} questions in person`);
  return violations;
}

function ask(
  state: QuestionQueueState,
  command: Extract<QuestionCommand, { type: 'AskQuestion' }>,
  now: Date,
): QuestionDecision {
  if (state.questions.has(command.questionId)) {
    throw DomainError.conflict(DomainErrorCode.QuestionStateConflict, 'This question was already asked');
  }
  const text = normaliseQuestionText(command.text);
  let waiting = 0;
  for (const q of state.questions.values()) if (q.askerId === command.askerId && WAITING_STATUSES.has(q.status)) waiting += 1;
  if (waiting >= QUESTION_LIMITS.maxWaitingPerAsker) {
    throw DomainError.conflict(
      DomainErrorCode.QuestionLimitReached,
      `You have ${QUESTION_LIMITS.maxWaitingPerAsker} questions waiting: withdraw one, or wait until one is answered`,
    );
  }
  const question: QuestionState = {
    id: command.questionId,
    askerId: command.askerId,
    text,
    anonymous: command.anonymous,
    status: state.screensQuestions ? QuestionStatus.Pending : QuestionStatus.Open,
    askInPerson: false,
    voterIds: new Set(),
    mergedIntoId: null,
    createdAt: now,
    answeredAt: null,
  };
  const asked = change(state, [question], question.id);
  if (!command.askInPerson) return asked;
  const inPerson = setAskInPerson(asked.state, command.askerId, question.id);
  return { ...inPerson, changedIds: unique([...asked.changedIds, ...inPerson.changedIds]) };
}

function vote(state: QuestionQueueState, questionId: string, voterId: string, up: boolean): QuestionDecision {
  const asked = find(state, questionId);
  // A duplicate's votes live on the question it was merged into.
  const question = asked.mergedIntoId === null ? asked : find(state, asked.mergedIntoId);
  if (question.voterIds.has(voterId) === up) return unchanged(state, question);
  if (up && !VOTABLE_STATUSES.has(question.status)) throw votingClosed(question.status);
  const voterIds = new Set(question.voterIds);
  if (up) voterIds.add(voterId);
  else voterIds.delete(voterId);
  const next = change(state, [{ ...question, voterIds }], question.id);
  return { ...next, changedIds: [] };
}

function merge(state: QuestionQueueState, intoId: string, questionIds: readonly string[]): QuestionDecision {
  const ids = unique(questionIds);
  if (ids.length === 0) throw DomainError.invalidInput('questionIds', 'Pick at least one duplicate to merge');
  if (ids.length > QUESTION_LIMITS.mergeMax) {
    throw DomainError.invalidInput('questionIds', `Merge at most ${QUESTION_LIMITS.mergeMax} questions at once`);
  }
  if (ids.includes(intoId)) throw DomainError.invalidInput('questionIds', 'A question cannot be merged into itself');
  const kept = find(state, intoId);
  if (kept.status === QuestionStatus.Closed) {
    throw DomainError.conflict(DomainErrorCode.QuestionStateConflict, 'Questions cannot be merged into a closed question');
  }
  const duplicates = ids.map((id) => find(state, id));
  for (const duplicate of duplicates) {
    if (duplicate.status === QuestionStatus.Closed) {
      throw DomainError.conflict(DomainErrorCode.QuestionStateConflict, 'A closed question cannot be merged');
    }
  }
  const duplicateIds = new Set(ids);
  // Votes and askers move to the kept question: a duplicate's asker counts as one of its voters
  // (the kept question's own asker does not), and a profile on both sides counts once.
  const voterIds = new Set(kept.voterIds);
  for (const duplicate of duplicates) {
    for (const voter of duplicate.voterIds) voterIds.add(voter);
    if (duplicate.askerId !== kept.askerId) voterIds.add(duplicate.askerId);
  }
  // Questions merged into a duplicate earlier now point at the kept one: merges stay one level deep.
  const repointed = [...state.questions.values()]
    .filter((q) => q.mergedIntoId !== null && duplicateIds.has(q.mergedIntoId))
    .map((q) => ({ ...q, mergedIntoId: intoId }));
  const closed = duplicates.map(
    (q): QuestionState => ({ ...q, status: QuestionStatus.Closed, askInPerson: false, mergedIntoId: intoId }),
  );
  return change(state, [{ ...kept, voterIds }, ...closed, ...repointed], intoId);
}

function setAskInPerson(state: QuestionQueueState, askerId: string, questionId: string | null): QuestionDecision {
  const target = questionId === null ? null : find(state, questionId);
  if (target && target.askerId !== askerId) throw DomainError.notAllowed('Only the asker can ask a question in person');
  if (target && (target.status === QuestionStatus.Closed || target.status === QuestionStatus.Answered)) {
    throw DomainError.conflict(
      DomainErrorCode.QuestionStateConflict,
      `This question is ${target.status.toLowerCase()}: ask a new one`,
    );
  }
  const updates: QuestionState[] = [];
  for (const q of state.questions.values()) {
    const wanted = q.id === target?.id;
    if (q.askerId === askerId && q.askInPerson !== wanted) updates.push({ ...q, askInPerson: wanted });
  }
  const [first] = updates;
  if (!first) return { state, changedIds: [], question: target };
  return change(state, updates, target?.id ?? first.id);
}

function find(state: QuestionQueueState, id: string): QuestionState {
  const question = state.questions.get(id);
  if (!question) throw DomainError.notFound('Question');
  return question;
}

function requireStatus(question: QuestionState, allowed: readonly QuestionStatus[], verb: string): void {
  if (!allowed.includes(question.status)) {
    throw DomainError.conflict(
      DomainErrorCode.QuestionStateConflict,
      `A ${question.status.toLowerCase()} question cannot be ${verb}`,
    );
  }
}

function unchanged(state: QuestionQueueState, question: QuestionState): QuestionDecision {
  return { state, changedIds: [], question };
}

function change(state: QuestionQueueState, updated: readonly QuestionState[], focusId: string): QuestionDecision {
  const questions = new Map(state.questions);
  for (const q of updated) questions.set(q.id, q);
  const question = questions.get(focusId);
  if (!question) throw DomainError.notFound('Question');
  return { state: { ...state, questions }, changedIds: unique(updated.map((q) => q.id)), question };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

import fc from 'fast-check';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import {
  decideQuestions,
  normaliseQuestionText,
  QUESTION_LIMITS,
  type QuestionCommand,
  type QuestionQueueState,
  queueInvariantViolations,
  QuestionStatus,
  upvoteCount,
} from './question-queue';

const NOW = new Date('2026-12-07T10:00:00Z');
const empty = (screensQuestions = false): QuestionQueueState => ({ screensQuestions, questions: new Map() });

function run(state: QuestionQueueState, ...commands: QuestionCommand[]): QuestionQueueState {
  return commands.reduce((s, c) => decideQuestions(s, c, NOW).state, state);
}

function codeOf(fn: () => unknown): DomainErrorCode {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

const ask = (questionId: string, askerId: string, extra: Partial<{ askInPerson: boolean; anonymous: boolean }> = {}): QuestionCommand => ({
  type: 'AskQuestion',
  questionId,
  askerId,
  text: `  question ${questionId}  `,
  anonymous: extra.anonymous ?? false,
  askInPerson: extra.askInPerson ?? false,
});
const up = (questionId: string, voterId: string): QuestionCommand => ({ type: 'UpvoteQuestion', questionId, voterId });

describe('question text', () => {
  it('is trimmed and 1–500 code points', () => {
    expect(normaliseQuestionText('  How do you shard?  ')).toBe('How do you shard?');
    expect(normaliseQuestionText('😀'.repeat(500))).toHaveLength(1000);
    expect(codeOf(() => normaliseQuestionText('   '))).toBe(DomainErrorCode.InvalidInput);
    expect(codeOf(() => normaliseQuestionText('a'.repeat(501)))).toBe(DomainErrorCode.InvalidInput);
  });
});

describe('the question queue', () => {
  it('asks OPEN questions, or PENDING ones in a room that screens them', () => {
    expect(run(empty(), ask('q1', 'a')).questions.get('q1')?.status).toBe(QuestionStatus.Open);
    const screened = run(empty(true), ask('q1', 'a'));
    expect(screened.questions.get('q1')?.status).toBe(QuestionStatus.Pending);
    expect(codeOf(() => decideQuestions(screened, up('q1', 'b'), NOW))).toBe(DomainErrorCode.QuestionStateConflict);
    const approved = run(screened, { type: 'ScreenQuestion', questionId: 'q1', approve: true }, up('q1', 'b'));
    expect(upvoteCount(approved.questions.get('q1')!)).toBe(1);
  });

  it('takes one vote per profile, idempotently, and lists no QuestionChanged for votes', () => {
    const state = run(empty(), ask('q1', 'a'), up('q1', 'b'));
    const again = decideQuestions(state, up('q1', 'b'), NOW);
    expect(again.state).toBe(state);
    expect(upvoteCount(again.state.questions.get('q1')!)).toBe(1);
    expect(decideQuestions(state, up('q1', 'c'), NOW).changedIds).toEqual([]);
    const removed = run(state, { type: 'RemoveQuestionUpvote', questionId: 'q1', voterId: 'b' });
    expect(upvoteCount(removed.questions.get('q1')!)).toBe(0);
  });

  it('answers one question at a time: the previous ANSWERING one becomes ANSWERED', () => {
    const state = run(empty(), ask('q1', 'a'), ask('q2', 'b'), { type: 'AnswerQuestion', questionId: 'q1' });
    const next = decideQuestions(state, { type: 'AnswerQuestion', questionId: 'q2' }, NOW);
    expect(next.state.questions.get('q1')?.status).toBe(QuestionStatus.Answered);
    expect(next.state.questions.get('q1')?.answeredAt).toEqual(NOW);
    expect(next.state.questions.get('q2')?.status).toBe(QuestionStatus.Answering);
    expect(new Set(next.changedIds)).toEqual(new Set(['q1', 'q2']));
  });

  it('merges duplicates: votes and askers move to the kept question, a profile on both sides counts once', () => {
    const state = run(
      empty(),
      ask('keep', 'a'),
      ask('dup1', 'b'),
      ask('dup2', 'c'),
      up('keep', 'x'),
      up('dup1', 'x'),
      up('dup1', 'y'),
      up('dup2', 'a'),
    );
    const merged = decideQuestions(state, { type: 'MergeQuestions', intoId: 'keep', questionIds: ['dup1', 'dup2'] }, NOW);
    const kept = merged.state.questions.get('keep')!;
    // x once, y, a (who voted for a duplicate of their own question), and the askers b and c.
    expect([...kept.voterIds].sort()).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(merged.state.questions.get('dup1')).toMatchObject({ status: QuestionStatus.Closed, mergedIntoId: 'keep' });
    // A vote on a merged question counts on the kept one.
    const later = run(merged.state, up('dup1', 'z'));
    expect(later.questions.get('keep')!.voterIds.has('z')).toBe(true);
  });

  it('refuses merging into a closed question, or a closed question, with QUESTION_STATE_CONFLICT', () => {
    const state = run(empty(), ask('q1', 'a'), ask('q2', 'b'), { type: 'DismissQuestion', questionId: 'q1' });
    expect(codeOf(() => decideQuestions(state, { type: 'MergeQuestions', intoId: 'q1', questionIds: ['q2'] }, NOW))).toBe(
      DomainErrorCode.QuestionStateConflict,
    );
    expect(codeOf(() => decideQuestions(state, { type: 'MergeQuestions', intoId: 'q2', questionIds: ['q1'] }, NOW))).toBe(
      DomainErrorCode.QuestionStateConflict,
    );
    expect(codeOf(() => decideQuestions(state, { type: 'MergeQuestions', intoId: 'q2', questionIds: ['q2'] }, NOW))).toBe(
      DomainErrorCode.InvalidInput,
    );
    expect(codeOf(() => decideQuestions(state, { type: 'MergeQuestions', intoId: 'q2', questionIds: ['nope'] }, NOW))).toBe(
      DomainErrorCode.NotFound,
    );
  });

  it('links the question to the asker\'s hand: lowering keeps the question, one hand per asker', () => {
    const state = run(empty(), ask('q1', 'a', { askInPerson: true }), ask('q2', 'a'));
    expect(state.questions.get('q1')?.askInPerson).toBe(true);
    const moved = run(state, { type: 'SetAskInPerson', askerId: 'a', questionId: 'q2' });
    expect(moved.questions.get('q1')?.askInPerson).toBe(false);
    expect(moved.questions.get('q2')?.askInPerson).toBe(true);
    const lowered = decideQuestions(moved, { type: 'SetAskInPerson', askerId: 'a', questionId: null }, NOW);
    expect(lowered.state.questions.get('q2')).toMatchObject({ askInPerson: false, status: QuestionStatus.Open });
    expect(codeOf(() => decideQuestions(moved, { type: 'SetAskInPerson', askerId: 'b', questionId: 'q2' }, NOW))).toBe(
      DomainErrorCode.NotAllowed,
    );
  });

  it('lets only the asker withdraw, and caps the questions one person has waiting', () => {
    const state = run(empty(), ask('q1', 'a'));
    expect(codeOf(() => decideQuestions(state, { type: 'WithdrawQuestion', questionId: 'q1', actorId: 'b' }, NOW))).toBe(
      DomainErrorCode.NotAllowed,
    );
    const full = run(empty(), ...Array.from({ length: QUESTION_LIMITS.maxWaitingPerAsker }, (_, i) => ask(`q${i}`, 'a')));
    expect(codeOf(() => decideQuestions(full, ask('one-more', 'a'), NOW))).toBe(DomainErrorCode.QuestionLimitReached);
    const withdrawn = run(full, { type: 'WithdrawQuestion', questionId: 'q0', actorId: 'a' }, ask('one-more', 'a'));
    expect(withdrawn.questions.get('one-more')?.status).toBe(QuestionStatus.Open);
  });
});

describe('the question queue (properties)', () => {
  const ids = ['q0', 'q1', 'q2', 'q3'];
  const people = ['a', 'b', 'c', 'd'];
  const id = fc.constantFrom(...ids);
  const person = fc.constantFrom(...people);
  const command: fc.Arbitrary<QuestionCommand> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ type: fc.constant('AskQuestion' as const), questionId: id, askerId: person, text: fc.constant('Why?'), anonymous: fc.boolean(), askInPerson: fc.boolean() }),
    },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('MergeQuestions' as const), intoId: id, questionIds: fc.uniqueArray(id, { minLength: 1, maxLength: 2 }) }) },
    fc.record({ type: fc.constant('UpvoteQuestion' as const), questionId: id, voterId: person }),
    fc.record({ type: fc.constant('UpvoteQuestion' as const), questionId: id, voterId: person }),
    fc.record({ type: fc.constant('RemoveQuestionUpvote' as const), questionId: id, voterId: person }),
    fc.record({ type: fc.constant('WithdrawQuestion' as const), questionId: id, actorId: person }),
    fc.record({ type: fc.constant('ScreenQuestion' as const), questionId: id, approve: fc.boolean() }),
    fc.record({ type: fc.constant('AnswerQuestion' as const), questionId: id }),
    fc.record({ type: fc.constant('MarkQuestionAnswered' as const), questionId: id }),
    fc.record({ type: fc.constant('DismissQuestion' as const), questionId: id }),
    fc.record({ type: fc.constant('SetAskInPerson' as const), askerId: person, questionId: fc.option(id, { nil: null }) }),
  );

  it('keeps every invariant, and counts each vote exactly once on the question it lives on', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 60 }), (screens, commands) => {
        let state = empty(screens);
        // The ledger: who voted, per question the vote was cast on, kept independently of the
        // rules; merges fold a duplicate's ledger (and its asker) into the kept question's.
        const ledger = new Map<string, Set<string>>();
        for (const cmd of commands) {
          const before = state;
          let decision;
          try {
            decision = decideQuestions(state, cmd, NOW);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            seen.add((error as DomainError).code);
            continue;
          }
          seen.add(cmd.type);
          state = decision.state;
          if (state === before) continue;
          const home = (qid: string) => state.questions.get(qid)?.mergedIntoId ?? qid;
          if (cmd.type === 'UpvoteQuestion') ledger.set(home(cmd.questionId), (ledger.get(home(cmd.questionId)) ?? new Set()).add(cmd.voterId));
          if (cmd.type === 'RemoveQuestionUpvote') ledger.get(home(cmd.questionId))?.delete(cmd.voterId);
          if (cmd.type === 'MergeQuestions') {
            const kept = ledger.get(cmd.intoId) ?? new Set<string>();
            const keptAsker = state.questions.get(cmd.intoId)!.askerId;
            for (const dup of cmd.questionIds) {
              for (const voter of ledger.get(dup) ?? []) kept.add(voter);
              const asker = state.questions.get(dup)!.askerId;
              if (asker !== keptAsker) kept.add(asker);
            }
            ledger.set(cmd.intoId, kept);
          }
          expect(queueInvariantViolations(state)).toEqual([]);
          for (const q of state.questions.values()) {
            if (q.mergedIntoId === null) expect([...q.voterIds].sort()).toEqual([...(ledger.get(q.id) ?? [])].sort());
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generator reaches the interesting places, so a change that stops it reaching them fails.
    for (const reached of ['MergeQuestions', 'AnswerQuestion', 'SetAskInPerson', DomainErrorCode.QuestionStateConflict]) {
      expect(seen).toContain(reached);
    }
  });
});

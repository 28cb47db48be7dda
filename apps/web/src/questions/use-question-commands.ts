import { useCallback, useState } from 'react';

import { ApiError } from '../api/api-error';
import {
  ANSWER_QUESTION,
  ASK_QUESTION,
  DISMISS_QUESTION,
  MARK_QUESTION_ANSWERED,
  MERGE_QUESTIONS,
  REMOVE_QUESTION_UPVOTE,
  SCREEN_QUESTION,
  SET_QUESTION_SCREENING,
  UPVOTE_QUESTION,
  WITHDRAW_QUESTION,
} from '../api/operations';
import { useSession } from '../app/session';
import type { Question } from './question-list';

/** What the ask form learns from a refused question: the sentence about its text, if that was the problem. */
export type AskOutcome = { readonly ok: true } | { readonly ok: false; readonly textError: string | null };

export interface AskQuestionFields {
  readonly text: string;
  readonly anonymous: boolean;
  readonly askInPerson: boolean;
}

/**
 * Every question command the room page sends. Each returned question goes to the list at once
 * (`onQuestion`); its QuestionChanged event follows and changes nothing more. Failures show as a
 * message in plain words, except a refused question's text, which the ask form shows under the
 * field it keeps. Each command resolves to whether it succeeded.
 */
export function useQuestionCommands(roomId: string, onQuestion: (question: Question) => void) {
  const { api, showError } = useSession();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (work: () => Promise<Question | null>): Promise<boolean> => {
      setBusy(true);
      try {
        const question = await work();
        if (question) onQuestion(question);
        return true;
      } catch (error) {
        showError(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onQuestion, showError],
  );

  const ask = useCallback(
    async (fields: AskQuestionFields): Promise<AskOutcome> => {
      setBusy(true);
      try {
        const { askQuestion } = await api.mutate(ASK_QUESTION, { input: { roomId, text: fields.text, anonymous: fields.anonymous, askInPerson: fields.askInPerson } });
        onQuestion(askQuestion);
        return { ok: true };
      } catch (error) {
        const textError = error instanceof ApiError ? (error.fieldErrors['text'] ?? null) : null;
        if (textError === null) showError(error);
        return { ok: false, textError };
      } finally {
        setBusy(false);
      }
    },
    [api, roomId, onQuestion, showError],
  );

  const vote = useCallback(
    (question: Question, up: boolean) =>
      run(async () =>
        up
          ? (await api.mutate(UPVOTE_QUESTION, { questionId: question.id })).upvoteQuestion
          : (await api.mutate(REMOVE_QUESTION_UPVOTE, { questionId: question.id })).removeQuestionUpvote,
      ),
    [api, run],
  );
  const withdraw = useCallback((question: Question) => run(async () => (await api.mutate(WITHDRAW_QUESTION, { questionId: question.id })).withdrawQuestion), [api, run]);
  const screen = useCallback(
    (question: Question, approve: boolean) => run(async () => (await api.mutate(SCREEN_QUESTION, { questionId: question.id, approve })).screenQuestion),
    [api, run],
  );
  const answer = useCallback(
    (question: Question, inviteAsker: boolean) => run(async () => (await api.mutate(ANSWER_QUESTION, { questionId: question.id, inviteAsker })).answerQuestion),
    [api, run],
  );
  const markAnswered = useCallback((question: Question) => run(async () => (await api.mutate(MARK_QUESTION_ANSWERED, { questionId: question.id })).markQuestionAnswered), [api, run]);
  const dismiss = useCallback((question: Question) => run(async () => (await api.mutate(DISMISS_QUESTION, { questionId: question.id })).dismissQuestion), [api, run]);
  const merge = useCallback(
    (into: Question, duplicates: readonly Question[]) => run(async () => (await api.mutate(MERGE_QUESTIONS, { intoId: into.id, questionIds: duplicates.map((q) => q.id) })).mergeQuestions),
    [api, run],
  );
  /** Host and moderators: new questions wait for approval, or not. RoomConversationChanged tells every page. */
  const setScreening = useCallback(
    (screensQuestions: boolean) =>
      run(async () => {
        await api.mutate(SET_QUESTION_SCREENING, { roomId, screensQuestions });
        return null;
      }),
    [api, roomId, run],
  );

  return { busy, ask, vote, withdraw, screen, answer, markAnswered, dismiss, merge, setScreening };
}

export type QuestionCommands = ReturnType<typeof useQuestionCommands>;

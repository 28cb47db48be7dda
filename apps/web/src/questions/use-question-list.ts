import { useCallback, useEffect, useReducer, useRef, useState } from 'react';

import { QUESTION_PAGE, ROOM_QUESTIONS } from '../api/operations';
import { useSession } from '../app/session';
import type { ConversationTickListener } from '../conversation/use-conversation-ticks';
import type { RoomEventListener } from '../room/use-live-room';
import { createQuestionList, type Question, questionListReducer, type QuestionView } from './question-list';

/**
 * How often a list reads its questions again while the page is visible. Upvote counts move
 * outside the room's event chain: they come with the conversation's ticks (`questionVotes`),
 * which are lossy by design (a dropped socket misses some), so the list is also read now and then.
 */
export const QUESTION_REFRESH_MS = 60_000;
/** Most questions one refresh reads back (the loaded pages, at most this many). */
const REFRESH_MAX = 60;

/**
 * The room's questions for one view, live: the first page on mount and on every view change,
 * "Show more" pages after it, every room event applied in chain order (see question-list.ts),
 * every tick's vote counts, and a fresh read when the list goes stale (a gap, or a change the viewer may not see: a short
 * random delay first, so a room's listeners do not all read at once), every
 * {@link QUESTION_REFRESH_MS} while the page is visible, and on `refresh()`.
 */
export function useQuestionList(
  roomId: string,
  view: QuestionView,
  onRoomEvent: (listener: RoomEventListener) => () => void,
  onTick: (listener: ConversationTickListener) => () => void,
  enabled: boolean,
) {
  const { api, showError } = useSession();
  const [state, dispatch] = useReducer(questionListReducer, view, createQuestionList);
  const [loading, setLoading] = useState(false);
  const loaded = useRef(0);
  loaded.current = state.items.length;

  useEffect(() => onRoomEvent((event) => dispatch({ type: 'eventReceived', event })), [onRoomEvent]);
  useEffect(() => onTick((tick) => tick.questionVotes.length > 0 && dispatch({ type: 'votesReceived', votes: tick.questionVotes })), [onTick]);
  useEffect(() => dispatch({ type: 'viewChanged', view }), [view]);

  const read = useCallback(
    async (target: QuestionView, first: number, after: string | null) => {
      const { room } = await api.query(ROOM_QUESTIONS, { id: roomId, status: [...target.statuses], order: target.order, first, after });
      if (!room) return;
      const { edges, pageInfo, totalCount } = room.questions;
      dispatch({
        type: 'pageLoaded',
        view: target,
        version: room.version,
        nodes: edges.map((edge) => edge.node),
        hasNextPage: pageInfo.hasNextPage,
        endCursor: pageInfo.endCursor,
        totalCount,
        append: after !== null,
      });
    },
    [api, roomId],
  );

  const refresh = useCallback(() => {
    const first = Math.min(Math.max(loaded.current, QUESTION_PAGE), REFRESH_MAX);
    return read(view, first, null).catch(showError);
  }, [read, view, showError]);

  useEffect(() => {
    if (!enabled) return;
    setLoading(true);
    void read(view, QUESTION_PAGE, null)
      .catch(showError)
      .finally(() => setLoading(false));
  }, [enabled, read, view, showError]);

  useEffect(() => {
    if (!enabled || !state.stale) return;
    const timer = window.setTimeout(() => void refresh(), 500 + Math.floor(Math.random() * 1500));
    return () => window.clearTimeout(timer);
  }, [enabled, state.stale, refresh]);

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, QUESTION_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [enabled, refresh]);

  const loadMore = useCallback(async () => {
    if (!state.endCursor || !state.hasNextPage) return;
    setLoading(true);
    try {
      await read(view, QUESTION_PAGE, state.endCursor);
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [read, view, state.endCursor, state.hasNextPage, showError]);

  const questionReturned = useCallback((question: Question) => dispatch({ type: 'questionReturned', question }), []);

  return {
    items: state.items,
    totalCount: state.totalCount,
    hasNextPage: state.hasNextPage,
    /** True until the first page of the current view is in. */
    firstLoad: state.version === null,
    loading,
    loadMore,
    refresh,
    questionReturned,
  };
}

export type QuestionList = ReturnType<typeof useQuestionList>;

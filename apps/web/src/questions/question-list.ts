import type { QuestionFieldsFragment, QuestionOrder, QuestionStatus } from '../gql/graphql';
import { assertUnreachable } from '../room/assert-unreachable';

// The room's questions as one list shows them: a page (or several) of `Room.questions` for one
// view (which statuses, which order), kept current by the room's live events. Pure: the hook in
// use-question-list.ts feeds it pages and events.

export type Question = QuestionFieldsFragment;
export type { QuestionOrder, QuestionStatus };

/** Which questions a list shows, and in which order (`Room.questions(status, order)`). */
export interface QuestionView {
  readonly statuses: readonly QuestionStatus[];
  readonly order: QuestionOrder;
}

/** What the list reads of a room event: its place in the version chain, and a question if it is about one. */
export interface QuestionListEvent {
  readonly __typename: string;
  readonly version: number;
  readonly previousVersion: number;
  /** `QuestionChanged` only; null when the viewer may not see the question. */
  readonly question?: Question | null;
  /** `QuestionChanged` only: the question's id, also when `question` is null. */
  readonly questionId?: string;
}

/** Events kept to replay over a page that was read while they arrived. */
const EVENT_LOG_SIZE = 200;

export interface QuestionListState {
  readonly view: QuestionView;
  /** The questions loaded so far, in the view's order. */
  readonly items: readonly Question[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  /** The server's count for the view, moved by the events applied since. */
  readonly totalCount: number;
  /**
   * The room version the list reflects: the version read with its first page, then each event
   * applied. Null until the first page is in.
   */
  readonly version: number | null;
  /**
   * The list may be out of date and should be read again: a gap in the version chain. (A change to
   * a question this viewer may no longer see, `question: null`, drops it by `questionId`.)
   */
  readonly stale: boolean;
  /** The latest events (every type), oldest first, to replay over a page read while they arrived. */
  readonly recentEvents: readonly QuestionListEvent[];
}

export type QuestionListAction =
  /** A page of `Room.questions` for `view`, read at room `version`; `append` for "Show more". */
  | {
      readonly type: 'pageLoaded';
      readonly view: QuestionView;
      readonly version: number;
      readonly nodes: readonly Question[];
      readonly hasNextPage: boolean;
      readonly endCursor: string | null;
      readonly totalCount: number;
      readonly append: boolean;
    }
  | { readonly type: 'eventReceived'; readonly event: QuestionListEvent }
  /** A mutation of this page returned the question as it is now (a vote, an answer, ...). */
  | { readonly type: 'questionReturned'; readonly question: Question }
  /** Another order or filter: the list starts again from its first page. */
  | { readonly type: 'viewChanged'; readonly view: QuestionView }
  /** A conversation tick's new upvote counts (`ConversationTick.questionVotes`). */
  | { readonly type: 'votesReceived'; readonly votes: readonly QuestionVoteCount[] };

/** One question's new upvote count, as a conversation tick carries it. */
export interface QuestionVoteCount {
  readonly questionId: string;
  readonly upvoteCount: number;
}

export function createQuestionList(view: QuestionView): QuestionListState {
  return { view, items: [], hasNextPage: false, endCursor: null, totalCount: 0, version: null, stale: false, recentEvents: [] };
}

const sameView = (a: QuestionView, b: QuestionView) => a.order === b.order && a.statuses.length === b.statuses.length && a.statuses.every((status) => b.statuses.includes(status));

/** The view's order: TOP is most upvotes first, ties oldest first; NEWEST is newest first. */
export function compareQuestions(order: QuestionOrder, a: Question, b: Question): number {
  switch (order) {
    case 'TOP':
      return b.upvoteCount - a.upvoteCount || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
    case 'NEWEST':
      return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
    default:
      return assertUnreachable(order, 'question order');
  }
}

/** Whether `question` belongs in the view: one of its statuses, and not merged into another. */
export function belongsTo(view: QuestionView, question: Question): boolean {
  return view.statuses.includes(question.status);
}

/**
 * Puts the question's latest state in the list: replaced where it is, taken out when it left the
 * view (answered, closed, merged), or placed by the view's order when it is new. A new question
 * that sorts after the last loaded one, with more pages to come, is left to "Show more".
 */
export function upsertQuestion(state: QuestionListState, question: Question): QuestionListState {
  const index = state.items.findIndex((item) => item.id === question.id);
  if (!belongsTo(state.view, question)) {
    if (index === -1) return state;
    return { ...state, items: state.items.filter((item) => item.id !== question.id), totalCount: Math.max(0, state.totalCount - 1) };
  }
  const compare = (a: Question, b: Question) => compareQuestions(state.view.order, a, b);
  if (index !== -1) {
    const items = state.items.map((item) => (item.id === question.id ? question : item));
    return { ...state, items: state.view.order === 'TOP' ? items.sort(compare) : items };
  }
  const position = state.items.findIndex((item) => compare(question, item) < 0);
  if (position === -1 && state.hasNextPage) return { ...state, totalCount: state.totalCount + 1 };
  const items = [...state.items];
  items.splice(position === -1 ? items.length : position, 0, question);
  return { ...state, items, totalCount: state.totalCount + 1 };
}

/** The list without the question `id` (one this viewer may no longer see); unchanged when it is not there. */
function withoutQuestion(state: QuestionListState, id: string | undefined): QuestionListState {
  if (id === undefined) return { ...state, stale: true };
  if (!state.items.some((item) => item.id === id)) return state;
  return { ...state, items: state.items.filter((item) => item.id !== id), totalCount: Math.max(0, state.totalCount - 1) };
}

/**
 * Applies events after `state.version` in chain order. An event continues the chain when its
 * previousVersion is at or below the list's version (a coalesced audience event may span the
 * version a page was read at); one that starts later means events were missed: stale.
 */
function applyEvents(state: QuestionListState, events: readonly QuestionListEvent[]): QuestionListState {
  let next = state;
  for (const event of [...events].sort((a, b) => a.version - b.version)) {
    if (next.version === null || event.version <= next.version) continue;
    if (event.previousVersion > next.version) return { ...next, stale: true };
    next = { ...next, version: event.version };
    if (event.__typename !== 'QuestionChanged') continue;
    next = event.question ? upsertQuestion(next, event.question) : withoutQuestion(next, event.questionId);
  }
  return next;
}

export function questionListReducer(state: QuestionListState, action: QuestionListAction): QuestionListState {
  switch (action.type) {
    case 'viewChanged':
      return sameView(state.view, action.view) ? state : { ...createQuestionList(action.view), recentEvents: state.recentEvents };
    case 'pageLoaded': {
      // A page for a view the person has since left.
      if (!sameView(state.view, action.view)) return state;
      if (action.append) {
        const seen = new Set(state.items.map((item) => item.id));
        return {
          ...state,
          items: [...state.items, ...action.nodes.filter((node) => !seen.has(node.id) && belongsTo(state.view, node))],
          hasNextPage: action.hasNextPage,
          endCursor: action.endCursor,
        };
      }
      const loaded: QuestionListState = {
        ...state,
        items: action.nodes.filter((node) => belongsTo(state.view, node)),
        hasNextPage: action.hasNextPage,
        endCursor: action.endCursor,
        totalCount: action.totalCount,
        version: action.version,
        stale: false,
      };
      // Events that arrived while the page was read, and happened after it, still apply.
      return applyEvents(loaded, state.recentEvents);
    }
    case 'eventReceived': {
      const recentEvents = [...state.recentEvents, action.event].slice(-EVENT_LOG_SIZE);
      return applyEvents({ ...state, recentEvents }, [action.event]);
    }
    case 'questionReturned':
      return upsertQuestion(state, action.question);
    case 'votesReceived':
      return withVoteCounts(state, action.votes);
    default:
      return assertUnreachable(action, 'question list action');
  }
}

/**
 * New upvote counts from a tick: the loaded questions take them (TOP re-sorts); questions not
 * loaded are left to paging. Counts travel outside the version chain, so the list's version stays.
 */
function withVoteCounts(state: QuestionListState, votes: readonly QuestionVoteCount[]): QuestionListState {
  const counts = new Map(votes.map((vote) => [vote.questionId, vote.upvoteCount]));
  if (!state.items.some((item) => counts.has(item.id))) return state;
  const items = state.items.map((item) => {
    const count = counts.get(item.id);
    return count === undefined || count === item.upvoteCount ? item : { ...item, upvoteCount: count };
  });
  return { ...state, items: state.view.order === 'TOP' ? items.sort((a, b) => compareQuestions('TOP', a, b)) : items };
}

/** The question being answered now, if the list has it (at most one per room). */
export function answeringQuestion(items: readonly Question[]): Question | null {
  return items.find((item) => item.status === 'ANSWERING') ?? null;
}

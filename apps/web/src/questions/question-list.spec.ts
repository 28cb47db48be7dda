import {
  createQuestionList,
  type Question,
  type QuestionListAction,
  questionListReducer,
  type QuestionListState,
  type QuestionView,
} from './question-list';

const OPEN_VIEW: QuestionView = { statuses: ['PENDING', 'OPEN', 'ANSWERING'], order: 'TOP' };

function question(id: string, extra: Partial<Question> = {}): Question {
  return {
    __typename: 'Question',
    id,
    text: `Question ${id}?`,
    status: 'OPEN',
    anonymous: false,
    askInPerson: false,
    upvoteCount: 0,
    viewerHasUpvoted: false,
    createdAt: `2026-01-01T10:00:0${id.replace(/\D/g, '') || '0'}.000Z`,
    answeredAt: null,
    asker: { __typename: 'Profile', id: `asker-${id}`, displayName: `Asker ${id}`, headline: null },
    mergedQuestions: [],
    ...extra,
  };
}

const run = (state: QuestionListState, ...actions: QuestionListAction[]) => actions.reduce(questionListReducer, state);
const ids = (state: QuestionListState) => state.items.map((item) => item.id);

function page(nodes: Question[], version = 10, extra: Partial<Extract<QuestionListAction, { type: 'pageLoaded' }>> = {}): QuestionListAction {
  return { type: 'pageLoaded', view: OPEN_VIEW, version, nodes, hasNextPage: false, endCursor: 'c', totalCount: nodes.length, append: false, ...extra };
}

const changed = (version: number, q: Question | null, previousVersion = version - 1, questionId = q?.id): QuestionListAction => ({
  type: 'eventReceived',
  event: { __typename: 'QuestionChanged', version, previousVersion, question: q, ...(questionId === undefined ? {} : { questionId }) },
});
const other = (version: number, previousVersion = version - 1): QuestionListAction => ({ type: 'eventReceived', event: { __typename: 'HandRaised', version, previousVersion } });

describe('a question list kept by live events', () => {
  it('places a new question by the view order: TOP by votes (ties oldest first), NEWEST newest first', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1', { upvoteCount: 3 }), question('q2', { upvoteCount: 1 })]));
    const top = run(loaded, changed(11, question('q3', { upvoteCount: 1 })));
    expect(ids(top)).toEqual(['q1', 'q2', 'q3']);
    expect(top.totalCount).toBe(3);
    const newestView: QuestionView = { ...OPEN_VIEW, order: 'NEWEST' };
    const newest = run(
      createQuestionList(newestView),
      { ...page([question('q2'), question('q1')]), view: newestView } as QuestionListAction,
      changed(11, question('q3')),
    );
    expect(ids(newest)).toEqual(['q3', 'q2', 'q1']);
  });

  it('replaces a question in place, re-sorting TOP, and drops one that left the view (answered, closed, merged)', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1', { upvoteCount: 2 }), question('q2', { upvoteCount: 1 })]));
    const voted = run(loaded, { type: 'questionReturned', question: question('q2', { upvoteCount: 5, viewerHasUpvoted: true }) });
    expect(ids(voted)).toEqual(['q2', 'q1']);
    expect(voted.items[0]?.viewerHasUpvoted).toBe(true);
    const closed = run(voted, changed(11, question('q1', { status: 'CLOSED' })));
    expect(ids(closed)).toEqual(['q2']);
    expect(closed.totalCount).toBe(1);
  });

  it('ignores replays at or below its version and follows the chain through other event types', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1')], 10));
    expect(run(loaded, changed(10, question('q9')))).toEqual({ ...loaded, recentEvents: expect.any(Array) });
    const next = run(loaded, other(11), changed(12, question('q2')));
    expect(ids(next)).toEqual(['q1', 'q2']);
    expect(next.version).toBe(12);
    expect(next.stale).toBe(false);
  });

  it('a gap in the version chain makes it stale (read again), and so does a change to a question not named', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1')], 10));
    expect(run(loaded, changed(13, question('q2'))).stale).toBe(true);
    const hidden = run(loaded, changed(11, null));
    expect(hidden.stale).toBe(true);
    // Reading the page again clears it.
    expect(run(hidden, page([question('q1')], 11)).stale).toBe(false);
  });

  it('a question the viewer may no longer see (question: null with its questionId) leaves the list without a read', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1'), question('q2')], 10));
    const dropped = run(loaded, changed(11, null, 10, 'q1'));
    expect([ids(dropped), dropped.stale, dropped.totalCount, dropped.version]).toEqual([['q2'], false, 1, 11]);
    // Someone else's pending question, never in the list: nothing to do, nothing to read.
    const unseen = run(dropped, changed(12, null, 11, 'q9'));
    expect([ids(unseen), unseen.stale, unseen.version]).toEqual([['q2'], false, 12]);
  });

  it('events that arrive while a page is read, and happened after it, are applied over the page', () => {
    const waiting = run(createQuestionList(OPEN_VIEW), changed(11, question('q2')), changed(12, question('q3')));
    expect(ids(waiting)).toEqual([]);
    // The page was read at version 11: it has q2 already; q3 came after.
    const loaded = run(waiting, page([question('q1'), question('q2')], 11));
    expect(ids(loaded)).toEqual(['q1', 'q2', 'q3']);
    expect(loaded.version).toBe(12);
  });

  it('a tick\'s vote counts move the loaded questions (TOP re-sorts) and leave the version chain alone', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1', { upvoteCount: 3 }), question('q2', { upvoteCount: 2 })]));
    const voted = run(loaded, { type: 'votesReceived', votes: [{ questionId: 'q2', upvoteCount: 5 }, { questionId: 'not-loaded', upvoteCount: 9 }] });
    expect({ ids: ids(voted), counts: voted.items.map((item) => item.upvoteCount), version: voted.version }).toEqual({ ids: ['q2', 'q1'], counts: [5, 3], version: 10 });
    expect(run(loaded, { type: 'votesReceived', votes: [{ questionId: 'other', upvoteCount: 1 }] })).toBe(loaded);
  });

  it('"Show more" appends without repeating questions events already brought; a page of a view left behind is dropped', () => {
    const loaded = run(createQuestionList(OPEN_VIEW), page([question('q1', { upvoteCount: 9 })], 10, { hasNextPage: true, totalCount: 3 }));
    // q5 sorts after the last loaded question and more pages follow: "Show more" brings it.
    const arrived = run(loaded, changed(11, question('q5')));
    expect(ids(arrived)).toEqual(['q1']);
    const more = run(arrived, page([question('q5'), question('q2')], 11, { append: true, hasNextPage: false }));
    expect(ids(more)).toEqual(['q1', 'q5', 'q2']);
    const switched = run(more, { type: 'viewChanged', view: { ...OPEN_VIEW, order: 'NEWEST' } });
    expect(ids(switched)).toEqual([]);
    expect(run(switched, page([question('q1')]))).toBe(switched);
  });
});

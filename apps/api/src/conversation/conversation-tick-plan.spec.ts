import fc from 'fast-check';

import { type ChatMessageJson, type ConversationItem, Reaction } from './conversation-feed';
import { bucketOf, foldConversation, TickPlan } from './conversation-tick-plan';

const PEOPLE = ['ann', 'bo', 'cy', 'di', 'ed', 'fay', 'gus', 'hal'];

const message = (id: string, authorId: string, options: { fromStage?: boolean; mentionIds?: string[]; second?: number } = {}): ChatMessageJson => ({
  id,
  roomId: 'room',
  authorId,
  text: `text of ${id}`,
  mentionIds: options.mentionIds ?? [],
  fromStage: options.fromStage ?? false,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, options.second ?? 0)).toISOString(),
});

const arbitraryMessages = fc
  .array(
    fc.record({
      author: fc.constantFrom(...PEOPLE),
      fromStage: fc.boolean(),
      mentions: fc.subarray(PEOPLE, { maxLength: 3 }),
      second: fc.integer({ min: 0, max: 59 }),
    }),
    { maxLength: 60 },
  )
  .map((drawn) => drawn.map((m, index) => message(`m${index}`, m.author, { fromStage: m.fromStage, mentionIds: m.mentions, second: m.second })));

describe('foldConversation', () => {
  it('is null when nothing happened', () => {
    expect(foldConversation([])).toBeNull();
  });

  it('orders messages oldest first, counts reactions by kind (unused kinds left out), keeps the latest vote count per question', () => {
    const items: ConversationItem[] = [
      { kind: 'message', message: message('late', 'ann', { second: 9 }) },
      { kind: 'reaction', reaction: Reaction.Heart, profileId: 'ann' },
      { kind: 'message', message: message('early', 'bo', { second: 1 }) },
      { kind: 'questionVotes', questionId: 'q1', upvoteCount: 3 },
      { kind: 'reaction', reaction: Reaction.Clap, profileId: 'bo' },
      { kind: 'reaction', reaction: Reaction.Heart, profileId: 'cy' },
      { kind: 'questionVotes', questionId: 'q2', upvoteCount: 1 },
      { kind: 'questionVotes', questionId: 'q1', upvoteCount: 2 },
      { kind: 'message', message: message('early', 'bo', { second: 1 }) },
    ];
    expect(foldConversation(items)).toEqual({
      messages: [message('early', 'bo', { second: 1 }), message('late', 'ann', { second: 9 })],
      deletedMessageIds: [],
      reactions: [
        { reaction: Reaction.Clap, count: 1 },
        { reaction: Reaction.Heart, count: 2 },
      ],
      questionVotes: [
        { questionId: 'q1', upvoteCount: 2 },
        { questionId: 'q2', upvoteCount: 1 },
      ],
    });
  });

  it('leaves a message deleted in the same interval out, and lists every deletion once', () => {
    const folded = foldConversation([
      { kind: 'message', message: message('gone', 'ann') },
      { kind: 'message', message: message('kept', 'bo') },
      { kind: 'deleted', messageId: 'gone' },
      { kind: 'deleted', messageId: 'older' },
      { kind: 'deleted', messageId: 'gone' },
    ]);
    expect(folded?.messages.map((m) => m.id)).toEqual(['kept']);
    expect(folded?.deletedMessageIds).toEqual(['gone', 'older']);
  });
});

describe('TickPlan', () => {
  const settings = { messagesPerTick: 3, buckets: 4 };

  it('an unsampled room: everyone receives every message, in one view', () => {
    const folded = foldConversation(Array.from({ length: 10 }, (_, i) => ({ kind: 'message' as const, message: message(`m${i}`, 'ann') })))!;
    const plan = new TickPlan(folded, false, settings);
    const views = new Set(PEOPLE.map((p) => plan.view(p, bucketOf(p, 4), false)));
    expect([...views].map((v) => [v.key, v.messages.length, v.sampledOut])).toEqual([['all', 10, 0]]);
  });

  it('a sampled room whose listeners wrote no more than one sample: one view', () => {
    const folded = foldConversation([1, 2, 3].map((i) => ({ kind: 'message' as const, message: message(`m${i}`, 'ann') })))!;
    const plan = new TickPlan(folded, true, settings);
    expect(plan.sampling).toBe(false);
    expect(plan.view('bo', 2, false).key).toBe('all');
  });

  it('is deterministic: the same bucket gets the same sample, on any instance', () => {
    const folded = foldConversation(Array.from({ length: 20 }, (_, i) => ({ kind: 'message' as const, message: message(`m${i}`, 'zed') })))!;
    const a = new TickPlan(folded, true, settings);
    const b = new TickPlan(folded, true, settings);
    for (let bucket = 0; bucket < 4; bucket += 1) expect(a.view('x', bucket, false).messages).toEqual(b.view('y', bucket, false).messages);
    expect(bucketOf('ann', 4)).toBe(bucketOf('ann', 4));
  });

  it('property: the stage, the viewer\'s own messages and their mentions are never left out; sampledOut counts exactly the rest; at most N listener messages besides; positions in the folded list', () => {
    fc.assert(
      fc.property(arbitraryMessages, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (messages, perTick, buckets, sampled) => {
        const folded = foldConversation(messages.map((m) => ({ kind: 'message' as const, message: m })));
        if (!folded) return true;
        const plan = new TickPlan(folded, sampled, { messagesPerTick: perTick, buckets });
        return PEOPLE.every((viewer) =>
          [false, true].every((onStage) => {
            const view = plan.view(viewer, bucketOf(viewer, buckets), onStage);
            const received = new Set(view.messages.map((m) => m.id));
            const mine = (m: ChatMessageJson) => m.authorId === viewer || m.mentionIds.includes(viewer);
            const neverLeftOut = folded.messages.every((m) => received.has(m.id) || !(m.fromStage || mine(m) || onStage || !sampled));
            const exactCount = view.sampledOut === folded.messages.length - view.messages.length;
            // Oldest first: the folded order, restricted to what was received.
            const inOrder = folded.messages.filter((m) => received.has(m.id)).every((m, i) => view.messages[i] === m);
            const positioned = view.indexes.length === view.messages.length && view.indexes.every((position, i) => folded.messages[position] === view.messages[i]);
            const ownOrMention = view.messages.filter((m) => !m.fromStage && mine(m)).length;
            const listeners = view.messages.filter((m) => !m.fromStage).length;
            const bounded = !sampled || onStage || listeners <= perTick + ownOrMention;
            return neverLeftOut && exactCount && inOrder && positioned && bounded;
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('views are shared: a viewer with nothing of their own gets the bucket view object itself', () => {
    const folded = foldConversation(Array.from({ length: 12 }, (_, i) => ({ kind: 'message' as const, message: message(`m${i}`, 'zed', { mentionIds: i === 11 ? ['ann'] : [] }) })))!;
    const plan = new TickPlan(folded, true, settings);
    const bucket = bucketOf('bo', 4);
    expect(plan.view('bo', bucket, false)).toBe(plan.view('cy', bucket, false));
    const ann = plan.view('ann', bucket, false);
    expect(ann.messages.some((m) => m.id === 'm11')).toBe(true);
    expect(plan.view('ann', bucket, false)).toBe(ann);
  });
});

// Issue 17, the lossy channel: `roomConversation` ticks over a real WebSocket, `react`, and the
// question vote counts, on a real PostgreSQL. Ticks are triggered by the tests (`tickNow` after
// `useManualTicks`), so every assertion counts frames and executions, never time: "no frame" is
// shown by a later marker tick arriving as the very next frame.
import { bucketOf } from '../src/conversation/conversation-tick-plan';
import {
  CONVERSATION_OPS,
  conversationOf,
  conversationSubscribersReach,
  recordMessage,
  type TickResult,
  watchConversation,
} from './support/conversation-operations';
import { codeOf } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { OPS, ok, stagedRoom } from './support/trust-and-safety-operations';
import { Collector, tokenFor, useTestApi } from './support/test-api';

const REMOVE = `mutation($r: ID!, $p: ID!, $ban: Boolean) { removeParticipant(roomId: $r, profileId: $p, ban: $ban) { id } }`;
const END = `mutation($r: ID!) { endRoom(roomId: $r) { status } }`;

const tickOf = (collector: Collector<TickResult>, index: number) => {
  const item = collector.items[index];
  if (!item) throw new Error(`no tick ${index}: ${JSON.stringify(collector.items)}`);
  return item.roomConversation;
};
const idsOf = (tick: TickResult['roomConversation']) => tick.messages.map((message) => message.id);

describe('roomConversation in a small room: one tick per interval, reactions, vote counts, deletions (issue 17)', () => {
  const api = useTestApi({ REACTIONS_PER_10S: '3' });
  beforeAll(() => conversationOf(api).useManualTicks());

  it('each subscriber gets one tick with everything that happened, executed once per class; nothing happened, no tick', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'tick', { speakers: ['tick-sam'], listeners: ['tick-lee', 'tick-liz'] });
    const watchers = ['tick-host', 'tick-sam', 'tick-lee'].map((id) => watchConversation(api, tokens[id]!, roomId));
    await conversationSubscribersReach(api, roomId, 3);
    const fanout = api.api.server.fanout;
    const before = { ...fanout.stats };
    const classesBefore = conversationOf(api).stats.classes;
    const tickWrites = async () => (await api.api.server.metrics.conversationTickWritten.get()).values.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;
    const writesBefore = await tickWrites();

    const sent = [
      recordMessage(api, roomId, 'tick-lee', { text: 'hello room' }),
      recordMessage(api, roomId, 'tick-sam', { fromStage: true, mentionIds: ['tick-lee'] }),
      recordMessage(api, roomId, 'tick-liz'),
    ];
    await conversationOf(api).tickNow();
    for (const watcher of watchers) await watcher.count(1);
    for (const watcher of watchers) {
      const tick = tickOf(watcher, 0);
      expect(tick).toMatchObject({ roomId, sampledOut: 0, deletedMessageIds: [], reactions: [], questionVotes: [] });
      expect(idsOf(tick)).toEqual(sent.map((message) => message.id));
      expect(tick.messages[0]).toMatchObject({ text: 'hello room', deleted: false, author: { id: 'tick-lee' }, mentions: [] });
      expect(tick.messages[1]).toMatchObject({ author: { id: 'tick-sam' }, mentions: [{ id: 'tick-lee' }] });
    }
    // Three subscribers, two classes (the host reads a moderator's fields; speaker and listener alike).
    expect(conversationOf(api).stats.classes - classesBefore).toBe(2);
    expect(fanout.stats.executions - before.executions).toBe(2);
    expect(fanout.stats.serialisations - before.serialisations).toBe(2);
    expect(fanout.stats.sharedDeliveries - before.sharedDeliveries).toBe(1);

    // Nothing happened: ticking sends nothing. The next frame each subscriber gets is the marker's.
    await conversationOf(api).tickNow();
    await conversationOf(api).tickNow();
    const marker = recordMessage(api, roomId, 'tick-host', { fromStage: true });
    await conversationOf(api).tickNow();
    for (const watcher of watchers) {
      await watcher.count(2);
      expect(watcher.items).toHaveLength(2);
      expect(idsOf(tickOf(watcher, 1))).toEqual([marker.id]);
      expect(watcher.errors).toEqual([]);
    }
    // roundtable_conversation_tick_written_seconds: one observation per room tick that delivered
    // (the first and the marker's), none for the ticks that had nothing to send.
    await pollUntil(tickWrites, (count) => count - writesBefore >= 2);
    expect((await tickWrites()) - writesBefore).toBe(2);
  });

  it('a tick reads nothing from the database: the room and the profiles its messages name were read before it', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'sql', { speakers: ['sql-sam'], listeners: ['sql-lee'] });
    const watchers = ['sql-host', 'sql-lee'].map((id) => watchConversation(api, tokens[id]!, roomId));
    await conversationSubscribersReach(api, roomId, 2);
    // A first tick: a stream re-checks its access before its next frame when an access
    // announcement of the room's setup (role changes) reached it late (through Redis, on a busy
    // machine), and those checks are not the tick's. After one frame each, none is pending.
    recordMessage(api, roomId, 'sql-host', { fromStage: true });
    await conversationOf(api).tickNow();
    for (const watcher of watchers) await watcher.count(1);
    const statements: string[] = [];
    const stop = api.api.db.onQuery((sql) => statements.push(sql));
    try {
      recordMessage(api, roomId, 'sql-lee', { mentionIds: ['sql-sam'] });
      recordMessage(api, roomId, 'sql-sam', { fromStage: true });
      // The authors and the mention (sql-lee, sql-sam) are read as the messages arrive, in one statement.
      const together = await pollUntil(() => statements.filter((sql) => /from profiles pr where pr\.id = any\(\$1::varchar\[\]\)/.test(sql)).length, (n) => n >= 1);
      expect(together).toBe(1);
      statements.length = 0;
      await conversationOf(api).tickNow();
      for (const watcher of watchers) await watcher.count(2);
      expect(statements).toEqual([]);
    } finally {
      stop();
    }
    expect(tickOf(watchers[1]!, 1).messages.map((message) => [message.author.id, message.mentions.map((m) => m.id)])).toEqual([
      ['sql-lee', ['sql-sam']],
      ['sql-sam', []],
    ]);
  });

  // The kind: a tick's own reads queued behind request traffic. Under the benchmark's 720 chat and
  // react mutations a second the request pool's queue was seconds long, and a tick waiting there
  // for a new author's profile (or its room snapshot) reached its subscribers seconds late.
  it('a tick does not queue behind request traffic: with every pooled connection held, new authors and mentions are read on the side connection', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'held', { speakers: ['held-sam'], listeners: ['held-lee', 'held-liz'] });
    const watchers = ['held-host', 'held-lee'].map((id) => watchConversation(api, tokens[id]!, roomId));
    await conversationSubscribersReach(api, roomId, 2);
    recordMessage(api, roomId, 'held-host', { fromStage: true });
    await conversationOf(api).tickNow();
    for (const watcher of watchers) await watcher.count(1);

    const knex = api.api.db.orm.em.getConnection().getKnex();
    const pooled = knex.client.pool as { max: number };
    const held: unknown[] = [];
    for (let index = 0; index < pooled.max; index += 1) held.push(await knex.client.acquireConnection());
    try {
      // Three names no tick of this room has read yet: two authors and a mention.
      recordMessage(api, roomId, 'held-liz', { mentionIds: ['held-lee'] });
      recordMessage(api, roomId, 'held-sam', { fromStage: true });
      await conversationOf(api).tickNow();
      for (const watcher of watchers) await watcher.count(2);
    } finally {
      for (const connection of held) await knex.client.releaseConnection(connection);
    }
    for (const watcher of watchers) {
      expect(tickOf(watcher, 1).messages.map((message) => [message.author.id, message.mentions.map((m) => m.id)])).toEqual([
        ['held-liz', ['held-lee']],
        ['held-sam', []],
      ]);
    }
  });

  it('items of one interval fold into one tick: many messages, one frame per subscriber', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'fold', { listeners: ['fold-lee'] });
    const watcher = watchConversation(api, tokens['fold-lee']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    const sent = Array.from({ length: 25 }, () => recordMessage(api, roomId, 'fold-lee'));
    await conversationOf(api).tickNow();
    await watcher.count(1);
    const marker = recordMessage(api, roomId, 'fold-host', { fromStage: true });
    await conversationOf(api).tickNow();
    await watcher.count(2);
    expect(watcher.items).toHaveLength(2);
    expect(idsOf(tickOf(watcher, 0))).toEqual(sent.map((message) => message.id));
    expect(idsOf(tickOf(watcher, 1))).toEqual([marker.id]);
  });

  it('a deleted message reaches clients in deletedMessageIds; deleted within its own interval, it is never delivered', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'del', { listeners: ['del-lee'] });
    const watcher = watchConversation(api, tokens['del-lee']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    const first = recordMessage(api, roomId, 'del-lee');
    await conversationOf(api).tickNow();
    await watcher.count(1);
    expect(idsOf(tickOf(watcher, 0))).toEqual([first.id]);

    const second = recordMessage(api, roomId, 'del-lee');
    const kept = recordMessage(api, roomId, 'del-lee');
    conversationOf(api).record(roomId, { kind: 'deleted', messageId: first.id });
    conversationOf(api).record(roomId, { kind: 'deleted', messageId: second.id });
    await conversationOf(api).tickNow();
    await watcher.count(2);
    expect(idsOf(tickOf(watcher, 1))).toEqual([kept.id]);
    expect(tickOf(watcher, 1).deletedMessageIds).toEqual([first.id, second.id]);
  });

  it('through the chat mutations: sendChatMessage reaches the next tick (mentions resolved), deleteChatMessage the one after', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'chat', { speakers: ['chat-sam'], listeners: ['chat-lee'] });
    const watcher = watchConversation(api, tokens['chat-lee']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    type Sent = { sendChatMessage: { id: string; text: string; mentions: { id: string }[] } };
    const fromLee = (await ok<Sent>(api, CONVERSATION_OPS.sendChatMessage, { r: roomId, text: 'Hello @chat-sam' }, tokens['chat-lee']!)).sendChatMessage;
    const fromSam = (await ok<Sent>(api, CONVERSATION_OPS.sendChatMessage, { r: roomId, text: 'Welcome, everyone' }, tokens['chat-sam']!)).sendChatMessage;
    expect(fromLee.mentions).toEqual([{ id: 'chat-sam' }]);
    await conversationOf(api).tickNow();
    await watcher.count(1);
    expect(tickOf(watcher, 0).messages).toMatchObject([
      { id: fromLee.id, text: 'Hello @chat-sam', deleted: false, author: { id: 'chat-lee' }, mentions: [{ id: 'chat-sam' }] },
      { id: fromSam.id, text: 'Welcome, everyone', author: { id: 'chat-sam' }, mentions: [] },
    ]);

    await ok(api, CONVERSATION_OPS.deleteChatMessage, { m: fromLee.id }, tokens['chat-host']!);
    await conversationOf(api).tickNow();
    await watcher.count(2);
    expect(tickOf(watcher, 1)).toMatchObject({ messages: [], deletedMessageIds: [fromLee.id] });
  });

  it('react: counted by kind into the next tick; beyond REACTIONS_PER_10S dropped without an error and never counted; refused to someone not in the room', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'react', { listeners: ['react-lee', 'react-liz'] });
    const watcher = watchConversation(api, tokens['react-host']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    const react = async (id: string, reaction: string) => {
      const response = await api.request<{ react: boolean }>(CONVERSATION_OPS.react, { r: roomId, reaction }, tokens[id] ?? (await tokenFor(id)));
      return response;
    };
    const lee: (boolean | undefined)[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await react('react-lee', 'CLAP');
      expect(response.errors).toBeUndefined();
      lee.push(response.data?.react);
    }
    expect(lee).toEqual([true, true, true, false, false]);
    expect((await react('react-liz', 'HEART')).data?.react).toBe(true);
    expect((await react('react-liz', 'INSIGHTFUL')).data?.react).toBe(true);
    // Not in the room: refused by the access policy (REACT), not dropped.
    const outsider = await react('react-outsider', 'CLAP');
    expect(codeOf(outsider)).toBe('CONFLICT');
    expect(outsider.errors?.[0]?.message).toBe('Join the room first');

    await conversationOf(api).tickNow();
    await watcher.count(1);
    expect(tickOf(watcher, 0)).toMatchObject({
      messages: [],
      sampledOut: 0,
      reactions: [
        { reaction: 'CLAP', count: 3 },
        { reaction: 'HEART', count: 1 },
        { reaction: 'INSIGHTFUL', count: 1 },
      ],
    });
  });

  it('question votes: the latest upvote count per question arrives in the next tick; a vote that changes nothing records nothing', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'qv', { speakers: ['qv-sam'], listeners: ['qv-lee', 'qv-liz'] });
    const watcher = watchConversation(api, tokens['qv-lee']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    const { askQuestion } = await ok<{ askQuestion: { id: string } }>(api, CONVERSATION_OPS.askQuestion, { input: { roomId, text: 'What breaks first?' } }, tokens['qv-lee']!);
    await ok(api, CONVERSATION_OPS.upvoteQuestion, { q: askQuestion.id }, tokens['qv-liz']!);
    await ok(api, CONVERSATION_OPS.upvoteQuestion, { q: askQuestion.id }, tokens['qv-sam']!);
    await conversationOf(api).tickNow();
    await watcher.count(1);
    expect(tickOf(watcher, 0).questionVotes).toEqual([{ questionId: askQuestion.id, upvoteCount: 2 }]);

    const recorded = conversationOf(api).stats.recorded;
    await ok(api, CONVERSATION_OPS.upvoteQuestion, { q: askQuestion.id }, tokens['qv-sam']!);
    expect(conversationOf(api).stats.recorded).toBe(recorded);
    await ok(api, CONVERSATION_OPS.removeQuestionUpvote, { q: askQuestion.id }, tokens['qv-liz']!);
    await conversationOf(api).tickNow();
    await watcher.count(2);
    expect(watcher.items).toHaveLength(2);
    expect(tickOf(watcher, 1).questionVotes).toEqual([{ questionId: askQuestion.id, upvoteCount: 1 }]);
  });
});

describe('roomConversation follows the viewer\'s rights (same access as roomEvents)', () => {
  const api = useTestApi();
  beforeAll(() => conversationOf(api).useManualTicks());

  it('opening needs WATCH: an unknown room is NOT_FOUND, a banned viewer is refused', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'open', { listeners: ['open-bea'] });
    await ok(api, REMOVE, { r: roomId, p: 'open-bea', ban: true }, tokens['open-host']!);
    const unknown = watchConversation(api, tokens['open-bea']!, '5d1c3f7e-8a59-4c1e-9b1a-0f6f1f0c2a11');
    const banned = watchConversation(api, tokens['open-bea']!, roomId);
    await unknown.until(() => unknown.errors.length > 0, 'the refusal of an unknown room');
    await banned.until(() => banned.errors.length > 0, 'the refusal of a banned viewer');
    expect(JSON.stringify(unknown.errors)).toContain('NOT_FOUND');
    expect(JSON.stringify(banned.errors)).toContain('You are banned from this room');
    expect(conversationOf(api).subscriberCount(roomId)).toBe(0);
  });

  it('a viewer banned mid-stream stops receiving ticks (the stream completes); the others go on', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'ban', { listeners: ['ban-lee', 'ban-liz'] });
    const lee = watchConversation(api, tokens['ban-lee']!, roomId);
    const liz = watchConversation(api, tokens['ban-liz']!, roomId);
    await conversationSubscribersReach(api, roomId, 2);
    recordMessage(api, roomId, 'ban-liz');
    await conversationOf(api).tickNow();
    await lee.count(1);
    await liz.count(1);

    await ok(api, REMOVE, { r: roomId, p: 'ban-lee', ban: true }, tokens['ban-host']!);
    await lee.until(() => lee.completed, "the banned viewer's stream to complete");
    expect(conversationOf(api).subscriberCount(roomId)).toBe(1);
    const after = recordMessage(api, roomId, 'ban-liz');
    await conversationOf(api).tickNow();
    await liz.count(2);
    expect(idsOf(tickOf(liz, 1))).toEqual([after.id]);
    expect(lee.items).toHaveLength(1);
    expect(lee.errors).toEqual([]);
  });

  it("the host's block ends the blocked viewer's stream (the viewer-access announcement); the room's end ends everyone's", async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'blk', { listeners: ['blk-lee', 'blk-liz'] });
    const lee = watchConversation(api, tokens['blk-lee']!, roomId);
    const liz = watchConversation(api, tokens['blk-liz']!, roomId);
    const host = watchConversation(api, tokens['blk-host']!, roomId);
    await conversationSubscribersReach(api, roomId, 3);
    const watchedRooms = conversationOf(api).watchedRoomCount();
    await ok(api, OPS.block, { p: 'blk-lee' }, tokens['blk-host']!);
    await lee.until(() => lee.completed, "the blocked viewer's stream to complete");
    expect(conversationOf(api).subscriberCount(roomId)).toBe(2);

    await ok(api, END, { r: roomId }, tokens['blk-host']!);
    await liz.until(() => liz.completed, "a listener's stream to complete when the room ends");
    await host.until(() => host.completed, "the host's stream to complete when the room ends");
    expect(conversationOf(api).subscriberCount(roomId)).toBe(0);
    // The room's channel is gone with its last stream (and its bus subscriptions with it).
    expect(conversationOf(api).watchedRoomCount()).toBe(watchedRooms - 1);
    for (const stream of [lee, liz, host]) expect(stream.errors).toEqual([]);
  });
});

describe('roomConversation in a large room: listeners get a sample, never without the stage, their own messages or their mentions', () => {
  // Every room counts as large here; two listeners' messages per tick per listener, in two buckets.
  const api = useTestApi({ CONVERSATION_SAMPLE_ABOVE_LISTENERS: '0', CONVERSATION_SAMPLE_MESSAGES: '2', CONVERSATION_SAMPLE_BUCKETS: '2' });
  beforeAll(() => conversationOf(api).useManualTicks());

  it('sampledOut counts exactly what was left out; one execution per class, not per subscriber', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'big', { speakers: ['big-sam'], listeners: ['big-ann', 'big-bob'] });
    const audience = Array.from({ length: 24 }, (_, i) => `big-l${i}`);
    for (const id of audience) tokens[id] = await tokenFor(id);
    const everyone = ['big-host', 'big-sam', 'big-ann', 'big-bob', ...audience];
    const watchers = new Map(everyone.map((id) => [id, watchConversation(api, tokens[id]!, roomId)] as const));
    // The same listener's tick through a document with aliases and a fragment (reshaped from the
    // executed class like any other), and through one executed for this subscriber alone.
    const aliased = new Collector<{ tick: { n: number; a: { id: string }[]; b?: { author: { id: string } }[] } }>();
    api.wsClient(tokens['big-l0']!).subscribe(
      {
        query: `subscription($r: ID!) { tick: roomConversation(roomId: $r) { n: sampledOut a: messages { id } ...More } }
                fragment More on ConversationTick { b: messages { author { id } } }`,
        variables: { r: roomId },
      },
      aliased.sink,
    );
    const alone = new Collector<{ roomConversation: { messages: { id: string; room: { viewerParticipant: { id: string } | null } }[] } }>();
    api.wsClient(tokens['big-l0']!).subscribe(
      { query: `subscription($r: ID!) { roomConversation(roomId: $r) { messages { id room { viewerParticipant { id } } } } }`, variables: { r: roomId } },
      alone.sink,
    );
    await conversationSubscribersReach(api, roomId, everyone.length + 2);
    const fanout = api.api.server.fanout;
    const fanoutBefore = { ...fanout.stats };
    const statsBefore = { ...conversationOf(api).stats };

    // Through the chat mutations: the server decides which messages come from the stage, and resolves mentions.
    type Sent = { sendChatMessage: { id: string } };
    const send = async (author: string, text: string) => (await ok<Sent>(api, CONVERSATION_OPS.sendChatMessage, { r: roomId, text }, tokens[author]!)).sendChatMessage;
    const stage = [await send('big-host', 'From the host'), await send('big-sam', 'From the speaker')];
    const annMessages: { id: string }[] = [];
    for (let i = 0; i < 8; i += 1) annMessages.push(await send('big-ann', i === 5 ? `Number ${i}, @big-bob` : `Number ${i}`));
    await conversationOf(api).tickNow();
    for (const watcher of [...watchers.values(), aliased, alone]) await watcher.count(1);

    const listenerIds = new Set(annMessages.map((message) => message.id));
    const received = (id: string) => tickOf(watchers.get(id)!, 0);
    // The stage and moderators: everything.
    for (const id of ['big-host', 'big-sam']) {
      expect(idsOf(received(id))).toEqual([...stage, ...annMessages].map((message) => message.id));
      expect(received(id).sampledOut).toBe(0);
    }
    // The author: every own message.
    expect(idsOf(received('big-ann'))).toEqual([...stage, ...annMessages].map((message) => message.id));
    expect(received('big-ann').sampledOut).toBe(0);
    // Everyone: the stage's messages, and sampledOut = listeners' messages not received.
    for (const id of everyone) {
      const tick = received(id);
      expect(idsOf(tick).slice(0, 2)).toEqual(stage.map((message) => message.id));
      const listenersReceived = idsOf(tick).filter((messageId) => listenerIds.has(messageId)).length;
      expect({ id, sampledOut: tick.sampledOut }).toEqual({ id, sampledOut: annMessages.length - listenersReceived });
    }
    // The mentioned listener: the mention, whatever the sample.
    expect(idsOf(received('big-bob'))).toContain(annMessages[5]!.id);
    // Other listeners: exactly the sample (two), the same within a bucket.
    const samples = new Map<number, string>();
    for (const id of audience) {
      const tick = received(id);
      expect(tick.messages).toHaveLength(4);
      const key = JSON.stringify(idsOf(tick));
      const bucket = bucketOf(id, 2);
      expect(samples.get(bucket) ?? key).toBe(key);
      samples.set(bucket, key);
    }
    expect(samples.size).toBe(2);

    // The aliased document got the same messages and count, reshaped; so did the one run alone.
    const l0 = received('big-l0');
    expect(aliased.items[0]!.tick.a.map((m) => m.id)).toEqual(idsOf(l0));
    expect(aliased.items[0]!.tick.b?.map((m) => m.author.id)).toEqual(l0.messages.map((m) => m.author.id));
    expect(aliased.items[0]!.tick.n).toBe(l0.sampledOut);
    expect(alone.items[0]!.roomConversation.messages.map((m) => m.id)).toEqual(idsOf(l0));

    // 30 subscriptions, a handful of classes: moderators' everything, everyone else's everything
    // (the speaker), the two buckets, and the author's and the mentioned listener's own additions.
    // Executed: each field-access class's everything, once per document; every other class is the
    // executed result reshaped (a projection) and serialised once. The document run alone: once.
    const stats = conversationOf(api).stats;
    const classes = stats.classes - statsBefore.classes;
    const executions = fanout.stats.executions - fanoutBefore.executions;
    const projections = fanout.stats.projections - fanoutBefore.projections;
    expect(stats.deliveries - statsBefore.deliveries).toBe(everyone.length + 2);
    expect(classes).toBeLessThanOrEqual(6);
    expect(stats.overlays - statsBefore.overlays).toBeLessThanOrEqual(2);
    // The main document: 2 executions (moderators' and everyone else's everything) and a projection
    // per other class; the aliased document: 1 execution (its everything) and 1 projection; alone: 1.
    expect(executions).toBe(2 + 1 + 1);
    expect(projections).toBe(classes - 2 + 1);
    expect(fanout.stats.serialisations - fanoutBefore.serialisations).toBe(classes + 2);
  });
});

describe('roomConversation: sampling starts above CONVERSATION_SAMPLE_ABOVE_LISTENERS, not before', () => {
  // Rooms of more than 6 listeners are sampled, one listener's message per tick per listener.
  const api = useTestApi({ CONVERSATION_SAMPLE_ABOVE_LISTENERS: '6', CONVERSATION_SAMPLE_MESSAGES: '1', CONVERSATION_SAMPLE_BUCKETS: '1' });
  beforeAll(() => conversationOf(api).useManualTicks());

  /** Like watchConversation, with the means to end the stream. */
  const open = (token: string, roomId: string) => {
    const ticks = new Collector<TickResult>();
    const close = api.wsClient(token).subscribe({ query: CONVERSATION_OPS.roomConversation, variables: { r: roomId } }, ticks.sink);
    return { ticks, close };
  };

  it('at the threshold every listener gets every message (more than the sample size); once the room has grown past it, the sample and sampledOut', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'thr', { listeners: ['thr-ann', 'thr-bob', 'thr-cy', 'thr-dee', 'thr-eve', 'thr-fay'] });
    const send = async (text: string) =>
      (await ok<{ sendChatMessage: { id: string } }>(api, CONVERSATION_OPS.sendChatMessage, { r: roomId, text }, tokens['thr-ann']!)).sendChatMessage.id;

    // Six listeners, the threshold itself: three of Ann's messages reach Bob and Cy whole.
    const bob = open(tokens['thr-bob']!, roomId);
    const cy = open(tokens['thr-cy']!, roomId);
    await conversationSubscribersReach(api, roomId, 2);
    const small = [await send('One'), await send('Two'), await send('Three')];
    await conversationOf(api).tickNow();
    for (const watcher of [bob, cy]) {
      await watcher.ticks.count(1);
      expect(idsOf(tickOf(watcher.ticks, 0))).toEqual(small);
      expect(tickOf(watcher.ticks, 0).sampledOut).toBe(0);
    }

    // A seventh listener joins. The streams end first, so the room's channel (and its snapshot of
    // the room) goes with them and the next one reads the room as it is now.
    bob.close();
    cy.close();
    expect(await pollUntil(() => conversationOf(api).subscriberCount(roomId), (n) => n === 0)).toBe(0);
    tokens['thr-gus'] = await tokenFor('thr-gus');
    await ok(api, OPS.joinRoom, { r: roomId }, tokens['thr-gus']!);
    const bobAgain = open(tokens['thr-bob']!, roomId);
    const ann = open(tokens['thr-ann']!, roomId);
    await conversationSubscribersReach(api, roomId, 2);
    const large = [await send('Four'), await send('Five'), await send('Six')];
    await conversationOf(api).tickNow();
    await bobAgain.ticks.count(1);
    await ann.ticks.count(1);
    // Bob: one of them, and sampledOut the other two. Ann, their author: every one.
    const bobs = tickOf(bobAgain.ticks, 0);
    expect(bobs.messages).toHaveLength(1);
    expect(large).toContain(bobs.messages[0]!.id);
    expect(bobs.sampledOut).toBe(2);
    expect(idsOf(tickOf(ann.ticks, 0))).toEqual(large);
    expect(tickOf(ann.ticks, 0).sampledOut).toBe(0);
    bobAgain.close();
    ann.close();
  });
});

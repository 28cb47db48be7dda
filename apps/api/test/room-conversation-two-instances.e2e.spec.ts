// Issue 17: the room conversation's items travel between API instances over Redis, as room events
// do. An item recorded on A reaches a `roomConversation` subscriber on B in B's next tick; a ban
// made on A ends the stream on B. CI sets REDIS_URL; without it the suite starts a redis-server
// of its own, and only where neither exists is it skipped, saying so.
import {
  CONVERSATION_OPS,
  conversationOf,
  conversationSubscribersReach,
  recordMessage,
  type TickResult,
  watchConversation,
} from './support/conversation-operations';
import { ok } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { stagedRoom } from './support/trust-and-safety-operations';
import { startTestApi, type TestApi } from './support/test-api';
import { useRedis } from './support/use-redis';

const redis = useRedis('conversation ticks across two instances (apps/api/test/room-conversation-two-instances.e2e.spec.ts)');
const describeWithRedis = redis.available ? describe : describe.skip;

describeWithRedis('roomConversation across two API instances sharing one Redis', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startTestApi({ REDIS_URL: redis.url() });
    b = await startTestApi({ REDIS_URL: redis.url() });
    conversationOf(a).useManualTicks();
    conversationOf(b).useManualTicks();
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });
  beforeEach(async () => {
    await a.clear();
    b.api.server.services.profiles.forgetKnownProfiles();
  });

  it("a message recorded and a reaction made on A reach B's subscriber in B's tick; A, with no subscriber, ticks nothing", async () => {
    const { roomId, tokens } = await stagedRoom(a, 'duo', { listeners: ['duo-lee'] });
    const onB = watchConversation(b, tokens['duo-lee']!, roomId);
    await conversationSubscribersReach(b, roomId, 1);

    const message = recordMessage(a, roomId, 'duo-host', { fromStage: true, text: 'from instance A' });
    const { react } = await ok<{ react: boolean }>(a, CONVERSATION_OPS.react, { r: roomId, reaction: 'HEART' }, tokens['duo-lee']!);
    expect(react).toBe(true);
    // Only Redis can carry them to B: B holds them for its next tick.
    expect(await pollUntil(() => conversationOf(b).pendingCount(roomId), (n) => n >= 2)).toBe(2);
    await conversationOf(b).tickNow();
    await onB.count(1);
    const tick: TickResult['roomConversation'] = onB.items[0]!.roomConversation;
    expect(tick.messages.map((m) => [m.id, m.text, m.author.id])).toEqual([[message.id, 'from instance A', 'duo-host']]);
    expect(tick.reactions).toEqual([{ reaction: 'HEART', count: 1 }]);
    expect(conversationOf(a).watchedRoomCount()).toBe(0);
    expect(conversationOf(a).stats.lost).toBe(0);
  });

  it('a ban made on A ends the banned viewer\'s stream on B', async () => {
    const { roomId, tokens } = await stagedRoom(a, 'duoban', { listeners: ['duoban-lee'] });
    const onB = watchConversation(b, tokens['duoban-lee']!, roomId);
    await conversationSubscribersReach(b, roomId, 1);
    await ok(
      a,
      `mutation($r: ID!, $p: ID!) { removeParticipant(roomId: $r, profileId: $p, ban: true) { id } }`,
      { r: roomId, p: 'duoban-lee' },
      tokens['duoban-host']!,
    );
    await onB.until(() => onB.completed, 'the stream on B to complete after the ban on A');
    expect(onB.errors).toEqual([]);
    expect(conversationOf(b).subscriberCount(roomId)).toBe(0);
  });
});

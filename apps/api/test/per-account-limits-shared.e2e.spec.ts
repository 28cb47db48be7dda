// Kind: a per-account limit counted per instance. Behind a balancer a person reached a new
// instance and got the whole limit again: chat messages by role, reactions, questions and reports
// were counted in each process's memory while the work budgets were shared through Redis. Now
// every per-account limit is counted where the budgets are (RateLimits.perAccount): two API
// instances on one Redis, like two pods, share each person's count. CI sets REDIS_URL; without it
// the suite starts a redis-server of its own, and only where neither exists is it skipped, saying so.
import { codeOf, ok } from './support/graphql-helpers';
import { useRedis } from './support/use-redis';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

const redis = useRedis('shared per-account limits (apps/api/test/per-account-limits-shared.e2e.spec.ts)');
const describeWithRedis = redis.available ? describe : describe.skip;

const SEND = `mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }`;
const REACT = `mutation($r: ID!) { react(roomId: $r, reaction: CLAP) }`;
const ASK = `mutation($r: ID!, $t: String!) { askQuestion(input: { roomId: $r, text: $t }) { id } }`;

describeWithRedis('per-account limits shared by every instance on one Redis', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    // Two per 30 s for a listener's chat, per 10 s for reactions, per minute for questions; a key
    // prefix of this run's own, so no other run's counts are read.
    const env = {
      REDIS_URL: redis.url(),
      RATE_LIMIT_KEY_PREFIX: `pal${process.pid}${Date.now()}`,
      CHAT_LISTENER_MESSAGES_PER_30S: '2',
      REACTIONS_PER_10S: '2',
      QUESTIONS_PER_MINUTE: '2',
    };
    a = await startTestApi(env);
    b = await startTestApi(env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  async function roomWithListener(prefix: string): Promise<{ roomId: string; listener: string }> {
    const host = await tokenFor(`${prefix}-host`);
    const listener = await tokenFor(`${prefix}-ann`);
    const { createRoom } = await ok<{ createRoom: { id: string } }>(a, `mutation { createRoom(input: { title: "Shared limits" }) { id } }`, {}, host);
    await ok(a, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: createRoom.id }, listener);
    return { roomId: createRoom.id, listener };
  }

  it('the given case: chat messages. One on A and one on B use up the listener\'s two; the third is RATE_LIMITED on either, and stores nothing', async () => {
    await a.clear();
    const { roomId, listener } = await roomWithListener('palc');
    await ok(a, SEND, { r: roomId, t: 'one, through A' }, listener);
    await ok(b, SEND, { r: roomId, t: 'two, through B' }, listener);
    for (const api of [a, b]) {
      const refused = await api.request(SEND, { r: roomId, t: 'three' }, listener);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      expect(refused.errors?.[0]?.extensions?.['retryAfterSeconds']).toEqual(expect.any(Number));
    }
    const stored = await a.api.db.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from chat_messages where room_id = ?`, [roomId]);
    expect(Number(stored[0]?.n)).toBe(2);
  });

  it('the variant: reactions and questions. Two reactions across A and B count; the third is dropped (false) on either; the third question is RATE_LIMITED', async () => {
    await a.clear();
    const { roomId, listener } = await roomWithListener('palr');
    expect((await ok<{ react: boolean }>(a, REACT, { r: roomId }, listener)).react).toBe(true);
    expect((await ok<{ react: boolean }>(b, REACT, { r: roomId }, listener)).react).toBe(true);
    expect((await ok<{ react: boolean }>(a, REACT, { r: roomId }, listener)).react).toBe(false);
    expect((await ok<{ react: boolean }>(b, REACT, { r: roomId }, listener)).react).toBe(false);

    await ok(b, ASK, { r: roomId, t: 'First question, through B?' }, listener);
    await ok(a, ASK, { r: roomId, t: 'Second question, through A?' }, listener);
    expect(codeOf(await b.request(ASK, { r: roomId, t: 'Third question?' }, listener))).toBe('RATE_LIMITED');
  });
});

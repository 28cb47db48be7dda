// Issue 17: the room conversation's items during a Redis outage. Producers (chat mutations after
// their commit, react, question votes) record items and never wait on delivery: while pub/sub is
// down every item is lost — the channel is lossy by design — without an error for the client and
// with one warning per outage, not one per item. An open stream stays open and carries what is
// recorded once Redis is back. Runs against a redis-server of its own, stopped and started again;
// the waits are hang guards on observable state, never timing assertions.
import { randomUUID } from 'node:crypto';

import { CONVERSATION_OPS, conversationOf, conversationSubscribersReach, recordMessage, watchConversation } from '../support/conversation-operations';
import { ok } from '../support/graphql-helpers';
import { pollUntil } from '../support/poll';
import { describeWithRedisServer, type RedisServerUnderTest, startRedisServer } from '../support/redis-server';
import { startTestApi, type TestApi } from '../support/test-api';
import { stagedRoom } from '../support/trust-and-safety-operations';
import { capturingLogger } from './support/hardening';

jest.setTimeout(120_000);

const LOST = 'pub/sub is down: conversation items (chat, reactions, vote counts) are lost until it is back';
const BACK = 'conversation items reach the bus again';

describeWithRedisServer('conversation items while pub/sub is down (issue 17)', () => {
  let redis: RedisServerUnderTest;
  let api: TestApi;
  const log = capturingLogger();

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startTestApi({ REDIS_URL: redis.url, RATE_LIMIT_KEY_PREFIX: `conv-outage-${randomUUID().slice(0, 8)}` }, { logger: log.logger });
    conversationOf(api).useManualTicks();
  });
  afterAll(async () => {
    await api?.stop();
    await redis?.close();
  });

  it('recording never throws and never fails the producing mutation; one warning per outage; the open stream carries what comes after', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'down', { listeners: ['down-lee'] });
    const watcher = watchConversation(api, tokens['down-lee']!, roomId);
    await conversationSubscribersReach(api, roomId, 1);
    const start = log.lines.length;
    const count = (msg: string) => log.lines.slice(start).filter((line) => line.msg === msg).length;
    const lostBefore = conversationOf(api).stats.lost;

    await redis.stop();
    expect(await pollUntil(() => api.api.bus.isUp(), (up) => !up)).toBe(false);
    for (let i = 0; i < 40; i += 1) recordMessage(api, roomId, 'down-lee');
    // A reaction over HTTP during the outage: counted as far as the API goes (true), lost on the way.
    const { react } = await ok<{ react: boolean }>(api, CONVERSATION_OPS.react, { r: roomId, reaction: 'CLAP' }, tokens['down-lee']!);
    expect(react).toBe(true);
    expect(await pollUntil(() => conversationOf(api).stats.lost - lostBefore, (n) => n >= 41)).toBe(41);
    expect(count(LOST)).toBe(1);

    await redis.restart();
    expect(await pollUntil(() => api.api.bus.isUp(), (up) => up, { attempts: 400, intervalMs: 50 })).toBe(true);
    const after = recordMessage(api, roomId, 'down-host', { fromStage: true });
    expect(await pollUntil(() => conversationOf(api).pendingCount(roomId), (n) => n >= 1)).toBe(1);
    await conversationOf(api).tickNow();
    await watcher.count(1);
    expect(watcher.items[0]!.roomConversation.messages.map((message) => message.id)).toEqual([after.id]);
    expect(watcher.errors).toEqual([]);
    expect(count(BACK)).toBe(1);
    expect(count(LOST)).toBe(1);
    expect(log.errorLines()).toEqual([]);
  });
});

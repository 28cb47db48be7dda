// Issue 14, section 1 (the rate store): when Redis went down, rate-limit calls rejected, and a
// rejection nobody handled could end the process. Every Redis limiter now has an in-memory
// insurance limiter (rate-limiter-flexible's `insuranceLimiter`): during an outage limits still
// apply, per instance (fail closed: never unmetered), no call rejects unhandled, and the switch
// is logged once, not per call. Tested against a redis-server of the test's own, stopped and
// started again (never the shared one).
import { randomUUID } from 'node:crypto';

import { connectRateLimitStore, type RateStoreEvent, RateLimits } from '../../src/admission/rate-limits';
import { codeOf } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { OwnRedis, REDIS_SERVER_AVAILABLE } from './support/own-redis';
import { settle, startHardeningApi } from './support/hardening';

if (!REDIS_SERVER_AVAILABLE) process.stdout.write('rate-store-outage: skipped, no redis-server binary on PATH to start and stop\n');
const withOwnRedis = REDIS_SERVER_AVAILABLE ? describe : describe.skip;

withOwnRedis('kind: a rate store outage', () => {
  let redis: OwnRedis;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    redis = await OwnRedis.start();
    process.on('unhandledRejection', onUnhandled);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await redis.stop();
  });

  it('limits keep applying in memory while Redis is down, the switch is reported once each way, and nothing rejects unhandled', async () => {
    const store = await connectRateLimitStore(redis.url);
    if (!store) throw new Error('no store');
    const events: RateStoreEvent[] = [];
    const limits = new RateLimits(
      { mutationsPerWindow: 3, expensiveReadsPerWindow: 3, operationPointsPerWindow: 500, anonymousOperationPointsPerWindow: 500, reservePoints: 100, windowMs: 60_000, keyPrefix: `outage-${randomUUID()}` },
      store,
      (event) => events.push(event),
    );
    try {
      expect(await limits.consume('viewer:a', { mutations: 1, expensiveReads: 0, points: 10 })).toEqual({ allowed: true });
      await redis.stop();
      await settle(async () => store.status === 'ready', false);
      // 3 mutations per window, counted again from zero in memory: 3 allowed, the rest refused.
      const outcomes = [];
      for (let i = 0; i < 6; i += 1) outcomes.push(await limits.consume('viewer:a', { mutations: 1, expensiveReads: 0, points: 10 }));
      expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false, false, false]);
      expect(outcomes[3]).toMatchObject({ allowed: false, failed: false });
      // The work budget too: 500 points, in memory, 50 operations of 10 at most.
      let allowed = 0;
      for (let i = 0; i < 60; i += 1) if ((await limits.consume('viewer:b', { mutations: 0, expensiveReads: 0, points: 10 })).allowed) allowed += 1;
      expect(allowed).toBe(50);
      expect(limits.countingInMemory).toBe(true);
      expect(events).toEqual(['unreachable']);

      await redis.restart();
      await settle(async () => events.length, 2, 15_000);
      expect(events).toEqual(['unreachable', 'back']);
      expect(limits.countingInMemory).toBe(false);
      expect(await limits.consume('viewer:c', { mutations: 1, expensiveReads: 0, points: 10 })).toEqual({ allowed: true });
      expect(unhandled).toEqual([]);
    } finally {
      await limits.close();
    }
  });

  it('variant: an API whose Redis goes down keeps serving, limits mutations per instance, and logs the switch once', async () => {
    const { api, log } = await startHardeningApi({ REDIS_URL: redis.url, RATE_LIMIT_MUTATIONS: '3' });
    try {
      await api.clear();
      const token = await tokenFor('outage-host');
      const create = (title: string) => api.request(`mutation($t: String!) { createRoom(input: { title: $t }) { id } }`, { t: title }, token);
      expect((await create('Before outage')).errors).toBeUndefined();
      await redis.stop();
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 6; i += 1) codes.push(codeOf(await create(`During outage ${i}`)));
      // The insurance counts from zero: 3 allowed in memory, then RATE_LIMITED (never unmetered).
      expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      // Queries keep being served (and budgeted) too.
      expect((await api.request('{ viewer { id } }', {}, token)).errors).toBeUndefined();
      const switches = log.lines.filter((line) => /rate-limit store/.test(String(line['msg'])));
      expect(switches.map((line) => line['msg'])).toEqual([expect.stringMatching(/unreachable: budgets are counted in memory/)]);
      await redis.restart();
      // Back once, too; the event bus reconnects with the same backoff, so it is back before stop().
      const switchedBack = () => log.lines.filter((line) => /rate-limit store \(Redis\) is back/.test(String(line['msg']))).length;
      expect(await settle(async () => switchedBack(), 1, 15_000)).toBe(1);
      expect(unhandled).toEqual([]);
    } finally {
      await redis.restart();
      await api.stop();
    }
  });
});

import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { PointReservations } from './point-reservations';

/** rate-limiter-flexible's own in-memory store, counting how often it is asked (a Redis round trip each, in production). */
class CountedStore extends RateLimiterMemory {
  asked = 0;
  override consume(...args: Parameters<RateLimiterMemory['consume']>): ReturnType<RateLimiterMemory['consume']> {
    this.asked += 1;
    return super.consume(...args);
  }
}

describe('point reservations: a shared budget spent locally', () => {
  it('spends exactly the budget: 100 operations of 10 points fit in 1,000, the 101st is refused', async () => {
    const store = new CountedStore({ points: 1000, duration: 60 });
    const reservations = new PointReservations(store, 100);
    let allowed = 0;
    for (let i = 0; i < 101; i += 1) {
      try {
        await reservations.consume('viewer:a', 10);
        allowed += 1;
      } catch {
        // refused
      }
    }
    expect(allowed).toBe(100);
  });

  it('a busy key meets the store a few times, not once per operation: 10,000 operations of 300 points', async () => {
    const store = new CountedStore({ points: 100_000_000, duration: 60 });
    const reservations = new PointReservations(store, 1000);
    for (let i = 0; i < 10_000; i += 1) await reservations.consume('viewer:busy', 300);
    expect(store.asked).toBeLessThan(30);
  });

  it('concurrent operations of one key wait for one reservation', async () => {
    const store = new CountedStore({ points: 1_000_000, duration: 60 });
    const reservations = new PointReservations(store, 1000);
    await Promise.all(Array.from({ length: 50 }, () => reservations.consume('viewer:c', 10)));
    expect(store.asked).toBe(1);
  });
});

/** The store the instances share: rate-limiter-flexible's in-memory limiter, or its Redis one on REDIS_URL. */
const REDIS_URL = process.env['REDIS_URL'] ?? '';

describe.each([
  ['in memory', false],
  ...(REDIS_URL ? [['Redis', true] as const] : []),
] as const)('kind: a reservation refuses work the true spend allows (%s)', (_store, useRedis) => {
  let redis: Redis | null = null;
  beforeAll(() => {
    if (useRedis) redis = new Redis(REDIS_URL, { lazyConnect: false });
  });
  afterAll(() => {
    redis?.disconnect();
  });

  /** A 1,000-point budget with its own keys, counting the store's consumes and rewards. */
  function sharedStore(): RateLimiterAbstract & { asked: number } {
    const keyPrefix = `test-reservations-${randomUUID().slice(0, 8)}`;
    const base = redis ? new RateLimiterRedis({ storeClient: redis, points: 1000, duration: 60, keyPrefix }) : new RateLimiterMemory({ points: 1000, duration: 60, keyPrefix });
    const counted = base as unknown as RateLimiterAbstract & { asked: number };
    counted.asked = 0;
    const consume = base.consume.bind(base);
    counted.consume = (...args: Parameters<typeof consume>) => {
      counted.asked += 1;
      return consume(...args);
    };
    return counted;
  }

  /** How many of `n` operations of `points` are allowed, one after another. */
  async function allowedOf(reservations: PointReservations, key: string, n: number, points: number): Promise<number> {
    let allowed = 0;
    for (let i = 0; i < n; i += 1) {
      try {
        await reservations.consume(key, points);
        allowed += 1;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    }
    return allowed;
  }

  it('the given case: the window\'s first reservation (100) meets a budget another instance nearly spent (50 left): the five operations of 10 that fit are allowed, the sixth is refused', async () => {
    const store = sharedStore();
    // Another instance spent 950 of the 1,000 points, exactly.
    await store.consume('viewer:shared', 950);
    const here = new PointReservations(store, 100);
    expect(await allowedOf(here, 'viewer:shared', 6, 10)).toBe(5);
  });

  it('variant: a later, larger reservation (the store said 900 were left; others spent 880 since) gives its reservation back and spends exactly what is left', async () => {
    const store = sharedStore();
    const here = new PointReservations(store, 100);
    // 10 operations of 10 here: one reservation of 100.
    expect(await allowedOf(here, 'viewer:shared', 10, 10)).toBe(10);
    // Others spend 880 of the 900 the store had left: 20 remain.
    await store.consume('viewer:shared', 880);
    // The next reservation here (200, twice the last) is refused and given back; the two
    // operations that fit in 20 are allowed, the third is refused.
    expect(await allowedOf(here, 'viewer:shared', 3, 10)).toBe(2);
    // Refused from then on without asking the store again until the window ends.
    const asked = store.asked;
    expect(await allowedOf(here, 'viewer:shared', 20, 10)).toBe(0);
    expect(store.asked).toBe(asked);
    // Another key is not affected.
    expect(await allowedOf(here, 'viewer:other', 1, 10)).toBe(1);
  });
});

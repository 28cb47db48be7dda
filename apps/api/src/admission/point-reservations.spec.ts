import { RateLimiterMemory } from 'rate-limiter-flexible';

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

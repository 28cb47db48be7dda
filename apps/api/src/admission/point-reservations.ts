import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** Points one instance holds for one key, until the store's window for that key ends. */
interface Held {
  points: number;
  /** Epoch ms when the store's window ends (the reservation is void after it). */
  readonly until: number;
  /** Points the store still had for this key after the last reservation. */
  readonly storeRemaining: number;
  /** The size of the last reservation: the next one may be twice as large. */
  readonly chunk: number;
}

/** Keys held at most; past it, void reservations are dropped first (then all, a rare reset). */
const MAX_HELD_KEYS = 10_000;

/**
 * A shared budget spent locally: each instance reserves points from the store (a Redis limiter)
 * in chunks of `chunk` and spends them without a round trip, so the hot path meets Redis once
 * per `chunk` points instead of once per operation (issue 14: the round trip per query halved
 * the room page's throughput). Concurrent operations of one key wait for one reservation.
 *
 * Reservations of a key that keeps spending double (at most a quarter of what the store has
 * left), so a busy key meets the store a few times per window, an idle one once.
 *
 * What it gives up, bounded: points an instance reserved and did not spend before the window
 * ended are lost to the key (at most the larger of `chunk` and a quarter of the budget, per
 * instance per window), and near the end of a
 * budget a reservation can be refused while other instances still hold unspent points. After its
 * first chunk an instance asks for no more than the store last said it had left.
 *
 * `consume` resolves when the points are spent; rejects with the store's RateLimiterRes when
 * the budget is spent, or with the store's error.
 */
export class PointReservations {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly chunk: number,
  ) {}

  async consume(key: string, points: number): Promise<void> {
    for (;;) {
      const held = this.held.get(key);
      if (held && held.until > Date.now() && held.points >= points) {
        held.points -= points;
        return;
      }
      const pending = this.pending.get(key);
      if (pending) {
        // Another operation of this key is reserving: spend from its chunk once it lands (or,
        // if it was refused, try for this operation's own points).
        await pending.catch(() => undefined);
        continue;
      }
      const reservation = this.reserve(key, points, held);
      this.pending.set(key, reservation);
      try {
        await reservation;
      } finally {
        this.pending.delete(key);
      }
    }
  }

  private async reserve(key: string, points: number, held: Held | undefined): Promise<void> {
    const live = held && held.until > Date.now() ? held : undefined;
    // A key that keeps spending within a window reserves twice as much each time, never more
    // than a quarter of what the store has left (so what one instance can leave unspent stays
    // bounded), and never less than `chunk`: a busy viewer meets Redis a few times per window.
    const chunk = live ? Math.max(this.chunk, Math.min(live.chunk * 2, Math.floor(live.storeRemaining / 4))) : this.chunk;
    // More than `points` only when the store is known to have it: a refused consume still counts.
    const ask = Math.max(points, live ? Math.min(chunk, live.storeRemaining) : chunk);
    // A refused consume still counts in the store (and blocks the key in memory): the key is
    // then over its budget for this window, and this operation is refused with it.
    const granted: RateLimiterRes = await this.store.consume(key, ask);
    this.keep(key, { points: (live?.points ?? 0) + ask, until: Date.now() + granted.msBeforeNext, storeRemaining: granted.remainingPoints, chunk });
  }

  private keep(key: string, held: Held): void {
    if (this.held.size >= MAX_HELD_KEYS && !this.held.has(key)) {
      const now = Date.now();
      for (const [other, entry] of this.held) if (entry.until <= now) this.held.delete(other);
      if (this.held.size >= MAX_HELD_KEYS) this.held.clear();
    }
    this.held.set(key, held);
  }
}

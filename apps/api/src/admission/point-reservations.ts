import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

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

/** Keys held (and keys refused) at most; past it, void entries are dropped first, then the oldest. */
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
 * A reservation never refuses work its key's true spend allows: when the store refuses a
 * reservation larger than the operation (other instances spent meanwhile, or the window's first
 * reservation met a nearly spent budget), the reservation is given back (`reward`) and only the
 * operation's own points are asked for. Only a refusal of those counts against the key (a flood
 * stays refused), and the key is then refused here, without a round trip, until its window ends.
 * A key's reservation dropped to bound memory is given back too.
 *
 * What it gives up, bounded: points another instance reserved and has not spent yet are not
 * available here (at most the larger of `chunk` and a quarter of the budget per instance), and
 * points reserved and not spent before the window ends are lost to that window.
 *
 * `consume` resolves when the points are spent; rejects with the store's RateLimiterRes when
 * the budget is spent, or with the store's error.
 */
export class PointReservations {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Keys whose own points the store refused, with the epoch ms their window ends. */
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly chunk: number,
  ) {}

  async consume(key: string, points: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      const refused = this.refusedUntil.get(key);
      if (refused !== undefined) {
        if (refused > now) throw new RateLimiterRes(0, refused - now);
        this.refusedUntil.delete(key);
      }
      const held = this.held.get(key);
      if (held && held.until > now && held.points >= points) {
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
    const ask = Math.max(points, live ? Math.min(chunk, live.storeRemaining) : chunk);
    let reserved = ask;
    let granted: RateLimiterRes;
    try {
      granted = await this.store.consume(key, ask);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (ask === points) throw this.refused(key, error);
      // The store counts a refused consume: give the reservation back, then ask for this
      // operation's points alone, so a reservation never refuses what the budget still allows.
      await this.store.reward(key, ask);
      try {
        granted = await this.store.consume(key, points);
      } catch (exact) {
        throw exact instanceof RateLimiterRes ? this.refused(key, exact) : exact;
      }
      reserved = points;
    }
    this.keep(key, { points: (live?.points ?? 0) + reserved, until: Date.now() + granted.msBeforeNext, storeRemaining: granted.remainingPoints, chunk });
  }

  /** Remembers that the store refused the key's own points: refused here until its window ends. */
  private refused(key: string, res: RateLimiterRes): RateLimiterRes {
    const now = Date.now();
    if (this.refusedUntil.size >= MAX_HELD_KEYS && !this.refusedUntil.has(key)) {
      for (const [other, until] of this.refusedUntil) if (until <= now) this.refusedUntil.delete(other);
      if (this.refusedUntil.size >= MAX_HELD_KEYS) this.refusedUntil.delete(this.refusedUntil.keys().next().value as string);
    }
    this.refusedUntil.set(key, now + res.msBeforeNext);
    return res;
  }

  private keep(key: string, held: Held): void {
    if (this.held.size >= MAX_HELD_KEYS && !this.held.has(key)) {
      const now = Date.now();
      for (const [other, entry] of this.held) if (entry.until <= now) this.held.delete(other);
      if (this.held.size >= MAX_HELD_KEYS) {
        // The oldest key's unspent points go back to the store rather than being lost to it.
        const [oldest, entry] = this.held.entries().next().value as [string, Held];
        this.held.delete(oldest);
        if (entry.points > 0) this.store.reward(oldest, entry.points).catch(() => undefined);
      }
    }
    // Most recently reserved last, so the oldest is the least recently reserved.
    this.held.delete(key);
    this.held.set(key, held);
  }
}

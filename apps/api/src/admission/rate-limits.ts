import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { type PerAccountLimit, PerAccountLimiter } from './per-account-limiter';
import { PointReservations } from './point-reservations';

/** Root fields of the query type that cost real work per call, so each call is counted. */
export const EXPENSIVE_READ_FIELDS: ReadonlySet<string> = new Set(['recommendedRooms', 'searchProfiles']);

export interface RateLimitOptions {
  /** Root mutation fields per key per window. */
  readonly mutationsPerWindow: number;
  /** Expensive root query fields per key per window. */
  readonly expensiveReadsPerWindow: number;
  /** Points of work per signed-in viewer per window: every operation's price (see README "Budgets"). */
  readonly operationPointsPerWindow: number;
  /** Points of work per anonymous address per window. */
  readonly anonymousOperationPointsPerWindow: number;
  /**
   * Points of the work budget an instance reserves from Redis per round trip and then spends
   * locally (default 1000): the hot path does not wait on Redis for every operation.
   */
  readonly reservePoints: number;
  readonly windowMs: number;
  /** Prefix of every key, so instances share budgets and test runs do not. */
  readonly keyPrefix: string;
  /** GET requests to calendar files (`/calendar/…`) per client address per minute (default 60). */
  readonly calendarRequestsPerMinute?: number;
}

/** What one operation asks of the budgets. */
export interface RateLimitCost {
  readonly mutations: number;
  readonly expensiveReads: number;
  /** The operation's price in work points (cost, subscribe price, document validation work). */
  readonly points: number;
}

export type RateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly failed: boolean };

/** Where the budgets are counted: told once per switch, never per call. */
export type RateStoreEvent = 'unreachable' | 'back';

/**
 * The per-instance limiter a Redis limiter falls back to while Redis does not answer
 * (rate-limiter-flexible's `insuranceLimiter`): limits keep applying during an outage, per
 * instance, and the first call it answers reports the switch.
 */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): ReturnType<RateLimiterMemory['consume']> {
    this.onUse();
    return super.consume(...args);
  }
}

/**
 * Budgets that count work, not requests (issue 6, fault 2; issue 14, section 5): every root
 * mutation field (each alias counts), every expensive read, and the work budget every operation
 * on either transport draws its price from. Kept in Redis when a client is given, so every API
 * instance draws on the same budgets; in memory otherwise.
 *
 * Redis outages: each Redis limiter has an in-memory insurance limiter with the same budget, so
 * limits still apply (per instance) and no call rejects unhandled; `onStoreEvent` hears
 * `unreachable` once when the first call falls back and `back` once when Redis is ready again.
 * A key over its budget is blocked in memory until its window ends (`inMemoryBlockOnConsumed`),
 * so a flood of refused operations costs no Redis round trips.
 */
export class RateLimits {
  private readonly mutations: RateLimiterAbstract;
  private readonly expensiveReads: RateLimiterAbstract;
  private readonly operations: { consume(key: string, points: number): Promise<unknown> };
  private readonly anonymousOperations: { consume(key: string, points: number): Promise<unknown> };
  private readonly calendarRequests: RateLimiterAbstract;
  private readonly keyPrefix: string;
  private storeUnreachable = false;

  constructor(
    options: RateLimitOptions,
    private readonly redis: Redis | null,
    private readonly onStoreEvent: (event: RateStoreEvent) => void = () => undefined,
  ) {
    const windowSeconds = wholeSeconds(options.windowMs);
    this.keyPrefix = options.keyPrefix;
    // `blockInMemory`: a key over budget is refused from memory until its window ends. Not for
    // the work budget, whose reservations may be refused and given back while the key still has
    // points (PointReservations blocks keys whose own points were refused itself).
    const make = (points: number, name: string, blockInMemory = true, duration = windowSeconds): RateLimiterAbstract =>
      this.limiter(points, name, blockInMemory, duration);
    this.mutations = make(options.mutationsPerWindow, 'mutations');
    this.expensiveReads = make(options.expensiveReadsPerWindow, 'reads');
    // In memory a consume is a map lookup; through Redis it is a round trip, so points are
    // reserved in chunks and spent locally.
    const work = (points: number, name: string) => {
      const limiter = make(points, name, false);
      return redis ? new PointReservations(limiter, Math.min(options.reservePoints, points)) : limiter;
    };
    this.operations = work(options.operationPointsPerWindow, 'work');
    this.anonymousOperations = work(options.anonymousOperationPointsPerWindow, 'work-anonymous');
    // Calendar apps poll feeds every few hours; a client fetching far more is guessing tokens.
    this.calendarRequests = make(options.calendarRequestsPerMinute ?? 60, 'calendar', true, 60);
    redis?.on('ready', () => {
      if (!this.storeUnreachable) return;
      this.storeUnreachable = false;
      this.onStoreEvent('back');
    });
  }

  /**
   * A per-account limit on one kind of action (chat messages by role, reactions, questions,
   * reports) counted where the budgets are: in Redis when the API has one, so every instance
   * draws on the same count and a person behind a balancer gets the limit once, not once per
   * instance; in memory otherwise. During a Redis outage the same in-memory insurance counts
   * (per instance, reported once like the budgets'). No in-memory block: an action refused
   * elsewhere is given back (`refund`), and the next one must see that.
   */
  perAccount(limit: PerAccountLimit): PerAccountLimiter {
    return new PerAccountLimiter(limit, this.limiter(limit.points, `account:${limit.name}`, false, wholeSeconds(limit.windowMs)));
  }

  /** The key for a viewer, or for an anonymous client's IP address. */
  static keyFor(viewerId: string | null, ip: string | null): string {
    return viewerId ? `viewer:${viewerId}` : `ip:${ip ?? 'unknown'}`;
  }

  /** Whether `key` ({@link keyFor}) is a signed-in viewer's, not an address's. */
  static isViewerKey(key: string): boolean {
    return key.startsWith('viewer:');
  }

  /** Whether the Redis store is down and the per-instance insurance limiters count instead. */
  get countingInMemory(): boolean {
    return this.storeUnreachable;
  }

  async consume(key: string, cost: RateLimitCost): Promise<RateLimitDecision> {
    const steps: [{ consume(key: string, points: number): Promise<unknown> }, number][] = [
      [this.mutations, cost.mutations],
      [this.expensiveReads, cost.expensiveReads],
      [RateLimits.isViewerKey(key) ? this.operations : this.anonymousOperations, cost.points],
    ];
    for (const [limiter, points] of steps) {
      if (points <= 0) continue;
      try {
        await limiter.consume(key, points);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), failed: false };
        }
        // Neither the store nor its insurance answered: refuse rather than let unmetered work through.
        return { allowed: false, retryAfterSeconds: 1, failed: true };
      }
    }
    return { allowed: true };
  }

  /**
   * Counts one GET of a calendar file from `ip` (null: unknown, all such share one key): allowed,
   * or refused with the seconds until the next is allowed (fail closed, as {@link consume}).
   */
  async consumeCalendarRequest(ip: string | null): Promise<RateLimitDecision> {
    try {
      await this.calendarRequests.consume(`ip:${ip ?? 'unknown'}`, 1);
      return { allowed: true };
    } catch (error) {
      if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), failed: false };
      return { allowed: false, retryAfterSeconds: 1, failed: true };
    }
  }

  async close(): Promise<void> {
    if (this.redis) this.redis.disconnect();
  }

  /** One limiter under `<keyPrefix>:<name>`, in Redis (with its in-memory insurance) or in memory. */
  private limiter(points: number, name: string, blockInMemory: boolean, duration: number): RateLimiterAbstract {
    const keyPrefix = `${this.keyPrefix}:${name}`;
    if (!this.redis) return new RateLimiterMemory({ points, duration, keyPrefix });
    return new RateLimiterRedis({
      storeClient: this.redis,
      points,
      duration,
      keyPrefix,
      rejectIfRedisNotReady: true,
      ...(blockInMemory ? { inMemoryBlockOnConsumed: points } : {}),
      insuranceLimiter: new InsuranceLimiter({ points, duration, keyPrefix }, () => this.switchedToInsurance()),
    });
  }

  private switchedToInsurance(): void {
    if (this.storeUnreachable) return;
    this.storeUnreachable = true;
    this.onStoreEvent('unreachable');
  }
}

/** A window in ms as the limiters take it: whole seconds, at least one. */
function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * A Redis client for the limiter alone: no offline queue and one retry, so a Redis outage
 * falls back to the in-memory insurance at once instead of queueing operations. It reconnects
 * on its own (ioredis's default backoff).
 */
export async function connectRateLimitStore(redisUrl: string | null): Promise<Redis | null> {
  if (!redisUrl) return null;
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  // Errors surface as the insurance taking over; keep ioredis from reporting them as unhandled.
  redis.on('error', () => undefined);
  // Redis down at start must not stop the API (issue 14): the client keeps reconnecting, and until
  // it is back the limiter fails closed like during any other outage.
  await redis.connect().catch(() => undefined);
  return redis;
}

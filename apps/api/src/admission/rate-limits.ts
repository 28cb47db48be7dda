import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Root fields of the query type that cost real work per call, so each call is counted. */
export const EXPENSIVE_READ_FIELDS: ReadonlySet<string> = new Set(['recommendedRooms', 'searchProfiles']);

export interface RateLimitOptions {
  /** Root mutation fields per key per window. */
  readonly mutationsPerWindow: number;
  /** Expensive root query fields per key per window. */
  readonly expensiveReadsPerWindow: number;
  readonly windowMs: number;
  /** Prefix of every key, so instances share budgets and test runs do not. */
  readonly keyPrefix: string;
}

/** What one operation asks of the budgets. */
export interface RateLimitCost {
  readonly mutations: number;
  readonly expensiveReads: number;
}

export type RateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly failed: boolean };

/**
 * Budgets that count work, not requests (issue 6, fault 2): every root mutation field (each
 * alias counts) and every expensive read. Kept in Redis when a client is given, so every API
 * instance draws on the same budget; in memory otherwise.
 *
 * Fails closed: if the store cannot answer, the operation is refused (`failed: true`).
 */
export class RateLimits {
  private readonly mutations: RateLimiterAbstract;
  private readonly expensiveReads: RateLimiterAbstract;

  constructor(
    options: RateLimitOptions,
    private readonly redis: Redis | null,
  ) {
    const duration = Math.max(1, Math.ceil(options.windowMs / 1000));
    const make = (points: number, name: string): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix: `${options.keyPrefix}:${name}`, rejectIfRedisNotReady: true })
        : new RateLimiterMemory({ points, duration, keyPrefix: `${options.keyPrefix}:${name}` });
    this.mutations = make(options.mutationsPerWindow, 'mutations');
    this.expensiveReads = make(options.expensiveReadsPerWindow, 'reads');
  }

  /** The key for a viewer, or for an anonymous client's IP address. */
  static keyFor(viewerId: string | null, ip: string | null): string {
    return viewerId ? `viewer:${viewerId}` : `ip:${ip ?? 'unknown'}`;
  }

  async consume(key: string, cost: RateLimitCost): Promise<RateLimitDecision> {
    const steps: [RateLimiterAbstract, number][] = [
      [this.mutations, cost.mutations],
      [this.expensiveReads, cost.expensiveReads],
    ];
    for (const [limiter, points] of steps) {
      if (points <= 0) continue;
      try {
        await limiter.consume(key, points);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), failed: false };
        }
        // The store failed (Redis down, timeout): refuse rather than let unmetered work through.
        return { allowed: false, retryAfterSeconds: 1, failed: true };
      }
    }
    return { allowed: true };
  }

  async close(): Promise<void> {
    if (this.redis) this.redis.disconnect();
  }
}

/**
 * A Redis client for the limiter alone: no offline queue and one retry, so a Redis outage
 * refuses operations at once instead of queueing them.
 */
export async function connectRateLimitStore(redisUrl: string | null): Promise<Redis | null> {
  if (!redisUrl) return null;
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  // Errors surface as refused operations; keep ioredis from reporting them as unhandled.
  redis.on('error', () => undefined);
  // Redis down at start must not stop the API (issue 14): the client keeps reconnecting, and until
  // it is back the limiter fails closed like during any other outage.
  await redis.connect().catch(() => undefined);
  return redis;
}

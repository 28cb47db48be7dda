import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

import { ApiErrorCode, apiError } from '../common/api-error';

/** What one {@link PerAccountLimiter} counts. */
export interface PerAccountLimit {
  /** The limiter's key prefix, e.g. `reports`. */
  readonly name: string;
  /** Actions allowed per window. */
  readonly points: number;
  /** The window, in ms (rounded up to whole seconds). */
  readonly windowMs: number;
  /** The refusal's message, given the seconds until the next action is allowed. */
  readonly refusal: (retryAfterSeconds: number) => string;
}

/**
 * A per-account limit on one kind of action (chat messages, reactions, questions, reports), on
 * top of the API's general work budget. Built by `RateLimits.perAccount`, which counts in Redis
 * when there is one (shared by every instance) and in memory otherwise. Anything but a clean
 * "allowed" refuses (fail closed).
 */
export class PerAccountLimiter {
  /** @param limiter where the actions are counted (`limit.points` per `limit.windowMs`). */
  constructor(
    private readonly limit: PerAccountLimit,
    private readonly limiter: RateLimiterAbstract,
  ) {}

  /** Counts one action of `accountId`. @throws RATE_LIMITED with `retryAfterSeconds` when over the limit (or the limiter fails). */
  async consume(accountId: string): Promise<void> {
    try {
      await this.limiter.consume(accountId);
    } catch (rejection) {
      const retryAfterSeconds = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) : 60;
      throw apiError(ApiErrorCode.RateLimited, this.limit.refusal(retryAfterSeconds), { retryAfterSeconds });
    }
  }

  /**
   * Counts one action of `accountId` when the limit allows it: false, and no error, when over the
   * limit (or the limiter fails), for actions that are dropped rather than refused (reactions).
   */
  async tryConsume(accountId: string): Promise<boolean> {
    try {
      await this.limiter.consume(accountId);
      return true;
    } catch {
      return false;
    }
  }

  /** Gives back one action counted by {@link consume} (the action was refused and changed nothing). */
  async refund(accountId: string): Promise<void> {
    await this.limiter.reward(accountId, 1).catch(() => undefined);
  }
}

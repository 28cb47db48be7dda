import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { ApiErrorCode, apiError } from '../common/api-error';

/**
 * Reports per reporter per window (REPORT_RATE_LIMIT per REPORT_RATE_WINDOW_MS), on top of the
 * API's general mutation limit: filing reports is cheap for a client and costly for staff.
 * Counted per API instance (RateLimiterMemory); every attempt counts, refused ones included, and
 * anything but a clean "allowed" refuses (fail closed).
 */
export class ReportRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(reportsPerWindow: number, windowMs: number) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'reports',
      points: reportsPerWindow,
      duration: Math.max(1, Math.ceil(windowMs / 1000)),
    });
  }

  /** @throws RATE_LIMITED with `retryAfterSeconds` when the reporter is over the limit (or the limiter fails). */
  async consume(reporterId: string): Promise<void> {
    try {
      await this.limiter.consume(reporterId);
    } catch (rejection) {
      const retryAfterSeconds = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) : 60;
      throw apiError(ApiErrorCode.RateLimited, `Too many reports: try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }
}

import { PerAccountLimiter } from '../admission/per-account-limiter';

/**
 * Reports per reporter per window (REPORT_RATE_LIMIT per REPORT_RATE_WINDOW_MS), on top of the
 * API's general mutation limit: filing reports is cheap for a client and costly for staff.
 * Counted per API instance; every attempt counts, refused ones included, and anything but a clean
 * "allowed" refuses (fail closed).
 */
export class ReportRateLimiter extends PerAccountLimiter {
  constructor(reportsPerWindow: number, windowMs: number) {
    super({ name: 'reports', points: reportsPerWindow, windowMs, refusal: (seconds) => `Too many reports: try again in ${seconds} s` });
  }
}

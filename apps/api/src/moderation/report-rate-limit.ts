import type { PerAccountLimit } from '../admission/per-account-limiter';

/**
 * Reports per reporter per window (REPORT_RATE_LIMIT per REPORT_RATE_WINDOW_MS), on top of the
 * API's general mutation limit: filing reports is cheap for a client and costly for staff. Every
 * attempt counts, refused ones included, and anything but a clean "allowed" refuses (fail closed).
 * Counted where the budgets are (`RateLimits.perAccount`: Redis when the API has one).
 */
export function reportRateLimit(reportsPerWindow: number, windowMs: number): PerAccountLimit {
  return { name: 'reports', points: reportsPerWindow, windowMs, refusal: (seconds) => `Too many reports: try again in ${seconds} s` };
}

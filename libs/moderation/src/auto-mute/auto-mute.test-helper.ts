import { ReportCategory } from '../reports/report-category';
import type { ReportOnParticipant } from './auto-mute';

export const NOW = new Date('2026-11-30T12:00:00Z');

/** A reporter in good standing: an account a year old, present for an hour. */
export const ESTABLISHED = { presenceSeconds: 3600, accountCreatedAt: new Date(NOW.getTime() - 365 * 24 * 3600_000) } as const;

/** A brigade account: minted a minute before {@link NOW}, in the room for a tenth of a second. */
export const FRESH = { presenceSeconds: 0, accountCreatedAt: new Date(NOW.getTime() - 60_000) } as const;

let sequence = 0;

/** A report `secondsAgo` before {@link NOW}; hate speech unless told otherwise. */
export function report(reporterId: string, secondsAgo: number, overrides: Partial<ReportOnParticipant> = {}): ReportOnParticipant {
  sequence += 1;
  return {
    id: `rep-${sequence}`,
    reporterId,
    category: ReportCategory.HateSpeech,
    createdAt: new Date(NOW.getTime() - secondsAgo * 1000),
    reporterStanding: ESTABLISHED,
    ...overrides,
  };
}

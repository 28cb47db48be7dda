import { ReportCategory } from '../reports/report-category';
import type { ReportOnParticipant } from './auto-mute';

export const NOW = new Date('2026-11-30T12:00:00Z');

let sequence = 0;

/** A report `secondsAgo` before {@link NOW}; hate speech unless told otherwise. */
export function report(reporterId: string, secondsAgo: number, overrides: Partial<ReportOnParticipant> = {}): ReportOnParticipant {
  sequence += 1;
  return {
    id: `rep-${sequence}`,
    reporterId,
    category: ReportCategory.HateSpeech,
    createdAt: new Date(NOW.getTime() - secondsAgo * 1000),
    ...overrides,
  };
}

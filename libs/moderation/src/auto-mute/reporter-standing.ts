import type { AutoMuteSettings } from './auto-mute-settings';

/** What the API knew about a reporter when they filed a report, stored with the report. */
export interface ReporterStanding {
  /**
   * How long the reporter had been in the room when they reported, in whole seconds: from the
   * start of their latest stay to the report (or to when they left, for a report filed in the
   * grace period after leaving). Null when unknown (a system report).
   */
  readonly presenceSeconds: number | null;
  /** When the reporter's account was created; null when unknown (a system report). */
  readonly accountCreatedAt: Date | null;
}

/**
 * Whether a report counts toward the automatic mute: a cheap signal (a fresh account, or one
 * that joined a moment ago) must not buy a costly automatic action. The reporter counts when they
 * had been in the room at least `settings.minPresenceSeconds` when they reported, OR their account
 * was at least `settings.minAccountAgeHours` old at `reportedAt` (both ends included). Unknown
 * facts count as not met. Reports that do not count are still filed and reach the staff queue.
 * Pure: a named rule of the room access policy.
 */
export function reporterCountsTowardAutoMute(
  standing: ReporterStanding,
  reportedAt: Date,
  settings: Pick<AutoMuteSettings, 'minPresenceSeconds' | 'minAccountAgeHours'>,
): boolean {
  if (standing.presenceSeconds !== null && standing.presenceSeconds >= settings.minPresenceSeconds) return true;
  if (standing.accountCreatedAt === null) return false;
  return reportedAt.getTime() - standing.accountCreatedAt.getTime() >= settings.minAccountAgeHours * 60 * 60 * 1000;
}

/**
 * The presence to store with a report: whole seconds from `joinedAt` to the report, or to
 * `leftAt` when the reporter already left; never negative.
 */
export function presenceSecondsAt(participation: { readonly joinedAt: Date; readonly leftAt: Date | null }, now: Date): number {
  const end = participation.leftAt ?? now;
  return Math.max(0, Math.floor((end.getTime() - participation.joinedAt.getTime()) / 1000));
}

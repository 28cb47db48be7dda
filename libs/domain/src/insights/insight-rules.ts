import { industryBySlug } from '../taxonomy/industries';
import { isSeniority, Seniority } from '../taxonomy/seniority';

/**
 * THE HOST INSIGHTS RULE (issue 19; README "Host insights"). Pure: the API's job computes the
 * counts in one SQL statement and folds them here before it stores them.
 *
 * - k (`minimumGroupSize`, default {@link DEFAULT_MINIMUM_GROUP_SIZE}, never below
 *   {@link MIN_MINIMUM_GROUP_SIZE}) is the smallest group ever shown.
 * - A listener counts in their industry (or seniority) group only when at least k listeners of
 *   that same group first listened in the same refresh window (their "cohort"). Everyone else —
 *   no industry on the profile, or a cohort below k — is in "Other". So a person who joins alone
 *   (or with fewer than k - 1 others of their group) lands in "Other" whatever their group: the
 *   figures move the same way for every value of their attribute, and differencing two windows
 *   tells nothing about it. A group moves only when k or more of its members arrive together.
 * - "Other" is shown only when it has at least k listeners; otherwise the smallest named groups
 *   are merged into it until it does. When even that cannot reach k (fewer than k listeners in
 *   all), no group is shown at all.
 */

/** Smallest k the configuration accepts. */
export const MIN_MINIMUM_GROUP_SIZE = 5;
/** k when INSIGHTS_MINIMUM_GROUP_SIZE is unset. */
export const DEFAULT_MINIMUM_GROUP_SIZE = 10;
/** Shortest refresh window the configuration accepts, in seconds. */
export const MIN_INSIGHTS_REFRESH_SECONDS = 60;
/** Refresh window when INSIGHTS_REFRESH_SECONDS is unset, in seconds. */
export const DEFAULT_INSIGHTS_REFRESH_SECONDS = 300;
/** The label of the folded group. */
export const OTHER_GROUP_LABEL = 'Other';

/** A group as counted: its label and its distinct listeners (cohorts of at least k only). */
export interface CountedGroup {
  readonly label: string;
  readonly listeners: number;
}

/** A group as shown: `share` is listeners / the room's distinct listeners, 0–1. */
export interface InsightGroupFigure {
  readonly label: string;
  readonly listeners: number;
  readonly share: number;
}

/** Thrown for a k or a window the rule does not allow (the configuration reports it by name). */
export class InsightSettingsError extends Error {
  override readonly name = 'InsightSettingsError';
}

/**
 * Checks the two settings of the rule.
 * @throws InsightSettingsError when k < 5 or the window is shorter than 60 s (or not whole numbers).
 */
export function checkInsightSettings(settings: { readonly minimumGroupSize: number; readonly refreshSeconds: number }): void {
  if (!Number.isInteger(settings.minimumGroupSize) || settings.minimumGroupSize < MIN_MINIMUM_GROUP_SIZE) {
    throw new InsightSettingsError(`the minimum group size must be a whole number of at least ${MIN_MINIMUM_GROUP_SIZE}`);
  }
  if (!Number.isInteger(settings.refreshSeconds) || settings.refreshSeconds < MIN_INSIGHTS_REFRESH_SECONDS) {
    throw new InsightSettingsError(`the refresh window must be a whole number of seconds, at least ${MIN_INSIGHTS_REFRESH_SECONDS}`);
  }
}

/**
 * The groups shown for one dimension (industry or seniority).
 * @param counted groups with the listeners of their cohorts of at least k (others already left out);
 *   a group below k is treated as uncounted.
 * @param uniqueListeners the room's distinct listeners; everyone not in a shown group is "Other".
 * @returns largest first (ties by label), "Other" last; every entry has at least k listeners;
 *   empty when fewer than k listeners in all.
 */
export function foldInsightGroups(counted: readonly CountedGroup[], uniqueListeners: number, minimumGroupSize: number): InsightGroupFigure[] {
  const k = minimumGroupSize;
  const named = counted.filter((group) => group.listeners >= k && group.label !== OTHER_GROUP_LABEL).map((group) => ({ ...group }));
  const namedTotal = named.reduce((sum, group) => sum + group.listeners, 0);
  // Counts never exceed the total (a listener is in one group per dimension); guard anyway.
  if (namedTotal > uniqueListeners) throw new RangeError('groups count more listeners than the room has');
  let other = uniqueListeners - namedTotal;
  // Smallest first (ties: the later label first), so the groups kept are the largest.
  named.sort((a, b) => a.listeners - b.listeners || b.label.localeCompare(a.label));
  while (other > 0 && other < k && named.length > 0) {
    const smallest = named.shift();
    if (smallest) other += smallest.listeners;
  }
  if (named.length === 0 && other < k) return [];
  const shown = named
    .sort((a, b) => b.listeners - a.listeners || a.label.localeCompare(b.label))
    .map((group) => ({ label: group.label, listeners: group.listeners, share: share(group.listeners, uniqueListeners) }));
  if (other > 0) shown.push({ label: OTHER_GROUP_LABEL, listeners: other, share: share(other, uniqueListeners) });
  return shown;
}

/** One distinct listener as the cohort rule sees them: their group (null: none on the profile) and the window they first listened in. */
export interface ListenerCohortKey {
  readonly group: string | null;
  readonly firstWindow: number;
}

/**
 * The cohort rule (what the job's SQL computes): per group, the listeners of its cohorts (same
 * group, same first window) of at least k. The reference the SQL is tested against
 * (apps/api/test/insights-cohort-sql.e2e.spec.ts).
 */
export function countCohorts(listeners: readonly ListenerCohortKey[], minimumGroupSize: number): CountedGroup[] {
  const cohorts = new Map<string, Map<number, number>>();
  for (const { group, firstWindow } of listeners) {
    if (group === null) continue;
    const byWindow = cohorts.get(group) ?? new Map<number, number>();
    byWindow.set(firstWindow, (byWindow.get(firstWindow) ?? 0) + 1);
    cohorts.set(group, byWindow);
  }
  const counted: CountedGroup[] = [];
  for (const [label, byWindow] of cohorts) {
    let listenersOfGroup = 0;
    for (const size of byWindow.values()) if (size >= minimumGroupSize) listenersOfGroup += size;
    if (listenersOfGroup > 0) counted.push({ label, listeners: listenersOfGroup });
  }
  return counted;
}

const share = (listeners: number, total: number): number => (total === 0 ? 0 : listeners / total);

const SENIORITY_LABELS: Readonly<Record<Seniority, string>> = {
  [Seniority.Entry]: 'Entry level',
  [Seniority.Mid]: 'Mid level',
  [Seniority.Senior]: 'Senior',
  [Seniority.Lead]: 'Lead',
  [Seniority.Manager]: 'Manager',
  [Seniority.Director]: 'Director',
  [Seniority.Executive]: 'Executive',
};

/** The label of an industry slug as stored on profiles (the slug itself if unknown). */
export function industryGroupLabel(slug: string): string {
  return industryBySlug(slug)?.name ?? slug;
}

/** The label of a seniority as stored on profiles (the value itself if unknown). */
export function seniorityGroupLabel(value: string): string {
  return isSeniority(value) ? SENIORITY_LABELS[value] : value;
}

/** The median listening seconds as shown: rounded to whole seconds, null below k distinct listeners. */
export function shownMedianSeconds(median: number | null, uniqueListeners: number, minimumGroupSize: number): number | null {
  if (median === null || uniqueListeners < minimumGroupSize) return null;
  return Math.round(median);
}

/**
 * The refresh windows of a room: window n covers [startedAt + n·W, startedAt + (n+1)·W). While
 * LIVE, the figures of window n are computed once it is over (cut off at its end); the room's end
 * cuts off its last, partial window.
 * @returns the end of every whole window over by `now`, oldest first (at most `limit`, the latest ones).
 */
export function windowEndsBy(startedAt: Date, now: Date, refreshSeconds: number, limit = Number.POSITIVE_INFINITY): Date[] {
  const ms = refreshSeconds * 1000;
  const whole = Math.floor((now.getTime() - startedAt.getTime()) / ms);
  const ends: Date[] = [];
  for (let n = Math.max(1, whole - limit + 1); n <= whole; n += 1) ends.push(new Date(startedAt.getTime() + n * ms));
  return ends;
}

/** The start of the window a cut-off at `end` closes: the last window boundary before it (startedAt at least). */
export function windowStartOf(startedAt: Date, end: Date, refreshSeconds: number): Date {
  const ms = refreshSeconds * 1000;
  const elapsed = end.getTime() - startedAt.getTime();
  if (elapsed <= 0) return startedAt;
  return new Date(startedAt.getTime() + (Math.ceil(elapsed / ms) - 1) * ms);
}

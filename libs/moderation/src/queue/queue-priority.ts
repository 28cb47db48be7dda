import { categorySeverity, type ReportStatus, type ReportCategory } from '../reports/report-category';

/**
 * The audience factor of the queue priority: `1 + log2(1 + audienceSize)`. An empty room gives 1
 * (not 0, so its reports still rank by severity and reporters), and each doubling of the
 * audience adds 1: harm said to 1000 people outranks the same said to 10, but not by 100 times.
 * @param audienceSize people in the room (stage and audience), a count; negatives and NaN count as 0.
 */
export function audienceFactor(audienceSize: number): number {
  const size = Number.isFinite(audienceSize) && audienceSize > 0 ? audienceSize : 0;
  return 1 + Math.log2(1 + size);
}

/**
 * A group's place in the staff queue: category severity × distinct reporters × audience factor
 * (see `CATEGORY_SEVERITY` and {@link audienceFactor}). Unitless; larger is more urgent.
 * Strictly increasing in severity and reporters, non-decreasing in audience size.
 * @param distinctReporters distinct accounts among the group's reports; a system report (no
 *   reporter) counts as one so a screening flag still ranks.
 */
export function queuePriority(category: ReportCategory, distinctReporters: number, audienceSize: number): number {
  return categorySeverity(category) * Math.max(1, distinctReporters) * audienceFactor(audienceSize);
}

/** A report as the queue reads it. */
export interface QueuedReport {
  readonly id: string;
  readonly roomId: string;
  /** Null for a report about the room itself. */
  readonly reportedProfileId: string | null;
  /** Null for a system report (screening). */
  readonly reporterId: string | null;
  readonly category: ReportCategory;
  readonly status: ReportStatus;
  readonly createdAt: Date;
}

/** The reports on one (room, profile), as the queue shows them. */
export interface ReportGroup {
  /** `${roomId}:${reportedProfileId ?? ''}`: stable, for cursors. */
  readonly key: string;
  readonly roomId: string;
  readonly reportedProfileId: string | null;
  /** Oldest first. */
  readonly reportIds: readonly string[];
  /** The most severe category among the reports (ties: the one reported first). */
  readonly category: ReportCategory;
  readonly distinctReporters: number;
  readonly audienceSize: number;
  readonly priority: number;
  readonly oldestAt: Date;
  readonly newestAt: Date;
}

/**
 * Groups reports on the same (room, reported profile), and orders the groups for the staff
 * queue: priority first (highest first), then the group waiting longest, then the key, so the
 * order is total and pages are stable.
 * @param reports the reports to show; pass the OPEN ones for the default queue. Statuses are not
 *   filtered here, so the same function serves `moderationQueue(status: ACTIONED)`.
 * @param audienceSizeOf current people in a room, a count (0 for an ended room is fine: it still ranks).
 */
export function buildModerationQueue(
  reports: readonly QueuedReport[],
  audienceSizeOf: (roomId: string) => number,
): ReportGroup[] {
  const byKey = new Map<string, QueuedReport[]>();
  for (const report of reports) {
    const key = groupKey(report.roomId, report.reportedProfileId);
    const group = byKey.get(key);
    if (group) group.push(report);
    else byKey.set(key, [report]);
  }
  const groups: ReportGroup[] = [];
  for (const [key, members] of byKey) {
    members.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const first = members[0] as QueuedReport;
    const last = members[members.length - 1] as QueuedReport;
    let category = first.category;
    for (const report of members) {
      if (categorySeverity(report.category) > categorySeverity(category)) category = report.category;
    }
    const distinctReporters = distinctReporterCount(members);
    const audienceSize = audienceSizeOf(first.roomId);
    groups.push({
      key,
      roomId: first.roomId,
      reportedProfileId: first.reportedProfileId,
      reportIds: members.map((report) => report.id),
      category,
      distinctReporters,
      audienceSize,
      priority: queuePriority(category, distinctReporters, audienceSize),
      oldestAt: first.createdAt,
      newestAt: last.createdAt,
    });
  }
  return groups.sort(
    (a, b) =>
      b.priority - a.priority ||
      a.oldestAt.getTime() - b.oldestAt.getTime() ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/**
 * The contract's `Report.distinctReporters`: distinct accounts among reports on the same
 * (room, profile). System reports (no reporter) are not people and do not count.
 */
export function distinctReporterCount(reports: readonly Pick<QueuedReport, 'reporterId'>[]): number {
  return new Set(reports.flatMap((report) => (report.reporterId === null ? [] : [report.reporterId]))).size;
}

/** The grouping key of reports on `reportedProfileId` (null: the room itself) in `roomId`. */
export function groupKey(roomId: string, reportedProfileId: string | null): string {
  return `${roomId}:${reportedProfileId ?? ''}`;
}

import { STAGE_ROLES, type ParticipantRole } from '@roundtable/domain';

import { AUTO_MUTE_CATEGORIES, ReportStatus, type ReportCategory } from '../reports/report-category';
import { AUTO_MUTE_DEFAULTS, type AutoMuteSettings } from './auto-mute-settings';
import { reporterCountsTowardAutoMute, type ReporterStanding } from './reporter-standing';

/** One report on the participant in the room, as stored. */
export interface ReportOnParticipant {
  readonly id: string;
  readonly reporterId: string;
  readonly category: ReportCategory;
  readonly createdAt: Date;
  /** Reports staff already resolved never count; absent means OPEN. */
  readonly status?: ReportStatus;
  /**
   * Optional key of where the report came from (for example a hash of the client's IP /24 or
   * device): reporters sharing a key count once, so many accounts from one place cannot add up
   * to a pile-up alone. Null or absent: the reporter counts on their own.
   */
  readonly sourceKey?: string | null;
  /** The reporter's presence and account age when they reported (see {@link reporterCountsTowardAutoMute}). */
  readonly reporterStanding: ReporterStanding;
}

/** Everything the decision reads. */
export interface AutoMuteInput {
  /** Every report on this participant in this room (any age, any status; filtered here). */
  readonly reports: readonly ReportOnParticipant[];
  /** The participant's current role; null when they are no longer in the room. */
  readonly reportedRole: ParticipantRole | null;
  readonly now: Date;
  /**
   * When staff last reversed an automatic mute of this participant in this room (null: never).
   * Reports filed up to then were the basis of a decision that was undone: they never count again.
   */
  readonly lastReversalAt?: Date | null;
  /** Defaults to {@link AUTO_MUTE_DEFAULTS}; validate with `validateAutoMuteSettings` first. */
  readonly settings?: AutoMuteSettings;
}

/** Why the automatic mute did not trigger. */
export enum AutoMuteSkipReason {
  /** The participant is not on the stage (a listener has nothing to mute). */
  NotOnStage = 'NOT_ON_STAGE',
  /** Fewer independent reporters than `AUTO_MUTE_REPORTERS` within the window. */
  TooFewReporters = 'TOO_FEW_REPORTERS',
}

export type AutoMuteDecision =
  | {
      readonly trigger: true;
      /** The qualifying reports, oldest first: they go on the notice, the hold and the audit entry. */
      readonly reportIds: readonly string[];
      /** Independent reporters among them (at least `AUTO_MUTE_REPORTERS`). */
      readonly independentReporters: number;
    }
  | { readonly trigger: false; readonly reason: AutoMuteSkipReason; readonly independentReporters: number };

/**
 * Decides whether a pile-up of reports mutes a speaker at once, pending staff review (the mute
 * changes no role: a speaker stays a speaker, a moderator a moderator). It triggers when the
 * participant is on stage (host, moderator or speaker) and at least `settings.reporters`
 * independent reporters filed OPEN reports in an {@link AUTO_MUTE_CATEGORIES} category (hate
 * speech, harassment, violence) within the last `settings.windowMs` milliseconds before `now`
 * (both ends included; reports dated after `now` are ignored), counting only reports whose
 * reporter was in good standing ({@link reporterCountsTowardAutoMute}) and that were filed after
 * `lastReversalAt`. "Independent" means distinct accounts, and also distinct `sourceKey`s when the
 * API passes them (see {@link independentReporterCount}). One reporter, or any number of reports
 * from one account, never triggers it, since `reporters` is at least 2.
 * Pure: reads only its input. The API calls it in the `reportAbuse` transaction, after the new report.
 */
export function decideAutoMute(input: AutoMuteInput): AutoMuteDecision {
  const settings = input.settings ?? AUTO_MUTE_DEFAULTS;
  const now = input.now.getTime();
  const reversedAt = input.lastReversalAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const qualifying = input.reports
    .filter(
      (report) =>
        (report.status ?? ReportStatus.Open) === ReportStatus.Open &&
        AUTO_MUTE_CATEGORIES.has(report.category) &&
        report.createdAt.getTime() <= now &&
        now - report.createdAt.getTime() <= settings.windowMs &&
        report.createdAt.getTime() > reversedAt &&
        reporterCountsTowardAutoMute(report.reporterStanding, report.createdAt, settings),
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const independentReporters = independentReporterCount(qualifying);
  if (input.reportedRole === null || !STAGE_ROLES.has(input.reportedRole)) {
    return { trigger: false, reason: AutoMuteSkipReason.NotOnStage, independentReporters };
  }
  if (independentReporters < settings.reporters) {
    return { trigger: false, reason: AutoMuteSkipReason.TooFewReporters, independentReporters };
  }
  return { trigger: true, reportIds: qualifying.map((report) => report.id), independentReporters };
}

/**
 * How many independent people the reports stand for. Reporters who share a `sourceKey` are one
 * person, transitively: accounts A and B reporting from one address, and B and C from another,
 * are one. Without source keys this is the number of distinct reporter ids. At most that number,
 * so many reports from one account always count once.
 */
export function independentReporterCount(reports: readonly Pick<ReportOnParticipant, 'reporterId' | 'sourceKey'>[]): number {
  // Union-find over reporter ids and source keys; prefixes keep the two name spaces apart.
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(node, root);
    return root;
  };
  const add = (node: string) => {
    if (!parent.has(node)) parent.set(node, node);
  };
  for (const report of reports) {
    const reporter = `reporter:${report.reporterId}`;
    add(reporter);
    if (report.sourceKey) {
      const source = `source:${report.sourceKey}`;
      add(source);
      parent.set(find(reporter), find(source));
    }
  }
  const people = new Set<string>();
  for (const report of reports) people.add(find(`reporter:${report.reporterId}`));
  return people.size;
}

/**
 * Whether an automatic mute is still held: true while any of the reports that triggered it is
 * OPEN. While held, the participant cannot unmute themselves in that room, nor come back on
 * stage unmuted (an invitation is refused), until staff resolve the reports or reverse the mute.
 * @param triggeringReportStatuses the current status of each report id on the auto-mute notice.
 */
export function isStageHoldActive(triggeringReportStatuses: readonly ReportStatus[]): boolean {
  return triggeringReportStatuses.some((status) => status === ReportStatus.Open);
}

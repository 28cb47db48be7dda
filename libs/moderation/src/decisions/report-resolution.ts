import { AuditAction, buildAuditEntry, type AuditLogEntry } from '../audit/audit-log';
import { ModerationError } from '../errors/moderation-error';
import { categorySeverity, ReportStatus, type ReportCategory } from '../reports/report-category';
import { DECISION_TEXT_LIMITS, ModerationAction, ModerationNoticeAction } from './decision.types';
import type { NoticeDraft } from './notice';
import { statementOfReasons } from './statement-of-reasons';

/** How long a suspension lasts unless staff say otherwise: 30 days, in milliseconds. */
export const SUSPENSION_DEFAULT_MS = 30 * 24 * 60 * 60 * 1000;

/** A report as a decision reads it. */
export interface ReportToResolve {
  readonly id: string;
  readonly roomId: string;
  readonly reportedProfileId: string | null;
  readonly category: ReportCategory;
  readonly status: ReportStatus;
  readonly createdAt: Date;
}

/** Staff's decision on one queue group (the contract's `ResolveReportInput`, widened to the group). */
export interface ResolveReportsInput {
  readonly action: ModerationAction;
  /** The report named in `resolveReport`; it must be among `reports` and OPEN. */
  readonly reportId: string;
  /**
   * The reports decided together: the named one and the other reports of its (room, profile)
   * group. The group's already-resolved reports are skipped.
   */
  readonly reports: readonly ReportToResolve[];
  /** The `resolutionNote`, shown to the reported person; optional, at most `DECISION_TEXT_LIMITS.noteMax`. */
  readonly note?: string | null;
  readonly staffId: string;
  /** The room's title, for the statement of reasons. */
  readonly roomTitle: string | null;
  readonly now: Date;
  /** SUSPEND only: the duration in milliseconds (default {@link SUSPENSION_DEFAULT_MS}); null: no end. */
  readonly suspensionMs?: number | null;
}

/** Everything the API writes for a decision, in one transaction. */
export interface ReportResolution {
  /** The OPEN reports this decision resolves, oldest first. */
  readonly reportIds: readonly string[];
  /** DISMISSED for DISMISS, ACTIONED for every other action. */
  readonly reportStatus: ReportStatus.Actioned | ReportStatus.Dismissed;
  readonly resolvedAt: Date;
  /** Trimmed; null when blank. */
  readonly resolutionNote: string | null;
  /** The notice to the reported person; null for DISMISS. */
  readonly notice: NoticeDraft | null;
  /** REMOVE_FROM_ROOM: end the participation and ban the profile from the room. */
  readonly roomBan: { readonly roomId: string; readonly profileId: string } | null;
  /** SUSPEND: end every participation, close sockets, refuse media; `until` null means no end. */
  readonly suspension: { readonly profileId: string; readonly until: Date | null } | null;
  /** Always true: resolving the reports lifts an automatic stage hold resting on them. */
  readonly endsStageHold: true;
  readonly audit: AuditLogEntry;
}

const NOTICE_FOR_ACTION: Readonly<Record<ModerationAction, ModerationNoticeAction | null>> = {
  [ModerationAction.Dismiss]: null,
  [ModerationAction.Warn]: ModerationNoticeAction.Warned,
  [ModerationAction.RemoveFromRoom]: ModerationNoticeAction.RemovedFromRoom,
  [ModerationAction.Suspend]: ModerationNoticeAction.Suspended,
};

const AUDIT_FOR_ACTION: Readonly<Record<ModerationAction, AuditAction>> = {
  [ModerationAction.Dismiss]: AuditAction.ReportDismissed,
  [ModerationAction.Warn]: AuditAction.Warned,
  [ModerationAction.RemoveFromRoom]: AuditAction.RemovedFromRoom,
  [ModerationAction.Suspend]: AuditAction.Suspended,
};

/** The notice a staff action gives the reported person: WARN → WARNED, REMOVE_FROM_ROOM → REMOVED_FROM_ROOM, SUSPEND → SUSPENDED, DISMISS → none. */
export function noticeActionFor(action: ModerationAction): ModerationNoticeAction | null {
  return NOTICE_FOR_ACTION[action];
}

/** The most severe category among reports (ties: the earliest report's); see `CATEGORY_SEVERITY`. */
export function mostSevereCategory(reports: readonly Pick<ReportToResolve, 'category'>[]): ReportCategory {
  const [first, ...rest] = reports;
  if (first === undefined) throw new TypeError('mostSevereCategory needs at least one report');
  return rest.reduce((worst, report) => (categorySeverity(report.category) > categorySeverity(worst) ? report.category : worst), first.category);
}

/**
 * Decides what a staff decision on reports means: the reports' new status, the notice with its
 * statement of reasons, the room ban or suspension to apply, and the audit entry. The named
 * report decides for its whole group, so staff never act twice on one pile-up.
 * @throws ModerationError `InvalidInput` (field `reportId`) when the named report is not among
 *   `reports` or they are about different (room, profile) pairs; (field `action`) when a report
 *   about a room itself gets an action other than DISMISS; (field `note`) when the note is too
 *   long; (field `suspensionMs`) when the duration is not a positive integer.
 *   `ReportAlreadyResolved` when the named report is not OPEN.
 */
export function resolveReports(input: ResolveReportsInput): ReportResolution {
  const first = input.reports.find((report) => report.id === input.reportId);
  if (first === undefined) throw ModerationError.invalidInput('reportId', 'No such report to resolve');
  if (input.reports.some((report) => report.roomId !== first.roomId || report.reportedProfileId !== first.reportedProfileId)) {
    throw ModerationError.invalidInput('reportId', 'Reports about different rooms or people are decided separately');
  }
  if (first.status !== ReportStatus.Open) throw ModerationError.reportAlreadyResolved(first.id);
  const open = input.reports
    .filter((report) => report.status === ReportStatus.Open)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const note = input.note?.trim() ?? '';
  if ([...note].length > DECISION_TEXT_LIMITS.noteMax) {
    throw ModerationError.invalidInput('note', `note must be at most ${DECISION_TEXT_LIMITS.noteMax} characters`);
  }
  const subject = first.reportedProfileId;
  const noticeAction = noticeActionFor(input.action);
  if (noticeAction !== null && subject === null) {
    throw ModerationError.invalidInput('action', 'This report is about the room itself: only DISMISS applies');
  }
  let until: Date | null = null;
  if (input.action === ModerationAction.Suspend) {
    const duration = input.suspensionMs === undefined ? SUSPENSION_DEFAULT_MS : input.suspensionMs;
    if (duration !== null && (!Number.isInteger(duration) || duration <= 0)) {
      throw ModerationError.invalidInput('suspensionMs', 'suspensionMs must be a positive whole number of milliseconds');
    }
    until = duration === null ? null : new Date(input.now.getTime() + duration);
  }
  const reportIds = open.map((report) => report.id);
  const category = mostSevereCategory(open);
  const resolutionNote = note === '' ? null : note;
  const notice: NoticeDraft | null =
    noticeAction === null || subject === null
      ? null
      : {
          subjectProfileId: subject,
          action: noticeAction,
          category,
          reason: statementOfReasons({
            action: noticeAction,
            category,
            roomTitle: input.roomTitle,
            staffNote: resolutionNote,
            expiresAt: until,
          }),
          roomId: first.roomId,
          createdAt: input.now,
          expiresAt: until,
          reportIds,
        };
  return {
    reportIds,
    reportStatus: input.action === ModerationAction.Dismiss ? ReportStatus.Dismissed : ReportStatus.Actioned,
    resolvedAt: input.now,
    resolutionNote,
    notice,
    roomBan:
      input.action === ModerationAction.RemoveFromRoom && subject !== null ? { roomId: first.roomId, profileId: subject } : null,
    suspension: input.action === ModerationAction.Suspend && subject !== null ? { profileId: subject, until } : null,
    endsStageHold: true,
    audit: buildAuditEntry({
      actorId: input.staffId,
      action: AUDIT_FOR_ACTION[input.action],
      subjectProfileId: subject,
      roomId: first.roomId,
      reportIds,
      note: resolutionNote,
      at: input.now,
    }),
  };
}

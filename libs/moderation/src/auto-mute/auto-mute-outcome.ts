import { AuditAction, buildAuditEntry, type AuditLogEntry } from '../audit/audit-log';
import { ModerationNoticeAction } from '../decisions/decision.types';
import type { NoticeDraft } from '../decisions/notice';
import { mostSevereCategory } from '../decisions/report-resolution';
import { statementOfReasons } from '../decisions/statement-of-reasons';
import type { AutoMuteDecision, ReportOnParticipant } from './auto-mute';

/** What the API stores when {@link decideAutoMute} triggers, next to the room commands it runs. */
export interface AutoMuteOutcome {
  /** The AUTO_MUTED_PENDING_REVIEW notice (no end: it lasts until staff resolve the reports). */
  readonly notice: NoticeDraft;
  /** Automatic, so no actor. */
  readonly audit: AuditLogEntry;
}

/**
 * The notice and audit entry of a triggered automatic mute. The API also runs the room command
 * that mutes (and changes no role) so the usual event goes out and the media server mutes the
 * microphone, and holds the mute while `isStageHoldActive` holds.
 * @param decision a triggered decision from `decideAutoMute`.
 * @param reports the same reports passed to `decideAutoMute` (for the category).
 * @throws TypeError when `decision` did not trigger (a caller bug).
 */
export function autoMuteOutcome(input: {
  readonly decision: AutoMuteDecision;
  readonly reports: readonly ReportOnParticipant[];
  readonly subjectProfileId: string;
  readonly roomId: string;
  readonly roomTitle: string;
  readonly now: Date;
}): AutoMuteOutcome {
  const { decision } = input;
  if (!decision.trigger) throw new TypeError('autoMuteOutcome needs a triggered decision');
  const triggering = new Set(decision.reportIds);
  const category = mostSevereCategory(input.reports.filter((report) => triggering.has(report.id)));
  const notice: NoticeDraft = {
    subjectProfileId: input.subjectProfileId,
    action: ModerationNoticeAction.AutoMutedPendingReview,
    category,
    reason: statementOfReasons({
      action: ModerationNoticeAction.AutoMutedPendingReview,
      category,
      roomTitle: input.roomTitle,
      staffNote: null,
      expiresAt: null,
    }),
    roomId: input.roomId,
    createdAt: input.now,
    expiresAt: null,
    reportIds: decision.reportIds,
  };
  return {
    notice,
    audit: buildAuditEntry({
      actorId: null,
      action: AuditAction.AutoMuted,
      subjectProfileId: input.subjectProfileId,
      roomId: input.roomId,
      reportIds: decision.reportIds,
      note: `${decision.independentReporters} independent reporters within the auto-mute window`,
      at: input.now,
    }),
  };
}

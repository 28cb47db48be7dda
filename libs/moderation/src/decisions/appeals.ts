import { AuditAction, buildAuditEntry, type AuditLogEntry } from '../audit/audit-log';
import { ModerationError } from '../errors/moderation-error';
import { AppealStatus, DECISION_TEXT_LIMITS, ModerationNoticeAction } from './decision.types';
import type { StoredNotice } from './notice';

/** An appeal to store (the contract's `ModerationAppeal`). */
export interface AppealDraft {
  readonly noticeId: string;
  /** Trimmed. */
  readonly statement: string;
  readonly status: AppealStatus.Open;
  readonly createdAt: Date;
}

/**
 * Files the affected person's appeal against a notice: one per notice, whatever its outcome.
 * Allowed while suspended. The API loads the notice by id AND the viewer as subject, so another
 * person's notice is NOT_FOUND before this is called.
 * @param statement the person's words, 1 to `DECISION_TEXT_LIMITS.appealStatementMax` code points after trimming.
 * @throws ModerationError `InvalidInput` (field `statement`); `AppealAlreadyFiled`.
 */
export function fileAppeal(input: {
  readonly notice: Pick<StoredNotice, 'id' | 'appeal'>;
  readonly statement: string;
  readonly now: Date;
}): AppealDraft {
  const statement = input.statement.trim();
  if (statement === '') throw ModerationError.invalidInput('statement', 'statement must not be empty');
  if ([...statement].length > DECISION_TEXT_LIMITS.appealStatementMax) {
    throw ModerationError.invalidInput('statement', `statement must be at most ${DECISION_TEXT_LIMITS.appealStatementMax} characters`);
  }
  if (input.notice.appeal !== null) throw ModerationError.appealAlreadyFiled();
  return { noticeId: input.notice.id, statement, status: AppealStatus.Open, createdAt: input.now };
}

/** Everything the API writes when staff decide an appeal, in one transaction. */
export interface AppealResolution {
  readonly status: AppealStatus.Upheld | AppealStatus.Reversed;
  readonly decidedAt: Date;
  /** Trimmed. */
  readonly decisionNote: string;
  /** The notice's new stored `expiresAt`: `now` when reversed (it ends at once), else unchanged. */
  readonly noticeExpiresAt: Date | null;
  /** Reversed SUSPENDED: the suspension ends now; the account may join, speak and report again. */
  readonly liftSuspension: boolean;
  /** Reversed REMOVED_FROM_ROOM: lift the room ban. */
  readonly liftRoomBan: { readonly roomId: string; readonly profileId: string } | null;
  /** Reversed AUTO_MUTED_PENDING_REVIEW: the held mute ends (they may unmute and come back on stage). */
  readonly liftStageHold: boolean;
  /**
   * Reversed: the notice's reports that are still OPEN, to close as DISMISSED with the reversal.
   * A decision's basis must not outlive the decision: open reports would otherwise count again
   * toward the next automatic action. Empty when upheld.
   */
  readonly closeReportIds: readonly string[];
  readonly audit: AuditLogEntry;
}

/**
 * Staff decide an OPEN appeal: `upheld` keeps the decision, otherwise it is reversed and
 * its effects end at once (a reversed suspension ends now, a room ban is lifted) and the reports
 * it rested on close (`closeReportIds`; the API closes only those still OPEN). The API checks
 * the staff access policy first (`DECIDE_APPEAL`: staff powers, not party to the case).
 * @param note staff's answer, 1 to `DECISION_TEXT_LIMITS.noteMax` code points after trimming (the contract's `note: String!`).
 * @throws ModerationError `InvalidInput` (field `note`); `NoOpenAppeal` when the notice has no OPEN appeal.
 */
export function resolveAppeal(input: {
  readonly notice: StoredNotice;
  readonly upheld: boolean;
  readonly note: string;
  readonly staffId: string;
  readonly now: Date;
}): AppealResolution {
  const { notice } = input;
  const note = input.note.trim();
  if (note === '') throw ModerationError.invalidInput('note', 'note must not be empty: it is the answer the person reads');
  if ([...note].length > DECISION_TEXT_LIMITS.noteMax) {
    throw ModerationError.invalidInput('note', `note must be at most ${DECISION_TEXT_LIMITS.noteMax} characters`);
  }
  if (notice.appeal?.status !== AppealStatus.Open) throw ModerationError.noOpenAppeal();
  const reversed = !input.upheld;
  // A decision that already ended keeps its end; a reversal never extends it.
  const endsNow = reversed && (notice.expiresAt === null || notice.expiresAt.getTime() > input.now.getTime());
  return {
    status: reversed ? AppealStatus.Reversed : AppealStatus.Upheld,
    decidedAt: input.now,
    decisionNote: note,
    noticeExpiresAt: endsNow ? input.now : notice.expiresAt,
    liftSuspension: reversed && notice.action === ModerationNoticeAction.Suspended,
    liftRoomBan:
      reversed && notice.action === ModerationNoticeAction.RemovedFromRoom && notice.roomId !== null
        ? { roomId: notice.roomId, profileId: notice.subjectProfileId }
        : null,
    liftStageHold: reversed && notice.action === ModerationNoticeAction.AutoMutedPendingReview,
    closeReportIds: reversed ? [...new Set(notice.reportIds)] : [],
    audit: buildAuditEntry({
      actorId: input.staffId,
      action: reversed ? AuditAction.AppealReversed : AuditAction.AppealUpheld,
      subjectProfileId: notice.subjectProfileId,
      roomId: notice.roomId,
      reportIds: notice.reportIds,
      note,
      at: input.now,
    }),
  };
}

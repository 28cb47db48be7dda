import { ModerationError } from '../errors/moderation-error';
import { isReportCategory, type ReportCategory } from './report-category';

/** How long after leaving a room a person may still report in it: 15 minutes, in milliseconds. */
export const REPORT_GRACE_AFTER_LEAVING_MS = 15 * 60 * 1000;

/** Longest `details` text a report may carry, in Unicode code points. */
export const REPORT_DETAILS_MAX = 1000;

/** The contract's `ReportAbuseInput`, plus the viewer as reporter. */
export interface ReportRequest {
  readonly reporterId: string;
  readonly roomId: string;
  /** The participant reported; null when the report is about the room itself. For a question, its asker; for a chat message, its author. */
  readonly reportedProfileId: string | null;
  /** A `ReportCategory` value; plain strings are accepted and checked. */
  readonly category: string;
  readonly details?: string | null;
  /** The question reported (a report on a question names its asker as `reportedProfileId`); null or absent otherwise. */
  readonly questionId?: string | null;
  /** The chat message reported (a report on a message names its author as `reportedProfileId`); null or absent otherwise. Never with `questionId`. */
  readonly chatMessageId?: string | null;
}

/** What the API reads before filing a report (in the same transaction). */
export interface ReportContext {
  /**
   * The reporter's participation in the room: null when they never joined it; `leftAt` null while
   * they are still in it, else when they last left.
   */
  readonly reporterParticipation: { readonly leftAt: Date | null } | null;
  /**
   * The reported profile id of each of the reporter's OPEN reports in this room that are about
   * neither a question nor a chat message (null for a report about the room itself).
   */
  readonly reporterOpenReportTargets: readonly (string | null)[];
  /** The question id of each of the reporter's OPEN reports on a question; absent: none. */
  readonly reporterOpenQuestionTargets?: readonly string[];
  /** The message id of each of the reporter's OPEN reports on a chat message; absent: none. */
  readonly reporterOpenChatMessageTargets?: readonly string[];
}

/** A report that may be filed, normalised: trimmed details, blank → null. */
export interface EligibleReport {
  readonly reporterId: string;
  readonly roomId: string;
  readonly reportedProfileId: string | null;
  readonly category: ReportCategory;
  readonly details: string | null;
  readonly questionId: string | null;
  readonly chatMessageId: string | null;
}

/**
 * Checks that `request` may be filed at `now` and normalises it. Rules, in order:
 * 1. `category` is a `ReportCategory`, `details` at most {@link REPORT_DETAILS_MAX} code points,
 *    the report names at most one of a question and a chat message, and the reporter is not the
 *    reported profile (each `InvalidInput`, naming the field: `questionId` or `chatMessageId` for
 *    one's own question or message);
 * 2. the reporter is in the room, or left it at most {@link REPORT_GRACE_AFTER_LEAVING_MS}
 *    before `now` (`NotInRoom`);
 * 3. the reporter has no OPEN report on the same profile (or on the room) in the room, or, for a
 *    report on a question or a chat message, no OPEN report on the same question or message
 *    (`DuplicateOpenReport`).
 * A report on a question is kept apart from reports on its asker: it neither counts as one nor
 * conflicts with one, so an anonymous question's reporter cannot learn its asker by trying to
 * report a person (the API hides the asker of an anonymous question from the reporter). A report
 * on a chat message is kept apart the same way, so each abusive message of one author can be
 * reported, and the author too.
 * Rate limiting per reporter is the API's job (it counts work across rooms).
 * @throws ModerationError
 */
export function checkReportEligibility(request: ReportRequest, context: ReportContext, now: Date): EligibleReport {
  if (!isReportCategory(request.category)) {
    throw ModerationError.invalidInput('category', `Unknown report category: ${request.category}`);
  }
  const details = request.details?.trim() ?? '';
  if ([...details].length > REPORT_DETAILS_MAX) {
    throw ModerationError.invalidInput('details', `details must be at most ${REPORT_DETAILS_MAX} characters`);
  }
  const questionId = request.questionId ?? null;
  const chatMessageId = request.chatMessageId ?? null;
  if (questionId !== null && chatMessageId !== null) {
    throw ModerationError.invalidInput('chatMessageId', 'Report a question or a chat message, not both');
  }
  if (request.reportedProfileId !== null && request.reportedProfileId === request.reporterId) {
    if (questionId !== null) throw ModerationError.invalidInput('questionId', 'You cannot report your own question');
    if (chatMessageId !== null) throw ModerationError.invalidInput('chatMessageId', 'You cannot report your own message');
    throw ModerationError.invalidInput('profileId', 'You cannot report yourself');
  }
  if (!isInRoomForReporting(context.reporterParticipation, now)) throw ModerationError.notInRoom();
  const duplicate =
    questionId !== null
      ? (context.reporterOpenQuestionTargets ?? []).includes(questionId)
      : chatMessageId !== null
        ? (context.reporterOpenChatMessageTargets ?? []).includes(chatMessageId)
        : context.reporterOpenReportTargets.some((target) => target === request.reportedProfileId);
  if (duplicate) throw ModerationError.duplicateOpenReport();
  return {
    reporterId: request.reporterId,
    roomId: request.roomId,
    reportedProfileId: request.reportedProfileId,
    category: request.category,
    details: details === '' ? null : details,
    questionId,
    chatMessageId,
  };
}

/**
 * True while the person is in the room, and for {@link REPORT_GRACE_AFTER_LEAVING_MS} after they
 * left it (the boundary itself included): abuse often ends with the victim leaving.
 */
export function isInRoomForReporting(participation: { readonly leftAt: Date | null } | null, now: Date): boolean {
  if (participation === null) return false;
  if (participation.leftAt === null) return true;
  return now.getTime() - participation.leftAt.getTime() <= REPORT_GRACE_AFTER_LEAVING_MS;
}

/** Default of `REPORT_SUBJECT_LEFT_WITHIN_SECONDS`: a person may be reported up to 15 minutes after leaving. */
export const REPORT_SUBJECT_DEFAULT_LEFT_WITHIN_SECONDS = 15 * 60;

/**
 * Whether a profile may be named in a report in a room: they are in it now, or left it at most
 * `leftWithinSeconds` before `now` (boundary included). Someone who was never in the room (for
 * instance before the victim arrives) cannot be reported there, and such reports can never
 * add up to a later pile-up. The API answers every refusal exactly as an unknown profile id
 * (NOT_FOUND, same message), so a report is no oracle for who exists or who was where.
 * Pure: a named rule of the room access policy.
 * @param participation the profile's latest participation in the room; null when never in it.
 */
export function isReportableSubject(participation: { readonly leftAt: Date | null } | null, now: Date, leftWithinSeconds: number): boolean {
  if (participation === null) return false;
  if (participation.leftAt === null) return true;
  return now.getTime() - participation.leftAt.getTime() <= leftWithinSeconds * 1000;
}

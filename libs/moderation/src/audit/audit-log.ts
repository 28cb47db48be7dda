/** What an audit log entry records (the contract's `ModerationLogEntry.action`). */
export enum AuditAction {
  /** Automatic: a pile-up of reports muted a participant on stage (no role change). */
  AutoMuted = 'AUTO_MUTED',
  /** Automatic: screening flagged a text and filed a system report. */
  ScreeningFlagged = 'SCREENING_FLAGGED',
  ReportDismissed = 'REPORT_DISMISSED',
  Warned = 'WARNED',
  RemovedFromRoom = 'REMOVED_FROM_ROOM',
  Suspended = 'SUSPENDED',
  AppealUpheld = 'APPEAL_UPHELD',
  AppealReversed = 'APPEAL_REVERSED',
}

/** Actions the system takes on its own; every other action has a staff actor. */
export const AUTOMATIC_AUDIT_ACTIONS: ReadonlySet<AuditAction> = new Set([AuditAction.AutoMuted, AuditAction.ScreeningFlagged]);

/** One audit log entry: who, what, why, when, and the report ids. Append-only. */
export interface AuditLogEntry {
  /** Who acted: the staff profile id; null for an automatic action. */
  readonly actorId: string | null;
  /** What was done. */
  readonly action: AuditAction;
  /** Whom it affects; null for a decision about a room itself. */
  readonly subjectProfileId: string | null;
  readonly roomId: string | null;
  /** The reports it rests on, oldest first, without duplicates; may be empty only for appeals. */
  readonly reportIds: readonly string[];
  /** Why: staff's note, or the system's reason for an automatic action; null when none. */
  readonly note: string | null;
  /** When. */
  readonly at: Date;
}

/** What {@link buildAuditEntry} takes; `reportIds` may repeat, `note` may be blank. */
export interface AuditEntryInput {
  readonly actorId: string | null;
  readonly action: AuditAction;
  readonly subjectProfileId: string | null;
  readonly roomId: string | null;
  readonly reportIds: readonly string[];
  readonly note?: string | null;
  readonly at: Date;
}

/**
 * Builds an audit log entry, checking what makes the log trustworthy: an automatic action has
 * no actor and a staff action has one; every action except an appeal decision names the reports
 * it rests on; nobody is the actor of an entry about themself (separation of duties, see
 * `STAFF_ACCESS_TABLE`, NOT_PARTY_TO_CASE). Report ids are deduplicated (first occurrence kept); a blank note becomes null.
 * @throws TypeError when those checks fail: a programming error in the caller, never client input.
 */
export function buildAuditEntry(input: AuditEntryInput): AuditLogEntry {
  const automatic = AUTOMATIC_AUDIT_ACTIONS.has(input.action);
  if (automatic && input.actorId !== null) throw new TypeError(`${input.action} is automatic: it has no actor`);
  if (!automatic && input.actorId === null) throw new TypeError(`${input.action} needs the staff actor`);
  if (input.actorId !== null && input.actorId === input.subjectProfileId) throw new TypeError(`${input.action}: the actor cannot be its subject`);
  const appeal = input.action === AuditAction.AppealUpheld || input.action === AuditAction.AppealReversed;
  const reportIds = [...new Set(input.reportIds)];
  if (!appeal && reportIds.length === 0) throw new TypeError(`${input.action} must name the reports it rests on`);
  const note = input.note?.trim() ?? '';
  return {
    actorId: input.actorId,
    action: input.action,
    subjectProfileId: input.subjectProfileId,
    roomId: input.roomId,
    reportIds,
    note: note === '' ? null : note,
    at: input.at,
  };
}

import { decideStaffAccess, decideStaffActor, type StaffAccessDecision, type StaffOperation, type StaffRelation } from '../access/staff-access-policy';
import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';

/**
 * Separation of duties as facts for the staff access policy (`STAFF_ACCESS_TABLE`): the rules
 * themselves ("a suspended account has no staff powers", "nobody decides a case they are party
 * to") are rows of that table, not ifs here.
 */

/** Who a case is about and who raised it: the subject(s) of its reports or notice, and the reporters. */
export interface CaseParties {
  /** The reported or affected profile(s); null entries (a report about a room) are ignored. */
  readonly subjectIds: readonly (string | null)[];
  /** The reporters of the reports the case rests on; null entries (system reports) are ignored. */
  readonly reporterIds: readonly (string | null)[];
}

/** Whether `actorId` is party to the case: one of its subjects (an appeal of their own notice) or reporters (their own accusation). */
export function isPartyToCase(actorId: string, parties: CaseParties): boolean {
  return parties.subjectIds.includes(actorId) || parties.reporterIds.includes(actorId);
}

/** The {@link ModerationError} of a refusal (NOT_STAFF, STAFF_POWERS_SUSPENDED, OWN_CASE: all FORBIDDEN), or null when allowed. */
export function staffRefusal(decision: StaffAccessDecision): ModerationError | null {
  if (decision.allowed) return null;
  switch (decision.code) {
    case ModerationErrorCode.StaffPowersSuspended:
      return ModerationError.staffPowersSuspended();
    case ModerationErrorCode.OwnCase:
      return ModerationError.ownCase();
    default:
      return ModerationError.notStaff();
  }
}

/**
 * Throws the staff policy's refusal of `operation` for the viewer alone (the rules that need no
 * case), or returns.
 * @throws ModerationError
 */
export function assertStaffActor(operation: StaffOperation, actor: Pick<StaffRelation, 'isStaff' | 'isSuspended'>): void {
  const refusal = staffRefusal(decideStaffActor(operation, actor));
  if (refusal) throw refusal;
}

/**
 * Throws the staff policy's refusal of `operation` for the whole relation (the case included), or returns.
 * @throws ModerationError
 */
export function assertStaffAccess(operation: StaffOperation, relation: StaffRelation): void {
  const refusal = staffRefusal(decideStaffAccess(operation, relation));
  if (refusal) throw refusal;
}

import { firstRefusal, type RuleDecision, type RuleDefinition } from '@roundtable/domain';

import { ModerationErrorCode } from '../errors/moderation-error';

/**
 * THE STAFF ACCESS POLICY: the trust-and-safety rows of the one access policy, beside the room
 * table (`ROOM_ACCESS_TABLE` in `@roundtable/domain`). Operation × the viewer's
 * {@link StaffRelation} → allowed, or the first refused rule with its code. A change to
 * {@link STAFF_ACCESS_TABLE} is a permission change: its snapshot (`staff-access-policy.spec.ts`)
 * shows it in review. Separation of duties is two rules of it: a suspended account has no staff
 * powers ({@link StaffAccessRule.NotSuspended}), and nobody decides a case they are party to
 * ({@link StaffAccessRule.NotPartyToCase}).
 */

/** What a viewer may ask of trust and safety's records. */
export enum StaffOperation {
  /** `moderationQueue`: reports, grouped and prioritised. */
  ReadQueue = 'READ_QUEUE',
  /** `moderationAppeals`: notices with an open appeal. */
  ReadAppeals = 'READ_APPEALS',
  /** `moderationLog` and a log entry by `node(id)`. */
  ReadAuditLog = 'READ_AUDIT_LOG',
  /** `Report.evidence` and the running count of `Report.distinctReporters`. */
  ReadEvidence = 'READ_EVIDENCE',
  /** A report or notice by `node(id)`: its reporter or subject, or staff. */
  ReadRecord = 'READ_RECORD',
  /** `resolveReport`. */
  DecideReport = 'DECIDE_REPORT',
  /** `resolveAppeal`. */
  DecideAppeal = 'DECIDE_APPEAL',
}

/** Everything the staff policy knows about one viewer (and, for a decision or a record, one case). */
export interface StaffRelation {
  /** The viewer holds trust-and-safety rights in the server's staff record. */
  readonly isStaff: boolean;
  /** A suspension is in force on the viewer's account. */
  readonly isSuspended: boolean;
  /** The viewer is the case's subject or one of its reporters (false when no case is asked about). */
  readonly isPartyToCase: boolean;
  /** The viewer reported the record (a report) or is its subject (a notice); false otherwise. */
  readonly ownsRecord: boolean;
}

/** The named rules of the staff table; each refuses with one code (all FORBIDDEN on the wire). */
export enum StaffAccessRule {
  /** Staff in the server's record. */
  StaffRecord = 'STAFF_RECORD',
  /** No suspension in force: a suspended account has no staff powers. */
  NotSuspended = 'NOT_SUSPENDED',
  /** Separation of duties: not the subject, nor a reporter, of the case decided. */
  NotPartyToCase = 'NOT_PARTY_TO_CASE',
  /** The record's own reporter or subject, or staff with staff powers. */
  OwnsRecordOrStaffPowers = 'OWNS_RECORD_OR_STAFF_POWERS',
}

const hasPowers = (r: StaffRelation): boolean => r.isStaff && !r.isSuspended;

const refuses = (code: ModerationErrorCode) => () => code;
const RULES: Readonly<Record<StaffAccessRule, RuleDefinition<StaffRelation, ModerationErrorCode>>> = {
  [StaffAccessRule.StaffRecord]: { holds: (r) => r.isStaff, refusal: refuses(ModerationErrorCode.NotStaff) },
  [StaffAccessRule.NotSuspended]: { holds: (r) => !r.isSuspended, refusal: refuses(ModerationErrorCode.StaffPowersSuspended) },
  [StaffAccessRule.NotPartyToCase]: { holds: (r) => !r.isPartyToCase, refusal: refuses(ModerationErrorCode.OwnCase) },
  [StaffAccessRule.OwnsRecordOrStaffPowers]: { holds: (r) => r.ownsRecord || hasPowers(r), refusal: refuses(ModerationErrorCode.NotStaff) },
};

/**
 * The rules that need the case itself (read inside the decision's transaction); every other rule
 * is about the viewer alone. In every row the viewer's rules come first (a spec checks it), so the
 * viewer's part can be asked before the case is read and the whole row after.
 */
export const CASE_RULES: ReadonlySet<StaffAccessRule> = new Set([StaffAccessRule.NotPartyToCase, StaffAccessRule.OwnsRecordOrStaffPowers]);

const STAFF_POWERS = [StaffAccessRule.StaffRecord, StaffAccessRule.NotSuspended] as const;

/** The table: for each operation, the rules that must all hold, in the order they are checked. */
export const STAFF_ACCESS_TABLE: Readonly<Record<StaffOperation, readonly StaffAccessRule[]>> = {
  [StaffOperation.ReadQueue]: [...STAFF_POWERS],
  [StaffOperation.ReadAppeals]: [...STAFF_POWERS],
  [StaffOperation.ReadAuditLog]: [...STAFF_POWERS],
  [StaffOperation.ReadEvidence]: [...STAFF_POWERS],
  [StaffOperation.ReadRecord]: [StaffAccessRule.OwnsRecordOrStaffPowers],
  [StaffOperation.DecideReport]: [...STAFF_POWERS, StaffAccessRule.NotPartyToCase],
  [StaffOperation.DecideAppeal]: [...STAFF_POWERS, StaffAccessRule.NotPartyToCase],
};

/** The staff policy's answer: allowed, or the first rule that failed with its code. */
export type StaffAccessDecision = RuleDecision<StaffAccessRule, ModerationErrorCode>;

function decideRules(operation: StaffOperation, relation: StaffRelation, include: (rule: StaffAccessRule) => boolean): StaffAccessDecision {
  return firstRefusal(STAFF_ACCESS_TABLE[operation], (rule) => RULES[rule], relation, include);
}

/**
 * Decides one operation for one relation: the first rule of {@link STAFF_ACCESS_TABLE} that does
 * not hold refuses with its code (NOT_STAFF, STAFF_POWERS_SUSPENDED or OWN_CASE). Pure and total.
 */
export function decideStaffAccess(operation: StaffOperation, relation: StaffRelation): StaffAccessDecision {
  return decideRules(operation, relation, () => true);
}

/** {@link decideStaffAccess} with the viewer's rules only (not {@link CASE_RULES}): asked before the case is read. */
export function decideStaffActor(operation: StaffOperation, actor: Omit<StaffRelation, 'isPartyToCase' | 'ownsRecord'>): StaffAccessDecision {
  return decideRules(operation, { ...actor, isPartyToCase: false, ownsRecord: false }, (rule) => !CASE_RULES.has(rule));
}

/** Whether {@link decideStaffAccess} allows the operation. */
export function mayAccessStaff(operation: StaffOperation, relation: StaffRelation): boolean {
  return decideStaffAccess(operation, relation).allowed;
}

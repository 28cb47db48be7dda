import { ModerationError } from '../errors/moderation-error';

/** The staff member acting, as the API knows them for this request. */
export interface StaffActor {
  readonly profileId: string;
  /** Holds trust-and-safety staff rights. */
  readonly isStaff: boolean;
  /** Has a suspension in force now. */
  readonly suspended: boolean;
}

/** Who a case is about and who raised it: the subject(s) of its reports or notice, and the reporters. */
export interface CaseParties {
  /** The reported or affected profile(s); null entries (a report about a room) are ignored. */
  readonly subjectIds: readonly (string | null)[];
  /** The reporters of the reports the case rests on; null entries (system reports) are ignored. */
  readonly reporterIds: readonly (string | null)[];
}

/**
 * Whether an account may use staff powers now: staff rights, and no suspension in force. A
 * suspended account has no staff powers at all: it may not read the queue, the appeals or the
 * log, nor decide anything. Pure: a named rule of the room access policy.
 */
export function hasStaffPowers(actor: StaffActor): boolean {
  return actor.isStaff && !actor.suspended;
}

/**
 * Whether `actorId` may decide a case: never when they are its subject (a report about them, an
 * appeal of their own notice) nor one of its reporters (they would judge their own accusation).
 * Pure: a named rule of the room access policy.
 */
export function mayDecideAbout(actorId: string, parties: CaseParties): boolean {
  return !parties.subjectIds.includes(actorId) && !parties.reporterIds.includes(actorId);
}

/**
 * Refuses unless {@link hasStaffPowers}: `NotStaff` for everyone without staff rights,
 * `StaffPowersSuspended` for staff whose account is suspended (both FORBIDDEN).
 * @throws ModerationError
 */
export function assertStaffPowers(actor: StaffActor): void {
  if (!actor.isStaff) throw ModerationError.notStaff();
  if (!hasStaffPowers(actor)) throw ModerationError.staffPowersSuspended();
}

/**
 * Refuses unless {@link mayDecideAbout}: `OwnCase` (FORBIDDEN), whatever the decision.
 * @throws ModerationError
 */
export function assertMayDecideAbout(actorId: string, parties: CaseParties): void {
  if (!mayDecideAbout(actorId, parties)) throw ModerationError.ownCase();
}

/**
 * Every trust-and-safety rule fails with one of these codes. The API maps each code to a
 * contract `extensions.code` in one exhaustive switch (next to the one for `DomainErrorCode`), so
 * a new code fails to compile until it is mapped. Suggested mapping:
 * `InvalidInput`, `TextRefused` → BAD_USER_INPUT (with `field`); `NotInRoom`, `NotStaff`,
 * `StaffPowersSuspended`, `OwnCase` → FORBIDDEN; every other code → CONFLICT.
 */
export enum ModerationErrorCode {
  /** Input failed validation; `field` names the argument. */
  InvalidInput = 'INVALID_INPUT',
  /** Screening refused a text others would see (a slur or hate term); `field` names the field. */
  TextRefused = 'TEXT_REFUSED',
  /** The reporter is not in the room and did not leave it within the report grace period. */
  NotInRoom = 'NOT_IN_ROOM',
  /** The reporter already has an OPEN report on this profile (or this room) in this room. */
  DuplicateOpenReport = 'DUPLICATE_OPEN_REPORT',
  /** The report was already resolved. */
  ReportAlreadyResolved = 'REPORT_ALREADY_RESOLVED',
  /** The notice already has an appeal (one appeal per notice). */
  AppealAlreadyFiled = 'APPEAL_ALREADY_FILED',
  /** The notice has no OPEN appeal to decide. */
  NoOpenAppeal = 'NO_OPEN_APPEAL',
  /** The viewer has no trust-and-safety staff rights. */
  NotStaff = 'NOT_STAFF',
  /** The viewer is staff but suspended: a suspended account has no staff powers. */
  StaffPowersSuspended = 'STAFF_POWERS_SUSPENDED',
  /** Staff may not decide a case they are party to (its subject or one of its reporters). */
  OwnCase = 'OWN_CASE',
}

/** A broken trust-and-safety rule, with a code from {@link ModerationErrorCode} and, for bad input, the field. */
export class ModerationError extends Error {
  override readonly name = 'ModerationError';

  constructor(
    readonly code: ModerationErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** Bad input; `field` names the argument (BAD_USER_INPUT). */
  static invalidInput(field: string, message: string): ModerationError {
    return new ModerationError(ModerationErrorCode.InvalidInput, message, field);
  }

  /** Screening refused a text; `field` names the field (BAD_USER_INPUT). */
  static textRefused(field: string, message: string): ModerationError {
    return new ModerationError(ModerationErrorCode.TextRefused, message, field);
  }

  /** The reporter is not in the room nor left it within 15 minutes (FORBIDDEN). */
  static notInRoom(): ModerationError {
    return new ModerationError(
      ModerationErrorCode.NotInRoom,
      'Only people in the room, or who left it in the last 15 minutes, can report in it',
    );
  }

  /** One OPEN report per (reporter, room, reported profile) (CONFLICT). */
  static duplicateOpenReport(): ModerationError {
    return new ModerationError(
      ModerationErrorCode.DuplicateOpenReport,
      'You already have an open report on this in this room; staff will review it',
    );
  }

  /** Staff decide each report once (CONFLICT). */
  static reportAlreadyResolved(reportId: string): ModerationError {
    return new ModerationError(ModerationErrorCode.ReportAlreadyResolved, `Report ${reportId} is already resolved`);
  }

  /** One appeal per notice (CONFLICT). */
  static appealAlreadyFiled(): ModerationError {
    return new ModerationError(ModerationErrorCode.AppealAlreadyFiled, 'This decision has already been appealed');
  }

  /** Only an OPEN appeal can be decided (CONFLICT). */
  static noOpenAppeal(): ModerationError {
    return new ModerationError(ModerationErrorCode.NoOpenAppeal, 'This decision has no open appeal');
  }

  /** Staff only (FORBIDDEN). */
  static notStaff(): ModerationError {
    return new ModerationError(ModerationErrorCode.NotStaff, 'Only trust and safety staff can do this');
  }

  /** A suspended account has no staff powers (FORBIDDEN). */
  static staffPowersSuspended(): ModerationError {
    return new ModerationError(
      ModerationErrorCode.StaffPowersSuspended,
      'Your account is suspended: it has no trust and safety staff powers until the suspension ends',
    );
  }

  /** Separation of duties: nobody decides a case about themself or raised by themself (FORBIDDEN). */
  static ownCase(): ModerationError {
    return new ModerationError(
      ModerationErrorCode.OwnCase,
      'You cannot decide a case you are party to (about you, or reported by you): another staff member must decide it',
    );
  }
}

/** The contract's `ModerationAction`: what staff decide on a report. */
export enum ModerationAction {
  Dismiss = 'DISMISS',
  Warn = 'WARN',
  RemoveFromRoom = 'REMOVE_FROM_ROOM',
  Suspend = 'SUSPEND',
}

/** The contract's `ModerationNoticeAction`: a decision as the affected person reads it. */
export enum ModerationNoticeAction {
  Warned = 'WARNED',
  RemovedFromRoom = 'REMOVED_FROM_ROOM',
  Suspended = 'SUSPENDED',
  AutoMutedPendingReview = 'AUTO_MUTED_PENDING_REVIEW',
}

/** The contract's `AppealStatus`. */
export enum AppealStatus {
  Open = 'OPEN',
  Upheld = 'UPHELD',
  Reversed = 'REVERSED',
}

/** Longest staff note on a decision or an appeal, and longest appeal statement (code points). */
export const DECISION_TEXT_LIMITS = {
  noteMax: 2000,
  appealStatementMax: 2000,
} as const;

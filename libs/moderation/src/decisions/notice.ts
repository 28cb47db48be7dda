import type { ReportCategory } from '../reports/report-category';
import { AppealStatus, type ModerationNoticeAction } from './decision.types';

/** A notice to store: a decision that affects a person (the contract's `ModerationNotice`). */
export interface NoticeDraft {
  readonly subjectProfileId: string;
  readonly action: ModerationNoticeAction;
  readonly category: ReportCategory;
  /** The statement of reasons, in plain words. */
  readonly reason: string;
  readonly roomId: string | null;
  readonly createdAt: Date;
  /** When the decision ends; null when it has no end. */
  readonly expiresAt: Date | null;
  /** The reports the decision rests on, oldest first. */
  readonly reportIds: readonly string[];
}

/** A stored notice, as the policy reads it back. */
export interface StoredNotice {
  readonly id: string;
  readonly subjectProfileId: string;
  readonly action: ModerationNoticeAction;
  readonly category: ReportCategory;
  readonly roomId: string | null;
  readonly createdAt: Date;
  /** Stored end; a reversal sets it to the reversal time. */
  readonly expiresAt: Date | null;
  readonly reportIds: readonly string[];
  readonly appeal: { readonly status: AppealStatus } | null;
}

/**
 * True while the decision is in force at `now`: issued (createdAt ≤ now), not reversed on
 * appeal, and not yet expired (expiresAt null, or later than now).
 */
export function isNoticeInForce(notice: Pick<StoredNotice, 'createdAt' | 'expiresAt' | 'appeal'>, now: Date): boolean {
  if (notice.appeal?.status === AppealStatus.Reversed) return false;
  if (notice.createdAt.getTime() > now.getTime()) return false;
  return notice.expiresAt === null || notice.expiresAt.getTime() > now.getTime();
}

/**
 * The contract's `ModerationNotice.expiresAt`: the end while the decision is in force and has
 * one; null when it has none or is over (expired or reversed).
 */
export function displayedExpiresAt(notice: Pick<StoredNotice, 'createdAt' | 'expiresAt' | 'appeal'>, now: Date): Date | null {
  return isNoticeInForce(notice, now) ? notice.expiresAt : null;
}

import { ModerationNoticeAction } from './decision.types';
import { isNoticeInForce, type StoredNotice } from './notice';

/**
 * The root fields a suspended account may still use: read its own profile and notices, and
 * appeal. Everything else (join, speak, create, report, subscribe) is FORBIDDEN while suspended.
 */
export const SUSPENDED_ALLOWED_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'viewer',
  'viewerModerationNotices',
  'appealModerationDecision',
]);

/**
 * The suspension in force at `now` among a person's notices, or null. When several are, the one
 * lasting longest (no end beats any end).
 */
export function activeSuspension<N extends Pick<StoredNotice, 'action' | 'createdAt' | 'expiresAt' | 'appeal'>>(
  notices: readonly N[],
  now: Date,
): N | null {
  let longest: N | null = null;
  for (const notice of notices) {
    if (notice.action !== ModerationNoticeAction.Suspended || !isNoticeInForce(notice, now)) continue;
    if (longest === null || endTime(notice) > endTime(longest)) longest = notice;
  }
  return longest;
}

function endTime(notice: Pick<StoredNotice, 'expiresAt'>): number {
  return notice.expiresAt === null ? Number.POSITIVE_INFINITY : notice.expiresAt.getTime();
}

/** The FORBIDDEN message for a suspended account: what is refused, until when, and what is left. */
export function suspendedMessage(suspension: Pick<StoredNotice, 'expiresAt'>): string {
  const until = suspension.expiresAt === null ? '' : ` until ${suspension.expiresAt.toISOString()}`;
  return `Your account is suspended${until}: you cannot join, speak in, create or report rooms. You can read your moderation notices and appeal.`;
}

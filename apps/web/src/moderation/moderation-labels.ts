import type { AppealStatus, ModerationAction, ModerationNoticeAction, ReportCategory } from '../gql/graphql';

/** Report categories in the order the dialog offers them, with the words people read. */
export const REPORT_CATEGORIES: readonly { readonly value: ReportCategory; readonly label: string; readonly hint: string }[] = [
  { value: 'HATE_SPEECH', label: 'Hate speech', hint: 'Attacks on people for who they are' },
  { value: 'HARASSMENT', label: 'Harassment or bullying', hint: 'Insults, threats or targeting someone' },
  { value: 'VIOLENCE', label: 'Violence or threats', hint: 'Threatening or glorifying violence' },
  { value: 'SEXUAL_CONTENT', label: 'Sexual content', hint: 'Sexual talk or images that do not belong here' },
  { value: 'SPAM', label: 'Spam or scam', hint: 'Advertising, scams or repeated unwanted messages' },
  { value: 'IMPERSONATION', label: 'Impersonation', hint: 'Pretending to be someone else' },
  { value: 'OTHER', label: 'Something else', hint: 'Anything else that breaks the rules' },
];

export const CATEGORY_LABELS: Readonly<Record<ReportCategory, string>> = Object.fromEntries(
  REPORT_CATEGORIES.map((category) => [category.value, category.label]),
) as Record<ReportCategory, string>;

/** Staff decisions on a report. */
export const DECISION_LABELS: Readonly<Record<ModerationAction, string>> = {
  DISMISS: 'Dismiss (no action)',
  WARN: 'Warn the person',
  REMOVE_FROM_ROOM: 'Remove from the room',
  SUSPEND: 'Suspend the account',
};

export const NOTICE_ACTION_LABELS: Readonly<Record<ModerationNoticeAction, string>> = {
  WARNED: 'Warning',
  REMOVED_FROM_ROOM: 'Removed from a room',
  SUSPENDED: 'Account suspended',
  AUTO_MUTED_PENDING_REVIEW: 'Muted automatically, pending review',
};

export const APPEAL_STATUS_LABELS: Readonly<Record<AppealStatus, string>> = {
  OPEN: 'Appeal under review',
  UPHELD: 'Appeal reviewed: the decision stands',
  REVERSED: 'Appeal accepted: the decision was reversed',
};

/** "HandRaised" → "Hand raised": evidence event type names read as words. */
export function eventTypeLabel(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Audit log actions arrive as codes (e.g. "REMOVE_FROM_ROOM", "appeal.reversed"); people read words. */
export function logActionLabel(action: string): string {
  const known: Record<string, string> = { ...DECISION_LABELS, ...NOTICE_ACTION_LABELS };
  const exact = known[action];
  if (exact) return exact;
  const words = action.replace(/[._-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A date and time as people read it, in their locale. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

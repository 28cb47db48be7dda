/** The contract's `ReportCategory`: what a report says is wrong. */
export enum ReportCategory {
  HateSpeech = 'HATE_SPEECH',
  Harassment = 'HARASSMENT',
  Spam = 'SPAM',
  Impersonation = 'IMPERSONATION',
  SexualContent = 'SEXUAL_CONTENT',
  Violence = 'VIOLENCE',
  Other = 'OTHER',
}

/** The contract's `ReportStatus`. */
export enum ReportStatus {
  Open = 'OPEN',
  Actioned = 'ACTIONED',
  Dismissed = 'DISMISSED',
}

/**
 * How much harm a category means, as a weight for the staff queue's priority (unitless, 1 to 10).
 * Harm to people (hate, violence, harassment) outranks harm to the product (spam); OTHER is the
 * floor so an uncategorised report still counts. `Record` keeps the table exhaustive: a new
 * category fails to compile until it has a weight.
 */
export const CATEGORY_SEVERITY: Readonly<Record<ReportCategory, number>> = {
  [ReportCategory.HateSpeech]: 10,
  [ReportCategory.Violence]: 10,
  [ReportCategory.Harassment]: 8,
  [ReportCategory.SexualContent]: 6,
  [ReportCategory.Impersonation]: 4,
  [ReportCategory.Spam]: 2,
  [ReportCategory.Other]: 1,
};

/**
 * Categories whose pile-up on a speaker mutes them at once, pending review: the ones where every
 * further minute on stage hurts people in the room. Spam or impersonation can wait for staff.
 */
export const AUTO_MUTE_CATEGORIES: ReadonlySet<ReportCategory> = new Set([
  ReportCategory.HateSpeech,
  ReportCategory.Harassment,
  ReportCategory.Violence,
]);

const CATEGORY_VALUES: ReadonlySet<string> = new Set(Object.values(ReportCategory));

/** True when `value` is one of the {@link ReportCategory} values (for data read back from storage). */
export function isReportCategory(value: string): value is ReportCategory {
  return CATEGORY_VALUES.has(value);
}

/** A category's severity weight; see {@link CATEGORY_SEVERITY}. */
export function categorySeverity(category: ReportCategory): number {
  return CATEGORY_SEVERITY[category];
}

import { ReportCategory } from '../reports/report-category';
import { ModerationNoticeAction } from './decision.types';

/**
 * Each category in plain words, as the rule a person broke. Shown to the affected person, so it
 * names the behaviour, not our internal code.
 */
export const CATEGORY_RULES: Readonly<Record<ReportCategory, string>> = {
  [ReportCategory.HateSpeech]: 'our rule against hate speech: attacking or demeaning people for who they are',
  [ReportCategory.Harassment]: 'our rule against harassment: insulting, threatening or targeting another person',
  [ReportCategory.Spam]: 'our rule against spam: repeated, unwanted or misleading promotion',
  [ReportCategory.Impersonation]: 'our rule against impersonation: pretending to be another person or organisation',
  [ReportCategory.SexualContent]: 'our rule against sexual content in rooms',
  [ReportCategory.Violence]: 'our rule against violence: threatening, inciting or celebrating violence',
  [ReportCategory.Other]: 'our community guidelines',
};

/** What the statement explains. */
export interface StatementOfReasonsInput {
  readonly action: ModerationNoticeAction;
  readonly category: ReportCategory;
  /** The room the decision is about; null when none (a suspension for conduct across rooms). */
  readonly roomTitle: string | null;
  /** Staff's note (the `resolutionNote`); null or blank for an automatic action. */
  readonly staffNote: string | null;
  /** When the decision ends; null when it has no end. */
  readonly expiresAt: Date | null;
}

/**
 * The statement of reasons for a notice, in plain words. It covers what the EU Digital Services
 * Act (Regulation (EU) 2022/2065, Article 17) asks of one: what was decided and for how long,
 * the facts (the reports, and staff's note on them), whether it was automatic, the rule it rests
 * on, and how to seek redress (appeal once, from the notice).
 * @returns a few sentences of plain text (no markup), at most a few hundred characters plus the note.
 */
export function statementOfReasons(input: StatementOfReasonsInput): string {
  const room = input.roomTitle === null ? null : `"${input.roomTitle.trim()}"`;
  const rule = CATEGORY_RULES[input.category];
  const note = input.staffNote?.trim() ?? '';
  const until = input.expiresAt === null ? null : `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const parts: string[] = [];
  switch (input.action) {
    case ModerationNoticeAction.AutoMutedPendingReview:
      parts.push(
        `You were muted${room ? ` in the room ${room}` : ''} because several people in the room reported you within minutes of each other for breaking ${rule}. Your role in the room did not change.`,
        'This was done automatically, before any person reviewed it: our staff will review the reports and decide.',
        `Until then you cannot unmute yourself in that room, nor come back on its stage if you leave it.`,
      );
      break;
    case ModerationNoticeAction.Warned:
      parts.push(
        `You received a warning${room ? ` for what happened in the room ${room}` : ''}: after reviewing the reports, our staff found that you broke ${rule}.`,
        'Nothing else changes for now; further breaks can lead to removal from rooms or suspension.',
      );
      break;
    case ModerationNoticeAction.RemovedFromRoom:
      parts.push(
        `You were removed from the room ${room ?? 'you were in'} and cannot join it again: after reviewing the reports, our staff found that you broke ${rule}.`,
      );
      break;
    case ModerationNoticeAction.Suspended:
      parts.push(
        `Your account is suspended${until ? ` until ${until}` : ''}: after reviewing reports${room ? ` about the room ${room}` : ''}, our staff found that you broke ${rule}.`,
        'While it is suspended you cannot join, speak in, create or report rooms; you can still read your notices and appeal.',
      );
      break;
    default:
      return assertUnreachable(input.action);
  }
  if (note !== '') parts.push(`Staff note: ${note}`);
  parts.push('You can appeal this decision once, from this notice; a member of our staff will review it and answer.');
  return parts.join(' ');
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled notice action: ${String(value)}`);
}

import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import {
  assertTextAllowed,
  ReportStatus,
  screeningFlagAudit,
  systemReportForFlaggedText,
  type SystemReportDraft,
} from '@roundtable/moderation';

import { ReportEntity } from './moderation.entity';
import { appendAuditEntry } from './moderation-records';

/** A text that screening allowed but flagged: a system report to file once the text is stored. */
export interface ScreeningFlag {
  readonly field: string;
  readonly draft: SystemReportDraft;
}

/**
 * Screening of every text others see (room titles and descriptions, hand questions, display
 * names and headlines, group names), with the policy of `@roundtable/moderation`
 * (`libs/moderation/src/screening/word-lists.ts`): slurs and hate terms are refused
 * (BAD_USER_INPUT naming the field), milder profanity is stored and files a system report.
 */
export class TextScreeningService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * Screens each field before anything is written.
   * @throws ModerationError TextRefused (BAD_USER_INPUT with `field`) on the first refused field.
   * @returns the flags to file with {@link fileFlags} in the transaction that stores the text.
   */
  screen(fields: Readonly<Record<string, string | null | undefined>>): ScreeningFlag[] {
    const flags: ScreeningFlag[] = [];
    for (const [field, text] of Object.entries(fields)) {
      const draft = systemReportForFlaggedText(field, assertTextAllowed(field, text));
      if (draft) flags.push({ field, draft });
    }
    return flags;
  }

  /**
   * Files one system report (no reporter) and its SCREENING_FLAGGED audit entry per flag, about
   * the author. `roomId` is the room the text belongs to; null for a profile or group text, whose
   * report staff find through `moderationLog` (the contract's `Report.room` is non-null, so the
   * queue lists room reports only).
   */
  async fileFlags(tx: EntityManager, authorId: string, roomId: string | null, flags: readonly ScreeningFlag[]): Promise<void> {
    if (flags.length === 0) return;
    const at = this.now();
    for (const flag of flags) {
      const report = tx.create(ReportEntity, {
        id: randomUUID(),
        roomId,
        reporterId: null,
        reportedProfileId: authorId,
        category: flag.draft.category,
        details: flag.draft.details,
        status: ReportStatus.Open,
        createdAt: at,
      });
      appendAuditEntry(tx, screeningFlagAudit({ authorId, roomId, reportId: report.id, draft: flag.draft, at }));
    }
    await tx.flush();
  }

  /** {@link fileFlags} in a transaction of its own (for a text stored by a room command). */
  async fileFlagsNow(em: EntityManager, authorId: string, roomId: string | null, flags: readonly ScreeningFlag[]): Promise<void> {
    if (flags.length === 0) return;
    await em.transactional((tx) => this.fileFlags(tx, authorId, roomId, flags));
  }
}

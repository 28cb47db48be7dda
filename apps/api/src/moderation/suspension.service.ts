import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode } from '@roundtable/domain';
import { activeSuspension, type AppealStatus, ModerationNoticeAction, suspendedMessage } from '@roundtable/moderation';

import { ModerationNoticeEntity } from './moderation.entity';

/**
 * Whether an account is suspended now. A suspension is a SUSPENDED notice in force: not expired
 * and not reversed on appeal (a reversal also sets its end to the reversal time).
 */
export class SuspensionService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The suspension in force for `profileId`, or null. One indexed query. */
  async activeSuspension(em: EntityManager, profileId: string): Promise<ModerationNoticeEntity | null> {
    const now = this.now();
    const notices = await em.find(ModerationNoticeEntity, {
      subjectProfileId: profileId,
      action: ModerationNoticeAction.Suspended,
      $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
    });
    return activeSuspension(
      notices.map((notice) => ({ ...toStoredAppeal(notice), entity: notice })),
      now,
    )?.entity ?? null;
  }

  /** The refusal {@link assertNotSuspended} throws for `suspension`. */
  static refusal(suspension: ModerationNoticeEntity): DomainError {
    return new DomainError(DomainErrorCode.NotAllowed, suspendedMessage(suspension));
  }

  /**
   * Refuses a suspended account: FORBIDDEN (a DomainError NOT_ALLOWED) with a message saying what
   * is refused, until when, and that notices and appeals remain open to them.
   */
  async assertNotSuspended(em: EntityManager, profileId: string): Promise<void> {
    const suspension = await this.activeSuspension(em, profileId);
    if (suspension) throw SuspensionService.refusal(suspension);
  }
}

function toStoredAppeal(notice: ModerationNoticeEntity) {
  return {
    action: notice.action,
    createdAt: notice.createdAt,
    expiresAt: notice.expiresAt,
    appeal: notice.appealStatus === null ? null : { status: notice.appealStatus as AppealStatus },
  };
}

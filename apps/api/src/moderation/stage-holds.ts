import { type EntityManager } from '@mikro-orm/postgresql';
import { AppealStatus, ModerationNoticeAction, ReportStatus } from '@roundtable/moderation';

/**
 * Whether an automatic mute of `profileId` in `roomId` is still held (no unmuting, no coming
 * back on stage): an
 * AUTO_MUTED_PENDING_REVIEW notice, not reversed on appeal, resting on at least one OPEN report
 * (the policy's `isStageHoldActive`, as one indexed query).
 */
export async function hasActiveStageHold(em: EntityManager, roomId: string, profileId: string): Promise<boolean> {
  const rows = await em.execute<{ held: boolean }[]>(
    `select exists (
       select 1 from moderation_notices n
         join reports r on r.id::text = any (n.report_ids)
        where n.room_id = ? and n.subject_profile_id = ? and n.action = ?
          and n.appeal_status is distinct from ? and r.status = ?
     ) as held`,
    [roomId, profileId, ModerationNoticeAction.AutoMutedPendingReview, AppealStatus.Reversed, ReportStatus.Open],
  );
  return rows[0]?.held === true;
}

/**
 * When staff last reversed an automatic mute of `profileId` in `roomId` on appeal, or null.
 * Reports filed up to then were the basis of a decision that was undone; `decideAutoMute` never
 * counts them again (`lastReversalAt`). One indexed query.
 */
export async function lastAutoMuteReversal(em: EntityManager, roomId: string, profileId: string): Promise<Date | null> {
  const rows = await em.execute<{ at: Date | string | null }[]>(
    `select max(appeal_decided_at) as at from moderation_notices
      where room_id = ? and subject_profile_id = ? and action = ? and appeal_status = ?`,
    [roomId, profileId, ModerationNoticeAction.AutoMutedPendingReview, AppealStatus.Reversed],
  );
  const at = rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}

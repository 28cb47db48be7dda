import { type EntityManager } from '@mikro-orm/postgresql';
import { AppealStatus, ModerationNoticeAction, ReportStatus } from '@roundtable/moderation';

/**
 * Whether an automatic mute still keeps `profileId` off the stage of `roomId`: an
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

/**
 * The whole trust-and-safety flow through the pure policy, in the order the API runs it:
 * reports, a pile-up, the automatic mute, the staff queue, a decision with its notice, an
 * appeal and its reversal, and the audit trail they leave.
 */
import { ParticipantRole } from '@roundtable/domain';

import { fileAppeal, resolveAppeal } from './decisions/appeals';
import { type AppealStatus, ModerationAction, ModerationNoticeAction } from './decisions/decision.types';
import type { StoredNotice } from './decisions/notice';
import { resolveReports } from './decisions/report-resolution';
import { activeSuspension } from './decisions/suspension';
import { AuditAction, type AuditLogEntry } from './audit/audit-log';
import { decideAutoMute, isStageHoldActive, type ReportOnParticipant } from './auto-mute/auto-mute';
import { autoMuteOutcome } from './auto-mute/auto-mute-outcome';
import { ModerationError, ModerationErrorCode } from './errors/moderation-error';
import { buildModerationQueue } from './queue/queue-priority';
import { ReportCategory, ReportStatus } from './reports/report-category';
import { checkReportEligibility } from './reports/report-eligibility';

const start = new Date('2026-11-30T12:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

interface StoredReport extends ReportOnParticipant {
  readonly roomId: string;
  readonly reportedProfileId: string | null;
  status: ReportStatus;
}

describe('trust and safety flow', () => {
  it('runs from reports to a reversed suspension, leaving one audit entry per action', () => {
    const reports: StoredReport[] = [];
    const audit: AuditLogEntry[] = [];
    const notices: (StoredNotice & { appeal: { status: AppealStatus } | null; expiresAt: Date | null })[] = [];
    // The automatic mute changes no role: the speaker stays on stage, muted.
    let muted = false;

    const file = (reporterId: string, at: Date, leftAt: Date | null = null) => {
      const eligible = checkReportEligibility(
        { reporterId, roomId: 'room-1', reportedProfileId: 'p-speaker', category: ReportCategory.HateSpeech },
        {
          reporterParticipation: { leftAt },
          reporterOpenReportTargets: reports.filter((r) => r.reporterId === reporterId && r.status === ReportStatus.Open).map((r) => r.reportedProfileId),
        },
        at,
      );
      // Each reporter had been in the room ten minutes when they reported.
      const stored: StoredReport = { ...eligible, id: `rep-${reports.length + 1}`, createdAt: at, status: ReportStatus.Open, reporterStanding: { presenceSeconds: 600, accountCreatedAt: null } };
      reports.push(stored);
      const decision = decideAutoMute({ reports, reportedRole: ParticipantRole.Speaker, now: at });
      if (decision.trigger) {
        const outcome = autoMuteOutcome({ decision, reports, subjectProfileId: 'p-speaker', roomId: 'room-1', roomTitle: 'Hiring in fintech', now: at });
        muted = true;
        notices.push({ ...outcome.notice, id: `n-${notices.length + 1}`, appeal: null });
        audit.push(outcome.audit);
      }
      return decision;
    };

    // One account reporting again is refused; its first report stands alone.
    expect(file('p-1', minutes(0)).trigger).toBe(false);
    expect(() => file('p-1', minutes(1))).toThrow(expect.objectContaining({ code: ModerationErrorCode.DuplicateOpenReport }));
    // A self-report is refused outright.
    expect(() =>
      checkReportEligibility(
        { reporterId: 'p-speaker', roomId: 'room-1', reportedProfileId: 'p-speaker', category: ReportCategory.Spam },
        { reporterParticipation: { leftAt: null }, reporterOpenReportTargets: [] },
        minutes(1),
      ),
    ).toThrow(ModerationError);
    expect(file('p-2', minutes(3)).trigger).toBe(false);
    // The third reporter left the room five minutes ago: still within the grace period.
    expect(file('p-3', minutes(6), minutes(1)).trigger).toBe(true);
    expect(muted).toBe(true);
    expect(notices.map((n) => n.action)).toEqual([ModerationNoticeAction.AutoMutedPendingReview]);
    expect(isStageHoldActive(notices[0]!.reportIds.map((id) => reports.find((r) => r.id === id)!.status))).toBe(true);

    // The staff queue shows one group, the three reports together.
    const [group, ...others] = buildModerationQueue(reports.map((r) => ({ ...r })), () => 40);
    expect(others).toEqual([]);
    expect(group).toMatchObject({ reportIds: ['rep-1', 'rep-2', 'rep-3'], distinctReporters: 3, category: ReportCategory.HateSpeech });

    // Staff suspend.
    const resolution = resolveReports({
      action: ModerationAction.Suspend,
      reportId: 'rep-2',
      reports,
      note: 'Slurs at 12:00 and 12:03 in the room log.',
      staffId: 'staff-1',
      roomTitle: 'Hiring in fintech',
      now: minutes(30),
    });
    for (const report of reports) report.status = resolution.reportStatus;
    notices.push({ ...resolution.notice!, id: `n-${notices.length + 1}`, appeal: null });
    audit.push(resolution.audit);
    expect(isStageHoldActive(notices[0]!.reportIds.map((id) => reports.find((r) => r.id === id)!.status))).toBe(false);
    expect(activeSuspension(notices, minutes(31))?.id).toBe('n-2');

    // The person appeals once; staff reverse; the suspension ends at once.
    const appeal = fileAppeal({ notice: notices[1]!, statement: 'I was quoting what was said to me.', now: minutes(60) });
    notices[1]!.appeal = { status: appeal.status };
    expect(() => fileAppeal({ notice: notices[1]!, statement: 'Again', now: minutes(61) })).toThrow(
      expect.objectContaining({ code: ModerationErrorCode.AppealAlreadyFiled }),
    );
    const reversal = resolveAppeal({ notice: notices[1]!, upheld: false, note: 'The recording confirms a quotation.', staffId: 'staff-2', now: minutes(90) });
    notices[1]!.appeal = { status: reversal.status };
    notices[1]!.expiresAt = reversal.noticeExpiresAt;
    audit.push(reversal.audit);
    expect(reversal.liftSuspension).toBe(true);
    expect(activeSuspension(notices, minutes(90))).toBeNull();

    // The audit trail: one entry per action, each naming the reports.
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.reportIds])).toEqual([
      [AuditAction.AutoMuted, null, ['rep-1', 'rep-2', 'rep-3']],
      [AuditAction.Suspended, 'staff-1', ['rep-1', 'rep-2', 'rep-3']],
      [AuditAction.AppealReversed, 'staff-2', ['rep-1', 'rep-2', 'rep-3']],
    ]);
  });
});

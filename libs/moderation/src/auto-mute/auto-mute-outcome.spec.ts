import { ParticipantRole } from '@roundtable/domain';

import { AuditAction } from '../audit/audit-log';
import { ModerationNoticeAction } from '../decisions/decision.types';
import { ReportCategory } from '../reports/report-category';
import { decideAutoMute } from './auto-mute';
import { autoMuteOutcome } from './auto-mute-outcome';
import { NOW, report } from './auto-mute.test-helper';

describe('autoMuteOutcome', () => {
  it('gives an AUTO_MUTED_PENDING_REVIEW notice and an automatic audit entry with the triggering reports', () => {
    const reports = [
      report('a', 30, { category: ReportCategory.Harassment }),
      report('b', 20, { category: ReportCategory.Violence }),
      report('c', 10, { category: ReportCategory.Harassment }),
      report('d', 5, { category: ReportCategory.Spam }),
    ];
    const decision = decideAutoMute({ reports, reportedRole: ParticipantRole.Speaker, now: NOW });
    const outcome = autoMuteOutcome({ decision, reports, subjectProfileId: 'p-bad', roomId: 'room-1', roomTitle: 'Hiring in fintech', now: NOW });
    const triggering = reports.slice(0, 3).map((r) => r.id);
    expect(outcome.notice).toMatchObject({
      subjectProfileId: 'p-bad',
      action: ModerationNoticeAction.AutoMutedPendingReview,
      // The most severe among the triggering reports; the spam report did not count.
      category: ReportCategory.Violence,
      roomId: 'room-1',
      createdAt: NOW,
      expiresAt: null,
      reportIds: triggering,
    });
    expect(outcome.notice.reason).toContain('This was done automatically');
    expect(outcome.audit).toEqual({
      actorId: null,
      action: AuditAction.AutoMuted,
      subjectProfileId: 'p-bad',
      roomId: 'room-1',
      reportIds: triggering,
      note: '3 independent reporters within the auto-mute window',
      at: NOW,
    });
  });

  it('refuses a decision that did not trigger', () => {
    const reports = [report('a', 1)];
    const decision = decideAutoMute({ reports, reportedRole: ParticipantRole.Speaker, now: NOW });
    expect(() => autoMuteOutcome({ decision, reports, subjectProfileId: 'p', roomId: 'r', roomTitle: 't', now: NOW })).toThrow(TypeError);
  });
});

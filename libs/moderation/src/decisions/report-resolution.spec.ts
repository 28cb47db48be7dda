import { AuditAction } from '../audit/audit-log';
import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';
import { ReportCategory, ReportStatus } from '../reports/report-category';
import { ModerationAction, ModerationNoticeAction } from './decision.types';
import {
  mostSevereCategory,
  noticeActionFor,
  resolveReports,
  SUSPENSION_DEFAULT_MS,
  type ReportToResolve,
  type ResolveReportsInput,
} from './report-resolution';

const now = new Date('2026-11-30T13:00:00Z');

const reports: ReportToResolve[] = [
  { id: 'rep-2', roomId: 'room-1', reportedProfileId: 'p-bad', category: ReportCategory.Harassment, status: ReportStatus.Open, createdAt: new Date('2026-11-30T12:05:00Z') },
  { id: 'rep-1', roomId: 'room-1', reportedProfileId: 'p-bad', category: ReportCategory.HateSpeech, status: ReportStatus.Open, createdAt: new Date('2026-11-30T12:01:00Z') },
  { id: 'rep-0', roomId: 'room-1', reportedProfileId: 'p-bad', category: ReportCategory.Spam, status: ReportStatus.Dismissed, createdAt: new Date('2026-11-30T11:00:00Z') },
];

const base: ResolveReportsInput = {
  action: ModerationAction.Warn,
  reportId: 'rep-2',
  reports,
  note: '  Slur at 12:01, confirmed by the room log.  ',
  staffId: 'staff-1',
  roomTitle: 'Hiring in fintech',
  now,
};

function codeOf(run: () => unknown): [ModerationErrorCode, string | undefined] {
  try {
    run();
  } catch (error) {
    if (error instanceof ModerationError) return [error.code, error.field];
    throw error;
  }
  throw new Error('expected a ModerationError');
}

describe('resolveReports', () => {
  it.each([
    [ModerationAction.Dismiss, null, ReportStatus.Dismissed, AuditAction.ReportDismissed],
    [ModerationAction.Warn, ModerationNoticeAction.Warned, ReportStatus.Actioned, AuditAction.Warned],
    [ModerationAction.RemoveFromRoom, ModerationNoticeAction.RemovedFromRoom, ReportStatus.Actioned, AuditAction.RemovedFromRoom],
    [ModerationAction.Suspend, ModerationNoticeAction.Suspended, ReportStatus.Actioned, AuditAction.Suspended],
  ])('%s gives notice %s, report status %s and audit action %s', (action, noticeAction, status, auditAction) => {
    const resolution = resolveReports({ ...base, action });
    expect(noticeActionFor(action)).toBe(noticeAction);
    expect(resolution.reportStatus).toBe(status);
    expect(resolution.notice?.action ?? null).toBe(noticeAction);
    expect(resolution.audit).toEqual({
      actorId: 'staff-1',
      action: auditAction,
      subjectProfileId: 'p-bad',
      roomId: 'room-1',
      reportIds: ['rep-1', 'rep-2'],
      note: 'Slur at 12:01, confirmed by the room log.',
      at: now,
    });
    expect(resolution.endsStageHold).toBe(true);
  });

  it('resolves only the OPEN reports of the group, oldest first, with the most severe category', () => {
    const resolution = resolveReports(base);
    expect(resolution.reportIds).toEqual(['rep-1', 'rep-2']);
    expect(resolution.resolvedAt).toBe(now);
    expect(resolution.resolutionNote).toBe('Slur at 12:01, confirmed by the room log.');
    expect(resolution.notice).toMatchObject({
      subjectProfileId: 'p-bad',
      category: ReportCategory.HateSpeech,
      roomId: 'room-1',
      createdAt: now,
      expiresAt: null,
      reportIds: ['rep-1', 'rep-2'],
    });
    expect(resolution.notice?.reason).toContain('Slur at 12:01, confirmed by the room log.');
    expect(resolution.notice?.reason).toContain('"Hiring in fintech"');
  });

  it('REMOVE_FROM_ROOM bans the person from that room', () => {
    const resolution = resolveReports({ ...base, action: ModerationAction.RemoveFromRoom });
    expect(resolution.roomBan).toEqual({ roomId: 'room-1', profileId: 'p-bad' });
    expect(resolution.suspension).toBeNull();
  });

  it('SUSPEND lasts 30 days by default, or what staff say, or without end', () => {
    const byDefault = resolveReports({ ...base, action: ModerationAction.Suspend });
    const until = new Date(now.getTime() + SUSPENSION_DEFAULT_MS);
    expect(byDefault.suspension).toEqual({ profileId: 'p-bad', until });
    expect(byDefault.notice?.expiresAt).toEqual(until);
    expect(byDefault.roomBan).toBeNull();
    expect(resolveReports({ ...base, action: ModerationAction.Suspend, suspensionMs: 3_600_000 }).suspension?.until).toEqual(
      new Date(now.getTime() + 3_600_000),
    );
    const forever = resolveReports({ ...base, action: ModerationAction.Suspend, suspensionMs: null });
    expect(forever.suspension?.until).toBeNull();
    expect(forever.notice?.expiresAt).toBeNull();
  });

  it('refuses a bad suspension duration', () => {
    for (const suspensionMs of [0, -1, 1.5, Number.NaN]) {
      expect(codeOf(() => resolveReports({ ...base, action: ModerationAction.Suspend, suspensionMs }))).toEqual([
        ModerationErrorCode.InvalidInput,
        'suspensionMs',
      ]);
    }
  });

  it('DISMISS gives no notice, no ban and no suspension', () => {
    const resolution = resolveReports({ ...base, action: ModerationAction.Dismiss, note: '   ' });
    expect(resolution).toMatchObject({ notice: null, roomBan: null, suspension: null, resolutionNote: null });
    expect(resolution.audit.note).toBeNull();
  });

  it('refuses when the named report is already resolved, even if newer ones in its group are open', () => {
    const resolved = reports.map((report) => ({ ...report, status: ReportStatus.Actioned }));
    expect(codeOf(() => resolveReports({ ...base, reports: resolved }))[0]).toBe(ModerationErrorCode.ReportAlreadyResolved);
    expect(codeOf(() => resolveReports({ ...base, reportId: 'rep-0' }))[0]).toBe(ModerationErrorCode.ReportAlreadyResolved);
  });

  it('refuses a named report missing from the reports, or reports of different groups', () => {
    expect(codeOf(() => resolveReports({ ...base, reports: [] }))).toEqual([ModerationErrorCode.InvalidInput, 'reportId']);
    expect(codeOf(() => resolveReports({ ...base, reportId: 'rep-9' }))).toEqual([ModerationErrorCode.InvalidInput, 'reportId']);
    const mixed = [reports[0]!, { ...reports[1]!, reportedProfileId: 'p-other' }];
    expect(codeOf(() => resolveReports({ ...base, reports: mixed }))).toEqual([ModerationErrorCode.InvalidInput, 'reportId']);
  });

  it('only dismisses a report about the room itself', () => {
    const aboutRoom = reports.map((report) => ({ ...report, reportedProfileId: null }));
    expect(codeOf(() => resolveReports({ ...base, reports: aboutRoom }))).toEqual([ModerationErrorCode.InvalidInput, 'action']);
    const dismissed = resolveReports({ ...base, reports: aboutRoom, action: ModerationAction.Dismiss });
    expect(dismissed.audit.subjectProfileId).toBeNull();
  });

  it('refuses a note over 2000 characters', () => {
    expect(codeOf(() => resolveReports({ ...base, note: 'x'.repeat(2001) }))).toEqual([ModerationErrorCode.InvalidInput, 'note']);
  });
});

describe('mostSevereCategory', () => {
  it('keeps the earliest on ties and refuses an empty list', () => {
    expect(mostSevereCategory([{ category: ReportCategory.Violence }, { category: ReportCategory.HateSpeech }])).toBe(ReportCategory.Violence);
    expect(() => mostSevereCategory([])).toThrow(TypeError);
  });
});

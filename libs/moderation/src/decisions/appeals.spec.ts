import { AuditAction } from '../audit/audit-log';
import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';
import { ReportCategory } from '../reports/report-category';
import { fileAppeal, resolveAppeal } from './appeals';
import { AppealStatus, ModerationNoticeAction } from './decision.types';
import type { StoredNotice } from './notice';

const now = new Date('2026-12-01T09:00:00Z');

function notice(action: ModerationNoticeAction, overrides: Partial<StoredNotice> = {}): StoredNotice {
  return {
    id: 'n-1',
    subjectProfileId: 'p-bad',
    action,
    category: ReportCategory.Harassment,
    roomId: 'room-1',
    createdAt: new Date('2026-11-30T13:00:00Z'),
    expiresAt: null,
    reportIds: ['rep-1', 'rep-2'],
    appeal: { status: AppealStatus.Open },
    ...overrides,
  };
}

function codeOf(run: () => unknown): [ModerationErrorCode, string | undefined] {
  try {
    run();
  } catch (error) {
    if (error instanceof ModerationError) return [error.code, error.field];
    throw error;
  }
  throw new Error('expected a ModerationError');
}

describe('fileAppeal', () => {
  it('files one OPEN appeal with the trimmed statement', () => {
    expect(fileAppeal({ notice: { id: 'n-1', appeal: null }, statement: '  I quoted the slur to condemn it.  ', now })).toEqual({
      noticeId: 'n-1',
      statement: 'I quoted the slur to condemn it.',
      status: AppealStatus.Open,
      createdAt: now,
    });
  });

  it('allows one appeal per notice, whatever became of the first', () => {
    for (const status of Object.values(AppealStatus)) {
      expect(codeOf(() => fileAppeal({ notice: { id: 'n-1', appeal: { status } }, statement: 'again', now }))[0]).toBe(
        ModerationErrorCode.AppealAlreadyFiled,
      );
    }
  });

  it('refuses an empty or over-long statement, naming the field', () => {
    for (const statement of ['', '   ', 'x'.repeat(2001)]) {
      expect(codeOf(() => fileAppeal({ notice: { id: 'n-1', appeal: null }, statement, now }))).toEqual([
        ModerationErrorCode.InvalidInput,
        'statement',
      ]);
    }
  });
});

describe('resolveAppeal', () => {
  it('upholding keeps the decision in force', () => {
    const until = new Date('2026-12-30T13:00:00Z');
    const resolution = resolveAppeal({ notice: notice(ModerationNoticeAction.Suspended, { expiresAt: until }), upheld: true, note: 'Stands.', staffId: 'staff-2', now });
    expect(resolution).toMatchObject({
      status: AppealStatus.Upheld,
      decidedAt: now,
      decisionNote: 'Stands.',
      noticeExpiresAt: until,
      liftSuspension: false,
      liftRoomBan: null,
      liftStageHold: false,
    });
    expect(resolution.audit).toEqual({
      actorId: 'staff-2',
      action: AuditAction.AppealUpheld,
      subjectProfileId: 'p-bad',
      roomId: 'room-1',
      reportIds: ['rep-1', 'rep-2'],
      note: 'Stands.',
      at: now,
    });
  });

  it('a reversed suspension ends at once', () => {
    const resolution = resolveAppeal({
      notice: notice(ModerationNoticeAction.Suspended, { expiresAt: new Date('2026-12-30T13:00:00Z') }),
      upheld: false,
      note: 'The recording shows a quotation.',
      staffId: 'staff-2',
      now,
    });
    expect(resolution).toMatchObject({ status: AppealStatus.Reversed, noticeExpiresAt: now, liftSuspension: true });
    expect(resolution.audit.action).toBe(AuditAction.AppealReversed);
    // A suspension without end ends now too.
    expect(resolveAppeal({ notice: notice(ModerationNoticeAction.Suspended), upheld: false, note: 'No.', staffId: 's', now }).noticeExpiresAt).toBe(now);
  });

  it('a reversed removal lifts the room ban; a reversed automatic mute lifts the stage hold', () => {
    expect(resolveAppeal({ notice: notice(ModerationNoticeAction.RemovedFromRoom), upheld: false, note: 'Sorry.', staffId: 's', now }).liftRoomBan).toEqual({
      roomId: 'room-1',
      profileId: 'p-bad',
    });
    const autoMute = resolveAppeal({ notice: notice(ModerationNoticeAction.AutoMutedPendingReview), upheld: false, note: 'Brigading.', staffId: 's', now });
    expect(autoMute).toMatchObject({ liftStageHold: true, liftSuspension: false, liftRoomBan: null });
    const warning = resolveAppeal({ notice: notice(ModerationNoticeAction.Warned), upheld: false, note: 'Withdrawn.', staffId: 's', now });
    expect(warning).toMatchObject({ liftStageHold: false, liftSuspension: false, liftRoomBan: null });
  });

  it('never extends a decision that already ended', () => {
    const ended = new Date('2026-11-30T14:00:00Z');
    expect(resolveAppeal({ notice: notice(ModerationNoticeAction.Suspended, { expiresAt: ended }), upheld: false, note: 'Late.', staffId: 's', now }).noticeExpiresAt).toBe(ended);
  });

  it('needs an OPEN appeal and a note', () => {
    for (const appeal of [null, { status: AppealStatus.Upheld }, { status: AppealStatus.Reversed }]) {
      expect(codeOf(() => resolveAppeal({ notice: notice(ModerationNoticeAction.Warned, { appeal }), upheld: true, note: 'x', staffId: 's', now }))[0]).toBe(
        ModerationErrorCode.NoOpenAppeal,
      );
    }
    for (const note of ['', '  ', 'x'.repeat(2001)]) {
      expect(codeOf(() => resolveAppeal({ notice: notice(ModerationNoticeAction.Warned), upheld: true, note, staffId: 's', now }))).toEqual([
        ModerationErrorCode.InvalidInput,
        'note',
      ]);
    }
  });
});

describe("kind: a decision's basis outlives the decision", () => {
  const notice = {
    id: 'n-1',
    subjectProfileId: 'sam',
    action: ModerationNoticeAction.AutoMutedPendingReview,
    category: ReportCategory.Harassment,
    roomId: 'room-1',
    createdAt: new Date('2026-12-01T10:00:00Z'),
    expiresAt: null,
    reportIds: ['r1', 'r2', 'r3', 'r2'],
    appeal: { status: AppealStatus.Open },
  };
  const now = new Date('2026-12-01T11:00:00Z');

  it('given case: reversing an automatic mute closes the reports it rested on', () => {
    const reversal = resolveAppeal({ notice, upheld: false, note: 'Brigaded', staffId: 'staff-1', now });
    expect(reversal.closeReportIds).toEqual(['r1', 'r2', 'r3']);
    expect(reversal.liftStageHold).toBe(true);
  });

  it('variant: an upheld decision closes nothing (its reports were decided or stay for staff); a reversed suspension closes its reports too', () => {
    expect(resolveAppeal({ notice, upheld: true, note: 'Clear', staffId: 'staff-1', now }).closeReportIds).toEqual([]);
    const suspension = { ...notice, action: ModerationNoticeAction.Suspended, expiresAt: new Date('2026-12-30T00:00:00Z'), reportIds: ['r9'] };
    expect(resolveAppeal({ notice: suspension, upheld: false, note: 'Quoted', staffId: 'staff-1', now }).closeReportIds).toEqual(['r9']);
  });
});

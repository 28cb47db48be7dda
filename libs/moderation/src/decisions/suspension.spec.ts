import { ReportCategory } from '../reports/report-category';
import { AppealStatus, ModerationNoticeAction } from './decision.types';
import { displayedExpiresAt, isNoticeInForce, type StoredNotice } from './notice';
import { activeSuspension, SUSPENDED_ALLOWED_ROOT_FIELDS, suspendedMessage } from './suspension';

const now = new Date('2026-12-01T09:00:00Z');
const hour = 3_600_000;

function notice(id: string, overrides: Partial<StoredNotice> = {}): StoredNotice {
  return {
    id,
    subjectProfileId: 'p-bad',
    action: ModerationNoticeAction.Suspended,
    category: ReportCategory.HateSpeech,
    roomId: 'room-1',
    createdAt: new Date(now.getTime() - hour),
    expiresAt: new Date(now.getTime() + hour),
    reportIds: ['rep-1'],
    appeal: null,
    ...overrides,
  };
}

describe('isNoticeInForce and displayedExpiresAt', () => {
  it('is in force from creation until the end, unless reversed', () => {
    expect(isNoticeInForce(notice('n'), now)).toBe(true);
    expect(isNoticeInForce(notice('n', { expiresAt: null }), now)).toBe(true);
    expect(isNoticeInForce(notice('n', { expiresAt: now }), now)).toBe(false);
    expect(isNoticeInForce(notice('n', { createdAt: new Date(now.getTime() + 1) }), now)).toBe(false);
    expect(isNoticeInForce(notice('n', { appeal: { status: AppealStatus.Reversed } }), now)).toBe(false);
    expect(isNoticeInForce(notice('n', { appeal: { status: AppealStatus.Open } }), now)).toBe(true);
    expect(isNoticeInForce(notice('n', { appeal: { status: AppealStatus.Upheld } }), now)).toBe(true);
  });

  it('shows the end only while the decision is in force and has one', () => {
    const end = new Date(now.getTime() + hour);
    expect(displayedExpiresAt(notice('n', { expiresAt: end }), now)).toBe(end);
    expect(displayedExpiresAt(notice('n', { expiresAt: null }), now)).toBeNull();
    expect(displayedExpiresAt(notice('n', { expiresAt: new Date(now.getTime() - 1) }), now)).toBeNull();
    expect(displayedExpiresAt(notice('n', { appeal: { status: AppealStatus.Reversed } }), now)).toBeNull();
  });
});

describe('activeSuspension', () => {
  it('finds the suspension in force, the longest when several are', () => {
    const short = notice('short');
    const long = notice('long', { expiresAt: new Date(now.getTime() + 10 * hour) });
    const warning = notice('warn', { action: ModerationNoticeAction.Warned, expiresAt: null });
    expect(activeSuspension([short, warning, long], now)).toBe(long);
    const forever = notice('forever', { expiresAt: null });
    expect(activeSuspension([long, forever], now)).toBe(forever);
  });

  it('is null when none is in force: expired, reversed, or no suspension at all', () => {
    expect(activeSuspension([notice('old', { expiresAt: new Date(now.getTime() - 1) })], now)).toBeNull();
    expect(activeSuspension([notice('reversed', { appeal: { status: AppealStatus.Reversed } })], now)).toBeNull();
    expect(activeSuspension([notice('warn', { action: ModerationNoticeAction.Warned })], now)).toBeNull();
    expect(activeSuspension([], now)).toBeNull();
  });
});

describe('suspended accounts', () => {
  it('may read their profile and notices, and appeal; nothing else', () => {
    expect([...SUSPENDED_ALLOWED_ROOT_FIELDS].sort()).toEqual(['appealModerationDecision', 'viewer', 'viewerModerationNotices']);
    for (const field of ['joinRoom', 'raiseHand', 'createRoom', 'reportAbuse', 'roomEvents', 'updateViewerProfile']) {
      expect(SUSPENDED_ALLOWED_ROOT_FIELDS.has(field)).toBe(false);
    }
  });

  it('are told until when, and what they can still do', () => {
    expect(suspendedMessage({ expiresAt: new Date('2026-12-30T13:00:00Z') })).toBe(
      'Your account is suspended until 2026-12-30T13:00:00.000Z: you cannot join, speak in, create or report rooms. You can read your moderation notices and appeal.',
    );
    expect(suspendedMessage({ expiresAt: null })).toMatch(/^Your account is suspended: /);
  });
});

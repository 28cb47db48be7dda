import { ParticipantRole } from '@roundtable/domain';

import { ReportCategory, ReportStatus } from '../reports/report-category';
import { AutoMuteSkipReason, decideAutoMute, independentReporterCount, isStageHoldActive } from './auto-mute';
import { AUTO_MUTE_DEFAULTS } from './auto-mute-settings';
import { ESTABLISHED, FRESH, NOW, report } from './auto-mute.test-helper';
import { presenceSecondsAt, reporterCountsTowardAutoMute } from './reporter-standing';

const speaker = ParticipantRole.Speaker;

describe('decideAutoMute', () => {
  it('triggers on three reporters within ten minutes, with their report ids oldest first', () => {
    const reports = [report('c', 10), report('a', 300), report('b', 120)];
    const decision = decideAutoMute({ reports, reportedRole: speaker, now: NOW });
    expect(decision).toEqual({ trigger: true, reportIds: [reports[1]!.id, reports[2]!.id, reports[0]!.id], independentReporters: 3 });
  });

  it('does not trigger on two reporters', () => {
    const decision = decideAutoMute({ reports: [report('a', 10), report('b', 20)], reportedRole: speaker, now: NOW });
    expect(decision).toEqual({ trigger: false, reason: AutoMuteSkipReason.TooFewReporters, independentReporters: 2 });
  });

  it('never triggers on many reports from one account', () => {
    const reports = Array.from({ length: 50 }, (_, index) => report('a', index));
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW })).toMatchObject({ trigger: false, independentReporters: 1 });
  });

  it('counts reporters sharing a source key once (many accounts from one address)', () => {
    const reports = ['a', 'b', 'c', 'd'].map((reporter) => report(reporter, 5, { sourceKey: 'net-1' }));
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW })).toMatchObject({ trigger: false, independentReporters: 1 });
    const mixed = [...reports, report('e', 5, { sourceKey: 'net-2' }), report('f', 5)];
    expect(decideAutoMute({ reports: mixed, reportedRole: speaker, now: NOW })).toMatchObject({ trigger: true, independentReporters: 3 });
  });

  it('counts only reports inside the window, both ends included, and none from the future', () => {
    const edge = report('a', 600);
    const reports = [edge, report('b', 1), report('c', 0)];
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW }).trigger).toBe(true);
    const tooOld = [report('a', 601), report('b', 1), report('c', 0)];
    expect(decideAutoMute({ reports: tooOld, reportedRole: speaker, now: NOW }).trigger).toBe(false);
    const future = [report('a', -5), report('b', 1), report('c', 0)];
    expect(decideAutoMute({ reports: future, reportedRole: speaker, now: NOW }).trigger).toBe(false);
  });

  it('counts only hate speech, harassment and violence', () => {
    const counted = [
      report('a', 1, { category: ReportCategory.HateSpeech }),
      report('b', 1, { category: ReportCategory.Harassment }),
      report('c', 1, { category: ReportCategory.Violence }),
    ];
    expect(decideAutoMute({ reports: counted, reportedRole: speaker, now: NOW }).trigger).toBe(true);
    for (const category of [ReportCategory.Spam, ReportCategory.Impersonation, ReportCategory.SexualContent, ReportCategory.Other]) {
      const reports = ['a', 'b', 'c', 'd'].map((reporter) => report(reporter, 1, { category }));
      expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW }).trigger).toBe(false);
    }
  });

  it('ignores reports staff already resolved', () => {
    const reports = [report('a', 1, { status: ReportStatus.Dismissed }), report('b', 1, { status: ReportStatus.Actioned }), report('c', 1)];
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW })).toMatchObject({ trigger: false, independentReporters: 1 });
  });

  it('triggers for every stage role, never for a listener or someone who left', () => {
    const reports = [report('a', 1), report('b', 1), report('c', 1)];
    for (const role of [ParticipantRole.Host, ParticipantRole.Moderator, ParticipantRole.Speaker]) {
      expect(decideAutoMute({ reports, reportedRole: role, now: NOW }).trigger).toBe(true);
    }
    for (const role of [ParticipantRole.Listener, null]) {
      expect(decideAutoMute({ reports, reportedRole: role, now: NOW })).toEqual({
        trigger: false,
        reason: AutoMuteSkipReason.NotOnStage,
        independentReporters: 3,
      });
    }
  });

  it('follows the configured thresholds', () => {
    const reports = [report('a', 1700), report('b', 1)];
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW, settings: { ...AUTO_MUTE_DEFAULTS, reporters: 2, windowMs: 30 * 60_000 } }).trigger).toBe(true);
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW, settings: { ...AUTO_MUTE_DEFAULTS, reporters: 2, windowMs: 10 * 60_000 } }).trigger).toBe(false);
  });
});

describe('independentReporterCount', () => {
  it('merges reporters through shared sources, transitively', () => {
    expect(
      independentReporterCount([
        { reporterId: 'a', sourceKey: 'x' },
        { reporterId: 'b', sourceKey: 'x' },
        { reporterId: 'b', sourceKey: 'y' },
        { reporterId: 'c', sourceKey: 'y' },
        { reporterId: 'd', sourceKey: null },
        { reporterId: 'e' },
      ]),
    ).toBe(3);
  });

  it('keeps reporter ids and source keys apart even when their text is equal', () => {
    expect(independentReporterCount([{ reporterId: 'a', sourceKey: 'b' }, { reporterId: 'b' }])).toBe(2);
  });

  it('is zero for no reports', () => {
    expect(independentReporterCount([])).toBe(0);
  });
});

describe('isStageHoldActive', () => {
  it('holds while any triggering report is OPEN', () => {
    expect(isStageHoldActive([ReportStatus.Actioned, ReportStatus.Open])).toBe(true);
    expect(isStageHoldActive([ReportStatus.Actioned, ReportStatus.Dismissed])).toBe(false);
    expect(isStageHoldActive([])).toBe(false);
  });
});

describe('kind: a cheap signal triggers a costly automatic action', () => {
  it('given case: three accounts minted a minute ago, reporting 40–110 ms after joining, count for nothing', () => {
    const reports = [40, 75, 110].map((ms, index) => report(`fresh-${index}`, 0, { reporterStanding: { ...FRESH, presenceSeconds: Math.floor(ms / 1000) } }));
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW })).toEqual({
      trigger: false,
      reason: AutoMuteSkipReason.TooFewReporters,
      independentReporters: 0,
    });
  });

  it('variant: two established reporters and any number of fresh ones never add up to three', () => {
    const fresh = Array.from({ length: 20 }, (_, index) => report(`fresh-${index}`, 1, { reporterStanding: FRESH }));
    const reports = [report('old-a', 30), report('old-b', 20), ...fresh];
    expect(decideAutoMute({ reports, reportedRole: speaker, now: NOW })).toMatchObject({ trigger: false, independentReporters: 2 });
    // A third reporter who stayed five minutes in the room counts, though their account is new.
    const stayed = report('new-but-present', 1, { reporterStanding: { ...FRESH, presenceSeconds: 300 } });
    expect(decideAutoMute({ reports: [...reports, stayed], reportedRole: speaker, now: NOW })).toMatchObject({ trigger: true, independentReporters: 3 });
  });

  it('reporterCountsTowardAutoMute: presence OR account age, both ends included, unknown facts never count', () => {
    const settings = { minPresenceSeconds: 300, minAccountAgeHours: 168 };
    const at = NOW;
    const ageHours = (hours: number) => new Date(at.getTime() - hours * 3600_000);
    expect(reporterCountsTowardAutoMute({ presenceSeconds: 300, accountCreatedAt: ageHours(0) }, at, settings)).toBe(true);
    expect(reporterCountsTowardAutoMute({ presenceSeconds: 299, accountCreatedAt: ageHours(168) }, at, settings)).toBe(true);
    expect(reporterCountsTowardAutoMute({ presenceSeconds: 299, accountCreatedAt: ageHours(167.99) }, at, settings)).toBe(false);
    expect(reporterCountsTowardAutoMute({ presenceSeconds: null, accountCreatedAt: null }, at, settings)).toBe(false);
    expect(reporterCountsTowardAutoMute(ESTABLISHED, at, settings)).toBe(true);
    expect(reporterCountsTowardAutoMute(FRESH, at, settings)).toBe(false);
  });

  it('presenceSecondsAt: whole seconds to the report, or to leaving; never negative', () => {
    const joinedAt = new Date(NOW.getTime() - 90_500);
    expect(presenceSecondsAt({ joinedAt, leftAt: null }, NOW)).toBe(90);
    expect(presenceSecondsAt({ joinedAt, leftAt: new Date(joinedAt.getTime() + 10_000) }, NOW)).toBe(10);
    expect(presenceSecondsAt({ joinedAt: new Date(NOW.getTime() + 5000), leftAt: null }, NOW)).toBe(0);
  });
});

describe("kind: a decision's basis outlives the decision", () => {
  it('given case: after a reversal, the old reports plus one new report do not mute again', () => {
    const old = [report('a', 300), report('b', 280), report('c', 260)];
    const reversedAt = new Date(NOW.getTime() - 100_000);
    const fresh = report('d', 10);
    expect(decideAutoMute({ reports: [...old, fresh], reportedRole: speaker, now: NOW, lastReversalAt: reversedAt })).toMatchObject({
      trigger: false,
      independentReporters: 1,
    });
  });

  it('variant: reports filed while the mute was held but not on its notice do not count after the reversal either; three new ones do', () => {
    const duringHold = [report('a', 200), report('b', 150)];
    const reversedAt = new Date(NOW.getTime() - 100_000);
    const after = [report('x', 50), report('y', 40)];
    expect(decideAutoMute({ reports: [...duringHold, ...after], reportedRole: speaker, now: NOW, lastReversalAt: reversedAt })).toMatchObject({ trigger: false, independentReporters: 2 });
    const third = report('z', 30);
    expect(decideAutoMute({ reports: [...duringHold, ...after, third], reportedRole: speaker, now: NOW, lastReversalAt: reversedAt })).toMatchObject({ trigger: true, independentReporters: 3 });
  });
});

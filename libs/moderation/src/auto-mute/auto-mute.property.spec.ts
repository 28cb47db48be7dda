import { ParticipantRole, STAGE_ROLES } from '@roundtable/domain';
import fc from 'fast-check';

import { AUTO_MUTE_CATEGORIES, ReportCategory, ReportStatus } from '../reports/report-category';
import { decideAutoMute, independentReporterCount, type ReportOnParticipant } from './auto-mute';
import { AUTO_MUTE_DEFAULTS, AUTO_MUTE_LIMITS, type AutoMuteSettings } from './auto-mute-settings';
import { ESTABLISHED, FRESH, NOW } from './auto-mute.test-helper';

const RUNS = { numRuns: 500 };

const settingsArb: fc.Arbitrary<AutoMuteSettings> = fc.record({
  reporters: fc.integer({ min: AUTO_MUTE_LIMITS.reportersMin, max: 5 }),
  windowMs: fc.integer({ min: AUTO_MUTE_LIMITS.windowMsMin, max: AUTO_MUTE_LIMITS.windowMsMax }),
  minPresenceSeconds: fc.constant(AUTO_MUTE_DEFAULTS.minPresenceSeconds),
  minAccountAgeHours: fc.constant(AUTO_MUTE_DEFAULTS.minAccountAgeHours),
});

const reportArb = (reporterIds: fc.Arbitrary<string>): fc.Arbitrary<ReportOnParticipant> =>
  fc.record({
    id: fc.uuid(),
    reporterId: reporterIds,
    category: fc.constantFrom(...Object.values(ReportCategory)),
    // Mostly the last hour, sometimes up to two days ago or a minute into the future.
    createdAt: fc
      .oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 3_600_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: -60_000, max: 2 * 86_400_000 }) },
      )
      .map((ago) => new Date(NOW.getTime() - ago)),
    status: fc.constantFrom(ReportStatus.Open, ReportStatus.Open, ReportStatus.Open, ReportStatus.Dismissed, ReportStatus.Actioned),
    // Mostly no source key; sometimes one of a few shared networks, which merges reporters.
    sourceKey: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('net-1', 'net-2', 'net-3') },
    ),
    reporterStanding: fc.constant(ESTABLISHED),
  });

const roleArb = fc.option(fc.constantFrom(...Object.values(ParticipantRole)), { nil: null });

describe('decideAutoMute (properties)', () => {
  it('one account never triggers it, however many reports it files', () => {
    fc.assert(
      fc.property(fc.array(reportArb(fc.constant('only-one')), { maxLength: 60 }), roleArb, settingsArb, (reports, reportedRole, settings) => {
        expect(decideAutoMute({ reports, reportedRole, now: NOW, settings }).trigger).toBe(false);
      }),
      RUNS,
    );
  });

  it('triggers exactly when a stage participant has enough independent recent reporters in the auto-mute categories', () => {
    // What the runs reached, so a generator that stops producing triggers fails the test.
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(reportArb(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')), { maxLength: 40 }),
        roleArb,
        settingsArb,
        (reports, reportedRole, settings) => {
          const decision = decideAutoMute({ reports, reportedRole, now: NOW, settings });
          const qualifying = reports.filter(
            (r) =>
              r.status === ReportStatus.Open &&
              AUTO_MUTE_CATEGORIES.has(r.category) &&
              r.createdAt <= NOW &&
              NOW.getTime() - r.createdAt.getTime() <= settings.windowMs,
          );
          const onStage = reportedRole !== null && STAGE_ROLES.has(reportedRole);
          const expected = onStage && independentReporterCount(qualifying) >= settings.reporters;
          expect(decision.trigger).toBe(expected);
          seen.add(decision.trigger ? 'trigger' : decision.reason);
          if (decision.trigger) {
            expect([...decision.reportIds].sort()).toEqual(qualifying.map((r) => r.id).sort());
            expect(decision.independentReporters).toBeGreaterThanOrEqual(settings.reporters);
          }
        },
      ),
      RUNS,
    );
    expect([...seen].sort()).toEqual(['NOT_ON_STAGE', 'TOO_FEW_REPORTERS', 'trigger']);
  });

  it('a new reporter from a new source never turns a trigger off', () => {
    fc.assert(
      fc.property(
        fc.array(reportArb(fc.constantFrom('a', 'b', 'c', 'd', 'e')), { maxLength: 30 }),
        reportArb(fc.constant('newcomer')).map((r) => ({ ...r, sourceKey: null })),
        settingsArb,
        (reports, extra, settings) => {
          const before = decideAutoMute({ reports, reportedRole: ParticipantRole.Speaker, now: NOW, settings });
          const after = decideAutoMute({ reports: [...reports, extra], reportedRole: ParticipantRole.Speaker, now: NOW, settings });
          if (before.trigger) expect(after.trigger).toBe(true);
          expect(after.independentReporters).toBeGreaterThanOrEqual(before.independentReporters);
        },
      ),
      RUNS,
    );
  });

  it('independent reporters never exceed distinct accounts, and ignore the order of reports', () => {
    fc.assert(
      fc.property(fc.array(reportArb(fc.constantFrom('a', 'b', 'c', 'd', 'e')), { maxLength: 30 }), (reports) => {
        const count = independentReporterCount(reports);
        expect(count).toBeLessThanOrEqual(new Set(reports.map((r) => r.reporterId)).size);
        expect(independentReporterCount([...reports].reverse())).toBe(count);
      }),
      RUNS,
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(reportArb(fc.constantFrom('a', 'b', 'c')), { maxLength: 20 }), (reports) => {
        const copy = structuredClone(reports);
        decideAutoMute({ reports, reportedRole: ParticipantRole.Speaker, now: NOW });
        expect(reports).toEqual(copy);
      }),
      RUNS,
    );
  });

  describe('kind: a cheap signal triggers a costly automatic action', () => {
    it('reports from reporters without standing (fresh account, no presence) never change the decision, however many', () => {
      fc.assert(
        fc.property(
          fc.array(reportArb(fc.constantFrom('a', 'b', 'c', 'd')), { maxLength: 20 }),
          fc.array(reportArb(fc.constantFrom('x', 'y', 'z', 'a')).map((r) => ({ ...r, reporterStanding: FRESH })), { maxLength: 20 }),
          roleArb,
          settingsArb,
          (reports, fresh, reportedRole, settings) => {
            const without = decideAutoMute({ reports, reportedRole, now: NOW, settings });
            expect(decideAutoMute({ reports: [...reports, ...fresh], reportedRole, now: NOW, settings })).toEqual(without);
          },
        ),
        RUNS,
      );
    });
  });

  describe("kind: a decision's basis outlives the decision", () => {
    it('with a reversal at time T, the decision is the one on the reports filed after T alone', () => {
      fc.assert(
        fc.property(
          fc.array(reportArb(fc.constantFrom('a', 'b', 'c', 'd', 'e')), { maxLength: 30 }),
          fc.integer({ min: 0, max: 3_600_000 }),
          roleArb,
          settingsArb,
          (reports, reversedAgo, reportedRole, settings) => {
            const lastReversalAt = new Date(NOW.getTime() - reversedAgo);
            const after = reports.filter((r) => r.createdAt.getTime() > lastReversalAt.getTime());
            expect(decideAutoMute({ reports, reportedRole, now: NOW, settings, lastReversalAt })).toEqual(
              decideAutoMute({ reports: after, reportedRole, now: NOW, settings }),
            );
          },
        ),
        RUNS,
      );
    });
  });
});

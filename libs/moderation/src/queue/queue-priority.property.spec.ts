import fc from 'fast-check';

import { CATEGORY_SEVERITY, ReportCategory, ReportStatus } from '../reports/report-category';
import { audienceFactor, buildModerationQueue, queuePriority, type QueuedReport } from './queue-priority';

const RUNS = { numRuns: 500 };
const category = fc.constantFrom(...Object.values(ReportCategory));
const reporters = fc.integer({ min: 1, max: 10_000 });
const audience = fc.integer({ min: 0, max: 1_000_000 });

const reportArb: fc.Arbitrary<QueuedReport> = fc.record({
  id: fc.uuid(),
  roomId: fc.constantFrom('room-1', 'room-2', 'room-3'),
  reportedProfileId: fc.option(fc.constantFrom('p-1', 'p-2', 'p-3'), { nil: null }),
  reporterId: fc.option(fc.constantFrom('r-1', 'r-2', 'r-3', 'r-4'), { nil: null }),
  category,
  status: fc.constant(ReportStatus.Open),
  createdAt: fc.integer({ min: 0, max: 1_000_000 }).map((ms) => new Date(Date.UTC(2026, 10, 30) + ms)),
});

describe('queue priority (properties)', () => {
  it('is positive, strictly increasing in reporters and non-decreasing in audience', () => {
    fc.assert(
      fc.property(category, reporters, audience, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 1000 }), (c, n, size, more, bigger) => {
        const base = queuePriority(c, n, size);
        expect(base).toBeGreaterThan(0);
        expect(queuePriority(c, n + more, size)).toBeGreaterThan(base);
        expect(queuePriority(c, n, size + bigger)).toBeGreaterThanOrEqual(base);
        if (bigger > 0) expect(queuePriority(c, n, size + bigger)).toBeGreaterThan(base);
      }),
      RUNS,
    );
  });

  it('is monotonic in severity', () => {
    fc.assert(
      fc.property(category, category, reporters, audience, (a, b, n, size) => {
        if (CATEGORY_SEVERITY[a] > CATEGORY_SEVERITY[b]) expect(queuePriority(a, n, size)).toBeGreaterThan(queuePriority(b, n, size));
      }),
      RUNS,
    );
  });

  it('grows like a logarithm of the audience: doubling it adds about one factor', () => {
    fc.assert(
      fc.property(audience, (size) => {
        expect(audienceFactor(2 * size + 1) - audienceFactor(size)).toBeCloseTo(1, 10);
      }),
      RUNS,
    );
  });

  it('groups partition the reports, and the order is sorted and independent of input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(reportArb, { selector: (r) => r.id, maxLength: 40 }), fc.integer(), (reports, seed) => {
        const sizeOf = (roomId: string) => ({ 'room-1': 0, 'room-2': 5, 'room-3': 500 })[roomId] ?? 0;
        const groups = buildModerationQueue(reports, sizeOf);
        expect(groups.flatMap((g) => g.reportIds).sort()).toEqual(reports.map((r) => r.id).sort());
        for (const group of groups) {
          const members = reports.filter((r) => group.reportIds.includes(r.id));
          expect(new Set(members.map((r) => `${r.roomId}:${r.reportedProfileId ?? ''}`))).toEqual(new Set([group.key]));
          expect(group.distinctReporters).toBe(new Set(members.flatMap((r) => (r.reporterId ? [r.reporterId] : []))).size);
        }
        for (let i = 1; i < groups.length; i += 1) expect(groups[i - 1]!.priority).toBeGreaterThanOrEqual(groups[i]!.priority);
        const shuffled = [...reports].sort((a, b) => ((a.id.charCodeAt(0) ^ seed) % 7) - ((b.id.charCodeAt(0) ^ seed) % 7));
        expect(buildModerationQueue(shuffled, sizeOf)).toEqual(groups);
      }),
      RUNS,
    );
  });
});

import { CATEGORY_SEVERITY, ReportCategory, ReportStatus } from '../reports/report-category';
import { audienceFactor, buildModerationQueue, distinctReporterCount, groupKey, queuePriority, type QueuedReport } from './queue-priority';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 12, minute));

let sequence = 0;
function queued(roomId: string, reportedProfileId: string | null, reporterId: string | null, overrides: Partial<QueuedReport> = {}): QueuedReport {
  sequence += 1;
  return {
    id: `rep-${String(sequence).padStart(3, '0')}`,
    roomId,
    reportedProfileId,
    reporterId,
    category: ReportCategory.Harassment,
    status: ReportStatus.Open,
    createdAt: at(sequence),
    ...overrides,
  };
}

describe('audienceFactor', () => {
  it('is 1 + log2(1 + audience): 1 for an empty room, +1 per doubling', () => {
    expect(audienceFactor(0)).toBe(1);
    expect(audienceFactor(1)).toBe(2);
    expect(audienceFactor(3)).toBe(3);
    expect(audienceFactor(1023)).toBe(11);
  });

  it('treats nonsense sizes as an empty room', () => {
    for (const size of [-5, Number.NaN, Number.NEGATIVE_INFINITY]) expect(audienceFactor(size)).toBe(1);
  });
});

describe('queuePriority', () => {
  it('is severity × distinct reporters × audience factor', () => {
    expect(queuePriority(ReportCategory.HateSpeech, 3, 7)).toBe(10 * 3 * 4);
    expect(queuePriority(ReportCategory.Spam, 1, 0)).toBe(2);
  });

  it('counts a system report with no reporters as one', () => {
    expect(queuePriority(ReportCategory.Other, 0, 0)).toBe(CATEGORY_SEVERITY[ReportCategory.Other]);
  });

  it('ranks harm to people above harm to the product', () => {
    const order = Object.values(ReportCategory).sort((a, b) => CATEGORY_SEVERITY[b] - CATEGORY_SEVERITY[a]);
    expect(order.slice(0, 3).sort()).toEqual([ReportCategory.HateSpeech, ReportCategory.Harassment, ReportCategory.Violence].sort());
    expect(order.at(-1)).toBe(ReportCategory.Other);
  });
});

describe('buildModerationQueue', () => {
  it('groups reports on the same (room, profile), oldest report first', () => {
    const a1 = queued('room-1', 'p-a', 'r-1');
    const b1 = queued('room-1', 'p-b', 'r-1');
    const a2 = queued('room-1', 'p-a', 'r-2');
    const other = queued('room-2', 'p-a', 'r-3');
    const roomItself = queued('room-1', null, 'r-4');
    const groups = buildModerationQueue([a2, other, roomItself, b1, a1], () => 0);
    const byKey = new Map(groups.map((group) => [group.key, group]));
    expect(byKey.get(groupKey('room-1', 'p-a'))?.reportIds).toEqual([a1.id, a2.id]);
    expect(byKey.get(groupKey('room-1', 'p-b'))?.reportIds).toEqual([b1.id]);
    expect(byKey.get(groupKey('room-2', 'p-a'))?.reportIds).toEqual([other.id]);
    expect(byKey.get('room-1:')?.reportedProfileId).toBeNull();
    expect(groups).toHaveLength(4);
  });

  it('orders by priority, then the longest-waiting group', () => {
    const spamEarly = queued('room-1', 'p-spam', 'r-1', { category: ReportCategory.Spam });
    const hate = queued('room-2', 'p-hate', 'r-2', { category: ReportCategory.HateSpeech });
    const crowd = [queued('room-1', 'p-crowd', 'r-3'), queued('room-1', 'p-crowd', 'r-4'), queued('room-1', 'p-crowd', 'r-5')];
    const spamLate = queued('room-1', 'p-spam-2', 'r-6', { category: ReportCategory.Spam });
    const sizes: Record<string, number> = { 'room-1': 1, 'room-2': 1 };
    const groups = buildModerationQueue([spamLate, hate, spamEarly, ...crowd], (roomId) => sizes[roomId] ?? 0);
    // Harassment × 3 reporters (48) > hate speech × 1 (20) > spam (4, 4: the earlier first).
    expect(groups.map((group) => group.reportedProfileId)).toEqual(['p-crowd', 'p-hate', 'p-spam', 'p-spam-2']);
    expect(groups[0]).toMatchObject({ distinctReporters: 3, audienceSize: 1, priority: 8 * 3 * 2 });
  });

  it('takes the most severe category of a group, and counts each reporter once', () => {
    const group = buildModerationQueue(
      [
        queued('room-1', 'p-a', 'r-1', { category: ReportCategory.Spam }),
        queued('room-1', 'p-a', 'r-1', { category: ReportCategory.Violence }),
        queued('room-1', 'p-a', 'r-2', { category: ReportCategory.HateSpeech }),
        queued('room-1', 'p-a', null, { category: ReportCategory.Other }),
      ],
      () => 3,
    )[0]!;
    expect(group).toMatchObject({ category: ReportCategory.Violence, distinctReporters: 2, priority: 10 * 2 * 3 });
  });

  it('is empty for no reports', () => {
    expect(buildModerationQueue([], () => 0)).toEqual([]);
  });
});

describe('distinctReporterCount', () => {
  it('counts accounts, not reports, and not system reports', () => {
    expect(distinctReporterCount([{ reporterId: 'a' }, { reporterId: 'a' }, { reporterId: 'b' }, { reporterId: null }])).toBe(2);
  });
});

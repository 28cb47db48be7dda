import fc from 'fast-check';

import {
  checkInsightSettings,
  countCohorts,
  foldInsightGroups,
  industryGroupLabel,
  InsightSettingsError,
  type ListenerCohortKey,
  OTHER_GROUP_LABEL,
  seniorityGroupLabel,
  shownMedianSeconds,
  windowEndsBy,
  windowStartOf,
} from './insight-rules';

const RUNS = { numRuns: 300 };
const GROUPS = ['software', 'banking', 'retail', 'energy'];

const population = fc.array(
  fc.record({ group: fc.option(fc.constantFrom(...GROUPS), { nil: null }), firstWindow: fc.integer({ min: 0, max: 5 }) }),
  { maxLength: 120 },
);

function shown(listeners: readonly ListenerCohortKey[], k: number) {
  return foldInsightGroups(countCohorts(listeners, k), listeners.length, k);
}

describe('host insights rule (issue 19)', () => {
  it('never shows a group below k, and the shown groups add up to the listeners (or nothing is shown)', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 5, max: 12 }), (listeners, k) => {
        const groups = shown(listeners, k);
        for (const group of groups) expect(group.listeners).toBeGreaterThanOrEqual(k);
        const total = groups.reduce((sum, group) => sum + group.listeners, 0);
        expect(total === listeners.length || (groups.length === 0 && listeners.length < k)).toBe(true);
        for (const group of groups) expect(group.share).toBeCloseTo(group.listeners / listeners.length, 10);
      }),
      RUNS,
    );
  });

  it('no differencing: one person who joins in a window with fewer than k - 1 others of their group moves the figures the same whatever their group', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 5, max: 10 }), fc.integer({ min: 0, max: 6 }), (before, k, window) => {
        const others = before.filter((l) => l.firstWindow === window);
        const outcomes = new Set<string>();
        for (const group of [...GROUPS, null]) {
          // Only a group that cannot reach k in that window together with this person is a secret.
          if (group !== null && others.filter((l) => l.group === group).length + 1 >= k) continue;
          outcomes.add(JSON.stringify(shown([...before, { group, firstWindow: window }], k)));
        }
        expect(outcomes.size).toBe(1);
      }),
      RUNS,
    );
  });

  it('a naive count (every group of at least k, whenever it reaches k) would reveal the person: the rule does not', () => {
    const k = 5;
    // Nine bankers arrived over several windows; a known person joins alone in window 3.
    const bankers: ListenerCohortKey[] = [0, 0, 1, 1, 2, 2, 2, 0, 1].map((firstWindow) => ({ group: 'banking', firstWindow }));
    const software: ListenerCohortKey[] = Array.from({ length: 6 }, () => ({ group: 'software', firstWindow: 0 }));
    const asBanker = shown([...bankers, ...software, { group: 'banking', firstWindow: 3 }], k);
    const asRetail = shown([...bankers, ...software, { group: 'retail', firstWindow: 3 }], k);
    expect(asBanker).toEqual(asRetail);
    const naive = (extra: string) => [...bankers, ...software, { group: extra, firstWindow: 3 }].filter((l) => l.group === 'banking').length;
    expect(naive('banking')).not.toBe(naive('retail'));
  });

  it('folds into Other, merging the smallest named groups while Other is below k', () => {
    expect(foldInsightGroups([{ label: 'A', listeners: 12 }, { label: 'B', listeners: 10 }], 25, 10)).toEqual([
      { label: 'A', listeners: 12, share: 12 / 25 },
      { label: OTHER_GROUP_LABEL, listeners: 13, share: 13 / 25 },
    ]);
    expect(foldInsightGroups([{ label: 'A', listeners: 12 }, { label: 'B', listeners: 10 }], 22, 10)).toEqual([
      { label: 'A', listeners: 12, share: 12 / 22 },
      { label: 'B', listeners: 10, share: 10 / 22 },
    ]);
    expect(foldInsightGroups([], 9, 10)).toEqual([]);
    expect(foldInsightGroups([], 10, 10)).toEqual([{ label: OTHER_GROUP_LABEL, listeners: 10, share: 1 }]);
    expect(foldInsightGroups([{ label: 'A', listeners: 4 }], 30, 5)).toEqual([{ label: OTHER_GROUP_LABEL, listeners: 30, share: 1 }]);
    expect(() => foldInsightGroups([{ label: 'A', listeners: 12 }], 11, 10)).toThrow(RangeError);
  });

  it('counts cohorts of at least k per group and window', () => {
    const listeners: ListenerCohortKey[] = [
      ...Array.from({ length: 5 }, () => ({ group: 'banking', firstWindow: 0 })),
      ...Array.from({ length: 4 }, () => ({ group: 'banking', firstWindow: 1 })),
      ...Array.from({ length: 7 }, () => ({ group: null, firstWindow: 0 })),
    ];
    expect(countCohorts(listeners, 5)).toEqual([{ label: 'banking', listeners: 5 }]);
  });

  it('checks k and the window', () => {
    expect(() => checkInsightSettings({ minimumGroupSize: 4, refreshSeconds: 300 })).toThrow(InsightSettingsError);
    expect(() => checkInsightSettings({ minimumGroupSize: 5, refreshSeconds: 59 })).toThrow(InsightSettingsError);
    expect(() => checkInsightSettings({ minimumGroupSize: 5.5, refreshSeconds: 60 })).toThrow(InsightSettingsError);
    expect(() => checkInsightSettings({ minimumGroupSize: 5, refreshSeconds: 60 })).not.toThrow();
  });

  it('shows the median only from k listeners, in whole seconds', () => {
    expect(shownMedianSeconds(12.6, 9, 10)).toBeNull();
    expect(shownMedianSeconds(12.6, 10, 10)).toBe(13);
    expect(shownMedianSeconds(null, 10, 10)).toBeNull();
  });

  it('labels groups in plain words', () => {
    expect(industryGroupLabel('financial-services')).toBe('Financial Services');
    expect(industryGroupLabel('unknown-slug')).toBe('unknown-slug');
    expect(seniorityGroupLabel('ENTRY')).toBe('Entry level');
  });

  it('cuts windows from the start of the room', () => {
    const start = new Date('2026-12-07T10:00:00Z');
    expect(windowEndsBy(start, new Date('2026-12-07T10:14:59Z'), 300).map((d) => d.toISOString())).toEqual([
      '2026-12-07T10:05:00.000Z',
      '2026-12-07T10:10:00.000Z',
    ]);
    expect(windowEndsBy(start, new Date('2026-12-07T10:15:00Z'), 300, 1).map((d) => d.toISOString())).toEqual(['2026-12-07T10:15:00.000Z']);
    expect(windowStartOf(start, new Date('2026-12-07T10:12:00Z'), 300).toISOString()).toBe('2026-12-07T10:10:00.000Z');
    expect(windowStartOf(start, new Date('2026-12-07T10:10:00Z'), 300).toISOString()).toBe('2026-12-07T10:05:00.000Z');
    expect(windowStartOf(start, start, 300)).toEqual(start);
  });
});

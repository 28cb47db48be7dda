import { foldingExplanation, formatListenTime, formatShare, msUntilReread, timelineBars } from './insights-text';

describe('insights panel words (issue 19)', () => {
  it('says listening times in hours, minutes and seconds', () => {
    expect(formatListenTime(45)).toBe('45 s');
    expect(formatListenTime(600)).toBe('10 min');
    expect(formatListenTime(725)).toBe('12 min 5 s');
    expect(formatListenTime(7380)).toBe('2 h 3 min');
  });

  it('rounds shares to whole percentages, never hiding a small one as 0%', () => {
    expect(formatShare(0.4849)).toBe('48%');
    expect(formatShare(0.001)).toBe('<1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('explains the folding with k', () => {
    expect(foldingExplanation(10)).toContain('at least 10 people');
    expect(foldingExplanation(10)).toContain('at least 9 others');
    expect(foldingExplanation(10)).toContain('“Other”');
  });

  it('reads again after the next refresh, never once final', () => {
    expect(msUntilReread(null, 0)).toBeNull();
    expect(msUntilReread('1970-01-01T00:01:00Z', 0, 1000)).toBe(61_000);
    expect(msUntilReread('1970-01-01T00:01:00Z', 120_000, 1000)).toBe(1000);
  });

  it('scales the timeline to its largest window', () => {
    expect(timelineBars([{ listeners: 5 }, { listeners: 10 }])).toEqual([0.5, 1]);
    expect(timelineBars([{ listeners: 0 }])).toEqual([0]);
    expect(timelineBars([])).toEqual([]);
  });
});

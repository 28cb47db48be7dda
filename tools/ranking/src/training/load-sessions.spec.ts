import { Random } from '../random';
import { sampleShare } from './load-sessions';

describe('sampleShare: training on a share of the sessions, for a learning curve', () => {
  const sessions = Array.from({ length: 1000 }, (_, index) => ({ index }));

  it('keeps round(share × n) distinct sessions in their time order, the same ones for the same seed', () => {
    const half = sampleShare(sessions, 0.5, new Random(7));
    expect(half).toHaveLength(500);
    expect(new Set(half.map((session) => session.index)).size).toBe(500);
    expect(half.map((session) => session.index)).toEqual([...half.map((session) => session.index)].sort((a, b) => a - b));
    expect(sampleShare(sessions, 0.5, new Random(7))).toEqual(half);
    expect(sampleShare(sessions, 0.5, new Random(8))).not.toEqual(half);
    // Drawn over the whole period, not its start: both halves of it are represented.
    expect(half.filter((session) => session.index < 500).length).toBeGreaterThan(200);
    expect(half.filter((session) => session.index >= 500).length).toBeGreaterThan(200);
    expect(sampleShare(sessions, 0.123, new Random(1))).toHaveLength(123);
  });

  it('returns every session for share 1, and refuses a share outside (0, 1]', () => {
    expect(sampleShare(sessions, 1, new Random(7))).toEqual(sessions);
    for (const share of [0, -0.5, 1.5, Number.NaN]) expect(() => sampleShare(sessions, share, new Random(7))).toThrow(RangeError);
  });
});

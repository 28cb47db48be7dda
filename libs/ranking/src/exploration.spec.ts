import { deterministicPlacement, explorationPlacement, seededUniform } from './exploration';

describe('exploration placement', () => {
  it('is deterministic for a seed and uniform over [0, 1)', () => {
    const a = seededUniform(42);
    const b = seededUniform(42);
    const values = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('keeps the model order with propensity 1 on the deterministic path', () => {
    expect(deterministicPlacement(['a', 'b', 'c'])).toEqual([
      { item: 'a', position: 0, propensity: 1, exploration: false },
      { item: 'b', position: 1, propensity: 1, exploration: false },
      { item: 'c', position: 2, propensity: 1, exploration: false },
    ]);
  });

  it('shuffles only the top N, each with propensity 1/N, and keeps every item once', () => {
    const ranked = Array.from({ length: 15 }, (_, index) => `r${index}`);
    const placed = explorationPlacement(ranked, 10, seededUniform(7));
    expect(placed.map((p) => p.position)).toEqual(ranked.map((_, index) => index));
    expect(new Set(placed.slice(0, 10).map((p) => p.item))).toEqual(new Set(ranked.slice(0, 10)));
    expect(placed.slice(10).map((p) => p.item)).toEqual(ranked.slice(10));
    for (const p of placed.slice(0, 10)) expect(p).toMatchObject({ propensity: 0.1, exploration: true });
    for (const p of placed.slice(10)) expect(p).toMatchObject({ propensity: 1, exploration: false });
    // Short lists shuffle what there is: 3 items, propensity 1/3.
    expect(explorationPlacement(['a', 'b', 'c'], 10, seededUniform(1)).every((p) => Math.abs(p.propensity - 1 / 3) < 1e-12)).toBe(true);
    expect(explorationPlacement(['a'], 10, seededUniform(1))).toEqual(deterministicPlacement(['a']));
    expect(() => explorationPlacement(ranked, 1, seededUniform(1))).toThrow(RangeError);
  });

  it('places every item at every position with probability 1/N (the logged propensity is the true one)', () => {
    const n = 5;
    const trials = 50_000;
    const random = seededUniform(3);
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let t = 0; t < trials; t++) {
      explorationPlacement([0, 1, 2, 3, 4], n, random).forEach((p) => {
        counts[p.item]![p.position]! += 1;
      });
    }
    for (const row of counts) for (const count of row) expect(Math.abs(count / trials - 1 / n)).toBeLessThan(0.01);
  });
});

import { FEATURE_DIM } from '@roundtable/ranking';

import { Random } from '../random';
import type { Dataset } from '../training/dataset';
import { estimatePropensities, onPolicyValue, policyValueIps } from './session-metrics';

/** A logged world with known relevance and position bias, served by a uniform shuffle or in a fixed order. */
function simulate(options: { sessions: number; relevance: readonly number[]; examination: (p: number) => number; shuffled: boolean; seed: number }): Dataset {
  const random = new Random(options.seed);
  const n = options.relevance.length;
  const rows = options.sessions * n;
  const labels = new Float32Array(rows);
  const positions = new Int32Array(rows);
  const loggedScores = new Float32Array(rows);
  const sessionStarts = new Int32Array(options.sessions + 1);
  for (let s = 0; s < options.sessions; s++) {
    sessionStarts[s] = s * n;
    const order = Array.from({ length: n }, (_, i) => i);
    if (options.shuffled) random.shuffle(order);
    order.forEach((item, position) => {
      const row = s * n + position;
      positions[row] = position;
      // The item's identity travels in loggedScores (its true relevance) so a policy can rank by it.
      loggedScores[row] = options.relevance[item] ?? 0;
      labels[row] = random.chance(options.examination(position)) && random.chance(options.relevance[item] ?? 0) ? 1 : 0;
    });
  }
  sessionStarts[options.sessions] = rows;
  return {
    rows,
    features: new Float32Array(rows * FEATURE_DIM),
    labels,
    gains: Float32Array.from(labels),
    loggedScores,
    positions,
    sessionStarts,
    exploration: new Uint8Array(rows).fill(options.shuffled ? 1 : 0),
    loggingPropensities: new Float32Array(rows).fill(options.shuffled ? 1 / n : 1),
  };
}

function concat(a: Dataset, b: Dataset): Dataset {
  const join = <T extends Float32Array | Int32Array | Uint8Array>(x: T, y: T, make: (length: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    rows: a.rows + b.rows,
    features: new Float32Array((a.rows + b.rows) * FEATURE_DIM),
    labels: join(a.labels, b.labels, (l) => new Float32Array(l)),
    gains: join(a.gains, b.gains, (l) => new Float32Array(l)),
    loggedScores: join(a.loggedScores, b.loggedScores, (l) => new Float32Array(l)),
    positions: join(a.positions, b.positions, (l) => new Int32Array(l)),
    sessionStarts: Int32Array.from([...a.sessionStarts.subarray(0, -1), ...Array.from(b.sessionStarts, (start) => start + a.rows)]),
    exploration: join(a.exploration, b.exploration, (l) => new Uint8Array(l)),
    loggingPropensities: join(a.loggingPropensities, b.loggingPropensities, (l) => new Float32Array(l)),
  };
}

const RELEVANCE = [0.9, 0.6, 0.4, 0.2, 0.1];
const EXAMINATION = (p: number): number => 1 / (1 + 0.5 * p);

describe('estimatePropensities', () => {
  it('estimates position bias from the exploration slice only, ignoring the confounded model-ordered rows', () => {
    const explored = simulate({ sessions: 20_000, relevance: RELEVANCE, examination: EXAMINATION, shuffled: true, seed: 1 });
    // The model's order puts the best item first: its join rate by position mostly measures relevance.
    const modelOrdered = simulate({ sessions: 20_000, relevance: RELEVANCE, examination: EXAMINATION, shuffled: false, seed: 2 });
    const estimated = estimatePropensities(concat(explored, modelOrdered));
    for (let p = 0; p < RELEVANCE.length; p++) expect(Math.abs((estimated[p] ?? 0) - EXAMINATION(p))).toBeLessThan(0.04);
    expect(() => estimatePropensities(modelOrdered)).toThrow(/no exploration slice/);
  });
});

describe('policyValueIps', () => {
  it('recovers the online DCG@10 a policy would earn, from uniformly shuffled logs', () => {
    const logged = simulate({ sessions: 15_000, relevance: RELEVANCE, examination: EXAMINATION, shuffled: true, seed: 3 });
    const truth = (order: readonly number[]): number =>
      order.reduce((sum, relevance, position) => sum + (EXAMINATION(position) * relevance) / Math.log2(position + 2), 0);
    const best = [...RELEVANCE].sort((a, b) => b - a);
    const worst = [...RELEVANCE].sort((a, b) => a - b);

    const byRelevance = policyValueIps(logged, logged.loggedScores, 1, 100);
    const inverse = policyValueIps(logged, Float32Array.from(logged.loggedScores, (score) => -score), 1, 100);
    expect(byRelevance.sessions).toBe(15_000);
    for (const [estimate, expected] of [
      [byRelevance, truth(best)],
      [inverse, truth(worst)],
    ] as const) {
      expect(Math.abs(estimate.ips - expected) / expected).toBeLessThan(0.07);
      expect(Math.abs(estimate.snips - expected) / expected).toBeLessThan(0.07);
      expect(estimate.snipsCi95[0]).toBeLessThan(expected);
      expect(estimate.snipsCi95[1]).toBeGreaterThan(expected);
    }
    // The random logging order itself is observed, not estimated.
    const meanRelevance = RELEVANCE.reduce((sum, r) => sum + r, 0) / RELEVANCE.length;
    const random = RELEVANCE.reduce((sum, _, position) => sum + (EXAMINATION(position) * meanRelevance) / Math.log2(position + 2), 0);
    expect(Math.abs(onPolicyValue(logged, 1, 100).snips - random) / random).toBeLessThan(0.03);
    expect(byRelevance.snips).toBeGreaterThan(random);
    expect(inverse.snips).toBeLessThan(random);
  });
});

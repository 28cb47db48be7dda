import {
  FEATURE_DIM,
  FEATURE_GROUP_INDICES,
  FEATURE_GROUPS,
  FEATURE_NEUTRALS,
  ndcgAt,
  ndcgFromGains,
  reciprocalRank,
  type FeatureGroup,
} from '@roundtable/ranking';

import { Random } from '../random';
import type { Dataset } from '../training/dataset';

/** Cut-off for NDCG and recall. */
export const METRIC_K = 10;

/**
 * Mean ranking metrics over the sessions that have at least one join. `ndcg@10` and `recall@10`
 * are position-debiased: each join's gain is divided by the examination propensity of the
 * position it was logged at, so a model is not rewarded for agreeing with the logged order.
 * `ndcg@10_raw` is the plain (biased) NDCG for comparison.
 */
export interface RankingMetrics {
  readonly 'ndcg@10': number;
  readonly 'recall@10': number;
  readonly mrr: number;
  readonly 'ndcg@10_raw': number;
  /** 95% bootstrap interval of (debiased) NDCG@10 over sessions. */
  readonly 'ndcg@10_ci95': readonly [number, number];
  /** Sessions evaluated (those with a join; metrics are undefined for the rest). */
  readonly sessions: number;
}

/** Scores every row of a dataset; the row layout is dataset.features. */
export type DatasetScorer = (features: Float32Array, rows: number) => Promise<Float32Array> | Float32Array;

/** Propensities are floored so one lucky join deep in a list cannot dominate a session. */
const MIN_PROPENSITY = 0.1;

/**
 * Examination propensity by position, estimated as join rate at the position over the join rate
 * at position 0. Valid because the simulator's lists are ordered uniformly at random (relevance
 * is independent of position); real logs need a randomised slice for the same estimate.
 */
export function estimatePropensities(dataset: Dataset): Float64Array {
  const maxPosition = dataset.positions.reduce((max, position) => Math.max(max, position), 0);
  const shown = new Float64Array(maxPosition + 1);
  const joined = new Float64Array(maxPosition + 1);
  dataset.positions.forEach((position, row) => {
    shown[position] = (shown[position] ?? 0) + 1;
    joined[position] = (joined[position] ?? 0) + (dataset.labels[row] ?? 0);
  });
  const rate = (position: number): number => (joined[position] ?? 0) / Math.max(1, shown[position] ?? 0);
  const top = rate(0) || 1;
  return Float64Array.from({ length: maxPosition + 1 }, (_, position) => Math.min(1, Math.max(MIN_PROPENSITY, rate(position) / top)));
}

/** Per-session metric values for one set of scores (sessions without a join are skipped). */
export function sessionMetrics(
  dataset: Dataset,
  scores: ArrayLike<number>,
  propensities: ArrayLike<number> = estimatePropensities(dataset),
): { ndcg: number[]; ndcgRaw: number[]; recall: number[]; rr: number[] } {
  const ndcg: number[] = [];
  const ndcgRaw: number[] = [];
  const recall: number[] = [];
  const rr: number[] = [];
  for (let s = 0; s + 1 < dataset.sessionStarts.length; s++) {
    const from = dataset.sessionStarts[s] ?? 0;
    const to = dataset.sessionStarts[s + 1] ?? from;
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort(
      (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b,
    );
    const ranked = order.map((row) => dataset.gains[row] ?? 0);
    const raw = ndcgAt(ranked, METRIC_K);
    if (raw === null) continue;
    const weighted = order.map((row) => (2 ** (dataset.gains[row] ?? 0) - 1) / (propensities[dataset.positions[row] ?? 0] ?? 1));
    ndcg.push(ndcgFromGains(weighted, METRIC_K) ?? 0);
    ndcgRaw.push(raw);
    recall.push(weightedRecall(weighted));
    rr.push(reciprocalRank(ranked) ?? 0);
  }
  return { ndcg, ndcgRaw, recall, rr };
}

function weightedRecall(weightedGains: readonly number[]): number {
  const total = weightedGains.reduce((sum, gain) => sum + (gain > 0 ? gain : 0), 0);
  const top = weightedGains.slice(0, METRIC_K).reduce((sum, gain) => sum + (gain > 0 ? gain : 0), 0);
  return total > 0 ? top / total : 0;
}

/** Summarises scores into {@link RankingMetrics}, with a seeded bootstrap for the NDCG interval. */
export function summariseMetrics(dataset: Dataset, scores: ArrayLike<number>, seed = 1): RankingMetrics {
  const { ndcg, ndcgRaw, recall, rr } = sessionMetrics(dataset, scores);
  return {
    'ndcg@10': mean(ndcg),
    'recall@10': mean(recall),
    mrr: mean(rr),
    'ndcg@10_raw': mean(ndcgRaw),
    'ndcg@10_ci95': bootstrap(ndcg, seed),
    sessions: ndcg.length,
  };
}

/**
 * Feature-group importance as the NDCG@10 lost when the group is neutralised on every row
 * (the same occlusion the service uses for reasons, measured on ranking quality).
 */
export async function groupImportance(
  dataset: Dataset,
  scorer: DatasetScorer,
  baseline: number,
): Promise<Array<{ group: FeatureGroup; ndcgDrop: number }>> {
  const propensities = estimatePropensities(dataset);
  const results: Array<{ group: FeatureGroup; ndcgDrop: number }> = [];
  for (const group of FEATURE_GROUPS) {
    const occluded = Float32Array.from(dataset.features);
    for (let row = 0; row < dataset.rows; row++) {
      for (const column of FEATURE_GROUP_INDICES[group]) occluded[row * FEATURE_DIM + column] = FEATURE_NEUTRALS[column] ?? 0;
    }
    const scores = await scorer(occluded, dataset.rows);
    results.push({ group, ndcgDrop: baseline - mean(sessionMetrics(dataset, scores, propensities).ndcg) });
  }
  return results.sort((a, b) => b.ndcgDrop - a.ndcgDrop);
}

/**
 * Paired 95% bootstrap interval of mean(a) / mean(b) over the same sessions (a and b are
 * per-session values for the same sessions in the same order, e.g. two models' NDCG@10).
 */
export function pairedRatioCi(a: readonly number[], b: readonly number[], seed: number, resamples = 1000): [number, number] {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  if (a.length === 0) return [0, 0];
  const random = new Random(seed);
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sumA = 0;
    let sumB = 0;
    for (let i = 0; i < a.length; i++) {
      const at = Math.floor(random.next() * a.length);
      sumA += a[at] ?? 0;
      sumB += b[at] ?? 0;
    }
    ratios.push(sumB > 0 ? sumA / sumB : 0);
  }
  ratios.sort((x, y) => x - y);
  return [ratios[Math.floor(resamples * 0.025)] ?? 0, ratios[Math.floor(resamples * 0.975)] ?? 0];
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function bootstrap(values: readonly number[], seed: number, resamples = 300): [number, number] {
  if (values.length === 0) return [0, 0];
  const random = new Random(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random.next() * values.length)] ?? 0;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [means[Math.floor(resamples * 0.025)] ?? 0, means[Math.floor(resamples * 0.975)] ?? 0];
}

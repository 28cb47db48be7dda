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
 * Examination propensity by position (position bias), estimated from the exploration slice only:
 * the join rate at each position over the join rate at position 0, over the rows an exploration
 * slice placed (uniformly random orders, so relevance is independent of position there; in the
 * model's own order, position and relevance are confounded and the ratio would mostly measure
 * the model). Positions the slice never reaches take the deepest estimated value. Floored at
 * {@link MIN_PROPENSITY}.
 *
 * @throws Error when the dataset has no exploration rows
 */
export function estimatePropensities(dataset: Dataset): Float64Array {
  const maxPosition = dataset.positions.reduce((max, position) => Math.max(max, position), 0);
  const shown = new Float64Array(maxPosition + 1);
  const joined = new Float64Array(maxPosition + 1);
  let explored = 0;
  dataset.positions.forEach((position, row) => {
    if (dataset.exploration[row] !== 1) return;
    explored += 1;
    shown[position] = (shown[position] ?? 0) + 1;
    joined[position] = (joined[position] ?? 0) + (dataset.labels[row] ?? 0);
  });
  if (explored === 0) {
    throw new Error('the log has no exploration slice (no impression in a uniformly random order), so position bias cannot be estimated');
  }
  const rate = (position: number): number => (joined[position] ?? 0) / Math.max(1, shown[position] ?? 0);
  const top = rate(0) || 1;
  const out = new Float64Array(maxPosition + 1);
  let last = 1;
  for (let position = 0; position <= maxPosition; position++) {
    if ((shown[position] ?? 0) > 0) last = Math.min(1, Math.max(MIN_PROPENSITY, rate(position) / top));
    out[position] = last;
  }
  return out;
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

/** A fixed pseudo-random order of rows (Knuth's multiplicative hash), independent of logged positions. */
function tieKey(row: number): number {
  return Math.imul(row + 1, 2654435761) >>> 0;
}

/**
 * The logging policy's own online DCG@10 of joins on the slice, observed (no weighting): mean over
 * sessions of Σ (2^gain − 1) / log2(position + 2) over positions < 10, in the same shape as
 * {@link policyValueIps} (ips = snips = the observed mean).
 */
export function onPolicyValue(dataset: Dataset, seed = 1, resamples = 500): ReturnType<typeof policyValueIps> {
  const values: number[] = [];
  for (let s = 0; s + 1 < dataset.sessionStarts.length; s++) {
    const from = dataset.sessionStarts[s] ?? 0;
    const to = dataset.sessionStarts[s + 1] ?? from;
    if (to <= from) continue;
    let value = 0;
    for (let row = from; row < to; row++) {
      const position = dataset.positions[row] ?? 0;
      if (position < METRIC_K) value += (2 ** (dataset.gains[row] ?? 0) - 1) / Math.log2(position + 2);
    }
    values.push(value);
  }
  const ci = bootstrap(values, seed, resamples);
  return { ips: mean(values), snips: mean(values), ipsCi95: ci, snipsCi95: ci, sessions: values.length };
}

/**
 * Off-policy estimate of a ranking policy's online DCG@10 of joins on the exploration slice,
 * with the item-position model (Li et al. 2018): a logged impression of item i at position p
 * counts only when the policy (ranking the same logged items by `scores`) would also put i at p,
 * weighted by 1 / the logging propensity of (i, p) (1/N for a uniform shuffle of N, so weight N).
 *
 * - `ips` = mean over sessions of Σ_i w_i · (2^gain_i − 1) / log2(p_i + 2) (positions < 10 only).
 * - `snips` divides by the mean realised weight per item, Σ_i w_i / n_s, whose expectation is 1
 *   (self-normalised: lower variance, slightly biased).
 * - Both include position bias: they estimate what the policy would earn if served, not relevance.
 * - `ci95`: percentile bootstrap over sessions (resampling sessions keeps each list intact).
 *
 * Only valid on rows placed by a uniformly random order with known propensities (the slice).
 */
export function policyValueIps(
  dataset: Dataset,
  scores: ArrayLike<number>,
  seed = 1,
  resamples = 500,
): { ips: number; snips: number; ipsCi95: [number, number]; snipsCi95: [number, number]; sessions: number } {
  const values: number[] = [];
  const norms: number[] = [];
  for (let s = 0; s + 1 < dataset.sessionStarts.length; s++) {
    const from = dataset.sessionStarts[s] ?? 0;
    const to = dataset.sessionStarts[s + 1] ?? from;
    if (to <= from) continue;
    // The policy re-ranks the logged rows; rank k of the policy maps to the k-th smallest logged position.
    const rows = Array.from({ length: to - from }, (_, i) => from + i);
    // Ties are broken by a hash of the row, never by the logged position: a tie-break in logged
    // order would copy the logging policy's random draws and inflate the matches.
    const byPolicy = [...rows].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || tieKey(a) - tieKey(b));
    const slots = rows.map((row) => dataset.positions[row] ?? 0).sort((a, b) => a - b);
    let value = 0;
    let weight = 0;
    byPolicy.forEach((row, rank) => {
      if (slots[rank] !== dataset.positions[row]) return;
      const w = 1 / (dataset.loggingPropensities[row] || 1);
      const position = dataset.positions[row] ?? 0;
      weight += w;
      if (position < METRIC_K) value += (w * (2 ** (dataset.gains[row] ?? 0) - 1)) / Math.log2(position + 2);
    });
    values.push(value);
    norms.push(weight / rows.length);
  }
  const ratioOfSums = (v: readonly number[], n: readonly number[]): number => {
    const total = n.reduce((sum, x) => sum + x, 0);
    return total > 0 ? v.reduce((sum, x) => sum + x, 0) / total : 0;
  };
  const random = new Random(seed);
  const ipsDraws: number[] = [];
  const snipsDraws: number[] = [];
  for (let r = 0; r < resamples && values.length > 0; r++) {
    let v = 0;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const at = Math.floor(random.next() * values.length);
      v += values[at] ?? 0;
      n += norms[at] ?? 0;
    }
    ipsDraws.push(v / values.length);
    snipsDraws.push(n > 0 ? v / n : 0);
  }
  const percentile = (draws: number[]): [number, number] => {
    draws.sort((a, b) => a - b);
    return [draws[Math.floor(draws.length * 0.025)] ?? 0, draws[Math.floor(draws.length * 0.975)] ?? 0];
  };
  return {
    ips: mean(values),
    snips: ratioOfSums(values, norms),
    ipsCi95: percentile(ipsDraws),
    snipsCi95: percentile(snipsDraws),
    sessions: values.length,
  };
}

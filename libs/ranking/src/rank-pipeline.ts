import { extractFeatureBatch, parseNow, prepareViewer } from './feature-extraction';
import { FEATURE_DIM, FEATURE_GROUP_INDICES, FEATURE_GROUPS, FEATURE_NEUTRALS } from './feature-spec';
import { DEFAULT_RANK_LIMIT, type RankedItem, type RankRequest, type RankResponse } from './rank-types';
import { explain, type ExplainOptions } from './reasons';

/**
 * Scores `rows` feature rows ([rows * FEATURE_DIM], row-major). The ONNX session is one
 * implementation; tests and benchmarks plug in {@link mlpForward}.
 */
export type BatchScorer = (features: Float32Array, rows: number) => Promise<Float32Array> | Float32Array;

/** Hooks and tuning for {@link rankCandidates}. */
export interface RankPipelineOptions extends ExplainOptions {
  readonly modelVersion: string;
  /**
   * Called between chunks of feature extraction so a server can yield to its event loop
   * (e.g. `() => new Promise((resolve) => setImmediate(resolve))`); the pipeline itself does no I/O.
   */
  readonly yieldControl?: () => Promise<void>;
  /** Candidates extracted between two {@link yieldControl} calls (default 1000). */
  readonly extractionChunk?: number;
  /** Observes the time spent per stage, for metrics; receives milliseconds from `clock`. */
  readonly onStage?: (stage: RankStage, milliseconds: number) => void;
  /** Monotonic clock in milliseconds (e.g. `performance.now`); stage timing is skipped without it. */
  readonly clock?: () => number;
}

/** Stages reported to {@link RankPipelineOptions.onStage}. */
export type RankStage = 'extract' | 'score' | 'explain';

/**
 * Ranks a request's candidates with `scorer` and explains the top items by occlusion: each top
 * item is scored again with each feature group set to its neutral values, all in one extra
 * scorer call, and the groups that add most become the reasons.
 */
export async function rankCandidates(
  request: RankRequest,
  scorer: BatchScorer,
  options: RankPipelineOptions,
): Promise<RankResponse> {
  const { candidates } = request;
  const limit = clampLimit(request.limit, candidates.length);
  const context = prepareViewer(request.viewer);
  const nowMs = parseNow(request.now);
  const clock = options.clock;

  let started = clock?.() ?? 0;
  const features = new Float32Array(candidates.length * FEATURE_DIM);
  const chunk = Math.max(1, options.extractionChunk ?? 1000);
  for (let from = 0; from < candidates.length; from += chunk) {
    const slice = candidates.slice(from, from + chunk);
    extractFeatureBatch(context, slice, request.now, features.subarray(from * FEATURE_DIM));
    if (options.yieldControl && from + chunk < candidates.length) await options.yieldControl();
  }
  started = report(options, 'extract', started);

  const scores = candidates.length > 0 ? await scorer(features, candidates.length) : new Float32Array(0);
  const top = topIndices(scores, candidates.map((candidate) => candidate.id), limit);
  const occlusion = buildOcclusionBatch(features, top);
  const occluded = top.length > 0 ? await scorer(occlusion, top.length * FEATURE_GROUPS.length) : new Float32Array(0);
  started = report(options, 'score', started);

  const explainOptions = { ...options, minContribution: options.minContribution ?? defaultMinContribution(scores) };
  const items = top.map((row, position): RankedItem => {
    const score = scores[row] ?? 0;
    const candidate = candidates[row];
    if (!candidate) throw new RangeError(`No candidate at row ${row}`);
    const contributions = groupContributions(score, occluded, position);
    return { roomId: candidate.id, score, reasons: explain(context, candidate, nowMs, contributions, explainOptions) };
  });
  report(options, 'explain', started);
  return { modelVersion: options.modelVersion, items };
}

/**
 * For each chosen row, FEATURE_GROUPS.length copies with one group neutralised, laid out
 * [row0·group0, row0·group1, …, row1·group0, …].
 */
export function buildOcclusionBatch(features: Float32Array, rows: readonly number[]): Float32Array {
  const groups = FEATURE_GROUPS.length;
  const out = new Float32Array(rows.length * groups * FEATURE_DIM);
  rows.forEach((row, position) => {
    const source = features.subarray(row * FEATURE_DIM, (row + 1) * FEATURE_DIM);
    FEATURE_GROUPS.forEach((group, g) => {
      const offset = (position * groups + g) * FEATURE_DIM;
      out.set(source, offset);
      for (const column of FEATURE_GROUP_INDICES[group]) out[offset + column] = FEATURE_NEUTRALS[column] ?? 0;
    });
  });
  return out;
}

/** Smallest log-odds contribution that becomes a reason for a model's probability scores. */
export const MIN_LOG_ODDS_CONTRIBUTION = 0.02;

const PROBABILITY_EPSILON = 1e-6;

function logOdds(probability: number): number {
  const p = Math.min(1 - PROBABILITY_EPSILON, Math.max(PROBABILITY_EPSILON, probability));
  return Math.log(p / (1 - p));
}

const isProbability = (value: number) => value >= 0 && value <= 1;

/**
 * What each group adds to the item at `position` in the occlusion batch: the score minus the
 * score with the group neutralised. When the model outputs probabilities (as shipped models do)
 * the difference is taken in log-odds: near-certain rooms saturate the sigmoid, so probability
 * differences vanish for every group exactly when the evidence is strongest, and the best room
 * would get the fewest reasons. Models with unbounded scores get plain differences.
 */
export function groupContributions(score: number, occluded: Float32Array, position: number): Float64Array {
  const groups = FEATURE_GROUPS.length;
  const out = new Float64Array(groups);
  const row = Array.from({ length: groups }, (_, g) => occluded[position * groups + g] ?? score);
  const probabilities = isProbability(score) && row.every(isProbability);
  for (let g = 0; g < groups; g++) {
    const without = row[g] ?? score;
    out[g] = probabilities ? logOdds(score) - logOdds(without) : score - without;
  }
  return out;
}

/** The default reason threshold in the units {@link groupContributions} uses for these scores. */
export function defaultMinContribution(scores: ArrayLike<number>): number {
  return Array.from(scores).every(isProbability) ? MIN_LOG_ODDS_CONTRIBUTION : 0.002;
}

/**
 * Indices of the `limit` best scores, best first; ties break by room id so the order is
 * deterministic (NaN scores sort last).
 */
export function topIndices(scores: ArrayLike<number>, ids: readonly string[], limit: number): number[] {
  const indices = Array.from({ length: scores.length }, (_, index) => index);
  const valueOf = (index: number): number => {
    const value = scores[index] ?? Number.NEGATIVE_INFINITY;
    return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
  };
  indices.sort((a, b) => valueOf(b) - valueOf(a) || compareIds(ids[a] ?? '', ids[b] ?? ''));
  return indices.slice(0, limit);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The effective number of items to return for a request. */
export function clampLimit(limit: number | undefined, available: number): number {
  const wanted = limit === undefined ? DEFAULT_RANK_LIMIT : Math.floor(limit);
  return Math.max(0, Math.min(available, Number.isFinite(wanted) ? wanted : DEFAULT_RANK_LIMIT));
}

function report(options: RankPipelineOptions, stage: RankStage, started: number): number {
  if (!options.clock) return started;
  const now = options.clock();
  options.onStage?.(stage, now - started);
  return now;
}

/**
 * NDCG@k of one ranked list, given each item's graded relevance in ranked order. Gains are
 * 2^rel - 1 with log2 discounts; the ideal is the same relevances sorted. Returns null when the
 * list has no relevant item (the metric is undefined there and must be skipped, not counted 0).
 */
export function ndcgAt(relevancesInRankedOrder: readonly number[], k: number): number | null {
  return ndcgFromGains(relevancesInRankedOrder.map((rel) => 2 ** rel - 1), k);
}

/**
 * NDCG@k from gains that are already final (linear in the DCG sum). Used for position-debiased
 * NDCG, where each gain is divided by the examination propensity of the position it was logged
 * at (inverse propensity scoring). Null when no gain is positive.
 */
export function ndcgFromGains(gainsInRankedOrder: readonly number[], k: number): number | null {
  const ideal = [...gainsInRankedOrder].sort((a, b) => b - a);
  const idealDcg = dcg(ideal, k);
  if (idealDcg <= 0) return null;
  return dcg(gainsInRankedOrder, k) / idealDcg;
}

/** Share of relevant items (relevance > 0) that appear in the top k; null when none is relevant. */
export function recallAt(relevancesInRankedOrder: readonly number[], k: number): number | null {
  const relevant = relevancesInRankedOrder.filter((rel) => rel > 0).length;
  if (relevant === 0) return null;
  return relevancesInRankedOrder.slice(0, k).filter((rel) => rel > 0).length / relevant;
}

/** Reciprocal rank of the first relevant item; null when none is relevant. */
export function reciprocalRank(relevancesInRankedOrder: readonly number[]): number | null {
  const first = relevancesInRankedOrder.findIndex((rel) => rel > 0);
  return first < 0 ? null : 1 / (first + 1);
}

function dcg(gains: readonly number[], k: number): number {
  let sum = 0;
  const n = Math.min(k, gains.length);
  for (let i = 0; i < n; i++) sum += (gains[i] ?? 0) / Math.log2(i + 2);
  return sum;
}

/**
 * Orders relevances by descending score (ties keep the served order, so a constant scorer
 * reproduces the logged list rather than an arbitrary one).
 */
export function relevancesByScore(scores: ArrayLike<number>, relevances: readonly number[]): number[] {
  const order = Array.from({ length: relevances.length }, (_, index) => index);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  return order.map((index) => relevances[index] ?? 0);
}

/**
 * The exploration slice: for a small share of served lists, the model's top N candidates are
 * shown in a uniformly random order. Within that slice position is independent of relevance, so
 * the examination probability of each position (position bias) can be estimated from it, and
 * logs served by a model become usable for training and off-policy evaluation.
 *
 * Every impression records the *propensity* it was served with: the probability that the logging
 * policy put that item at that position (the item-position propensity of Li et al. 2018,
 * "Offline Evaluation of Ranking Policies with Click Models"). A uniform shuffle of N items
 * places each item at each of the N positions with probability 1/N; the deterministic path
 * places it where the model ranked it with probability 1.
 */

/** Propensity of every impression served in the model's own order. */
export const DETERMINISTIC_PROPENSITY = 1;

/** How many of the model's top candidates the exploration slice shuffles by default. */
export const DEFAULT_EXPLORATION_TOP_N = 10;

/** One served item with the propensity of its position under the logging policy. */
export interface ServedPlacement<T> {
  readonly item: T;
  /** 0-based position served. */
  readonly position: number;
  /** Probability the logging policy put this item at this position, in (0, 1]. */
  readonly propensity: number;
  /** True when the item was placed by the exploration shuffle. */
  readonly exploration: boolean;
}

/**
 * A seeded uniform generator on [0, 1) (mulberry32): small, fast, and reproducible, so a test can
 * fix the seed and count exactly which answers explore. Not for anything secret.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The model's order, as served by the deterministic path: every item at its ranked position
 * with propensity 1.
 */
export function deterministicPlacement<T>(ranked: readonly T[]): ServedPlacement<T>[] {
  return ranked.map((item, position) => ({ item, position, propensity: DETERMINISTIC_PROPENSITY, exploration: false }));
}

/**
 * The exploration order: the first `min(topN, ranked.length)` items in a uniformly random order
 * (Fisher–Yates with `random`), each with propensity 1/n; the rest stay in the model's order with
 * propensity 1. With fewer than two items there is nothing to shuffle and the placement is the
 * deterministic one.
 *
 * @param random uniform on [0, 1)
 * @throws RangeError when topN is not an integer >= 2
 */
export function explorationPlacement<T>(ranked: readonly T[], topN: number, random: () => number): ServedPlacement<T>[] {
  if (!Number.isInteger(topN) || topN < 2) throw new RangeError(`topN must be an integer >= 2, got ${topN}`);
  const n = Math.min(topN, ranked.length);
  if (n < 2) return deterministicPlacement(ranked);
  const head = ranked.slice(0, n);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = head[i] as T;
    head[i] = head[j] as T;
    head[j] = swap;
  }
  return [
    ...head.map((item, position) => ({ item, position, propensity: 1 / n, exploration: true })),
    ...ranked.slice(n).map((item, offset) => ({ item, position: n + offset, propensity: DETERMINISTIC_PROPENSITY, exploration: false })),
  ];
}

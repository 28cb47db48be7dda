/** One Prometheus histogram's cumulative buckets (`le` upper bounds in its unit, `+Inf` last). */
export interface HistogramBuckets {
  readonly buckets: readonly { readonly le: number; readonly count: number }[];
}

/**
 * A histogram's cumulative buckets as served in Prometheus exposition text
 * (`<name>_bucket{le="…"} <count>` lines, no other labels), in `le` order; empty when absent.
 */
export function parseHistogram(text: string, name: string): HistogramBuckets {
  const pattern = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm');
  const buckets: { le: number; count: number }[] = [];
  for (const match of text.matchAll(pattern)) buckets.push({ le: match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), count: Number(match[2]) });
  return { buckets: buckets.sort((a, b) => a.le - b.le) };
}

/** What was observed between two scrapes of one histogram (`after` minus `before`, bucket by bucket). */
export function histogramDelta(before: HistogramBuckets, after: HistogramBuckets): HistogramBuckets {
  const earlier = new Map(before.buckets.map((bucket) => [bucket.le, bucket.count]));
  return { buckets: after.buckets.map((bucket) => ({ le: bucket.le, count: bucket.count - (earlier.get(bucket.le) ?? 0) })) };
}

/** Observations in a histogram (its `+Inf` bucket). */
export function histogramCount(histogram: HistogramBuckets): number {
  return histogram.buckets.at(-1)?.count ?? 0;
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram's observations, as PromQL's `histogram_quantile`
 * estimates it: linear within the bucket that holds it, from the bucket below's bound (0 for the
 * first); the highest finite bound when it falls in `+Inf`. NaN with no observations.
 */
export function histogramQuantile(histogram: HistogramBuckets, q: number): number {
  const total = histogramCount(histogram);
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { le, count } of histogram.buckets) {
    if (count >= rank) {
      if (le === Number.POSITIVE_INFINITY) return lowerBound;
      return count === lowerCount ? le : lowerBound + ((le - lowerBound) * (rank - lowerCount)) / (count - lowerCount);
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}

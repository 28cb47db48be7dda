import { histogramCount, histogramDelta, histogramQuantile, parseHistogram } from './prometheus-histogram';

const exposition = (counts: readonly [string, number][]) =>
  [
    '# HELP t_seconds a histogram',
    '# TYPE t_seconds histogram',
    ...counts.map(([le, count]) => `t_seconds_bucket{le="${le}"} ${count}`),
    `t_seconds_sum 1.5`,
    `t_seconds_count ${counts.at(-1)?.[1] ?? 0}`,
    'other_seconds_bucket{le="0.1"} 99',
  ].join('\n');

describe('Prometheus histograms read by the benches', () => {
  it('parses one histogram by name, in bound order, and subtracts an earlier scrape', () => {
    const before = parseHistogram(exposition([['0.1', 1], ['0.2', 2], ['+Inf', 2]]), 't_seconds');
    const after = parseHistogram(exposition([['0.2', 6], ['0.1', 3], ['+Inf', 7]]), 't_seconds');
    expect(after.buckets.map((bucket) => bucket.le)).toEqual([0.1, 0.2, Number.POSITIVE_INFINITY]);
    const delta = histogramDelta(before, after);
    expect(delta.buckets.map((bucket) => bucket.count)).toEqual([2, 4, 5]);
    expect(histogramCount(delta)).toBe(5);
    expect(parseHistogram('nothing here', 't_seconds').buckets).toEqual([]);
  });

  it('estimates quantiles as histogram_quantile does: linear within the bucket, the top finite bound past it', () => {
    const histogram = parseHistogram(exposition([['0.1', 10], ['0.2', 30], ['0.4', 40], ['+Inf', 40]]), 't_seconds');
    expect(histogramQuantile(histogram, 0.25)).toBeCloseTo(0.1); // rank 10: the first bucket's top
    expect(histogramQuantile(histogram, 0.5)).toBeCloseTo(0.15); // rank 20: halfway through (0.1, 0.2]
    expect(histogramQuantile(histogram, 0.99)).toBeCloseTo(0.2 + 0.2 * (39.6 - 30) / 10);
    const overflow = parseHistogram(exposition([['0.1', 1], ['+Inf', 3]]), 't_seconds');
    expect(histogramQuantile(overflow, 0.9)).toBe(0.1);
    expect(histogramQuantile(parseHistogram('', 't_seconds'), 0.5)).toBeNaN();
  });
});

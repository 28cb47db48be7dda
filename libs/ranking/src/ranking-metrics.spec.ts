import { ndcgAt, ndcgFromGains, recallAt, reciprocalRank, relevancesByScore } from './ranking-metrics';

describe('ranking metrics', () => {
  it('computes NDCG@k with exponential gains and log2 discounts', () => {
    expect(ndcgAt([2, 1, 0], 10)).toBeCloseTo(1);
    const dcg = 1 / Math.log2(3) + 3 / Math.log2(4);
    const ideal = 3 + 1 / Math.log2(3);
    expect(ndcgAt([0, 1, 2], 10)).toBeCloseTo(dcg / ideal);
    expect(ndcgAt([0, 0, 1], 2)).toBe(0);
    expect(ndcgAt([0, 0], 10)).toBeNull();
  });

  it('computes NDCG from final (e.g. propensity-weighted) gains', () => {
    expect(ndcgFromGains([5, 1], 10)).toBeCloseTo(1);
    expect(ndcgFromGains([1, 5], 10)).toBeCloseTo((1 + 5 / Math.log2(3)) / (5 + 1 / Math.log2(3)));
  });

  it('computes recall@k and reciprocal rank', () => {
    expect(recallAt([0, 1, 0, 1], 2)).toBe(0.5);
    expect(recallAt([0, 0], 2)).toBeNull();
    expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([0])).toBeNull();
  });

  it('orders relevances by score and keeps served order on ties', () => {
    expect(relevancesByScore([0.1, 0.9, 0.5], [0, 2, 1])).toEqual([2, 1, 0]);
    expect(relevancesByScore([1, 1, 1], [0, 2, 1])).toEqual([0, 2, 1]);
  });
});

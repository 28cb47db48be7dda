import { loadRecommenderConfig, NUMERIC_RANGES, validateConfig } from './config';

describe('loadRecommenderConfig', () => {
  it('runs on documented defaults', () => {
    expect(loadRecommenderConfig({})).toMatchObject({ port: 4100, intraOpNumThreads: 1, batchRows: 2048, maxCandidates: 10_000, maxConcurrentRanks: 2, modelPollMs: 1000, reloadDebounceMs: 300 });
  });

  it('refuses a negative setting, naming the variable', () => {
    expect(() => loadRecommenderConfig({ RECOMMENDER_BATCH_ROWS: '-5' })).toThrow(/RECOMMENDER_BATCH_ROWS: must be an integer from 1 to/);
  });

  it.each(Object.entries(NUMERIC_RANGES).flatMap(([name, { min, max }]) => [
    [name, String(min - 1)],
    [name, String(max + 1)],
    [name, '2.5'],
    [name, 'many'],
  ]))('range-checks %s=%s', (name, value) => {
    expect(() => loadRecommenderConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be an integer from`));
  });

  it('applies the same ranges to in-process overrides', () => {
    const config = loadRecommenderConfig({});
    expect(() => validateConfig({ ...config, maxConcurrentRanks: 0 })).toThrow(/RECOMMENDER_MAX_CONCURRENT_RANKS: must be an integer from 1/);
    expect(() => validateConfig({ ...config, port: 70_000 })).toThrow(/RECOMMENDER_PORT/);
    expect(() => validateConfig({ ...config, reloadDebounceMs: 0 })).not.toThrow();
  });
});

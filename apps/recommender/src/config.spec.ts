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

  it('production refuses a non-loopback listener without METRICS_TOKEN (its /metrics would answer anyone), and a weak token', () => {
    expect(() => loadRecommenderConfig({ NODE_ENV: 'production', RECOMMENDER_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN: required in production when RECOMMENDER_HOST \(0\.0\.0\.0\)/);
    expect(() => loadRecommenderConfig({ NODE_ENV: 'production', RECOMMENDER_HOST: '0.0.0.0', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 32 bytes/);
    expect(loadRecommenderConfig({ NODE_ENV: 'production', RECOMMENDER_HOST: '0.0.0.0', METRICS_TOKEN: 'k3J9vQ2xLm8ZpT5wRb7NcY1hGd4Fs6Ae' }).metricsToken).toBe('k3J9vQ2xLm8ZpT5wRb7NcY1hGd4Fs6Ae');
    // Loopback only: like the API's METRICS_PORT on loopback, nobody else can reach it.
    expect(loadRecommenderConfig({ NODE_ENV: 'production' }).metricsToken).toBeNull();
    // Development answers without a token, as the API does.
    expect(loadRecommenderConfig({ RECOMMENDER_HOST: '0.0.0.0' }).metricsToken).toBeNull();
  });
});

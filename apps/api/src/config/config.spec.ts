import { DEV_JWT_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on documented defaults outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      databaseUrl: null,
      redisUrl: null,
      auth: { jwtSecret: DEV_JWT_SECRET, jwksUrl: null },
      livekit: { url: 'ws://localhost:7880', apiKey: 'devkey', apiSecret: 'secret' },
      recommender: { url: 'http://127.0.0.1:4100', timeoutMs: 300, maxCandidates: 2000 },
      limits: { mutationsPerWindow: 120, rateWindowMs: 60_000, maxDepth: 10, maxCost: 5000 },
      seedDemoData: true,
    });
  });

  it('requires a real secret in production and refuses the development default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development default is refused/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-long-random-secret' }).auth.jwtSecret).toBe('a-long-random-secret');
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' }).auth.jwksUrl).toBe('https://idp.example/jwks');
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be an integer from 0 to 65535/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ RECOMMENDER_TIMEOUT_MS: '0' })).toThrow(/RECOMMENDER_TIMEOUT_MS/);
    expect(() => loadConfig({ RATE_LIMIT_MUTATIONS: '-1' })).toThrow(/RATE_LIMIT_MUTATIONS/);
  });

  it('trust and safety: documented defaults, and thresholds validated by the policy, naming the variable', () => {
    expect(loadConfig({}).moderation).toEqual({ autoMute: { reporters: 3, windowMs: 600_000 }, reportsPerWindow: 10, reportWindowMs: 600_000 });
    // One account must never be able to silence a speaker alone.
    expect(() => loadConfig({ AUTO_MUTE_REPORTERS: '1' })).toThrow(/AUTO_MUTE_REPORTERS: .*from 2 to 1000, got 1/);
    expect(() => loadConfig({ AUTO_MUTE_WINDOW_MS: '1000' })).toThrow(/AUTO_MUTE_WINDOW_MS: .*got 1000/);
    expect(() => loadConfig({ REPORT_RATE_LIMIT: '0' })).toThrow(/REPORT_RATE_LIMIT: must be a positive integer/);
    expect(() => loadConfig({ REPORT_RATE_WINDOW_MS: '2.5' })).toThrow(/REPORT_RATE_WINDOW_MS/);
    expect(loadConfig({ AUTO_MUTE_REPORTERS: '5', AUTO_MUTE_WINDOW_MS: '300000' }).moderation.autoMute).toEqual({ reporters: 5, windowMs: 300_000 });
  });
});

import { DEV_JWT_SECRET, loadConfig } from './config';

/** A production environment that sets everything production requires, with non-default values. */
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://roundtable@db.internal:5432/roundtable',
  AUTH_JWT_SECRET: 'N8f2qLx7Vd0sKp4mZ1wRb6Ty9Hc3Je5G',
  LIVEKIT_URL: 'wss://media.example.com',
  LIVEKIT_API_KEY: 'APIprodkey123',
  LIVEKIT_API_SECRET: 'Wq7Zt2Lm9Xc4Vb8Nk1Jh6Gf3Ds5Ap0Oe7Ri2Uy9',
  METRICS_TOKEN: 'mT4r8Kc1Xz6Pq3Lw9Vb2Nd7Hs5Jf0Ga1',
};

/** The message loadConfig throws for `env`, or null when it accepts it. */
function failureOf(env: NodeJS.ProcessEnv): string | null {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('loadConfig', () => {
  it('host insights (issue 19): a 5-minute window and k = 10 by default; never a window below 1 minute nor k below 5', () => {
    expect(loadConfig({}).insights).toEqual({ refreshSeconds: 300, minimumGroupSize: 10 });
    expect(loadConfig({ INSIGHTS_REFRESH_SECONDS: '60', INSIGHTS_MINIMUM_GROUP_SIZE: '5' }).insights).toEqual({ refreshSeconds: 60, minimumGroupSize: 5 });
    expect(failureOf({ INSIGHTS_REFRESH_SECONDS: '59' })).toContain('INSIGHTS_REFRESH_SECONDS');
    expect(failureOf({ INSIGHTS_MINIMUM_GROUP_SIZE: '4' })).toContain('INSIGHTS_MINIMUM_GROUP_SIZE');
    expect(failureOf({ INSIGHTS_MINIMUM_GROUP_SIZE: 'ten' })).toContain('INSIGHTS_MINIMUM_GROUP_SIZE');
  });

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
      graphql: { introspection: true, suggestions: true, graphiql: true },
      corsOrigins: '*',
      shutdownGraceMs: 10_000,
      seedDemoData: true,
    });
    // NODE_ENV=test gets the same development defaults.
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ seedDemoData: true, livekit: { apiKey: 'devkey' } });
  });

  it('accepts a production environment that sets everything, with development conveniences off', () => {
    const config = loadConfig(PRODUCTION);
    expect(config).toMatchObject({
      production: true,
      databaseUrl: PRODUCTION['DATABASE_URL'],
      auth: { jwtSecret: PRODUCTION['AUTH_JWT_SECRET'] },
      livekit: { url: 'wss://media.example.com', apiKey: 'APIprodkey123' },
      graphql: { introspection: false, suggestions: false, graphiql: false },
      corsOrigins: [],
      seedDemoData: false,
    });
    expect(loadConfig({ ...PRODUCTION, AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'https://idp.example/jwks', CALENDAR_SECRET: 'cal-Secret-of-at-least-32-bytes-9f3k' }).auth).toMatchObject({
      jwksUrl: 'https://idp.example/jwks',
      jwtSecret: '',
    });
  });

  it('lets variables turn introspection, suggestions, GraphiQL and CORS back on in production', () => {
    const config = loadConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true', GRAPHQL_SUGGESTIONS: 'true', GRAPHIQL: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.graphql).toEqual({ introspection: true, suggestions: true, graphiql: true });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
  });

  describe('production refuses every development default, naming the variable', () => {
    it.each([
      ['the LiveKit development key', { LIVEKIT_API_KEY: 'devkey' }, /LIVEKIT_API_KEY: LiveKit's development key/],
      ['the LiveKit development secret', { LIVEKIT_API_SECRET: 'secret' }, /LIVEKIT_API_SECRET: LiveKit's development secret is refused/],
      ['a short LiveKit secret', { LIVEKIT_API_SECRET: 'short-but-not-secret' }, /LIVEKIT_API_SECRET: must be at least 32 bytes/],
      ['LiveKit keys left unset', { LIVEKIT_API_KEY: undefined }, /LIVEKIT_API_KEY: required in production/],
      ['LiveKit URL left unset', { LIVEKIT_URL: undefined }, /LIVEKIT_URL: required in production/],
      ['the development JWT secret', { AUTH_JWT_SECRET: DEV_JWT_SECRET }, /AUTH_JWT_SECRET: the development default is refused/],
      ['a 1-character JWT secret', { AUTH_JWT_SECRET: 'a' }, /AUTH_JWT_SECRET: must be at least 32 bytes in production/],
      ['a 31-byte JWT secret', { AUTH_JWT_SECRET: 'y'.repeat(31) }, /AUTH_JWT_SECRET: must be at least 32 bytes/],
      ['no JWT secret and no JWKS', { AUTH_JWT_SECRET: undefined }, /AUTH_JWT_SECRET: required in production/],
      ['JWKS without a calendar key (issue 18)', { AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'https://idp.example/jwks' }, /CALENDAR_SECRET: required in production when AUTH_JWT_SECRET is unset/],
      ['a weak calendar key (issue 18)', { CALENDAR_SECRET: 'short' }, /CALENDAR_SECRET: must be at least 32 bytes/],
      ['a PUBLIC_URL that is not http(s) (issue 18)', { PUBLIC_URL: 'ftp://roundtable.example' }, /PUBLIC_URL: must be an http/],
      ['no DATABASE_URL (embedded PostgreSQL)', { DATABASE_URL: undefined }, /DATABASE_URL: required in production/],
      ['an empty DATABASE_URL', { DATABASE_URL: '' }, /DATABASE_URL: required in production/],
      ['demo data', { SEED_DEMO_DATA: 'true' }, /SEED_DEMO_DATA: demo data .* never seeded in production/],
    ])('%s', (_what, overrides, message) => {
      expect(failureOf({ ...PRODUCTION, ...overrides })).toMatch(message);
    });

    it('lists every refused variable at once', () => {
      const message = failureOf({ ...PRODUCTION, AUTH_JWT_SECRET: 'a', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' });
      expect(message).toMatch(/AUTH_JWT_SECRET/);
      expect(message).toMatch(/LIVEKIT_API_KEY/);
      expect(message).toMatch(/LIVEKIT_API_SECRET/);
    });

    it('counts the secret length in bytes, not characters', () => {
      // 16 characters of 2 bytes each are 32 bytes of key material.
      expect(failureOf({ ...PRODUCTION, AUTH_JWT_SECRET: 'éèêëàâäôöùûüçîïñ' })).toBeNull();
      expect(failureOf({ ...PRODUCTION, AUTH_JWT_SECRET: 'éèêëàâäôöùûüçîï' })).toMatch(/AUTH_JWT_SECRET: must be at least 32 bytes/);
    });
  });

  describe('kind: production starts with development-grade settings', () => {
    it.each([
      // The three reported cases.
      ['an empty LIVEKIT_API_KEY (reported)', { LIVEKIT_API_KEY: '' }, /LIVEKIT_API_KEY: required in production/],
      ['a plaintext ws:// LIVEKIT_URL (reported)', { LIVEKIT_URL: 'ws://media.example.com' }, /LIVEKIT_URL: must be a wss:\/\/ URL in production/],
      ['an AUTH_JWT_SECRET of 32 × a (reported)', { AUTH_JWT_SECRET: 'a'.repeat(32) }, /AUTH_JWT_SECRET: has 1 distinct character/],
      // Variants of the same kind.
      ['a blank LIVEKIT_API_KEY', { LIVEKIT_API_KEY: '   ' }, /LIVEKIT_API_KEY: required in production/],
      ['an http:// LIVEKIT_URL', { LIVEKIT_URL: 'http://media.example.com' }, /LIVEKIT_URL: must be a wss:\/\/ URL/],
      ['an http:// AUTH_JWKS_URL', { AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'http://idp.example/jwks' }, /AUTH_JWKS_URL: must be an https:\/\/ URL in production/],
      ['an http:// LIVEKIT_API_URL', { LIVEKIT_API_URL: 'http://media.internal:7880' }, /LIVEKIT_API_URL: must be an https:\/\/ URL in production/],
      ['a 64-byte AUTH_JWT_SECRET of two characters', { AUTH_JWT_SECRET: '01'.repeat(32) }, /AUTH_JWT_SECRET: has 2 distinct characters/],
      ['a 32-byte AUTH_JWT_SECRET of one short string repeated', { AUTH_JWT_SECRET: '0123456789abcdef'.repeat(2) }, /AUTH_JWT_SECRET: is a shorter string repeated/],
      ['a LIVEKIT_API_SECRET of 40 × p', { LIVEKIT_API_SECRET: 'p'.repeat(40) }, /LIVEKIT_API_SECRET: has 1 distinct character/],
      ['/metrics open to anyone (no METRICS_TOKEN, no METRICS_PORT)', { METRICS_TOKEN: undefined }, /METRICS_TOKEN: required in production unless METRICS_PORT/],
      ['a weak METRICS_TOKEN', { METRICS_TOKEN: 'x'.repeat(40) }, /METRICS_TOKEN: has 1 distinct character/],
      ['METRICS_PORT on a public interface without a token', { METRICS_TOKEN: undefined, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }, /METRICS_HOST: 0\.0\.0\.0 is not a loopback interface/],
    ])('%s is refused, naming the variable', (_what, overrides, message) => {
      expect(failureOf({ ...PRODUCTION, ...overrides })).toMatch(message);
    });

    it('accepts what the refusals ask for: random secrets, wss://, https://, a protected /metrics', () => {
      expect(failureOf({ ...PRODUCTION, LIVEKIT_API_URL: 'https://media.internal' })).toBeNull();
      expect(failureOf({ ...PRODUCTION, METRICS_TOKEN: undefined, METRICS_PORT: '9464' })).toBeNull();
      expect(loadConfig({ ...PRODUCTION, METRICS_TOKEN: undefined, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: null });
      // A 64-character hex secret (openssl rand -hex 32) has 16 distinct characters.
      expect(failureOf({ ...PRODUCTION, AUTH_JWT_SECRET: '9d35161323e059c74872fc16fe816e02a7b4c0d1e2f3a4b5c6d7e8f90a1b2c3d' })).toBeNull();
    });

    it('development keeps its conveniences: ws://, the LiveKit pair, /metrics on the API port', () => {
      expect(loadConfig({}).metrics).toEqual({ port: null, host: '127.0.0.1', token: null });
      expect(loadConfig({}).livekit.url).toBe('ws://localhost:7880');
    });
  });

  describe('token lifetimes', () => {
    it('defaults to 30 days, and 12 hours for staff; range-checked in seconds', () => {
      expect(loadConfig({}).auth).toMatchObject({ maxTokenLifetimeSeconds: 30 * 86_400, maxStaffTokenLifetimeSeconds: 12 * 3600 });
      expect(failureOf({ AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS: '10' })).toMatch(/AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS: must be an integer from 60/);
      expect(failureOf({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '1e9' })).toMatch(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
    });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: must be an integer from 0 to 65535/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be an integer from 0 to 65535/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ RECOMMENDER_TIMEOUT_MS: '0' })).toThrow(/RECOMMENDER_TIMEOUT_MS/);
    expect(() => loadConfig({ RATE_LIMIT_MUTATIONS: '-1' })).toThrow(/RATE_LIMIT_MUTATIONS/);
  });

  it('trust and safety: documented defaults, and thresholds validated by the policy, naming the variable', () => {
    expect(loadConfig({}).moderation).toEqual({
      autoMute: { reporters: 3, windowMs: 600_000, minPresenceSeconds: 300, minAccountAgeHours: 168 },
      reportSubjectLeftWithinSeconds: 900,
      reportsPerWindow: 10,
      reportWindowMs: 600_000,
      reportSourceByNetwork: false,
    });
    // One account must never be able to silence a speaker alone.
    expect(() => loadConfig({ AUTO_MUTE_REPORTERS: '1' })).toThrow(/AUTO_MUTE_REPORTERS: must be an integer from 2 to 1000/);
    expect(() => loadConfig({ AUTO_MUTE_WINDOW_MS: '1000' })).toThrow(/AUTO_MUTE_WINDOW_MS: must be an integer from 60000 to 86400000/);
    expect(() => loadConfig({ REPORT_RATE_LIMIT: '0' })).toThrow(/REPORT_RATE_LIMIT: must be an integer from 1/);
    expect(() => loadConfig({ REPORT_RATE_WINDOW_MS: '2.5' })).toThrow(/REPORT_RATE_WINDOW_MS/);
    expect(loadConfig({ AUTO_MUTE_REPORTERS: '5', AUTO_MUTE_WINDOW_MS: '300000' }).moderation.autoMute).toEqual({
      reporters: 5,
      windowMs: 300_000,
      minPresenceSeconds: 300,
      minAccountAgeHours: 168,
    });
    // Issue 15, bugs 1 and 3: who counts toward the automatic mute, and who may be reported.
    expect(loadConfig({ AUTO_MUTE_MIN_PRESENCE_SECONDS: '60', AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS: '24' }).moderation.autoMute).toMatchObject({
      minPresenceSeconds: 60,
      minAccountAgeHours: 24,
    });
    expect(() => loadConfig({ AUTO_MUTE_MIN_PRESENCE_SECONDS: '0' })).toThrow(/AUTO_MUTE_MIN_PRESENCE_SECONDS: must be an integer from 30/);
    expect(() => loadConfig({ AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS: '9000' })).toThrow(/AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS: must be an integer from 1 to 8760/);
    expect(loadConfig({}).moderation.reportSubjectLeftWithinSeconds).toBe(900);
    expect(() => loadConfig({ REPORT_SUBJECT_LEFT_WITHIN_SECONDS: '-1' })).toThrow(/REPORT_SUBJECT_LEFT_WITHIN_SECONDS/);
  });

  describe('every numeric setting is range-checked', () => {
    it('refuses QUERY_MAX_COST=-5, naming the variable', () => {
      expect(() => loadConfig({ QUERY_MAX_COST: '-5' })).toThrow(/QUERY_MAX_COST: must be an integer from 1 to/);
    });

    const NUMERIC = [
      'PORT',
      'RECOMMENDER_TIMEOUT_MS',
      'RECOMMENDER_MAX_CANDIDATES',
      'RANKING_EXPLORATION_PERCENT',
      'RANKING_EXPLORATION_TOP_N',
      'RANKING_EXPLORATION_SEED',
      'RATE_LIMIT_MUTATIONS',
      'RATE_LIMIT_WINDOW_MS',
      'QUERY_MAX_DEPTH',
      'QUERY_MAX_COST',
      'SHUTDOWN_GRACE_MS',
    ];
    it.each(NUMERIC.flatMap((name) => ['-5', '1.5', '1e3', '', 'NaN', 'Infinity', '99999999999'].map((value) => [name, value])))(
      '%s=%j is refused',
      (name, value) => {
        expect(failureOf({ [name]: value })).toMatch(new RegExp(`${name}: must be an integer from`));
      },
    );

    it('turns the exploration percentage into a share, defaults to 5% of answers over the top 10, and refuses N < 2 or > 100 percent', () => {
      expect(loadConfig({}).recommender.exploration).toEqual({ share: 0.05, topN: 10 });
      expect(loadConfig({ RANKING_EXPLORATION_PERCENT: '0', RANKING_EXPLORATION_TOP_N: '2', RANKING_EXPLORATION_SEED: '7' }).recommender.exploration).toEqual({
        share: 0,
        topN: 2,
        seed: 7,
      });
      expect(failureOf({ RANKING_EXPLORATION_PERCENT: '101' })).toMatch(/RANKING_EXPLORATION_PERCENT: must be an integer from 0 to 100/);
      expect(failureOf({ RANKING_EXPLORATION_TOP_N: '1' })).toMatch(/RANKING_EXPLORATION_TOP_N: must be an integer from 2 to 100/);
    });

    it('accepts the bounds themselves', () => {
      expect(loadConfig({ PORT: '0', QUERY_MAX_DEPTH: '1', SHUTDOWN_GRACE_MS: '0' })).toMatchObject({ port: 0, limits: { maxDepth: 1 }, shutdownGraceMs: 0 });
      expect(loadConfig({ PORT: '65535', QUERY_MAX_DEPTH: '100' })).toMatchObject({ port: 65535, limits: { maxDepth: 100 } });
    });
  });
});

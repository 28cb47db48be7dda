import { isAbsolute, resolve } from 'node:path';

import { int } from '@roundtable/config';
import { bool, cleanEnv, EnvMissingError, str, url } from 'envalid';

/** The repository root: four levels up from apps/api/src/config/ and from dist/apps/api/config/ alike. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Documented development secret; refused in production (see README "Configuration"). */
export const DEV_JWT_SECRET = 'roundtable-dev-secret-change-me';

/** LiveKit's public development key pair (`livekit-server --dev`); refused in production. */
export const LIVEKIT_DEV_API_KEY = 'devkey';
export const LIVEKIT_DEV_API_SECRET = 'secret';

/** Shortest HS256 secret production accepts: RFC 7518 §3.2 wants a key of at least the hash size (256 bits). */
export const MIN_PRODUCTION_SECRET_BYTES = 32;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Throws one error listing every problem, each line naming its variable. */
function failWith(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}

/**
 * The one place that reads `process.env`. Validated once at start-up; a bad value fails fast
 * with a message naming the variable.
 *
 * Development defaults (`devDefault`) apply outside production only: production requires those
 * variables, and refuses the development values even when they are set explicitly.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const nodeEnv = cleanEnv(
    { NODE_ENV: env['NODE_ENV'] },
    { NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }) },
    { reporter: ({ errors }) => failWith(Object.keys(errors).map((name) => `${name}: must be development, test or production`)) },
  ).NODE_ENV;
  const production = nodeEnv === 'production';
  const raw = cleanEnv(
    // envalid applies `devDefault` only when NODE_ENV is set explicitly, so pass the resolved value.
    { ...env, NODE_ENV: nodeEnv },
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'] }),
      PORT: int({ min: 0, max: 65535, default: 4000, desc: 'HTTP and WebSocket port of the API (0 picks a free one)' }),
      HOST: str({ default: '0.0.0.0', desc: 'Interface the API binds to' }),
      DATABASE_URL: str({ devDefault: '', desc: 'PostgreSQL URL; empty starts an embedded PostgreSQL outside production' }),
      EMBEDDED_PG_DIR: str({ default: '.data/postgres', desc: 'Data directory of the embedded PostgreSQL' }),
      REDIS_URL: str({ default: '', desc: 'Redis URL for pub/sub between API instances; empty = in-process' }),
      AUTH_JWT_SECRET: str({ default: '', desc: 'HS256 secret for bearer tokens' }),
      AUTH_JWKS_URL: str({ default: '', desc: 'JWKS URL of an identity provider (RS256)' }),
      AUTH_JWT_ISSUER: str({ default: '', desc: 'Expected `iss` claim, if set' }),
      AUTH_JWT_AUDIENCE: str({ default: '', desc: 'Expected `aud` claim, if set' }),
      LIVEKIT_URL: url({ devDefault: 'ws://localhost:7880', desc: 'LiveKit server URL handed to clients' }),
      LIVEKIT_API_KEY: str({ devDefault: LIVEKIT_DEV_API_KEY, desc: 'LiveKit API key' }),
      LIVEKIT_API_SECRET: str({ devDefault: LIVEKIT_DEV_API_SECRET, desc: 'LiveKit API secret' }),
      RECOMMENDER_URL: url({ default: 'http://127.0.0.1:4100' }),
      RECOMMENDER_TIMEOUT_MS: int({ min: 1, max: 60_000, default: 300 }),
      RECOMMENDER_MAX_CANDIDATES: int({ min: 1, max: 100_000, default: 2000 }),
      RATE_LIMIT_MUTATIONS: int({ min: 1, max: 1_000_000, default: 120, desc: 'Mutations allowed per viewer per window' }),
      RATE_LIMIT_WINDOW_MS: int({ min: 1, max: 86_400_000, default: 60_000 }),
      QUERY_MAX_DEPTH: int({ min: 1, max: 100, default: 10 }),
      QUERY_MAX_COST: int({ min: 1, max: 10_000_000, default: 5000 }),
      GRAPHQL_INTROSPECTION: bool({ devDefault: true, default: false, desc: 'Answer introspection queries' }),
      GRAPHQL_SUGGESTIONS: bool({ devDefault: true, default: false, desc: 'Keep "Did you mean" suggestions in validation errors' }),
      GRAPHIQL: bool({ devDefault: true, default: false, desc: 'Serve the GraphiQL explorer at GET /graphql' }),
      CORS_ORIGINS: str({ devDefault: '*', default: '', desc: 'Comma-separated origins allowed by CORS on /graphql; * for any; empty for none' }),
      SHUTDOWN_GRACE_MS: int({ min: 0, max: 600_000, default: 10_000, desc: 'How long requests in flight may finish after SIGTERM' }),
      WEB_DIR: str({ default: 'dist/apps/web', desc: 'Built web client served at /; relative to the repository root' }),
      SEED_DEMO_DATA: bool({ devDefault: true, default: false, desc: 'Seed demo data into an empty database at start' }),
      LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
    },
    {
      reporter: ({ errors }) => {
        const byName = errors as Record<string, Error | undefined>;
        failWith(
          Object.keys(errors).map((name) => {
            const error = byName[name];
            if (error instanceof EnvMissingError) return `${name}: required${production ? ' in production' : ''}`;
            return `${name}: ${error?.message ?? 'invalid'}`;
          }),
        );
      },
    },
  );

  const problems: string[] = [];
  if (production) {
    // Every development default is refused, whether it came from the default or was set by hand.
    if (!raw.DATABASE_URL) problems.push('DATABASE_URL: required in production (the embedded PostgreSQL is for development)');
    if (!raw.AUTH_JWT_SECRET && !raw.AUTH_JWKS_URL) problems.push('AUTH_JWT_SECRET: required in production (or set AUTH_JWKS_URL)');
    if (raw.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
      problems.push('AUTH_JWT_SECRET: the development default is refused in production');
    } else if (raw.AUTH_JWT_SECRET && Buffer.byteLength(raw.AUTH_JWT_SECRET, 'utf8') < MIN_PRODUCTION_SECRET_BYTES) {
      problems.push(`AUTH_JWT_SECRET: must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`);
    }
    if (raw.LIVEKIT_API_KEY === LIVEKIT_DEV_API_KEY) problems.push(`LIVEKIT_API_KEY: LiveKit's development key "${LIVEKIT_DEV_API_KEY}" is refused in production`);
    if (raw.LIVEKIT_API_SECRET === LIVEKIT_DEV_API_SECRET) {
      problems.push(`LIVEKIT_API_SECRET: LiveKit's development secret is refused in production`);
    } else if (Buffer.byteLength(raw.LIVEKIT_API_SECRET, 'utf8') < MIN_PRODUCTION_SECRET_BYTES) {
      // LiveKit's own server refuses secrets shorter than this.
      problems.push(`LIVEKIT_API_SECRET: must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`);
    }
    if (raw.SEED_DEMO_DATA) problems.push('SEED_DEMO_DATA: demo data (and its printed tokens) is never seeded in production');
  }
  failWith(problems);

  return {
    env: raw.NODE_ENV,
    production,
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL || null,
    embeddedPgDir: raw.EMBEDDED_PG_DIR,
    redisUrl: raw.REDIS_URL || null,
    auth: {
      // In production either a real secret is set or AUTH_JWKS_URL verifies tokens (and this stays empty).
      jwtSecret: raw.AUTH_JWT_SECRET || (production ? '' : DEV_JWT_SECRET),
      jwksUrl: raw.AUTH_JWKS_URL || null,
      issuer: raw.AUTH_JWT_ISSUER || null,
      audience: raw.AUTH_JWT_AUDIENCE || null,
    },
    livekit: { url: raw.LIVEKIT_URL, apiKey: raw.LIVEKIT_API_KEY, apiSecret: raw.LIVEKIT_API_SECRET },
    recommender: {
      url: raw.RECOMMENDER_URL,
      timeoutMs: raw.RECOMMENDER_TIMEOUT_MS,
      maxCandidates: raw.RECOMMENDER_MAX_CANDIDATES,
    },
    limits: {
      mutationsPerWindow: raw.RATE_LIMIT_MUTATIONS,
      rateWindowMs: raw.RATE_LIMIT_WINDOW_MS,
      maxDepth: raw.QUERY_MAX_DEPTH,
      maxCost: raw.QUERY_MAX_COST,
    },
    graphql: {
      /** Introspection queries answered (GRAPHQL_INTROSPECTION; off in production by default). */
      introspection: raw.GRAPHQL_INTROSPECTION,
      /** "Did you mean …?" kept in validation errors (GRAPHQL_SUGGESTIONS; off in production by default). */
      suggestions: raw.GRAPHQL_SUGGESTIONS,
      /** GraphiQL served at GET /graphql (GRAPHIQL; off in production by default). */
      graphiql: raw.GRAPHIQL,
    },
    /** Origins CORS allows on /graphql: `'*'` for any, an empty list for none (same origin only). */
    corsOrigins: raw.CORS_ORIGINS.trim() === '*' ? ('*' as const) : raw.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
    webDir: isAbsolute(raw.WEB_DIR) ? raw.WEB_DIR : resolve(REPO_ROOT, raw.WEB_DIR),
    seedDemoData: raw.SEED_DEMO_DATA,
    logLevel: raw.LOG_LEVEL,
  };
}

export type AppConfig = ReturnType<typeof loadConfig>;

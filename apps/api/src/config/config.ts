import { isAbsolute, resolve } from 'node:path';

import { ModerationError, validateAutoMuteSettings } from '@roundtable/moderation';
import { bool, cleanEnv, num, str, url } from 'envalid';

/** The repository root: four levels up from apps/api/src/config/ and from dist/apps/api/config/ alike. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Documented development secret; refused in production (see README "Configuration"). */
export const DEV_JWT_SECRET = 'roundtable-dev-secret-change-me';

/**
 * The one place that reads `process.env`. Validated once at start-up; a bad value fails fast
 * with a message naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const raw = cleanEnv(
    env,
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      PORT: num({ default: 4000, desc: 'HTTP and WebSocket port of the API (0 picks a free one)' }),
      HOST: str({ default: '0.0.0.0', desc: 'Interface the API binds to' }),
      DATABASE_URL: str({ default: '', desc: 'PostgreSQL URL; empty starts an embedded PostgreSQL' }),
      EMBEDDED_PG_DIR: str({ default: '.data/postgres', desc: 'Data directory of the embedded PostgreSQL' }),
      REDIS_URL: str({ default: '', desc: 'Redis URL for pub/sub between API instances; empty = in-process' }),
      AUTH_JWT_SECRET: str({ default: '', desc: 'HS256 secret for bearer tokens' }),
      AUTH_JWKS_URL: str({ default: '', desc: 'JWKS URL of an identity provider (RS256)' }),
      AUTH_JWT_ISSUER: str({ default: '', desc: 'Expected `iss` claim, if set' }),
      AUTH_JWT_AUDIENCE: str({ default: '', desc: 'Expected `aud` claim, if set' }),
      LIVEKIT_URL: url({ default: 'ws://localhost:7880' }),
      LIVEKIT_API_KEY: str({ default: 'devkey' }),
      LIVEKIT_API_SECRET: str({ default: 'secret' }),
      LIVEKIT_API_URL: str({ default: '', desc: 'RoomService URL when it differs from LIVEKIT_URL (default: LIVEKIT_URL with ws→http)' }),
      LIVEKIT_TOKEN_TTL_SECONDS: num({ default: 300, desc: 'Media token lifetime, 10–600 s' }),
      LIVEKIT_RECONCILE_MS: num({ default: 30_000, desc: 'How often LIVE rooms are reconciled with LiveKit' }),
      MEDIA_RETRY_LIMIT: num({ default: 12, desc: 'Retries of a media job, with exponential backoff' }),
      MEDIA_RETRY_DELAY_SECONDS: num({ default: 1, desc: 'First backoff of a failed media job' }),
      MEDIA_POLL_SECONDS: num({ default: 1, desc: 'How often idle media workers poll the outbox (≥ 0.5)' }),
      RECOMMENDER_URL: url({ default: 'http://127.0.0.1:4100' }),
      RECOMMENDER_TIMEOUT_MS: num({ default: 300 }),
      RECOMMENDER_MAX_CANDIDATES: num({ default: 2000 }),
      RATE_LIMIT_MUTATIONS: num({ default: 120, desc: 'Mutations allowed per viewer per window' }),
      RATE_LIMIT_WINDOW_MS: num({ default: 60_000 }),
      QUERY_MAX_DEPTH: num({ default: 10 }),
      QUERY_MAX_COST: num({ default: 5000 }),
      WEB_DIR: str({ default: 'dist/apps/web', desc: 'Built web client served at /; relative to the repository root' }),
      SEED_DEMO_DATA: bool({ default: true, desc: 'Seed demo data into an empty database at start' }),
      // --- trust and safety (issue 8) ---
      AUTO_MUTE_REPORTERS: num({ default: 3, desc: 'Independent reporters whose reports mute a speaker at once, pending review (2–1000)' }),
      AUTO_MUTE_WINDOW_MS: num({ default: 600_000, desc: 'Window in which those reports must fall, in ms (60000–86400000)' }),
      REPORT_RATE_LIMIT: num({ default: 10, desc: 'Reports one account may file per REPORT_RATE_WINDOW_MS' }),
      REPORT_RATE_WINDOW_MS: num({ default: 600_000, desc: 'Window of REPORT_RATE_LIMIT, in ms' }),
      // --- end of trust and safety ---
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
    },
    {
      reporter: ({ errors }) => {
        const names = Object.keys(errors);
        if (names.length > 0) {
          const byName = errors as Record<string, Error | undefined>;
          const details = names.map((name) => `  ${name}: ${byName[name]?.message ?? 'invalid'}`);
          throw new Error(`Invalid configuration:\n${details.join('\n')}`);
        }
      },
    },
  );

  const production = raw.NODE_ENV === 'production';
  if (production && !raw.AUTH_JWT_SECRET && !raw.AUTH_JWKS_URL) {
    throw new Error('Invalid configuration:\n  AUTH_JWT_SECRET: required in production (or set AUTH_JWKS_URL)');
  }
  if (production && raw.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error('Invalid configuration:\n  AUTH_JWT_SECRET: the development default is refused in production');
  }
  if (!Number.isInteger(raw.PORT) || raw.PORT < 0 || raw.PORT > 65535) {
    throw new Error(`Invalid configuration:\n  PORT: must be an integer from 0 to 65535, got ${raw.PORT}`);
  }
  if (raw.RECOMMENDER_TIMEOUT_MS <= 0 || raw.RECOMMENDER_MAX_CANDIDATES <= 0) {
    throw new Error('Invalid configuration:\n  RECOMMENDER_TIMEOUT_MS and RECOMMENDER_MAX_CANDIDATES must be positive');
  }
  const mediaRanges: [string, number, number, number][] = [
    ['LIVEKIT_TOKEN_TTL_SECONDS', raw.LIVEKIT_TOKEN_TTL_SECONDS, 10, 600],
    ['LIVEKIT_RECONCILE_MS', raw.LIVEKIT_RECONCILE_MS, 1000, 3_600_000],
    ['MEDIA_RETRY_LIMIT', raw.MEDIA_RETRY_LIMIT, 0, 100],
    ['MEDIA_RETRY_DELAY_SECONDS', raw.MEDIA_RETRY_DELAY_SECONDS, 1, 3600],
    ['MEDIA_POLL_SECONDS', raw.MEDIA_POLL_SECONDS, 0.5, 60],
  ];
  for (const [name, value, min, max] of mediaRanges) {
    if (!(value >= min && value <= max) || (name !== 'MEDIA_POLL_SECONDS' && !Number.isInteger(value))) {
      throw new Error(`Invalid configuration:\n  ${name}: must be ${name === 'MEDIA_POLL_SECONDS' ? 'a number' : 'an integer'} from ${min} to ${max}, got ${value}`);
    }
  }
  if (raw.RATE_LIMIT_MUTATIONS <= 0 || raw.RATE_LIMIT_WINDOW_MS <= 0) {
    throw new Error('Invalid configuration:\n  RATE_LIMIT_MUTATIONS and RATE_LIMIT_WINDOW_MS must be positive');
  }

  const moderation = moderationSettings(raw);

  return {
    env: raw.NODE_ENV,
    production,
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL || null,
    embeddedPgDir: raw.EMBEDDED_PG_DIR,
    redisUrl: raw.REDIS_URL || null,
    auth: {
      jwtSecret: raw.AUTH_JWT_SECRET || DEV_JWT_SECRET,
      jwksUrl: raw.AUTH_JWKS_URL || null,
      issuer: raw.AUTH_JWT_ISSUER || null,
      audience: raw.AUTH_JWT_AUDIENCE || null,
    },
    livekit: {
      url: raw.LIVEKIT_URL,
      apiKey: raw.LIVEKIT_API_KEY,
      apiSecret: raw.LIVEKIT_API_SECRET,
      ...(raw.LIVEKIT_API_URL ? { apiUrl: raw.LIVEKIT_API_URL } : {}),
      tokenTtlSeconds: raw.LIVEKIT_TOKEN_TTL_SECONDS,
      reconcileMs: raw.LIVEKIT_RECONCILE_MS,
    },
    media: {
      retryLimit: raw.MEDIA_RETRY_LIMIT,
      retryDelaySeconds: raw.MEDIA_RETRY_DELAY_SECONDS,
      pollingIntervalSeconds: raw.MEDIA_POLL_SECONDS,
    },
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
    webDir: isAbsolute(raw.WEB_DIR) ? raw.WEB_DIR : resolve(REPO_ROOT, raw.WEB_DIR),
    seedDemoData: raw.SEED_DEMO_DATA,
    logLevel: raw.LOG_LEVEL,
    moderation,
  };
}

/** Trust-and-safety thresholds, validated by the policy's own `validateAutoMuteSettings`. */
function moderationSettings(raw: {
  AUTO_MUTE_REPORTERS: number;
  AUTO_MUTE_WINDOW_MS: number;
  REPORT_RATE_LIMIT: number;
  REPORT_RATE_WINDOW_MS: number;
}) {
  try {
    validateAutoMuteSettings({ reporters: raw.AUTO_MUTE_REPORTERS, windowMs: raw.AUTO_MUTE_WINDOW_MS });
  } catch (error) {
    if (error instanceof ModerationError) throw new Error(`Invalid configuration:\n  ${error.field ?? 'AUTO_MUTE'}: ${error.message}`);
    throw error;
  }
  for (const [name, value] of [
    ['REPORT_RATE_LIMIT', raw.REPORT_RATE_LIMIT],
    ['REPORT_RATE_WINDOW_MS', raw.REPORT_RATE_WINDOW_MS],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`Invalid configuration:\n  ${name}: must be a positive integer, got ${value}`);
  }
  return {
    autoMute: { reporters: raw.AUTO_MUTE_REPORTERS, windowMs: raw.AUTO_MUTE_WINDOW_MS },
    reportsPerWindow: raw.REPORT_RATE_LIMIT,
    reportWindowMs: raw.REPORT_RATE_WINDOW_MS,
  };
}

export type AppConfig = ReturnType<typeof loadConfig>;

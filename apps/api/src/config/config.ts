import { isAbsolute, resolve } from 'node:path';

import { int, weakSecretProblem } from '@roundtable/config';
import { bool, cleanEnv, EnvMissingError, str, url } from 'envalid';
import { ModerationError, validateAutoMuteSettings } from '@roundtable/moderation';
import {
  checkInsightSettings,
  DEFAULT_INSIGHTS_REFRESH_SECONDS,
  DEFAULT_MINIMUM_GROUP_SIZE,
  MIN_INSIGHTS_REFRESH_SECONDS,
  MIN_MINIMUM_GROUP_SIZE,
} from '@roundtable/domain';

import { parseTrustProxy, type TrustProxySetting } from '../admission/client-address';

// Shared with the recommender (libs/config); re-exported where the API's callers have always found them.
export { MIN_PRODUCTION_SECRET_BYTES, MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS, weakSecretProblem } from '@roundtable/config';

/** The repository root: four levels up from apps/api/src/config/ and from dist/apps/api/config/ alike. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** Documented development secret; refused in production (see README "Configuration"). */
export const DEV_JWT_SECRET = 'roundtable-dev-secret-change-me';

/** LiveKit's public development key pair (`livekit-server --dev`); refused in production. */
export const LIVEKIT_DEV_API_KEY = 'devkey';
export const LIVEKIT_DEV_API_SECRET = 'secret';

/**
 * The default work budget per viewer (per address when anonymous) per window
 * (RATE_LIMIT_OPERATION_POINTS): ten times what a scripted heavy minute of the web client's own
 * operations spends (README "Budgets"; apps/api/test/hardening/honest-session-budget.e2e.spec.ts).
 */
export const DEFAULT_OPERATION_POINTS_PER_WINDOW = 500_000;

/**
 * The default work budget of one anonymous address per window
 * (RATE_LIMIT_ANONYMOUS_OPERATION_POINTS): anonymous clients read public pages only, and a
 * flood of unparsed documents from one address is refused at this budget (the validation-flood
 * benchmark's). Never more than RATE_LIMIT_OPERATION_POINTS.
 */
export const DEFAULT_ANONYMOUS_OPERATION_POINTS_PER_WINDOW = 30_000;

/**
 * The default `recommendedRooms` + `searchProfiles` calls per viewer (per address when anonymous)
 * per window (RATE_LIMIT_EXPENSIVE_READS): more than ten times the seven of the same heavy minute.
 */
export const DEFAULT_EXPENSIVE_READS_PER_WINDOW = 120;

/** Longest token lifetime (exp − iat) accepted by default: the demo tokens' 30 days. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;
/** Longest lifetime of a token that carries staff rights, by default: one working day. */
export const DEFAULT_MAX_STAFF_TOKEN_LIFETIME_SECONDS = 12 * 3600;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Throws one error listing every problem, each line naming its variable. */
function failWith(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}

/** The URL's scheme (`wss:`), or null when it does not parse. */
function schemeOf(value: string): string | null {
  try {
    return new URL(value).protocol;
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

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
      HTTP_LISTEN_BACKLOG: int({
        min: 1,
        max: 65_535,
        default: 4096,
        desc: 'Connections the kernel may queue before the API accepts them (also capped by net.core.somaxconn)',
      }),
      DATABASE_URL: str({ devDefault: '', desc: 'PostgreSQL URL; empty starts an embedded PostgreSQL outside production' }),
      EMBEDDED_PG_DIR: str({ default: '.data/postgres', desc: 'Data directory of the embedded PostgreSQL' }),
      REDIS_URL: str({ default: '', desc: 'Redis URL for pub/sub between API instances; empty = in-process' }),
      AUTH_JWT_SECRET: str({ default: '', desc: 'HS256 secret for bearer tokens' }),
      AUTH_JWKS_URL: str({ default: '', desc: 'JWKS URL of an identity provider (RS256)' }),
      AUTH_JWT_ISSUER: str({ default: '', desc: 'Expected `iss` claim, if set' }),
      AUTH_JWT_AUDIENCE: str({ default: '', desc: 'Expected `aud` claim, if set' }),
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: int({
        min: 60,
        max: 366 * 24 * 3600,
        default: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
        desc: 'Longest accepted token lifetime: exp − iat (exp − now without iat), in seconds',
      }),
      AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS: int({
        min: 60,
        max: 366 * 24 * 3600,
        default: DEFAULT_MAX_STAFF_TOKEN_LIFETIME_SECONDS,
        desc: 'Longest lifetime of a token that carries staff rights; longer tokens of staff act without them, in seconds',
      }),
      STAFF_ROLES_REFRESH_MS: int({
        min: 100,
        max: 1000,
        default: 1000,
        desc: 'How often each instance re-reads staff_roles (a withdrawal reaches open sockets within this plus one read)',
      }),
      METRICS_PORT: int({ min: 0, max: 65535, default: undefined, desc: 'Serve /metrics on its own port instead of the API port; unset: API port' }),
      METRICS_HOST: str({ default: '127.0.0.1', desc: 'Interface of the METRICS_PORT listener' }),
      METRICS_TOKEN: str({ default: '', desc: 'Bearer token /metrics requires, when set' }),
      LIVEKIT_URL: url({ devDefault: 'ws://localhost:7880', desc: 'LiveKit server URL handed to clients' }),
      LIVEKIT_API_KEY: str({ devDefault: LIVEKIT_DEV_API_KEY, desc: 'LiveKit API key' }),
      LIVEKIT_API_SECRET: str({ devDefault: LIVEKIT_DEV_API_SECRET, desc: 'LiveKit API secret' }),
      LIVEKIT_API_URL: str({ default: '', desc: 'RoomService URL when it differs from LIVEKIT_URL (default: LIVEKIT_URL with ws→http)' }),
      LIVEKIT_TOKEN_TTL_SECONDS: int({ min: 10, max: 600, default: 300, desc: 'Media token lifetime in seconds' }),
      LIVEKIT_RECONCILE_MS: int({ min: 1000, max: 3_600_000, default: 30_000, desc: 'How often LIVE rooms are reconciled with LiveKit' }),
      MEDIA_RETRY_LIMIT: int({ min: 0, max: 100, default: 12, desc: 'Retries of a media job, with exponential backoff' }),
      MEDIA_RETRY_DELAY_SECONDS: int({ min: 1, max: 3600, default: 1, desc: 'First backoff of a failed media job' }),
      MEDIA_POLL_MS: int({ min: 500, max: 60_000, default: 1000, desc: 'How often idle media workers poll the outbox' }),
      AUDIENCE_COALESCE_MS: int({ min: 0, max: 60_000, default: 500, desc: 'Listener joins and leaves fold into one AudienceChanged per room at most this often (0: off)' }),
      RECOMMENDER_URL: url({ default: 'http://127.0.0.1:4100' }),
      RECOMMENDER_TIMEOUT_MS: int({ min: 1, max: 60_000, default: 300 }),
      RECOMMENDER_MAX_CANDIDATES: int({ min: 1, max: 100_000, default: 2000 }),
      RANKING_EXPLORATION_PERCENT: int({ min: 0, max: 100, default: 5, desc: 'Share of recommendedRooms answers (percent) that serve the model top N in a uniformly random order' }),
      RANKING_EXPLORATION_TOP_N: int({ min: 2, max: 100, default: 10, desc: 'How many of the model top candidates the exploration slice shuffles' }),
      RANKING_EXPLORATION_SEED: int({ min: 0, max: 4_294_967_295, default: undefined, desc: 'Seed of the exploration generator (tests); unset: a random seed per process' }),
      RATE_LIMIT_MUTATIONS: int({ min: 1, max: 1_000_000, default: 120, desc: 'Mutations allowed per viewer per window' }),
      RATE_LIMIT_WINDOW_MS: int({ min: 1, max: 86_400_000, default: 60_000 }),
      QUERY_MAX_DEPTH: int({ min: 1, max: 100, default: 10 }),
      QUERY_MAX_COST: int({ min: 1, max: 10_000_000, default: 5000 }),
      GRAPHQL_INTROSPECTION: bool({ devDefault: true, default: false, desc: 'Answer introspection queries' }),
      GRAPHQL_SUGGESTIONS: bool({ devDefault: true, default: false, desc: 'Keep "Did you mean" suggestions in validation errors' }),
      GRAPHIQL: bool({ devDefault: true, default: false, desc: 'Serve the GraphiQL explorer at GET /graphql' }),
      TRUST_PROXY: str({
        default: 'false',
        desc: 'Reverse proxies whose X-Forwarded-For is believed: false, a hop count, or comma-separated addresses/CIDRs/loopback/linklocal/uniquelocal',
      }),
      CORS_ORIGINS: str({ devDefault: '*', default: '', desc: 'Comma-separated origins allowed by CORS on /graphql; * for any; empty for none' }),
      SHUTDOWN_GRACE_MS: int({ min: 0, max: 600_000, default: 10_000, desc: 'How long requests in flight may finish after SIGTERM' }),
      // --- Admission and hardening limits (issue 6) ---
      QUERY_MAX_TOKENS: int({ min: 100, max: 100_000, default: 2000, desc: 'Lexical tokens allowed in one GraphQL document' }),
      QUERY_MAX_ALIASES: int({ min: 1, max: 10_000, default: 30, desc: 'Aliases allowed in one operation' }),
      QUERY_MAX_DIRECTIVES: int({ min: 1, max: 10_000, default: 20, desc: 'Directives allowed in one operation' }),
      QUERY_MAX_EXPANDED_FIELDS: int({ min: 10, max: 1_000_000, default: 2000, desc: 'Field selections of an operation with every fragment spread expanded' }),
      INPUT_MAX_DEPTH: int({ min: 2, max: 256, default: 16, desc: 'Nesting of lists/objects in variables, extensions and literals' }),
      RATE_LIMIT_EXPENSIVE_READS: int({ min: 1, max: 1_000_000, default: DEFAULT_EXPENSIVE_READS_PER_WINDOW, desc: 'recommendedRooms calls per viewer (or IP) per window' }),
      // --- Budgets that count work (issue 14, section 5) ---
      RATE_LIMIT_OPERATION_POINTS: int({
        min: 100,
        max: 100_000_000,
        default: DEFAULT_OPERATION_POINTS_PER_WINDOW,
        desc: 'Points of work per viewer (or IP) per window, over both transports: each operation costs its price',
      }),
      RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: int({
        min: 100,
        max: 100_000_000,
        default: DEFAULT_ANONYMOUS_OPERATION_POINTS_PER_WINDOW,
        desc: 'Points of work per anonymous address per window (capped by RATE_LIMIT_OPERATION_POINTS)',
      }),
      RATE_LIMIT_SUBSCRIBE_PRICE: int({ min: 1, max: 1_000_000, default: 100, desc: 'Points one subscribe operation costs' }),
      RATE_LIMIT_DOCUMENT_POINTS_PER_KB: int({
        min: 0,
        max: 1_000_000,
        default: 100,
        desc: 'Points per started KB of a document the instance has not parsed yet, charged before it is read',
      }),
      RATE_LIMIT_RESERVE_POINTS: int({
        min: 1,
        max: 1_000_000,
        default: 1000,
        desc: 'Points an instance reserves from the shared budget per Redis round trip (at most this many are lost per instance per window)',
      }),
      QUERY_MAX_FIELD_MERGE_COMPARISONS: int({
        min: 10,
        max: 10_000_000,
        default: 2000,
        desc: 'Field comparisons graphql\'s overlapping-fields check may make on one document',
      }),
      RATE_LIMIT_KEY_PREFIX: str({ default: 'roundtable:rate', desc: 'Prefix of rate-limit keys in Redis' }),
      HTTP_MAX_BODY_BYTES: int({ min: 1024, max: 64 * 1024 * 1024, default: 262_144, desc: 'Largest HTTP body and largest WebSocket frame' }),
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: int({ min: 1, max: 100_000, default: 100, desc: 'Operations running at once on one socket' }),
      WS_MAX_SOCKETS_PER_VIEWER: int({ min: 1, max: 100_000, default: 20, desc: 'Open signed-in sockets per viewer' }),
      WS_MAX_PENDING_SOCKETS_PER_ADDRESS: int({
        min: 1,
        max: 100_000,
        default: 20,
        desc: 'Sockets one client address may hold before they sign in; more must sign in within WS_PENDING_OVERFLOW_GRACE_MS',
      }),
      WS_PENDING_OVERFLOW_GRACE_MS: int({
        min: 100,
        max: 2_000,
        default: 1_000,
        desc: 'How long a socket opened beyond WS_MAX_PENDING_SOCKETS_PER_ADDRESS has to send its connection_init, in ms',
      }),
      WS_MAX_PINGS_PER_MINUTE: int({ min: 1, max: 100_000, default: 120, desc: 'Pings (graphql-ws and WebSocket control) per socket per minute' }),
      WS_MAX_BUFFERED_BYTES: int({
        min: 1024,
        max: 1024 * 1024 * 1024,
        default: 4 * 1024 * 1024,
        desc: 'Bytes a socket may have queued unsent (its bufferedAmount) before it is closed as too slow (4441)',
      }),
      WEB_DIR: str({ default: 'dist/apps/web', desc: 'Built web client served at /; relative to the repository root' }),
      SEED_DEMO_DATA: bool({ devDefault: true, default: false, desc: 'Seed demo data into an empty database at start' }),
      // --- trust and safety (issue 8) ---
      AUTO_MUTE_REPORTERS: int({ min: 2, max: 1000, default: 3, desc: 'Independent reporters whose reports mute a speaker at once, pending review' }),
      AUTO_MUTE_WINDOW_MS: int({ min: 60_000, max: 86_400_000, default: 600_000, desc: 'Window in which those reports must fall, in ms' }),
      AUTO_MUTE_MIN_PRESENCE_SECONDS: int({
        min: 30,
        max: 86_400,
        default: 300,
        desc: 'A reporter counts toward the automatic mute after this long in the room (seconds), or with an established account',
      }),
      AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS: int({
        min: 1,
        max: 8760,
        default: 168,
        desc: 'A reporter counts toward the automatic mute with an account at least this old (hours), or after a while in the room',
      }),
      REPORT_SUBJECT_LEFT_WITHIN_SECONDS: int({
        min: 0,
        max: 86_400,
        default: 900,
        desc: 'A person may be reported in a room while in it or up to this long after leaving it (seconds)',
      }),
      REPORT_RATE_LIMIT: int({ min: 1, max: 1_000_000, default: 10, desc: 'Reports one account may file per REPORT_RATE_WINDOW_MS' }),
      REPORT_RATE_WINDOW_MS: int({ min: 1000, max: 86_400_000, default: 600_000, desc: 'Window of REPORT_RATE_LIMIT, in ms' }),
      REPORT_SOURCE_BY_NETWORK: bool({
        default: false,
        desc: 'Count reporters on one network (IPv4 /24, IPv6 /48) as one for the automatic mute; only where the API sees client addresses',
      }),
      // --- end of trust and safety ---
      CHAT_LISTENER_MESSAGES_PER_30S: int({ min: 1, max: 10_000, default: 20, desc: 'Chat messages one listener may send per 30 s (the stage and moderators have CHAT_STAGE_MESSAGES_PER_30S)' }),
      CHAT_STAGE_MESSAGES_PER_30S: int({ min: 1, max: 10_000, default: 100, desc: 'Chat messages one person on the stage or moderating may send per 30 s' }),
      QUESTIONS_PER_MINUTE: int({ min: 1, max: 1000, default: 1, desc: 'Questions one account may ask per minute in the question queue (askQuestion)' }),
      // --- the room conversation's lossy channel (issue 17) ---
      CONVERSATION_TICK_MS: int({
        min: 10,
        max: 60_000,
        default: 1000,
        desc: 'Tick interval of roomConversation: each subscriber gets at most one ConversationTick this often, and none when nothing happened',
      }),
      CONVERSATION_SAMPLE_ABOVE_LISTENERS: int({
        min: 0,
        max: 10_000_000,
        default: 500,
        desc: "Above this many listeners in a room, each listener receives a sample of listeners' chat messages per tick",
      }),
      CONVERSATION_SAMPLE_MESSAGES: int({
        min: 1,
        max: 1000,
        default: 20,
        desc: "Listeners' messages one listener receives per tick in a sampled room (besides the stage's, their own and their mentions)",
      }),
      CONVERSATION_SAMPLE_BUCKETS: int({
        min: 1,
        max: 64,
        default: 4,
        desc: 'Groups of listeners (by a hash of the profile id) that each receive a different sample in a sampled room',
      }),
      REACTIONS_PER_10S: int({
        min: 1,
        max: 10_000,
        default: 10,
        desc: "Reactions one person's react calls count per 10 s on an API instance; more are dropped (react answers false), not refused",
      }),
      // --- host insights (issue 19; README "Host insights") ---
      INSIGHTS_REFRESH_SECONDS: int({
        min: MIN_INSIGHTS_REFRESH_SECONDS,
        max: 86_400,
        default: DEFAULT_INSIGHTS_REFRESH_SECONDS,
        desc: "Refresh window of Room.insights, in seconds: while a room is LIVE its figures change once per window, never per join",
      }),
      INSIGHTS_MINIMUM_GROUP_SIZE: int({
        min: MIN_MINIMUM_GROUP_SIZE,
        max: 10_000,
        default: DEFAULT_MINIMUM_GROUP_SIZE,
        desc: 'k: the fewest distinct listeners a group of Room.insights shows (smaller groups fold into Other)',
      }),
      // --- reminders and notifications (issue 18) ---
      REMINDER_LEAD_MINUTES: int({
        min: 0,
        max: 24 * 60,
        default: 10,
        desc: 'Minutes before a scheduled room starts that its reminder holders get ROOM_STARTING_SOON',
      }),
      NOTIFY_LIVE_PER_HOST_PER_DAY: int({
        min: 0,
        max: 1000,
        default: 3,
        desc: "Go-live notifications one follower gets from one host per 24 h; beyond that they fold into one unread DIGEST with a count",
      }),
      NOTIFY_BURST_LIMIT: int({
        min: 1,
        max: 1000,
        default: 3,
        desc: 'Notifications of one kind from one actor one recipient gets within NOTIFY_BURST_WINDOW_SECONDS; beyond that they fold into one unread DIGEST',
      }),
      NOTIFY_BURST_WINDOW_SECONDS: int({ min: 1, max: 86_400, default: 600, desc: 'The window of NOTIFY_BURST_LIMIT, in seconds' }),
      NOTIFY_FANOUT_BATCH: int({
        min: 1,
        max: 100_000,
        default: 5000,
        desc: 'Recipients one fan-out batch writes in one INSERT … SELECT (and announces in one publish)',
      }),
      // --- calendars (issue 18) ---
      PUBLIC_URL: str({
        default: '',
        desc: 'Public origin of the API and web client (https://roundtable.example) for absolute links such as Room.calendarUrl; empty: http://<HOST>:<port> of this process',
      }),
      CALENDAR_SECRET: str({
        default: '',
        desc: 'Key of calendar links (signed room links, feed tokens); empty: derived from AUTH_JWT_SECRET. Changing it changes every calendar URL',
      }),
      CALENDAR_DEFAULT_DURATION_MINUTES: int({ min: 5, max: 24 * 60, default: 60, desc: "A calendar event's length when the room has not ended (minutes)" }),
      CALENDAR_FEED_REQUESTS_PER_MINUTE: int({ min: 1, max: 1_000_000, default: 60, desc: 'GET requests to /calendar/ one client address may make per minute' }),
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
    } else if (raw.AUTH_JWT_SECRET) {
      const weak = weakSecretProblem(raw.AUTH_JWT_SECRET);
      if (weak) problems.push(`AUTH_JWT_SECRET: ${weak}`);
    }
    if (raw.LIVEKIT_API_KEY.trim() === '') problems.push('LIVEKIT_API_KEY: required in production (it is empty)');
    else if (raw.LIVEKIT_API_KEY === LIVEKIT_DEV_API_KEY) problems.push(`LIVEKIT_API_KEY: LiveKit's development key "${LIVEKIT_DEV_API_KEY}" is refused in production`);
    if (raw.LIVEKIT_API_SECRET === LIVEKIT_DEV_API_SECRET) {
      problems.push(`LIVEKIT_API_SECRET: LiveKit's development secret is refused in production`);
    } else {
      // LiveKit's own server refuses secrets shorter than 32 bytes.
      const weak = weakSecretProblem(raw.LIVEKIT_API_SECRET);
      if (weak) problems.push(`LIVEKIT_API_SECRET: ${weak}`);
    }
    // Plaintext media signalling would carry every client's media token in the clear.
    if (schemeOf(raw.LIVEKIT_URL) !== 'wss:') problems.push('LIVEKIT_URL: must be a wss:// URL in production (ws:// is plaintext)');
    if (raw.LIVEKIT_API_URL && schemeOf(raw.LIVEKIT_API_URL) !== 'https:') {
      problems.push('LIVEKIT_API_URL: must be an https:// URL in production (http:// sends signed API requests in plaintext)');
    }
    // Keys fetched in plaintext could be swapped in transit, and every token forged with them.
    if (raw.AUTH_JWKS_URL && schemeOf(raw.AUTH_JWKS_URL) !== 'https:') problems.push('AUTH_JWKS_URL: must be an https:// URL in production (keys fetched in plaintext could be replaced)');
    // /metrics names rooms' load, sockets and the process: never open to anyone (issue 14).
    if (raw.METRICS_TOKEN) {
      const weak = weakSecretProblem(raw.METRICS_TOKEN);
      if (weak) problems.push(`METRICS_TOKEN: ${weak}`);
    } else if (raw.METRICS_PORT === undefined) {
      problems.push('METRICS_TOKEN: required in production unless METRICS_PORT serves /metrics on its own loopback listener (/metrics would answer anyone)');
    } else if (!LOOPBACK_HOSTS.has(raw.METRICS_HOST)) {
      problems.push(`METRICS_HOST: ${raw.METRICS_HOST} is not a loopback interface: set METRICS_TOKEN too in production`);
    }
    if (raw.CALENDAR_SECRET) {
      const weak = weakSecretProblem(raw.CALENDAR_SECRET);
      if (weak) problems.push(`CALENDAR_SECRET: ${weak}`);
    } else if (!raw.AUTH_JWT_SECRET) {
      problems.push('CALENDAR_SECRET: required in production when AUTH_JWT_SECRET is unset (calendar links are signed with it)');
    }
    if (raw.SEED_DEMO_DATA) problems.push('SEED_DEMO_DATA: demo data (and its printed tokens) is never seeded in production');
  }
  failWith(problems);

  const admission = admissionLimits(raw);

  const moderation = moderationSettings(raw);

  let trustProxy: TrustProxySetting;
  try {
    trustProxy = parseTrustProxy(raw.TRUST_PROXY);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${error instanceof Error ? error.message : String(error)}`);
  }

  let publicUrl: string | null = null;
  if (raw.PUBLIC_URL.trim() !== '') {
    const scheme = schemeOf(raw.PUBLIC_URL.trim());
    if (scheme !== 'http:' && scheme !== 'https:') throw new Error('Invalid configuration:\n  PUBLIC_URL: must be an http:// or https:// origin');
    publicUrl = new URL(raw.PUBLIC_URL.trim()).origin;
  }

  return {
    env: raw.NODE_ENV,
    production,
    port: raw.PORT,
    host: raw.HOST,
    /** The listen backlog (HTTP_LISTEN_BACKLOG): room for a reconnect storm of every client at once. */
    listenBacklog: raw.HTTP_LISTEN_BACKLOG,
    databaseUrl: raw.DATABASE_URL || null,
    embeddedPgDir: raw.EMBEDDED_PG_DIR,
    redisUrl: raw.REDIS_URL || null,
    auth: {
      // In production either a real secret is set or AUTH_JWKS_URL verifies tokens (and this stays empty).
      jwtSecret: raw.AUTH_JWT_SECRET || (production ? '' : DEV_JWT_SECRET),
      jwksUrl: raw.AUTH_JWKS_URL || null,
      issuer: raw.AUTH_JWT_ISSUER || null,
      audience: raw.AUTH_JWT_AUDIENCE || null,
      /** Longest accepted exp − iat (exp − now without iat), in seconds. */
      maxTokenLifetimeSeconds: raw.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
      /** Longest lifetime of a token whose holder acts with staff rights, in seconds. */
      maxStaffTokenLifetimeSeconds: raw.AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS,
    },
    /** How often each instance re-reads the staff_roles record, in ms. */
    staffRolesRefreshMs: raw.STAFF_ROLES_REFRESH_MS,
    metrics: {
      /** Own listener for /metrics (not served on the API port then), or null. */
      port: raw.METRICS_PORT ?? null,
      host: raw.METRICS_HOST,
      /** Bearer token /metrics requires, or null. */
      token: raw.METRICS_TOKEN || null,
    },
    livekit: {
      url: raw.LIVEKIT_URL,
      apiKey: raw.LIVEKIT_API_KEY,
      apiSecret: raw.LIVEKIT_API_SECRET,
      ...(raw.LIVEKIT_API_URL ? { apiUrl: raw.LIVEKIT_API_URL } : {}),
      tokenTtlSeconds: raw.LIVEKIT_TOKEN_TTL_SECONDS,
      reconcileMs: raw.LIVEKIT_RECONCILE_MS,
    },
    live: { audienceCoalesceMs: raw.AUDIENCE_COALESCE_MS },
    media: {
      retryLimit: raw.MEDIA_RETRY_LIMIT,
      retryDelaySeconds: raw.MEDIA_RETRY_DELAY_SECONDS,
      pollingIntervalSeconds: raw.MEDIA_POLL_MS / 1000,
    },
    recommender: {
      url: raw.RECOMMENDER_URL,
      timeoutMs: raw.RECOMMENDER_TIMEOUT_MS,
      maxCandidates: raw.RECOMMENDER_MAX_CANDIDATES,
      exploration: {
        share: raw.RANKING_EXPLORATION_PERCENT / 100,
        topN: raw.RANKING_EXPLORATION_TOP_N,
        ...(raw.RANKING_EXPLORATION_SEED !== undefined ? { seed: raw.RANKING_EXPLORATION_SEED } : {}),
      },
    },
    limits: {
      mutationsPerWindow: raw.RATE_LIMIT_MUTATIONS,
      rateWindowMs: raw.RATE_LIMIT_WINDOW_MS,
      maxDepth: raw.QUERY_MAX_DEPTH,
      maxCost: raw.QUERY_MAX_COST,
      ...admission,
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
    /** Which hops' X-Forwarded-For is believed when working out a client's address (TRUST_PROXY). */
    trustProxy,
    corsOrigins: raw.CORS_ORIGINS.trim() === '*' ? ('*' as const) : raw.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
    webDir: isAbsolute(raw.WEB_DIR) ? raw.WEB_DIR : resolve(REPO_ROOT, raw.WEB_DIR),
    seedDemoData: raw.SEED_DEMO_DATA,
    logLevel: raw.LOG_LEVEL,
    calendar: {
      /** Public origin for absolute links (PUBLIC_URL); null: this process's own http://host:port. */
      publicUrl,
      /** Key of calendar links; CALENDAR_SECRET, else AUTH_JWT_SECRET (production refuses neither being set). */
      secret: raw.CALENDAR_SECRET || raw.AUTH_JWT_SECRET || (production ? '' : DEV_JWT_SECRET),
      /** DTEND − DTSTART of a room that has not ended, in minutes. */
      defaultDurationMinutes: raw.CALENDAR_DEFAULT_DURATION_MINUTES,
      /** GET /calendar/… requests per client address per minute. */
      requestsPerMinute: raw.CALENDAR_FEED_REQUESTS_PER_MINUTE,
    },
    moderation,
    questions: { perMinute: raw.QUESTIONS_PER_MINUTE },
    chat: { listenerMessagesPer30s: raw.CHAT_LISTENER_MESSAGES_PER_30S, stageMessagesPer30s: raw.CHAT_STAGE_MESSAGES_PER_30S },
    conversation: {
      /** Tick interval of roomConversation, in ms. */
      tickMs: raw.CONVERSATION_TICK_MS,
      /** Rooms with more listeners than this sample listeners' messages per listener. */
      sampleAboveListeners: raw.CONVERSATION_SAMPLE_ABOVE_LISTENERS,
      /** Listeners' messages per tick per listener in a sampled room. */
      sampleMessages: raw.CONVERSATION_SAMPLE_MESSAGES,
      /** Sample buckets of listeners in a sampled room. */
      sampleBuckets: raw.CONVERSATION_SAMPLE_BUCKETS,
      /** Reactions counted per person per 10 s on one instance. */
      reactionsPer10s: raw.REACTIONS_PER_10S,
    },
    insights: insightSettings(raw.INSIGHTS_REFRESH_SECONDS, raw.INSIGHTS_MINIMUM_GROUP_SIZE),
    notifications: {
      /** Minutes before `scheduledFor` that ROOM_STARTING_SOON is sent (REMINDER_LEAD_MINUTES). */
      reminderLeadMinutes: raw.REMINDER_LEAD_MINUTES,
      /** Go-live notifications per host per follower per 24 h before they fold (NOTIFY_LIVE_PER_HOST_PER_DAY). */
      livePerHostPerDay: raw.NOTIFY_LIVE_PER_HOST_PER_DAY,
      /** Same kind, same actor, per recipient within `burstWindowSeconds` before they fold (NOTIFY_BURST_LIMIT). */
      burstLimit: raw.NOTIFY_BURST_LIMIT,
      burstWindowSeconds: raw.NOTIFY_BURST_WINDOW_SECONDS,
      /** Recipients per fan-out batch (NOTIFY_FANOUT_BATCH). */
      fanoutBatch: raw.NOTIFY_FANOUT_BATCH,
    },
  };
}

/** The host insights' window and k, checked by the rule's own `checkInsightSettings`. */
function insightSettings(refreshSeconds: number, minimumGroupSize: number): { readonly refreshSeconds: number; readonly minimumGroupSize: number } {
  try {
    checkInsightSettings({ refreshSeconds, minimumGroupSize });
  } catch (error) {
    failWith([`INSIGHTS_REFRESH_SECONDS / INSIGHTS_MINIMUM_GROUP_SIZE: ${(error as Error).message}`]);
  }
  return { refreshSeconds, minimumGroupSize };
}

/** Trust-and-safety thresholds, validated by the policy's own `validateAutoMuteSettings`. */
function moderationSettings(raw: {
  AUTO_MUTE_REPORTERS: number;
  AUTO_MUTE_WINDOW_MS: number;
  AUTO_MUTE_MIN_PRESENCE_SECONDS: number;
  AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS: number;
  REPORT_SUBJECT_LEFT_WITHIN_SECONDS: number;
  REPORT_RATE_LIMIT: number;
  REPORT_RATE_WINDOW_MS: number;
  REPORT_SOURCE_BY_NETWORK: boolean;
}) {
  const autoMute = {
    reporters: raw.AUTO_MUTE_REPORTERS,
    windowMs: raw.AUTO_MUTE_WINDOW_MS,
    minPresenceSeconds: raw.AUTO_MUTE_MIN_PRESENCE_SECONDS,
    minAccountAgeHours: raw.AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS,
  };
  try {
    validateAutoMuteSettings(autoMute);
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
    autoMute,
    reportSubjectLeftWithinSeconds: raw.REPORT_SUBJECT_LEFT_WITHIN_SECONDS,
    reportsPerWindow: raw.REPORT_RATE_LIMIT,
    reportWindowMs: raw.REPORT_RATE_WINDOW_MS,
    reportSourceByNetwork: raw.REPORT_SOURCE_BY_NETWORK,
  };
}

export type AppConfig = ReturnType<typeof loadConfig>;

/** Whole numbers within [min, max], else a start-up error naming the variable. */
function boundedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid configuration:\n  ${name}: must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** The admission pipeline's limits (see README "Limits"), range-checked once at start-up. */
function admissionLimits(raw: Record<string, unknown>) {
  const n = (name: string, min: number, max: number) => boundedInteger(name, Number(raw[name]), min, max);
  const operationPoints = n('RATE_LIMIT_OPERATION_POINTS', 100, 100_000_000);
  const keyPrefix = String(raw['RATE_LIMIT_KEY_PREFIX']);
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(keyPrefix)) {
    throw new Error('Invalid configuration:\n  RATE_LIMIT_KEY_PREFIX: 1 to 64 of A-Z a-z 0-9 : _ . -');
  }
  return {
    maxTokens: n('QUERY_MAX_TOKENS', 100, 100_000),
    maxAliases: n('QUERY_MAX_ALIASES', 1, 10_000),
    maxDirectives: n('QUERY_MAX_DIRECTIVES', 1, 10_000),
    maxExpandedFields: n('QUERY_MAX_EXPANDED_FIELDS', 10, 1_000_000),
    maxInputDepth: n('INPUT_MAX_DEPTH', 2, 256),
    expensiveReadsPerWindow: n('RATE_LIMIT_EXPENSIVE_READS', 1, 1_000_000),
    operationPointsPerWindow: operationPoints,
    anonymousOperationPointsPerWindow: Math.min(n('RATE_LIMIT_ANONYMOUS_OPERATION_POINTS', 100, 100_000_000), operationPoints),
    subscribePrice: n('RATE_LIMIT_SUBSCRIBE_PRICE', 1, 1_000_000),
    documentPointsPerKb: n('RATE_LIMIT_DOCUMENT_POINTS_PER_KB', 0, 1_000_000),
    reservePoints: n('RATE_LIMIT_RESERVE_POINTS', 1, 1_000_000),
    maxFieldMergeComparisons: n('QUERY_MAX_FIELD_MERGE_COMPARISONS', 10, 10_000_000),
    rateKeyPrefix: keyPrefix,
    maxBodyBytes: n('HTTP_MAX_BODY_BYTES', 1024, 64 * 1024 * 1024),
    wsMaxSubscriptionsPerSocket: n('WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 1, 100_000),
    wsMaxSocketsPerViewer: n('WS_MAX_SOCKETS_PER_VIEWER', 1, 100_000),
    wsMaxPendingSocketsPerAddress: n('WS_MAX_PENDING_SOCKETS_PER_ADDRESS', 1, 100_000),
    wsPendingOverflowGraceMs: n('WS_PENDING_OVERFLOW_GRACE_MS', 100, 2_000),
    wsMaxPingsPerMinute: n('WS_MAX_PINGS_PER_MINUTE', 1, 100_000),
    wsMaxBufferedBytes: n('WS_MAX_BUFFERED_BYTES', 1024, 1024 * 1024 * 1024),
  };
}

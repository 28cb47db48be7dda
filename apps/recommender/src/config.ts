import { isAbsolute, resolve } from 'node:path';

import { int, type IntegerRange, weakSecretProblem } from '@roundtable/config';
import { cleanEnv, str } from 'envalid';

/** Repository root: this file is apps/recommender/src/config.ts, or dist/apps/recommender/config.js once built. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Everything the recommender is configured by (see docs/ranking.md "Configuration"). */
export interface RecommenderConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the ONNX model to serve and watch. */
  readonly modelPath: string;
  readonly intraOpNumThreads: number;
  /** Rows per ONNX run: bounds how long one run holds the event loop. */
  readonly batchRows: number;
  readonly maxCandidates: number;
  /** Requests parsed and ranked at once; the rest wait with their raw body. */
  readonly maxConcurrentRanks: number;
  /** How often the model file is polled for changes. */
  readonly modelPollMs: number;
  /** Quiet period after a change before reloading, so a half-written file is not loaded. */
  readonly reloadDebounceMs: number;
  readonly bodyLimit: string;
  readonly logLevel: string;
  /**
   * Bearer token `GET /metrics` requires (METRICS_TOKEN, as on the API), or null for none. In
   * production it is required unless the service listens on loopback only, and must not be weak.
   */
  readonly metricsToken: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Accepted range of every numeric variable, shared by the environment and in-process overrides. */
export const NUMERIC_RANGES = {
  RECOMMENDER_PORT: { min: 0, max: 65535 },
  RECOMMENDER_INTRA_OP_THREADS: { min: 1, max: 256 },
  RECOMMENDER_BATCH_ROWS: { min: 1, max: 1_000_000 },
  RECOMMENDER_MAX_CANDIDATES: { min: 1, max: 1_000_000 },
  RECOMMENDER_MAX_CONCURRENT_RANKS: { min: 1, max: 1024 },
  RECOMMENDER_MODEL_POLL_MS: { min: 1, max: 3_600_000 },
  RECOMMENDER_RELOAD_DEBOUNCE_MS: { min: 0, max: 600_000 },
} as const satisfies Record<string, IntegerRange>;

/**
 * The one place that reads `process.env` for the recommender. Validated once at start-up; a bad
 * value fails fast with a message naming the variable.
 */
export function loadRecommenderConfig(env: NodeJS.ProcessEnv = process.env): RecommenderConfig {
  const raw = cleanEnv(
    env,
    {
      RECOMMENDER_PORT: int({ ...NUMERIC_RANGES.RECOMMENDER_PORT, default: 4100, desc: 'HTTP port (0 picks a free one)' }),
      RECOMMENDER_HOST: str({ default: '127.0.0.1', desc: 'Interface to bind' }),
      MODEL_PATH: str({ default: 'apps/recommender/models/default.onnx', desc: 'ONNX model; relative paths resolve from the repository root' }),
      RECOMMENDER_INTRA_OP_THREADS: int({ ...NUMERIC_RANGES.RECOMMENDER_INTRA_OP_THREADS, default: 1, desc: 'onnxruntime intra-op threads' }),
      RECOMMENDER_BATCH_ROWS: int({ ...NUMERIC_RANGES.RECOMMENDER_BATCH_ROWS, default: 2048, desc: 'Rows per ONNX run' }),
      RECOMMENDER_MAX_CANDIDATES: int({ ...NUMERIC_RANGES.RECOMMENDER_MAX_CANDIDATES, default: 10_000, desc: 'Largest candidate list accepted per request' }),
      RECOMMENDER_MAX_CONCURRENT_RANKS: int({ ...NUMERIC_RANGES.RECOMMENDER_MAX_CONCURRENT_RANKS, default: 2, desc: 'Rank requests parsed and ranked at once' }),
      RECOMMENDER_MODEL_POLL_MS: int({ ...NUMERIC_RANGES.RECOMMENDER_MODEL_POLL_MS, default: 1000, desc: 'Model file poll interval' }),
      RECOMMENDER_RELOAD_DEBOUNCE_MS: int({ ...NUMERIC_RANGES.RECOMMENDER_RELOAD_DEBOUNCE_MS, default: 300, desc: 'Wait after a model file change before reloading' }),
      RECOMMENDER_BODY_LIMIT: str({ default: '50mb', desc: 'Largest request body' }),
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
      METRICS_TOKEN: str({ default: '', desc: 'Bearer token /metrics requires, when set' }),
      NODE_ENV: str({ default: 'development', desc: 'production enforces the /metrics protection' }),
    },
    {
      reporter: ({ errors }) => {
        const names = Object.keys(errors);
        if (names.length > 0) {
          const byName = errors as Record<string, Error | undefined>;
          throw new Error(`Invalid recommender configuration:\n${names.map((name) => `  ${name}: ${byName[name]?.message ?? 'invalid'}`).join('\n')}`);
        }
      },
    },
  );
  const config: RecommenderConfig = {
    port: raw.RECOMMENDER_PORT,
    host: raw.RECOMMENDER_HOST,
    modelPath: isAbsolute(raw.MODEL_PATH) ? raw.MODEL_PATH : resolve(REPO_ROOT, raw.MODEL_PATH),
    intraOpNumThreads: raw.RECOMMENDER_INTRA_OP_THREADS,
    batchRows: raw.RECOMMENDER_BATCH_ROWS,
    maxCandidates: raw.RECOMMENDER_MAX_CANDIDATES,
    maxConcurrentRanks: raw.RECOMMENDER_MAX_CONCURRENT_RANKS,
    modelPollMs: raw.RECOMMENDER_MODEL_POLL_MS,
    reloadDebounceMs: raw.RECOMMENDER_RELOAD_DEBOUNCE_MS,
    bodyLimit: raw.RECOMMENDER_BODY_LIMIT,
    logLevel: raw.LOG_LEVEL,
    metricsToken: raw.METRICS_TOKEN || null,
  };
  validateConfig(config);
  const problems = productionProblems(config, raw.NODE_ENV === 'production');
  if (problems.length > 0) throw new Error(`Invalid recommender configuration:\n  ${problems.join('\n  ')}`);
  return config;
}

/**
 * What production refuses (NODE_ENV=production), as the API does for its own `/metrics`: a
 * service listening beyond loopback without METRICS_TOKEN (its `/metrics` would answer anyone),
 * and a weak METRICS_TOKEN. One line per problem, naming the variable.
 */
export function productionProblems(config: Pick<RecommenderConfig, 'host' | 'metricsToken'>, production: boolean): string[] {
  if (!production) return [];
  if (config.metricsToken !== null) {
    const weak = weakSecretProblem(config.metricsToken);
    return weak ? [`METRICS_TOKEN: ${weak}`] : [];
  }
  if (LOOPBACK_HOSTS.has(config.host)) return [];
  return [`METRICS_TOKEN: required in production when RECOMMENDER_HOST (${config.host}) is not a loopback interface (/metrics would answer anyone)`];
}

/** The same range checks for in-process overrides (tests, embedding), naming the variable each field comes from. */
export function validateConfig(config: RecommenderConfig): void {
  const numeric: Array<[keyof typeof NUMERIC_RANGES, number]> = [
    ['RECOMMENDER_PORT', config.port],
    ['RECOMMENDER_INTRA_OP_THREADS', config.intraOpNumThreads],
    ['RECOMMENDER_BATCH_ROWS', config.batchRows],
    ['RECOMMENDER_MAX_CANDIDATES', config.maxCandidates],
    ['RECOMMENDER_MAX_CONCURRENT_RANKS', config.maxConcurrentRanks],
    ['RECOMMENDER_MODEL_POLL_MS', config.modelPollMs],
    ['RECOMMENDER_RELOAD_DEBOUNCE_MS', config.reloadDebounceMs],
  ];
  const problems: string[] = [];
  for (const [name, value] of numeric) {
    const { min, max } = NUMERIC_RANGES[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) problems.push(`${name}: must be an integer from ${min} to ${max}, got ${value}`);
  }
  if (problems.length > 0) throw new Error(`Invalid recommender configuration:\n  ${problems.join('\n  ')}`);
}

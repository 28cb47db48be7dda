import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';

import { SignJWT } from 'jose';
import pino, { type Logger } from 'pino';

import { DEV_JWT_SECRET } from '../../../src/config/config';
import { apiLoggerOptions } from '../../../src/observability/logger-options';
import { sql } from '../../support/graphql-helpers';
import { startTestApi, type TestApi, useTestApi } from '../../support/test-api';

// apps/api/jest.config.js sets testTimeout: 60_000, but Jest ignores that option inside a
// `projects` entry, so a run from the repository root gets the 5 s default. On a loaded 2-core
// machine the servers these files start need more; every hardening file imports this module.
jest.setTimeout(60_000);

/** One pino line as written (level is pino's number: 50 = error, 60 = fatal). */
export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

/** A real pino logger at `info` whose lines are kept in memory, so tests can assert on them. */
export function capturingLogger(): { logger: Logger; lines: LogLine[]; errorLines: () => LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const logger = pino(apiLoggerOptions('info'), stream);
  return { logger, lines, errorLines: () => lines.filter((line) => line.level >= 50) };
}

/** A test API with its own rate-limit key prefix (runs never share budgets) and a captured log. */
export async function startHardeningApi(env: Record<string, string> = {}) {
  const log = capturingLogger();
  const api = await startTestApi(hardeningEnv(env), { logger: log.logger });
  return { api, log };
}

/** Its own rate-limit key prefix, and the production posture on what a client may learn: no "Did you mean" schema hints. */
function hardeningEnv(env: Record<string, string>): Record<string, string> {
  return { RATE_LIMIT_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}`, GRAPHQL_SUGGESTIONS: 'false', ...env };
}

/**
 * The hardening API of the enclosing `describe`: started in a `beforeAll` registered here (so it
 * runs before the file's own), stopped in an `afterAll`. `api` forwards to the running server;
 * `errorLines()` are its error-level log lines so far.
 */
export function useHardeningApi(env: Record<string, string> = {}): { readonly api: TestApi; errorLines: () => LogLine[] } {
  const log = capturingLogger();
  const api = useTestApi(hardeningEnv(env), { logger: log.logger });
  return { api, errorLines: log.errorLines };
}

/** A development-secret token with exactly the claims given (no defaults added but `sub`/`iat`). */
export function rawToken(
  claims: Record<string, unknown>,
  options: { sub?: string; expiresAt?: number | null } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setSubject(options.sub ?? 'hardening-someone');
  const expiresAt = options.expiresAt === undefined ? Math.floor(Date.now() / 1000) + 3600 : options.expiresAt;
  if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
  return jwt.sign(new TextEncoder().encode(DEV_JWT_SECRET));
}

/** A live public room hosted by `token`'s viewer. */
export async function createLiveRoom(api: TestApi, token: string, title = 'Hardening room'): Promise<string> {
  const created = await api.request<{ createRoom: { id: string } }>(
    `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`,
    { input: { title } },
    token,
  );
  const id = created.data?.createRoom.id;
  if (!id) throw new Error(`createRoom failed: ${JSON.stringify(created.errors)}`);
  return id;
}

export async function countRows(api: TestApi, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: string }>(api, `select count(*)::int as n from ${table} where ${where}`, params);
  return Number(row?.n ?? 0);
}

/**
 * The document for fault 1: fragment F_i spreads F_{i+1} twice (through inline fragments),
 * `levels` deep, so its expanded size is 2^levels while its text is a few hundred bytes per level.
 */
export function doublingFragments(levels: number, spreadsPerLevel = 2): string {
  const parts = ['query { ...F0 }'];
  for (let i = 0; i < levels; i += 1) {
    const spreads = Array.from({ length: spreadsPerLevel }, () => `... on Query { ...F${i + 1} }`).join(' ');
    parts.push(`fragment F${i} on Query { ${spreads} }`);
  }
  parts.push(`fragment F${levels} on Query { topics { slug } }`);
  return parts.join('\n');
}

/** `[[[…0…]]]` nested `levels` deep. */
export function nestedList(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

/** Reads one gauge's value from the API's `/metrics` text. */
export async function gauge(api: TestApi, name: string): Promise<number> {
  const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ')[1]);
}

/** Polls `read` until it returns `expected` or `timeoutMs` passes; returns the last value read. */
export async function settle<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

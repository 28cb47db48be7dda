import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { Client } from 'pg';

import { adminUrl } from './test-database';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
/** The built API entry point; `npm test` builds before it runs Jest. */
export const API_MAIN = join(REPO_ROOT, 'dist', 'apps', 'api', 'main.js');

export function requireBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node tools/scripts/build.mjs\` first (npm test does)`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** A real child process with its combined output, for tests of start-up, shutdown and CLIs. */
export interface ChildUnderTest {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves once the output contains `text`; rejects if the process exits first or after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` and resolves with how the process ended; SIGKILLs it after `guardMs` as a failure guard. */
  stop(signal?: NodeJS.Signals, guardMs?: number): Promise<number | string>;
}

export function spawnNode(entry: string, args: readonly string[], env: Record<string, string | undefined>): ChildUnderTest {
  requireBuilt(entry);
  // An `undefined` value unsets the variable for the child.
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, FORCE_COLOR: '0', ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const child = spawn(process.execPath, [entry, ...args], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    output: () => text,
    exited,
    waitFor(wanted, timeoutMs = 60_000) {
      return new Promise<void>((done, fail) => {
        const deadline = Date.now() + timeoutMs;
        const timer = setInterval(() => {
          if (text.includes(wanted)) {
            clearInterval(timer);
            done();
          } else if (ended || Date.now() > deadline) {
            clearInterval(timer);
            fail(new Error(`${ended ? 'the process exited' : 'timed out'} before printing "${wanted}":\n${text}`));
          }
        }, 50);
      });
    },
    async stop(signal = 'SIGTERM', guardMs = 45_000) {
      if (!ended) child.kill(signal);
      let guard: NodeJS.Timeout | undefined;
      const result = await Promise.race([exited, new Promise<'guard'>((done) => (guard = setTimeout(() => done('guard'), guardMs)))]);
      clearTimeout(guard);
      if (result === 'guard') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`the process did not exit within ${guardMs} ms of ${signal}:\n${text}`);
      }
      return result;
    },
  };
}

/** The API (`node dist/apps/api/main.js`) on a free port; resolves once it printed its banner. */
export async function startApiProcess(env: Record<string, string | undefined>): Promise<ChildUnderTest & { readonly origin: string }> {
  const port = await freePort();
  // Its own rate-limit keys: with REDIS_URL (CI) every API process of the run shares one Redis.
  const api = spawnNode(API_MAIN, [], {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    RATE_LIMIT_KEY_PREFIX: `test-process-${process.pid}-${port}`,
    ...env,
  });
  try {
    await api.waitFor('Roundtable API ready');
  } catch (error) {
    await api.stop('SIGKILL').catch(() => undefined);
    throw error;
  }
  return { ...api, origin: `http://127.0.0.1:${port}` };
}

/** Runs one statement on the test server's `postgres` database. */
export async function adminQuery<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A URL on the test server naming `database` (which may not exist). */
export function databaseUrlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty database of its own for a process under test (not migrated), dropped by `drop()`. */
export async function createThrowawayDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}_${process.env['JEST_WORKER_ID'] ?? '1'}`;
  await adminQuery(`create database "${name}"`);
  return {
    name,
    url: databaseUrlFor(name),
    drop: async () => {
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await adminQuery('select 1 from pg_database where datname = $1', [name])).length > 0;
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

import { closedPort } from './ports';

/** True when a `redis-server` binary is on PATH (Debian: `apt-get install redis-server`). */
export const REDIS_SERVER_INSTALLED = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A `redis-server` of the test's own on a free loopback port: no persistence, stopped by `stop()`. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM) and waits for it to exit; connections to it are refused after. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

/** Starts a `redis-server` of the caller's own; rejects when the binary is missing or it exits early. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await closedPort();
  let child: ChildProcess | null = null;
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) resolve();
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', onData);
      server.once('error', reject);
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
      child = server;
    });
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      await launch();
    },
  };
}

/**
 * Redis for the enclosing `describe`: `REDIS_URL`'s server when set (CI), else a `redis-server` of
 * its own started in `beforeAll` and stopped in `afterAll`. `available` is false only when neither
 * exists; the caller then skips (`available ? it : it.skip`) and this says why, once, with
 * `console.info`. `url()` is usable from `beforeAll` on.
 */
export function useRedis(what: string): { readonly available: boolean; url(): string } {
  const fromEnv = process.env['REDIS_URL'] ?? '';
  const available = fromEnv !== '' || REDIS_SERVER_INSTALLED;
  if (!available) console.info(`${what} skipped: REDIS_URL is unset and no redis-server binary is on PATH (apt-get install redis-server)`);
  let own: RedisServer | null = null;
  if (available && fromEnv === '') {
    beforeAll(async () => {
      own = await startRedisServer();
    });
    afterAll(async () => {
      await own?.stop();
    });
  }
  return {
    available,
    url() {
      if (fromEnv !== '') return fromEnv;
      if (!own) throw new Error('useRedis: url() before its beforeAll started redis-server');
      return own.url;
    },
  };
}

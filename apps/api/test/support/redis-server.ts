import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

import { freePort } from './api-process';

/** A `redis-server` of a test's own, on a free loopback port, that the test may stop and start again. */
export interface RedisServerUnderTest {
  /** `redis://127.0.0.1:<port>`: stays the same across `stop()` and `restart()`. */
  readonly url: string;
  readonly port: number;
  /** True while the server runs (between start and `stop()`). */
  running(): boolean;
  /** Stops the server (SIGKILL: an outage, not a clean shutdown) and resolves once it exited; idempotent. */
  stop(): Promise<void>;
  /** Starts the server again on the same port (stopping it first if it runs); resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops the server for good (afterAll). */
  close(): Promise<void>;
}

const BINARY = 'redis-server';

/**
 * Why a test that needs its own `redis-server` cannot run here, or null when it can: the binary
 * must be on PATH.
 */
export function redisServerUnavailableReason(): string | null {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `\`${BINARY}\` is not on PATH (apt-get install redis-server)`;
  return null;
}

/**
 * `describe` when `redis-server` is available, else `describe.skip` with the reason printed once,
 * so a machine without Redis reports the suite as skipped rather than passing it empty.
 */
export function describeWithRedisServer(name: string, body: () => void): void {
  const reason = redisServerUnavailableReason();
  if (reason) {
    console.warn(`${name}: skipped, ${reason}`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

function launch(port: number): Promise<ChildProcess> {
  // No persistence: each start is an empty server, like a failed-over replica without data.
  const child = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        // Keep draining, so a chatty server never blocks on a full pipe.
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`redis-server on port ${port} exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Starts a `redis-server` on a free port (throws when the binary is missing: guard the suite with
 * {@link describeWithRedisServer}). Never touches any other Redis.
 */
export async function startRedisServer(): Promise<RedisServerUnderTest> {
  const port = await freePort();
  let child: ChildProcess | null = await launch(port);
  const stop = async () => {
    const running = child;
    child = null;
    if (running) await kill(running);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running: () => child !== null,
    stop,
    async restart() {
      await stop();
      child = await launch(port);
    },
    close: stop,
  };
}

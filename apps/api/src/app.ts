import 'reflect-metadata';

import { LiveKitMediaControl, type MediaControl } from '@roundtable/audio';
import pino, { type Logger } from 'pino';

import { type AppConfig } from './config/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { connectDatabase, type Database, migrateDatabase } from './database/orm';
import { createEventBus, type EventBus } from './events/event-bus';
import { MediaOutbox } from './media/media-outbox';
import { seedDemoData, type SeedSummary } from './seed/demo-data';
import { type ApiServer, startApiServer } from './server/create-server';

export interface RunningApi {
  readonly server: ApiServer;
  readonly outbox: MediaOutbox;
  readonly db: Database;
  readonly bus: EventBus;
  readonly databaseUrl: string;
  readonly embedded: boolean;
  readonly seeded: SeedSummary | null;
  stop(): Promise<void>;
}

export function createLogger(config: AppConfig): Logger {
  return pino({ level: config.logLevel, base: { service: 'api' } });
}

/**
 * Starts the API with everything it needs: the database (embedded when DATABASE_URL is unset),
 * pending migrations, demo data on an empty database, pub/sub, and the HTTP/WebSocket server.
 */
export async function runApi(
  config: AppConfig,
  options: { logger?: Logger; audio?: MediaControl } = {},
): Promise<RunningApi> {
  const logger = options.logger ?? createLogger(config);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.error({ err: error }, 'shutdown step failed');
      }
    }
  };
  try {
    let embedded: EmbeddedDatabase | null = null;
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      logger.info({ dir: config.embeddedPgDir }, 'DATABASE_URL is unset: starting an embedded PostgreSQL');
      embedded = await startEmbeddedPostgres(config.embeddedPgDir, (message) => logger.debug({ postgres: message }));
      cleanups.push(() => embedded?.stop() ?? Promise.resolve());
      databaseUrl = embedded.url;
    }
    const db = await connectDatabase(databaseUrl, { debugSql: config.logLevel === 'trace' });
    cleanups.push(() => db.close());
    const applied = await migrateDatabase(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');

    const bus = await createEventBus(config.redisUrl, (error) => logger.error({ err: error }, 'Redis error'));
    cleanups.push(() => bus.close());
    logger.info({ pubsub: bus.kind }, 'pub/sub ready');

    const audio = options.audio ?? new LiveKitMediaControl(config.livekit);
    // The media outbox lives in the same database (schema pgboss), so jobs commit with commands.
    const outbox = await MediaOutbox.start({ connectionString: databaseUrl, ...config.media }, logger);
    cleanups.push(() => outbox.stop());
    const server = await startApiServer({ config, db, bus, audio, outbox, logger });
    cleanups.push(() => server.close());
    await server.services.mediaSync.startWorkers();
    await server.services.roomEvents.start();
    cleanups.push(() => server.services.roomEvents.close());
    // Every instance asks; the outbox runs one reconciliation per request window across them all.
    const reconcile = setInterval(() => {
      outbox.requestReconciliation().catch((error: unknown) => logger.warn({ err: error }, 'could not schedule media reconciliation'));
    }, config.livekit.reconcileMs);
    reconcile.unref();
    cleanups.push(async () => clearInterval(reconcile));

    const seeded = config.seedDemoData ? await seedDemoData(db, server.services, config.auth.jwtSecret, logger) : null;
    return { server, db, bus, outbox, databaseUrl, embedded: embedded !== null, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

import 'reflect-metadata';

import { LiveKitMediaControl, type MediaControl } from '@roundtable/audio';
import pino, { type Logger } from 'pino';

import { type AppConfig } from './config/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { connectDatabase, type Database, migrateDatabase } from './database/orm';
import { createEventBus, type EventBus } from './events/event-bus';
import { MediaOutbox } from './media/media-outbox';
import { apiLoggerOptions } from './observability/logger-options';
import { demoBannerTokens, grantDemoStaffRole, seedDemoData, type SeedSummary } from './seed/demo-data';
import { type ApiServer, startApiServer } from './server/create-server';

export interface RunningApi {
  readonly server: ApiServer;
  readonly outbox: MediaOutbox;
  readonly db: Database;
  readonly bus: EventBus;
  readonly databaseUrl: string;
  readonly embedded: boolean;
  /** What this start seeded into an empty database, if it did. */
  readonly seeded: SeedSummary | null;
  /** Fresh tokens for a few demo profiles, on every development start that finds them; empty in production. */
  readonly demoTokens: readonly { name: string; role: string; token: string }[];
  /** Stops everything in reverse start order; each step is logged as it completes. */
  stop(): Promise<void>;
}

export function createLogger(config: AppConfig): Logger {
  return pino(apiLoggerOptions(config.logLevel));
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
  const cleanups: { step: string; run: () => Promise<void> }[] = [];
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      for (const { step, run } of cleanups.reverse()) {
        try {
          await run();
          logger.info({ step }, 'shutdown step done');
        } catch (error) {
          logger.error({ err: error, step }, 'shutdown step failed');
        }
      }
    })();
    return stopping;
  };
  try {
    let embedded: EmbeddedDatabase | null = null;
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      logger.info({ dir: config.embeddedPgDir }, 'DATABASE_URL is unset: starting an embedded PostgreSQL');
      embedded = await startEmbeddedPostgres(config.embeddedPgDir, (message) => logger.debug({ postgres: message }));
      cleanups.push({ step: 'embedded-postgres', run: () => embedded?.stop() ?? Promise.resolve() });
      databaseUrl = embedded.url;
    }
    // Only the embedded server's database may be created; a DATABASE_URL naming a missing database fails.
    const db = await connectDatabase(databaseUrl, { debugSql: config.logLevel === 'trace', ensureDatabase: embedded !== null });
    cleanups.push({ step: 'database', run: () => db.close() });
    const applied = await migrateDatabase(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');

    // Redis down at start is an outage, not a failed start: the instance starts not ready (/readyz 503).
    const bus = await createEventBus(config.redisUrl, logger);
    cleanups.push({ step: 'pubsub', run: () => bus.close() });
    if (bus.isUp()) logger.info({ pubsub: bus.kind }, 'pub/sub ready');

    const audio = options.audio ?? new LiveKitMediaControl(config.livekit);
    // The media outbox lives in the same database (schema pgboss), so jobs commit with commands.
    const outbox = await MediaOutbox.start({ connectionString: databaseUrl, ...config.media }, logger);
    cleanups.push({ step: 'media outbox', run: () => outbox.stop() });
    const server = await startApiServer({ config, db, bus, audio, outbox, logger });
    // After the server closed (steps run in reverse): reactions accepted until then are stored.
    cleanups.push({ step: 'reaction counts', run: () => server.services.reactionTally.close() });
    cleanups.push({ step: 'server', run: () => server.close() });
    await server.services.mediaSync.startWorkers();
    await server.services.notificationFanout.start();
    cleanups.push({ step: 'notification delivery', run: () => server.services.notificationDelivery.close() });
    cleanups.push({ step: 'moderation notice delivery', run: () => server.services.moderationNoticeDelivery.close() });
    await server.services.roomEvents.start();
    cleanups.push({ step: 'room event streams', run: () => server.services.roomEvents.close() });
    cleanups.push({ step: 'conversation ticks', run: () => server.services.conversation.close() });
    // Host insights: each instance sweeps for due rooms; the queue runs one refresh per room at a time.
    await server.services.insights.start();
    cleanups.push({ step: 'insights sweeps', run: async () => server.services.insights.stopSweeps() });
    // Every instance asks; the outbox runs one reconciliation per request window across them all.
    const reconcile = setInterval(() => {
      outbox.requestReconciliation().catch((error: unknown) => logger.warn({ err: error }, 'could not schedule media reconciliation'));
    }, config.livekit.reconcileMs);
    reconcile.unref();
    cleanups.push({ step: 'media reconciliation timer', run: async () => clearInterval(reconcile) });

    // Production never seeds nor prints tokens (config refuses SEED_DEMO_DATA there; this holds regardless).
    const development = !config.production && config.seedDemoData;
    const seeded = development ? await seedDemoData(db, server.services, logger) : null;
    if (development) await grantDemoStaffRole(db);
    // After the demo grant, so the first request already sees it.
    await server.services.staff.start();
    cleanups.push({ step: 'staff record refresh', run: async () => server.services.staff.stop() });
    const demoTokens = development ? await demoBannerTokens(db, config.auth.jwtSecret, config.auth.maxStaffTokenLifetimeSeconds) : [];
    return { server, db, bus, outbox, databaseUrl, embedded: embedded !== null, seeded, demoTokens, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { type EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

import { QueueWorker } from './queue-worker';

/**
 * The media outbox: jobs that bring the media server (LiveKit) in line with what a committed
 * room command decided. Jobs are written by pg-boss IN the command's transaction (so a rolled
 * back command leaves no job, and a committed one always has its job), and drained by workers on
 * every API instance with retries and exponential backoff. A LiveKit outage never fails a
 * mutation: the jobs wait and converge once it is back.
 */

/** Queue of level-triggered syncs: one participant, or a whole room when `profileId` is null. */
export const MEDIA_SYNC_QUEUE = 'media-sync';
/** Queue of periodic reconciliations of every LIVE room against the media server. */
export const MEDIA_RECONCILE_QUEUE = 'media-reconcile';
/**
 * Where pg-boss moves a sync job that failed its last retry (its `deadLetter` queue): the API logs
 * each at error level and counts it; reconciliation repairs what it left undone.
 */
export const MEDIA_SYNC_DEAD_LETTER_QUEUE = 'media-sync-dead-letter';

/**
 * One media sync job: make the media server match the database for one participant or room.
 * It names WHAT to sync, never the decision: the worker reads the participant's current state and
 * revocation (`media_revocations`) when it runs. So a job that `stately` drops because another
 * for the same participant is already queued loses nothing: the queued one has not read the
 * database yet and will see every change committed before it runs.
 */
export interface MediaSyncJob {
  readonly roomId: string;
  /** Null: the whole room (its end). */
  readonly profileId: string | null;
}

export interface MediaOutboxSettings {
  readonly connectionString: string;
  /** Attempts after the first failure, with exponential backoff from `retryDelaySeconds`. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** How often idle workers look for jobs (pg-boss polls; at least 0.5 s). */
  readonly pollingIntervalSeconds: number;
}

/** A sync job pg-boss gave up on: its data, how many retries it had, and its last failure. */
export interface DeadLetteredMediaJob {
  readonly data: MediaSyncJob;
  readonly retryLimit: number;
  /** The message of the last failure, as pg-boss stored it; `null` when none was stored. */
  readonly lastError: string | null;
}

/** pg-boss's `db` adapter over a MikroORM transaction: pg-boss's `$n` SQL through knex's `?`. */
function inTransaction(tx: EntityManager) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const bindings: unknown[] = [];
      const sql = text.replace(/\$(\d+)/g, (_match, index: string) => {
        const value = values[Number(index) - 1] ?? null;
        // knex would spread a JS array into a list of bindings; pg-boss means a PostgreSQL array
        // (`deleteJob`'s `$2::uuid[]`), so it goes as an array literal of its (uuid) strings.
        bindings.push(Array.isArray(value) ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}` : value);
        return '?';
      });
      const rows = await tx.execute<unknown[]>(sql, bindings);
      return { rows };
    },
  };
}

/** Longest {@link MediaOutbox.stop} waits, in ms, for the job a worker has in hand. */
const STOP_WAIT_MS = 10_000;

/** pg-boss, started once per API instance, with the queues Roundtable uses. */
export class MediaOutbox {
  /** This instance's queue workers, by id (see {@link work} and {@link wake}). */
  private readonly workers = new Map<string, QueueWorker<object>>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly settings: MediaOutboxSettings,
    private readonly markStopped: () => void,
    private readonly logger: Logger,
  ) {}

  static async start(settings: MediaOutboxSettings, logger: Logger): Promise<MediaOutbox> {
    const boss = new PgBoss({
      connectionString: settings.connectionString,
      schema: 'pgboss',
      max: 3,
      application_name: 'roundtable-media-outbox',
      // Its own supervision (maintenance, monitoring) at a relaxed pace; jobs are what matter.
      monitorStateIntervalSeconds: 60,
    });
    let stopped = false;
    // pg-boss reports connection trouble here; it keeps retrying on its own. Once stopped, what it
    // reports (the database closing its last connections on shutdown) is expected: debug only.
    boss.on('error', (error: Error) => {
      if (stopped) logger.debug({ err: error }, 'media outbox (pg-boss) error after stop');
      else logger.warn({ err: error }, 'media outbox (pg-boss) error');
    });
    await boss.start();
    // The dead-letter queue first: the sync queue's `deadLetter` must name an existing queue.
    await ensureQueue(boss, { name: MEDIA_SYNC_DEAD_LETTER_QUEUE, policy: 'standard', retryLimit: 0 });
    // `stately`: at most one job per key queued, one retrying and one running, so two syncs of the
    // same participant never run at once (on any instance) and never call LiveKit twice. A job
    // sent while one is queued for the same key is dropped, which is harmless only because jobs
    // carry no decision (see MediaSyncJob): the queued one reads the database when it runs.
    await ensureQueue(boss, {
      name: MEDIA_SYNC_QUEUE,
      policy: 'stately',
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: MEDIA_SYNC_DEAD_LETTER_QUEUE,
    });
    await ensureQueue(boss, { name: MEDIA_RECONCILE_QUEUE, policy: 'stately', retryLimit: 0 });
    return new MediaOutbox(
      boss,
      settings,
      () => {
        stopped = true;
      },
      logger,
    );
  }

  /** Writes sync jobs inside `tx`; they exist exactly when `tx` commits. */
  async enqueueInTransaction(tx: EntityManager, jobs: readonly MediaSyncJob[]): Promise<void> {
    const db = inTransaction(tx);
    for (const job of jobs) {
      await this.boss.send(MEDIA_SYNC_QUEUE, { roomId: job.roomId, profileId: job.profileId }, { db, singletonKey: syncKey(job) });
    }
  }

  /**
   * Creates (or updates) a queue of another feature that shares this pg-boss instance (the
   * notification fan-out and the room reminders, issue 18).
   */
  async ensureQueue(options: PgBoss.Queue): Promise<void> {
    await ensureQueue(this.boss, options);
  }

  /**
   * Writes one job of any queue inside `tx` (it exists exactly when `tx` commits); `startAfter`
   * delays it. Returns the job's id (null when a singleton policy dropped it).
   */
  async sendInTransaction(tx: EntityManager, queue: string, data: object, options: { id?: string; startAfter?: Date; singletonKey?: string } = {}): Promise<string | null> {
    return this.boss.send(queue, data, { ...options, db: inTransaction(tx) });
  }

  /** Deletes a job that has not run yet, inside `tx` (a rescheduled or cancelled reminder). */
  async deleteJobInTransaction(tx: EntityManager, queue: string, id: string): Promise<void> {
    await this.boss.deleteJob(queue, id, { db: inTransaction(tx) });
  }

  /** Asks for one reconciliation run; concurrent asks (from every instance) collapse into one job. */
  async requestReconciliation(): Promise<void> {
    await this.boss.send(MEDIA_RECONCILE_QUEUE, {}, { singletonKey: 'all-live-rooms' });
  }

  /**
   * Creates (or updates) a `stately` queue of another feature on this pg-boss (the API runs one):
   * at most one job per singleton key queued and one running, across every instance.
   */
  async ensureStatelyQueue(name: string): Promise<void> {
    await ensureQueue(this.boss, { name, policy: 'stately', retryLimit: 2, retryDelay: 5, retryBackoff: true });
  }

  /** Sends a job to a queue made by {@link ensureStatelyQueue}; a second one for a queued key is dropped. */
  async send(queue: string, data: object, singletonKey: string): Promise<void> {
    await this.boss.send(queue, data, { singletonKey });
  }

  /**
   * Starts draining `queue` on this instance; a thrown error makes pg-boss retry the job later.
   * Returns the worker's id (for {@link wake}).
   */
  async work<T extends object>(queue: string, handle: (data: T) => Promise<void>): Promise<string> {
    return this.startWorker<T>(queue, (job) => handle(job.data));
  }

  private startWorker<T extends object>(queue: string, handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>): string {
    const id = `${queue}#${this.workers.size + 1}`;
    const worker = new QueueWorker<T>(this.boss, queue, this.settings.pollingIntervalSeconds * 1000, handle, this.logger);
    this.workers.set(id, worker as unknown as QueueWorker<object>);
    return id;
  }

  /** Wakes a worker of this instance now instead of at its next poll (a job was just committed). */
  wake(workerId: string): void {
    this.workers.get(workerId)?.wake();
  }

  /** Starts draining the dead-letter queue on this instance; `handle` must not throw. */
  async workDeadLetters(handle: (job: DeadLetteredMediaJob) => Promise<void>): Promise<void> {
    this.startWorker<MediaSyncJob>(MEDIA_SYNC_DEAD_LETTER_QUEUE, async (job) => {
      const output = job.output as { message?: unknown } | null | undefined;
      await handle({ data: job.data, retryLimit: job.retryLimit, lastError: typeof output?.message === 'string' ? output.message : null });
    });
  }

  /** Jobs not yet finished (created, retrying or active), for tests and `/metrics`. */
  async pendingCount(queue: string = MEDIA_SYNC_QUEUE): Promise<number> {
    return this.boss.getQueueSize(queue, { before: 'completed' });
  }

  /**
   * Stops this instance's queue workers (each finishes the job in hand, waiting at most
   * {@link STOP_WAIT_MS}), then pg-boss. Once it resolves no worker polls any more (see QueueWorker).
   */
  async stop(): Promise<void> {
    this.markStopped();
    await Promise.all([...this.workers.values()].map((worker) => worker.stop(STOP_WAIT_MS)));
    this.workers.clear();
    await this.boss.stop({ graceful: true, timeout: 2000, wait: true });
  }
}

/**
 * Creates the queue, or brings an existing one to `options`: pg-boss's `createQueue` leaves an
 * existing queue as it was first created, so without `updateQueue` a changed MEDIA_RETRY_LIMIT or
 * MEDIA_RETRY_DELAY_SECONDS would never take effect (issue 14). Jobs take the queue's settings
 * when they are sent.
 */
async function ensureQueue(boss: PgBoss, options: PgBoss.Queue): Promise<void> {
  await boss.createQueue(options.name, options);
  await boss.updateQueue(options.name, options);
}

function syncKey(job: MediaSyncJob): string {
  return `${job.roomId}:${job.profileId ?? '*'}`;
}

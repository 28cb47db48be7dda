import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';

/**
 * One queue's worker on this instance: pg-boss's `fetch`, the handler, then `complete` or `fail`
 * (which retries the job, or dead-letters it, as its queue says), one job at a time, in a loop
 * of our own instead of `boss.work()`.
 *
 * Why not `boss.work()`: its `offWork` (run by `boss.stop()`) keeps polling, once a second, for
 * workers still inside a fetch or a handler, after `stop()` has resolved. Nothing can wait for
 * that, so a process (or a Jest suite) that stopped the API could still have pg-boss timers
 * running; here {@link stop} resolves only once this loop has ended. Unlike `boss.work()`, a
 * handler is not cut off at its job's `expireInSeconds` (15 min by default): pg-boss's maintenance
 * still expires such a job, which is then retried, and the handlers here are short.
 */
export class QueueWorker<T extends object> {
  private stopping = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private readonly loop: Promise<void>;

  /**
   * Starts polling `queue` every `pollingIntervalMs` while it is empty (at once again after a job).
   * `handle` throwing fails the job (pg-boss stores `{ name, message, stack }` as its output).
   */
  constructor(
    private readonly boss: PgBoss,
    readonly queue: string,
    private readonly pollingIntervalMs: number,
    private readonly handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.loop = this.run();
  }

  /** Polls now instead of at the next interval (a job was just committed). */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    if (wakeUp) wakeUp();
    else this.woken = true;
  }

  /**
   * Stops polling; resolves once the job in hand (if any) has completed or failed, or after
   * `waitMs`, whichever comes first (a handler still running then is logged and left to finish).
   */
  async stop(waitMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      this.loop.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!ended) this.logger.warn({ queue: this.queue, waitMs }, 'a job handler was still running when its queue worker stopped');
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      // pg-boss's fetch answers [] when its query fails (it logs nothing); the next poll retries.
      const [job] = await this.boss.fetch<T>(this.queue, { batchSize: 1, includeMetadata: true }).catch((error: unknown) => {
        this.logger.warn({ err: error, queue: this.queue }, 'could not fetch a job; the next poll retries');
        return [];
      });
      if (job) {
        await this.process(job);
        continue;
      }
      await this.sleep();
    }
  }

  private async process(job: PgBoss.JobWithMetadata<T>): Promise<void> {
    let failure: unknown = null;
    try {
      await this.handle(job);
    } catch (error) {
      failure = error;
    }
    try {
      if (failure === null) await this.boss.complete(this.queue, job.id);
      else await this.boss.fail(this.queue, job.id, failureOutput(failure));
    } catch (error) {
      // The job stays active and pg-boss's maintenance expires it, which retries it.
      this.logger.warn({ err: error, queue: this.queue, jobId: job.id }, 'could not record a job outcome; it is retried when it expires');
    }
  }

  private sleep(): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, this.pollingIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** What a failed job keeps as its output: the error's name, message and stack, as `boss.work()` stores them. */
function failureOutput(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

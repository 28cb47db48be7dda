// Kind: a job worker outliving its outbox. pg-boss's boss.work() loops kept polling after
// boss.stop() resolved, while a fetch or a handler was still in hand, and one crashed a whole Jest
// run after its suite had ended. Each queue's worker is now our own loop (QueueWorker), and
// MediaOutbox.stop() resolves only once every loop has ended. Real PostgreSQL; nothing here
// measures time: the test holds a handler open and releases it.
import { randomUUID } from 'node:crypto';

import pino from 'pino';
import { Client } from 'pg';

import { MediaOutbox } from '../src/media/media-outbox';
import { pollUntil } from './support/poll';
import { workerDatabaseUrl } from './support/test-database';

const QUEUE = 'test-job-workers-end';
// Singleton keys of this run: a database kept between runs still holds the last run's jobs.
const ONE = `one-${randomUUID()}`;
const TWO = `two-${randomUUID()}`;

/** The jobs of QUEUE with `singletonKey`: their state and output. */
async function jobsByKey(url: string, singletonKey: string): Promise<{ state: string; output: { message?: string } | null }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = 'select state, output from pgboss.job where name = $1 and singleton_key = $2';
    return (await client.query<{ state: string; output: { message?: string } | null }>(sql, [QUEUE, singletonKey])).rows;
  } finally {
    await client.end();
  }
}

/**
 * Active timers of this process (pg-boss's polling, our workers' sleeps). Read until it settles:
 * a closing connection may hold a timer for a moment, a polling loop re-arms one for ever.
 */
const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('job workers end with the outbox', () => {
  let url: string;
  beforeAll(async () => {
    url = await workerDatabaseUrl();
  });

  async function startOutbox(): Promise<MediaOutbox> {
    const outbox = await MediaOutbox.start({ connectionString: url, retryLimit: 2, retryDelaySeconds: 60, pollingIntervalSeconds: 0.5 }, pino({ level: 'silent' }));
    await outbox.ensureStatelyQueue(QUEUE);
    return outbox;
  }

  it('stop() waits for the job in hand, which completes, and leaves no polling behind', async () => {
    const timersBefore = timers();
    const outbox = await startOutbox();
    let entered = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: string[] = [];
    const worker = await outbox.work<{ n: number }>(QUEUE, async ({ n }) => {
      entered = true;
      await gate;
      handled.push(`job ${n}`);
    });
    await outbox.send(QUEUE, { n: 1 }, ONE);
    outbox.wake(worker);
    expect(await pollUntil(() => entered, Boolean)).toBe(true);

    let stopped = false;
    const stopping = outbox.stop().then(() => {
      stopped = true;
    });
    // With the handler still holding its job, stop() does not resolve, not even after pg-boss's own
    // 2 s grace, after which boss.work()'s stop() resolved with the handler still running.
    expect(await pollUntil(() => stopped, Boolean, { attempts: 120, intervalMs: 25 })).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual(['job 1']);
    expect(await pollUntil(timers, (n) => n <= timersBefore)).toBeLessThanOrEqual(timersBefore);
    expect((await jobsByKey(url, ONE)).map((job) => job.state)).toEqual(['completed']);
  });

  it('a handler that throws fails its job with the error message kept, and stop() still ends every loop', async () => {
    const timersBefore = timers();
    const outbox = await startOutbox();
    let attempts = 0;
    const worker = await outbox.work<{ n: number }>(QUEUE, async () => {
      attempts += 1;
      throw new Error('LiveKit answered 503');
    });
    await outbox.send(QUEUE, { n: 2 }, TWO);
    outbox.wake(worker);
    expect(await pollUntil(() => attempts, (n) => n >= 1)).toBe(1);
    await outbox.stop();
    // Retried later (retryDelaySeconds 60), with the failure recorded.
    expect((await jobsByKey(url, TWO)).map((job) => [job.state, job.output?.message])).toEqual([['retry', 'LiveKit answered 503']]);
    expect(await pollUntil(timers, (n) => n <= timersBefore)).toBeLessThanOrEqual(timersBefore);
  });
});

import { Client } from 'pg';

import { workerDatabaseUrl } from './test-database';

/**
 * Statements of this database's backends that wait for a lock: a transaction opening, pg-boss's
 * own housekeeping and `observer`'s own never count, so a background job waiting on its queue's
 * locks cannot pass for the statement under test.
 */
export async function lockWaiters(observer: Client): Promise<string[]> {
  const { rows } = await observer.query<{ query: string }>(
    `select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.query).filter((query) => !/^\s*begin/i.test(query) && !/pgboss\./i.test(query));
}

/**
 * Polls a bounded number of times (a count, not a clock) until `n` backends wait for a lock, or
 * `done()`. @throws when that never happens.
 */
export async function untilLockWaiters(observer: Client, n: number, done: () => boolean = () => false): Promise<void> {
  for (let attempt = 0; attempt < 5000; attempt += 1) {
    if (done() || (await lockWaiters(observer)).length >= n) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${n} backend(s) never came to wait for a lock`);
}

/**
 * Two connections to this worker's database for the enclosing `describe`, opened in `beforeAll`
 * and closed in `afterAll`: `holder` holds locks from outside the API (a transaction the test
 * opens and commits), `observer` watches which backends wait ({@link untilLockWaiters}).
 */
export function useLockClients(): { readonly holder: Client; readonly observer: Client } {
  const clients: { holder?: Client; observer?: Client } = {};
  beforeAll(async () => {
    const url = await workerDatabaseUrl();
    clients.holder = new Client({ connectionString: url });
    clients.observer = new Client({ connectionString: url });
    await Promise.all([clients.holder.connect(), clients.observer.connect()]);
  });
  afterAll(async () => {
    await Promise.all([clients.holder?.end(), clients.observer?.end()]);
  });
  const opened = (client: Client | undefined): Client => {
    if (!client) throw new Error('useLockClients: the connections open in beforeAll');
    return client;
  };
  return {
    get holder() {
      return opened(clients.holder);
    },
    get observer() {
      return opened(clients.observer);
    },
  };
}

import type { Client } from 'pg';

/** Statements of this database's backends that wait for a lock (a transaction opening is left out; `observer`'s own never counts). */
export async function lockWaiters(observer: Client): Promise<string[]> {
  const { rows } = await observer.query<{ query: string }>(
    `select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.query).filter((query) => !/^\s*begin/i.test(query));
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

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Pool } from 'pg';

/** What the baseline measured: rows absorbed per second and each row's latency. */
export interface InsertBaselineResult {
  readonly rows: number;
  /** From the first row's scheduled time to the last row's commit, in seconds. */
  readonly seconds: number;
  /** Per row: from its scheduled time to the commit of the INSERT that wrote it, in ms. */
  readonly latenciesMs: number[];
  readonly statements: number;
}

/**
 * The join storm's same-run baseline (issue 14 §3): the participant rows the storm's joins write
 * (one LISTENER row per joiner, into a room of its own), offered at the same open-loop rate, and
 * written by plain multi-row `INSERT`s over a pool as large as the API's (`poolMax`, the API's
 * default 10): each INSERT takes every row that arrived while the earlier ones were in flight,
 * at most `poolMax` INSERTs at once. No rules, no events, no counters, no HTTP: what the database
 * itself absorbs of the same rows and the same arrival pattern.
 */
export async function participantInsertBaseline(options: {
  readonly databaseUrl: string;
  readonly roomId: string;
  readonly profileIds: readonly string[];
  readonly rowsPerSecond: number;
  readonly poolMax: number;
}): Promise<InsertBaselineResult> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolMax });
  const queued: { profileId: string; dueAt: number }[] = [];
  const latenciesMs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let statements = 0;
  let failure: unknown = null;
  const insert = async (rows: readonly { profileId: string; dueAt: number }[]): Promise<void> => {
    const values: unknown[] = [];
    const tuples = rows.map((row, i) => {
      values.push(randomUUID(), options.roomId, row.profileId, new Date());
      return `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, 'LISTENER', $${4 * i + 4}, false, false)`;
    });
    statements += 1;
    await pool.query(`insert into participants (id, room_id, profile_id, role, joined_at, muted, connected) values ${tuples.join(', ')}`, values);
    const now = performance.now();
    for (const row of rows) latenciesMs.push(now - row.dueAt);
  };
  const pump = () => {
    while (queued.length > 0 && inFlight.size < options.poolMax && failure === null) {
      // 1,000 rows × 4 parameters stay far below PostgreSQL's 65,535 parameters per statement.
      const running: Promise<void> = insert(queued.splice(0, 1000))
        .catch((error: unknown) => {
          failure = error;
        })
        .finally(() => {
          inFlight.delete(running);
          pump();
        });
      inFlight.add(running);
    }
  };
  try {
    const started = performance.now();
    for (const [i, profileId] of options.profileIds.entries()) {
      const dueAt = started + (i * 1000) / options.rowsPerSecond;
      const wait = dueAt - performance.now();
      if (wait > 1) await sleep(wait);
      queued.push({ profileId, dueAt });
      pump();
    }
    while (inFlight.size > 0 || (queued.length > 0 && failure === null)) await Promise.race(inFlight);
    if (failure !== null) throw failure;
    return { rows: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, statements };
  } finally {
    await pool.end();
  }
}

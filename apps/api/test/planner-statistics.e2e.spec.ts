// Kind: a per-viewer lookup planned onto an index that does not hold the viewer (issue 14 §3).
// Without statistics of a room's participants (a table never analysed, or analysed while empty),
// PostgreSQL costed one viewer's participation the same on the room's role index as on the unique
// index, and took the role index: a batch of joins scanned the whole room once per viewer, the
// join storm's largest cost in PostgreSQL. The role index now serves only lookups that name a
// role (migration-20261212-participants-role-index.ts). Work is counted in index entries read,
// never in time.
import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import type { AuthenticatedViewer } from '../src/auth/authenticator';
import { connectDatabase, type Database, migrateDatabase } from '../src/database/orm';
import { RoomAccessPolicy } from '../src/rooms/access/room-access.policy';
import { adminUrl } from './support/test-database';

describe('a per-viewer participation lookup reads the index that holds the viewer, whatever the statistics', () => {
  const name = `rt_planner_${process.env['RT_TEST_RUN_ID'] ?? 'local'}_${process.env['JEST_WORKER_ID'] ?? '1'}`;
  let admin: Client;
  let db: Database;
  let sql: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    db = await connectDatabase(url.toString());
    await migrateDatabase(db);
    sql = new Client({ connectionString: url.toString() });
    await sql.connect();
    // The tests need a table PostgreSQL has never analysed: autovacuum must not analyse it between them.
    await sql.query('alter table participants set (autovacuum_enabled = off)');
  });
  afterAll(async () => {
    await sql?.end();
    await db?.close();
    await admin?.query(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  /** Tables of the schema PostgreSQL has never analysed. */
  async function withoutStatistics(): Promise<string[]> {
    const { rows } = await sql.query<{ relname: string }>(
      `select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p') and reltuples < 0 order by relname`,
    );
    return rows.map((row) => row.relname);
  }

  /** A LIVE room with `listeners` listeners and `joiners` more profiles not in it, written after the migration (no new statistics). */
  async function busyRoom(listeners: number, joiners: number): Promise<{ roomId: string; joinerIds: string[] }> {
    const tag = randomUUID().slice(0, 8);
    const roomId = randomUUID();
    await sql.query(`insert into profiles (id, display_name, created_at, updated_at) values ($1, 'Host', now(), now())`, [`host-${tag}`]);
    await sql.query(
      `insert into rooms (id, title, status, visibility, host_id, max_speakers, started_at) values ($1, 'All hands', 'LIVE', 'PUBLIC', $2, 10, now())`,
      [roomId, `host-${tag}`],
    );
    await sql.query(
      `insert into profiles (id, display_name, created_at, updated_at) select $1 || g, 'P ' || g, now(), now() from generate_series(1, $2::int) g`,
      [`p-${tag}-`, listeners + joiners],
    );
    await sql.query(
      `insert into participants (id, room_id, profile_id, role, joined_at) select gen_random_uuid(), $1, $2 || g, 'LISTENER', now() from generate_series(1, $3::int) g`,
      [roomId, `p-${tag}-`, listeners],
    );
    return { roomId, joinerIds: Array.from({ length: joiners }, (_, index) => `p-${tag}-${listeners + index + 1}`) };
  }

  /**
   * The index work of the access policy's relation read for `viewerIds`, inside a transaction as a
   * batch of joins runs it: by index of `participants`, the scans and the index entries read, from
   * the transaction's own statistics (`pg_stat_get_xact_numscans`, `pg_stat_get_xact_tuples_returned`).
   */
  async function participantIndexWork(roomId: string, viewerIds: readonly string[]): Promise<Record<string, { scans: number; read: number }>> {
    const viewers: AuthenticatedViewer[] = viewerIds.map((profileId) => ({ profileId, name: null, isStaff: false }));
    const counters = `select c.relname as name, pg_stat_get_xact_numscans(c.oid) as scans, pg_stat_get_xact_tuples_returned(c.oid) as read
        from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'participants'::regclass`;
    return db.orm.em.fork().transactional(async (tx) => {
      // The counters may hold this connection's earlier transactions not flushed yet: a difference.
      const before = new Map((await tx.execute<{ name: string; scans: string; read: string }[]>(counters)).map((row) => [row.name, row]));
      const relations = await new RoomAccessPolicy().relationsOf(tx, roomId, viewers, { withViewerName: true, withMediaRevocation: true });
      expect(relations.size).toBe(viewerIds.length);
      const work: Record<string, { scans: number; read: number }> = {};
      for (const row of await tx.execute<{ name: string; scans: string; read: string }[]>(counters)) {
        const scans = Number(row.scans) - Number(before.get(row.name)?.scans ?? 0);
        const read = Number(row.read) - Number(before.get(row.name)?.read ?? 0);
        if (scans > 0) work[row.name] = { scans, read };
      }
      return work;
    });
  }

  /** One scan per viewer, on indexes led by the room and the profile or by the profile, reading `found` entries in all. */
  function expectPerViewerProbes(work: Record<string, { scans: number; read: number }>, viewers: number, found: number): void {
    expect(Object.keys(work).every((index) => index === 'participants_active_uq' || index === 'participants_profile_idx')).toBe(true);
    const total = Object.values(work).reduce((sum, { scans, read }) => ({ scans: sum.scans + scans, read: sum.read + read }), { scans: 0, read: 0 });
    expect({ indexes: Object.keys(work), ...total }).toEqual({ indexes: Object.keys(work), scans: viewers, read: found });
  }

  it('given case: a fresh database, never analysed: 500 joiners of a room of 4,000 are each found by one probe of an index that holds them', async () => {
    expect(await withoutStatistics()).toContain('participants');
    const { roomId, joinerIds } = await busyRoom(4_000, 500);

    // One probe per viewer of an index that holds them, finding nothing (they have not joined):
    // the role index, which holds no profile id, read the room's 4,000 entries for each (2,000,000).
    expectPerViewerProbes(await participantIndexWork(roomId, joinerIds), joinerIds.length, 0);
  });

  it('variant: a second room, and viewers half of whom are in it', async () => {
    expect(await withoutStatistics()).toContain('participants');
    const { roomId, joinerIds } = await busyRoom(3_000, 100);
    const { rows } = await sql.query<{ profile_id: string }>(`select profile_id from participants where room_id = $1 order by joined_at, id limit 100`, [roomId]);
    const viewers = [...joinerIds, ...rows.map((row) => row.profile_id)];

    // Each viewer in the room is one entry read; the role index read 305,050 here before.
    expectPerViewerProbes(await participantIndexWork(roomId, viewers), viewers.length, 100);
  });
});

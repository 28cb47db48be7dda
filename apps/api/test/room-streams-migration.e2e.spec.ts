// The room_streams migration (issue 9) moves each room's version and counters out of `rooms`
// without losing them, and its down migration puts them back. Runs on a database of its own,
// migrated step by step (the worker's shared database is already at the newest schema).
import { Client } from 'pg';

import { connectDatabase, type Database } from '../src/database/orm';

const BEFORE = 'Migration20261201PeopleSearch';
const ROOM = '00000000-0000-4000-8000-000000000009';

describe('Migration20261201RoomStreams', () => {
  const name = `rt_test_${process.env['RT_TEST_RUN_ID'] ?? 'local'}_streams_${process.env['JEST_WORKER_ID'] ?? '1'}`;
  let admin: Client;
  let db: Database;

  beforeAll(async () => {
    const adminUrl = process.env['RT_TEST_PG_URL'];
    if (!adminUrl) throw new Error('RT_TEST_PG_URL is unset: run the API tests through jest');
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await connectDatabase(url.toString());
  });
  afterAll(async () => {
    await db.close();
    await admin.query(`drop database if exists "${name}"`);
    await admin.end();
  });

  const run = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

  it('moves version, listener_count and participant_count to room_streams, and back on down', async () => {
    const migrator = db.orm.getMigrator();
    await migrator.up({ to: BEFORE });
    await run(`insert into profiles (id, display_name) values ('mig-host', 'Host')`);
    await run(
      `insert into rooms (id, title, topics, status, visibility, host_id, max_speakers, version, listener_count, participant_count, created_at)
       values (?, 'Old room', '{}', 'LIVE', 'PUBLIC', 'mig-host', 5, 42, 7, 9, now())`,
      [ROOM],
    );

    expect((await migrator.up({ to: 'Migration20261201RoomStreams' })).map((migration) => migration.name)).toEqual(['Migration20261201RoomStreams']);
    expect(await run(`select room_id, version, listener_count, participant_count from room_streams`)).toEqual([
      { room_id: ROOM, version: 42, listener_count: 7, participant_count: 9 },
    ]);
    const roomColumns = await run<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'rooms'`);
    expect(roomColumns.map((column) => column.column_name).filter((column) => /count|version/.test(column))).toEqual([]);
    // A room's stream row goes with the room.
    await run(`delete from rooms where id = ?`, [ROOM]);
    expect(await run(`select room_id from room_streams`)).toEqual([]);
    await run(
      `insert into rooms (id, title, topics, status, visibility, host_id, max_speakers, created_at) values (?, 'Old room', '{}', 'LIVE', 'PUBLIC', 'mig-host', 5, now())`,
      [ROOM],
    );
    await run(`insert into room_streams (room_id, version, listener_count, participant_count) values (?, 43, 6, 8)`, [ROOM]);

    await migrator.down();
    expect(await run(`select version, listener_count, participant_count from rooms where id = ?`, [ROOM])).toEqual([
      { version: 43, listener_count: 6, participant_count: 8 },
    ]);
    expect(await run(`select to_regclass('room_streams') as t`)).toEqual([{ t: null }]);
  });
});

// Lean rows (issue 9) must read exactly what the ORM hydrates: every property of every entity the
// request scope reads lean, with nulls, arrays, integers and timestamps (microseconds included).
import { leanQuery, leanRows, LEAN_ENTITY, preparedStatementName } from '../src/database/lean-rows';
import { connectDatabase, type Database } from '../src/database/orm';
import { ProfileEntity } from '../src/profiles/profile.entity';
import { ParticipantEntity, RoomEntity } from '../src/rooms/room.entity';
import { openTestDatabase, workerDatabaseUrl } from './support/test-database';

describe('lean rows read what the ORM hydrates', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    // Only the tables read here (no API runs in this file, so pg-boss has no schema to clear).
    await db.orm.em.fork().getConnection().execute('truncate table participants, rooms, profiles cascade');
  });

  /** Every entity property, lean and hydrated, side by side. */
  async function compare<T extends object>(entity: new () => T, table: string, id: string): Promise<Record<string, unknown>> {
    const em = db.orm.em.fork();
    const mapper = leanRows(em, entity);
    const [row] = await em.execute(`select ${mapper.columns('t', 'x__')} from ${table} t where t.id = ?`, [id]);
    const lean = mapper.map(row as Record<string, unknown>, 'x__') as Record<string | symbol, unknown>;
    const hydrated = (await em.findOneOrFail(entity as new () => { id: string }, { id })) as unknown as Record<string, unknown>;
    const properties = db.orm.getMetadata().get(entity.name).props.map((prop) => prop.name);
    expect(properties.length).toBeGreaterThan(5);
    for (const property of properties) expect({ property, value: lean[property] }).toEqual({ property, value: hydrated[property] });
    expect(Object.keys(lean).sort()).toEqual([...properties].sort());
    expect(lean[LEAN_ENTITY]).toBe(entity.name);
    return lean;
  }

  it('a profile with arrays, nulls and counters; a room with nulls, dates and counters', async () => {
    const connection = db.orm.em.fork().getConnection();
    await connection.execute(
      `insert into profiles (id, display_name, headline, company, skills, interests, follower_count, following_count, created_at, updated_at)
       values ('lean-a', 'Lean A', 'Staff Engineer', null, '{"go","sql, quoted \\"x\\""}', '{}', 3, 0,
               '2026-11-30 08:59:21.087348+00', '1999-12-31 23:59:59.999999+00')`,
    );
    const profile = await compare(ProfileEntity, 'profiles', 'lean-a');
    expect(profile['skills']).toEqual(['go', 'sql, quoted "x"']);
    expect((profile['createdAt'] as Date).toISOString()).toBe('2026-11-30T08:59:21.087Z');
    expect((profile['updatedAt'] as Date).toISOString()).toBe('1999-12-31T23:59:59.999Z');

    await connection.execute(
      `insert into rooms (id, title, description, topics, status, visibility, group_id, host_id, max_speakers, scheduled_for, started_at, ended_at, created_at)
       values ('6f1c1f5e-8a3b-4c55-9d1e-0b7d1c2a3e4f', 'Lean room', null, '{ai}', 'LIVE', 'PUBLIC', null, 'lean-a', 5, null,
               '1969-07-20 20:17:40.123456+00', null, now())`,
    );
    const room = await compare(RoomEntity, 'rooms', '6f1c1f5e-8a3b-4c55-9d1e-0b7d1c2a3e4f');
    // Before 1970 too, milliseconds are rounded down, as the ORM's own parser does.
    expect((room['startedAt'] as Date).toISOString()).toBe('1969-07-20T20:17:40.123Z');

    await connection.execute(
      `insert into participants (id, room_id, profile_id, role, joined_at, stage_since, hand_raised_at, hand_raise_question, invited_to_stage_at, muted, connected, left_at)
       values ('0e2b7c4a-1f3d-4e5b-8a6c-7d8e9f0a1b2c', '6f1c1f5e-8a3b-4c55-9d1e-0b7d1c2a3e4f', 'lean-a', 'HOST', now(), now(), null, 'Why?', null, true, false, null)`,
    );
    await compare(ParticipantEntity, 'participants', '0e2b7c4a-1f3d-4e5b-8a6c-7d8e9f0a1b2c');
  });

  it('the missing side of a left join maps to null', async () => {
    const em = db.orm.em.fork();
    const mapper = leanRows(em, ProfileEntity);
    const [row] = await em.execute(`select ${mapper.columns('p', 'x__')} from (select 1) one left join profiles p on false`);
    expect(mapper.map(row as Record<string, unknown>, 'x__')).toBeNull();
  });
});

// The access policy's relation read runs once per join; unprepared, PostgreSQL parsed and planned
// it on every call, the largest share of its time in a join storm (docs/benchmarks.md).
describe('leanQuery({ prepare: true }): parsed once per connection, the same rows', () => {
  let db: Database;

  beforeAll(async () => {
    // One pooled connection, so every call below runs on the session whose statements are listed.
    db = await connectDatabase(await workerDatabaseUrl(), { poolMax: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  const SQL = 'select ?::int + 1 as next, ?::text as label';
  const preparedHere = async () =>
    (await leanQuery(db.orm.em.fork(), 'select name, statement from pg_prepared_statements where name like ?', ['lean\\_%'])).map((row) => row['name']);

  it('the first call prepares it under a name derived from its text; later calls reuse it and answer the same', async () => {
    expect(await preparedHere()).toEqual([]);
    const statements: string[] = [];
    const stop = db.onQuery((query) => statements.push(query));
    const first = await leanQuery(db.orm.em.fork(), SQL, [41, 'a'], { prepare: true });
    const second = await leanQuery(db.orm.em.fork(), SQL, [1, 'b'], { prepare: true });
    stop();
    expect([first, second]).toEqual([[{ next: 42, label: 'a' }], [{ next: 2, label: 'b' }]]);
    // Still reported like any statement, once per call.
    expect(statements.filter((query) => query === SQL)).toHaveLength(2);
    expect(await preparedHere()).toEqual([preparedStatementName('select $1::int + 1 as next, $2::text as label')]);
    // Unprepared, the same text leaves no named statement.
    await leanQuery(db.orm.em.fork(), 'select ?::int as plain', [7]);
    expect(await preparedHere()).toHaveLength(1);
  });

  it('two texts never share a name; inside a transaction the statement runs through the EntityManager, unprepared', async () => {
    expect(preparedStatementName('select 1')).not.toBe(preparedStatementName('select 2'));
    expect(preparedStatementName('select 1')).toMatch(/^lean_[0-9a-f]{24}$/);
    const rows = await db.orm.em.fork().transactional((tx) => leanQuery(tx, 'select ?::int as inside', [3], { prepare: true }));
    expect(rows).toEqual([{ inside: 3 }]);
    expect(await preparedHere()).not.toContain(preparedStatementName('select $1::int as inside'));
  });
});

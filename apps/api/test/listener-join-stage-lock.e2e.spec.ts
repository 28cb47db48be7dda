// Issue 9, kind "a listener join waits on the stage lock": every room command used to lock the
// `rooms` row, so a storm of listener joins queued behind (and with) every stage command. Now an
// audience command (a listener joining or leaving) locks only the room's stream row
// (`room_streams`); stage commands lock `rooms` and then `room_streams`. These tests hold the room
// row from a separate connection and watch, through pg_stat_activity and pg_blocking_pids (never
// the clock), which commands wait for it; then race every kind of command and check that versions,
// counters, bans and the end of the room stay exact.
import { Client } from 'pg';

import { activeParticipants, codeOf, expectConsecutiveVersions, outcomeOf, sql, storedEvents, tracedStatements } from './support/graphql-helpers';
import { asNamedProfiles, type GraphQLResponse, startTestApi, type TestApi } from './support/test-api';
import { workerDatabaseUrl } from './support/test-database';

const JOIN = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { role } } }`;
const LEAVE = `mutation($roomId: ID!) { leaveRoom(roomId: $roomId) { id } }`;
const INVITE = `mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { invitedToStageAt } }`;
const ACCEPT = `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`;
const MOVE_TO_AUDIENCE = `mutation($roomId: ID!, $p: ID!) { moveToAudience(roomId: $roomId, profileId: $p) { role } }`;
const MUTE = `mutation($roomId: ID!, $p: ID!) { muteParticipant(roomId: $roomId, profileId: $p) { muted } }`;
const REMOVE = `mutation($roomId: ID!, $p: ID!, $ban: Boolean) { removeParticipant(roomId: $roomId, profileId: $p, ban: $ban) { id } }`;
const END = `mutation($roomId: ID!) { endRoom(roomId: $roomId) { status } }`;

/**
 * The queries of the API's backends waiting for a lock now, as PostgreSQL sees them. (The first
 * command queued on a row waits for the holder, the next ones for the first: pg_blocking_pids
 * names the one ahead, so every lock wait in this worker's database is counted.)
 */
const ROOM_ROW_LOCK = /from rooms where id = .* for no key update/i;

async function lockWaiters(observer: Client): Promise<string[]> {
  const { rows } = await observer.query<{ query: string }>(
    `select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.query);
}

/**
 * Polls a bounded number of times (a count, not a clock) until `n` backends wait for a lock on
 * the held room row. Only those count: a backend sampled while its transaction is opening can show
 * as waiting with its query still "BEGIN;" (seen once in CI), which says nothing about the row.
 */
async function untilWaiting(observer: Client, n: number): Promise<string[]> {
  for (let attempt = 0; attempt < 5000; attempt += 1) {
    const waiting = (await lockWaiters(observer)).filter((query) => ROOM_ROW_LOCK.test(query));
    if (waiting.length >= n) return waiting;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${n} command(s) never came to wait on the held room row`);
}

describe('a listener join waits on the stage lock (issue 9)', () => {
  let api: TestApi;
  let observer: Client;
  let holder: Client;
  const { token, as, ok } = asNamedProfiles(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    observer = new Client({ connectionString: await workerDatabaseUrl() });
    holder = new Client({ connectionString: await workerDatabaseUrl() });
    await Promise.all([observer.connect(), holder.connect()]);
  });
  afterAll(async () => {
    await Promise.all([observer.end(), holder.end()]);
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
  });

  async function createRoom(hostId: string, maxSpeakers = 10): Promise<string> {
    const data = await ok(hostId, `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input: { title: 'Locks', maxSpeakers } });
    return (data['createRoom'] as { id: string }).id;
  }

  /** Takes the room row lock stage commands take, from outside the API, until `release`. */
  async function holdRoomRow(roomId: string): Promise<void> {
    await holder.query('begin');
    // FOR NO KEY UPDATE, as stage commands and reports take it. (FOR UPDATE would also block
    // the FOR KEY SHARE that inserting any row referencing the room takes, a listener's included.)
    const { rowCount } = await holder.query('select id from rooms where id = $1 for no key update', [roomId]);
    expect(rowCount).toBe(1);
  }
  const release = () => holder.query('commit');

  /** Runs `request` and fails as soon as any command queues for a lock before it has finished. */
  async function completesPastTheHeldRow(request: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
    let settled = false;
    const pending = request().finally(() => {
      settled = true;
    });
    while (!settled) {
      const waiting = await lockWaiters(observer);
      if (waiting.length > 0) throw new Error(`queued behind the held room row: ${waiting.join(' | ')}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return pending;
  }

  /** The stream row's counters next to a count of the rows they stand for. */
  async function countersAndRows(roomId: string) {
    const [row] = await sql<{ listener_count: number; participant_count: number; listeners: number; participants: number }>(
      api,
      `select s.listener_count, s.participant_count,
              (select count(*) from participants p where p.room_id = s.room_id and p.left_at is null and p.role = 'LISTENER')::int as listeners,
              (select count(*) from participants p where p.room_id = s.room_id and p.left_at is null)::int as participants
         from room_streams s where s.room_id = ?`,
      [roomId],
    );
    return row;
  }

  async function expectCountersExact(roomId: string): Promise<void> {
    const row = await countersAndRows(roomId);
    expect(row).toBeDefined();
    expect(row!.listener_count).toBe(row!.listeners);
    expect(row!.participant_count).toBe(row!.participants);
  }

  it('given: listeners join while the room row is held; inviteToStage waits for it, and joins still pass the waiting stage command', async () => {
    const roomId = await createRoom('lock-host');
    await ok('lock-early', JOIN, { roomId });
    await holdRoomRow(roomId);
    try {
      const joined = await completesPastTheHeldRow(() => as('lock-joiner', JOIN, { roomId }));
      expect(outcomeOf(joined, [])).toBe('ok');

      // A stage command queues on the room row...
      const invite = as('lock-host', INVITE, { roomId, p: 'lock-early' });
      expect(await untilWaiting(observer, 1)).toEqual([expect.stringMatching(ROOM_ROW_LOCK)]);
      // ...holding nothing yet, so a listener still joins past it.
      const second = await as('lock-second', JOIN, { roomId });
      expect(outcomeOf(second, [])).toBe('ok');
      expect(await lockWaiters(observer)).toEqual([expect.stringMatching(ROOM_ROW_LOCK)]);

      await release();
      expect(outcomeOf(await invite, [])).toBe('ok');
    } finally {
      await holder.query('rollback');
    }
    // Host, 3 joins, then the invitation: one order, versions 1..4 with the invitation last.
    expect(await expectConsecutiveVersions(api, roomId)).toBe(4);
    expect((await storedEvents(api, roomId)).map((event) => event.type)).toEqual([
      'ParticipantJoined',
      'ParticipantJoined',
      'ParticipantJoined',
      'StageInvitation',
    ]);
    await expectCountersExact(roomId);
  });

  it('variant: a listener leaving passes the held room row; a speaker leaving (a stage change) and muteParticipant wait for it', async () => {
    const roomId = await createRoom('lock-host');
    await Promise.all(['lock-listener', 'lock-speaker', 'lock-other'].map((id) => ok(id, JOIN, { roomId })));
    for (const speaker of ['lock-speaker', 'lock-other']) {
      await ok('lock-host', INVITE, { roomId, p: speaker });
      await ok(speaker, ACCEPT, { roomId });
    }
    const before = await expectConsecutiveVersions(api, roomId);
    await holdRoomRow(roomId);
    try {
      const left = await completesPastTheHeldRow(() => as('lock-listener', LEAVE, { roomId }));
      expect(outcomeOf(left, [])).toBe('ok');

      // Tried as an audience command, found to be on stage, run again as a stage command.
      const speakerLeaves = as('lock-speaker', LEAVE, { roomId });
      expect(await untilWaiting(observer, 1)).toEqual([expect.stringMatching(ROOM_ROW_LOCK)]);
      const mute = as('lock-host', MUTE, { roomId, p: 'lock-other' });
      expect(await untilWaiting(observer, 2)).toEqual([expect.stringMatching(ROOM_ROW_LOCK), expect.stringMatching(ROOM_ROW_LOCK)]);

      await release();
      expect(outcomeOf(await speakerLeaves, [])).toBe('ok');
      expect(outcomeOf(await mute, [])).toBe('ok');
    } finally {
      await holder.query('rollback');
    }
    expect(await expectConsecutiveVersions(api, roomId)).toBe(before + 3);
    expect([...(await activeParticipants(api, roomId))].sort()).toEqual([
      ['lock-host', { role: 'HOST' }],
      ['lock-other', { role: 'SPEAKER' }],
    ]);
    await expectCountersExact(roomId);
  });

  /** The statements one request issued, from the ORM's query log. */
  async function statementsOf(profileId: string, query: string, variables: Record<string, unknown>): Promise<string[]> {
    await as(profileId, '{ __typename }', {});
    return (await tracedStatements(api, query, variables, await token(profileId))).statements;
  }

  /** Which of the two rows a request locked or wrote, in order. */
  const touches = (statements: readonly string[]) =>
    statements.flatMap((sql) => {
      if (/from "?rooms"? .*for no key update/i.test(sql)) return ['lock rooms'];
      if (/from "?room_streams"? .*for update/i.test(sql)) return ['lock room_streams'];
      if (/^update "?rooms"? /i.test(sql)) return ['update rooms'];
      if (/^update "?room_streams"? /i.test(sql)) return ['update room_streams'];
      if (/^rollback/i.test(sql)) return ['rollback'];
      if (/^commit/i.test(sql)) return ['commit'];
      return [];
    });

  it('the SQL of each tier: a join locks only room_streams; a speaker leaving is retried as a stage command; lock order is rooms → room_streams', async () => {
    const roomId = await createRoom('sql-host');
    expect(touches(await statementsOf('sql-listener', JOIN, { roomId }))).toEqual(['lock room_streams', 'update room_streams', 'commit']);
    await ok('sql-host', INVITE, { roomId, p: 'sql-listener' });
    await ok('sql-listener', ACCEPT, { roomId });
    expect(touches(await statementsOf('sql-host', MUTE, { roomId, p: 'sql-listener' }))).toEqual(['lock rooms', 'lock room_streams', 'update room_streams', 'commit']);
    // The audience batch (group commit) leaves the speaker's leave out and writes nothing, so its
    // transaction ends without a write; the leave then runs alone as a stage command.
    expect(touches(await statementsOf('sql-listener', LEAVE, { roomId }))).toEqual([
      'lock room_streams',
      'commit',
      'lock rooms',
      'lock room_streams',
      'update room_streams',
      'commit',
    ]);
    expect(touches(await statementsOf('sql-host', END, { roomId }))).toEqual(['lock rooms', 'lock room_streams', 'update room_streams', 'update rooms', 'commit']);
  });

  it('concurrent joins, leaves and stage commands (invite, accept, move to audience, ban, end): versions, counters, bans and the end stay exact', async () => {
    const host = 'mix-host';
    const roomId = await createRoom(host, 10);
    const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
    const early = people('mix-early', 20);
    const late = people('mix-late', 30);
    await Promise.all(early.map((id) => ok(id, JOIN, { roomId })));

    const leavers = early.slice(0, 10);
    const climbers = early.slice(10, 15);
    const bannedPresent = early.slice(15, 17);
    const bannedArriving = late.slice(25, 30);
    const banned = [...bannedPresent, ...bannedArriving];
    // The arriving banned have signed in before (their profiles exist): what races the ban is
    // their join, not their first sign-in (a ban of a profile not created yet is NOT_FOUND).
    await Promise.all(bannedArriving.map((id) => ok(id, `{ viewer { id } }`, {})));
    await Promise.all([
      ...late.map((id) => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, bannedArriving.includes(id) ? ['CONFLICT'] : []))),
      // The arriving banned re-send their join, racing the ban.
      ...bannedArriving.flatMap((id) => [1, 2].map(() => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT'])))),
      ...leavers.map((id) => as(id, LEAVE, { roomId }).then((r) => outcomeOf(r, []))),
      ...climbers.map(async (id) => {
        outcomeOf(await as(host, INVITE, { roomId, p: id }), []);
        outcomeOf(await as(id, ACCEPT, { roomId }), []);
        outcomeOf(await as(host, MOVE_TO_AUDIENCE, { roomId, p: id }), []);
      }),
      ...banned.map((id) => as(host, REMOVE, { roomId, p: id, ban: true }).then((r) => outcomeOf(r, []))),
    ]);

    await expectConsecutiveVersions(api, roomId);
    await expectCountersExact(roomId);
    const active = await activeParticipants(api, roomId);
    for (const id of banned) expect(active.has(id)).toBe(false);
    const bans = await sql<{ profile_id: string }>(api, `select profile_id from room_bans where room_id = ? order by profile_id`, [roomId]);
    expect(bans.map((ban) => ban.profile_id)).toEqual([...banned].sort());
    const expected = [host, ...early.slice(10, 15), ...early.slice(17), ...late.slice(0, 25)].sort();
    expect([...active.keys()].sort()).toEqual(expected);
    expect([...active].filter(([, p]) => p.role !== 'LISTENER').map(([id]) => id)).toEqual([host]);
    expect((await countersAndRows(roomId))?.listener_count).toBe(expected.length - 1);

    // The end races more joins, leaves and invitations.
    const endJoiners = people('mix-end', 20);
    const outcomes = await Promise.all([
      ...endJoiners.map((id) => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      ...late.slice(0, 5).map((id) => as(id, LEAVE, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      ...late.slice(5, 8).map((id) => as(host, INVITE, { roomId, p: id }).then((r) => outcomeOf(r, ['CONFLICT']))),
      ...banned.slice(0, 2).map((id) => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      as(host, END, { roomId }).then((r) => outcomeOf(r, [])),
    ]);
    expect(outcomes.at(-1)).toBe('ok');

    const total = await expectConsecutiveVersions(api, roomId);
    const events = await storedEvents(api, roomId);
    // The end is the last event: nobody joined (or did anything) after it.
    expect(events.at(-1)).toMatchObject({ version: total, type: 'RoomStatusChanged', payload: { status: 'ENDED' } });
    expect(events.filter((event) => event.type === 'RoomStatusChanged')).toHaveLength(1);
    expect((await activeParticipants(api, roomId)).size).toBe(0);
    expect(await countersAndRows(roomId)).toEqual({ listener_count: 0, participant_count: 0, listeners: 0, participants: 0 });
    for (const id of banned) {
      const about = events.filter((event) => event.payload['profileId'] === id || (event.payload['participant'] as { profileId?: string } | undefined)?.profileId === id);
      if (about.length > 0) expect(about.at(-1)).toMatchObject({ type: 'ParticipantRemoved', payload: { banned: true } });
    }
    // Joins refused after the end say so.
    const again = await as('mix-end-after', JOIN, { roomId });
    expect(codeOf(again)).toBe('CONFLICT');
  });
});

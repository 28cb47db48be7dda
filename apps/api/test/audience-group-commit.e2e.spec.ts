// Issue 14 §3, kind "audience commands of one room serialize one transaction each": every join
// and leave of a room took the room's stream row (`room_streams`) in a transaction of its own, so
// a rush of joins into one room passed that row lock from one transaction to the next (67 joins/s).
// Now joins and leaves of one room that arrive together are decided and written in one
// transaction (group commit), each still with its own versions and its own refusal. These tests
// hold the stream row from a separate connection so that a rush is queued deterministically, then
// count the transactions that took the row (statements, never the clock), and check versions,
// counters, bans and membership.
import { Client } from 'pg';

import { activeParticipants, codeOf, expectConsecutiveVersions, outcomeOf, sql, storedEvents } from './support/graphql-helpers';
import { asNamedProfiles, type GraphQLResponse, startTestApi, type TestApi } from './support/test-api';
import { workerDatabaseUrl } from './support/test-database';

const JOIN = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { role room { version listenerCount } } } }`;
const LEAVE = `mutation($roomId: ID!) { leaveRoom(roomId: $roomId) { id } }`;
const INVITE = `mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { invitedToStageAt } }`;
const ACCEPT = `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`;
const REMOVE = `mutation($roomId: ID!, $p: ID!, $ban: Boolean) { removeParticipant(roomId: $roomId, profileId: $p, ban: $ban) { id } }`;
const END = `mutation($roomId: ID!) { endRoom(roomId: $roomId) { status } }`;
const BLOCK = `mutation($p: ID!) { block(profileId: $p) { id } }`;

/** A statement that takes a room's stream row lock: one per transaction of a room command. */
const STREAM_ROW_LOCK = /from "?room_streams"? .*for update/i;

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);

describe('kind: audience commands of one room serialize one transaction each (issue 14 §3)', () => {
  let api: TestApi;
  let holder: Client;
  const { as, ok } = asNamedProfiles(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    holder = new Client({ connectionString: await workerDatabaseUrl() });
    await holder.connect();
  });
  afterAll(async () => {
    await holder.end();
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
  });

  async function createRoom(hostId: string): Promise<string> {
    const data = await ok(hostId, `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input: { title: 'Rush', maxSpeakers: 5 } });
    return (data['createRoom'] as { id: string }).id;
  }

  /** Signs everyone in first, so that creating profiles is not part of what is counted. */
  const signIn = (ids: readonly string[]) => Promise.all(ids.map((id) => ok(id, '{ viewer { id } }', {})));

  /** Counts the statements that take a stream row lock while `work` runs. */
  async function streamRowLocks<T>(work: () => Promise<T>): Promise<{ result: T; locks: number }> {
    let locks = 0;
    const stop = api.api.db.onQuery((statement) => {
      if (STREAM_ROW_LOCK.test(statement)) locks += 1;
    });
    try {
      return { result: await work(), locks };
    } finally {
      stop();
    }
  }

  /**
   * Sends `requests` while the room's stream row is held from outside the API: the first command
   * waits on the row in its own batch; the rest queue for the next batch. Releases the row once
   * `queued` commands wait in the API's queue (a bounded poll of a count, not a clock).
   */
  async function rushPastHeldStreamRow(roomId: string, queued: number, requests: () => Promise<GraphQLResponse>[]): Promise<GraphQLResponse[]> {
    await holder.query('begin');
    await holder.query('select room_id from room_streams where room_id = $1 for update', [roomId]);
    const pending = Promise.all(requests());
    try {
      for (let attempt = 0; api.api.server.services.roomCommands.queuedAudienceCommands(roomId) < queued; attempt += 1) {
        if (attempt > 100_000) throw new Error(`only ${api.api.server.services.roomCommands.queuedAudienceCommands(roomId)} of ${queued} commands queued`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await holder.query('commit');
    }
    return pending;
  }

  async function expectCountersExact(roomId: string): Promise<void> {
    const [row] = await sql<{ listener_count: number; participant_count: number; listeners: number; participants: number }>(
      api,
      `select s.listener_count, s.participant_count,
          (select count(*)::int from participants p where p.room_id = s.room_id and p.left_at is null and p.role = 'LISTENER') as listeners,
          (select count(*)::int from participants p where p.room_id = s.room_id and p.left_at is null) as participants
         from room_streams s where s.room_id = ?`,
      [roomId],
    );
    expect(row).toBeDefined();
    expect(row!.listener_count).toBe(row!.listeners);
    expect(row!.participant_count).toBe(row!.participants);
  }

  /** Nobody is in the room twice at once. */
  async function expectEachParticipantOnce(roomId: string): Promise<void> {
    const twice = await sql(api, `select profile_id from participants where room_id = ? and left_at is null group by profile_id having count(*) > 1`, [roomId]);
    expect(twice).toEqual([]);
  }

  it('given: 40 joins into one room that arrive together commit in 2 transactions, not 40, each with its own version', async () => {
    const roomId = await createRoom('rush-host');
    const joiners = people('rush', 40);
    await signIn(joiners);
    const before = await expectConsecutiveVersions(api, roomId);

    const { result: answers, locks } = await streamRowLocks(() => rushPastHeldStreamRow(roomId, joiners.length - 1, () => joiners.map((id) => as(id, JOIN, { roomId }))));

    // The first join in a batch of its own (waiting on the held row), the 39 others in one more.
    expect(locks).toBe(2);
    const versions = answers.map((answer) => {
      expect(outcomeOf(answer, [])).toBe('ok');
      return (answer.data as { joinRoom: { participant: { room: { version: number } } } }).joinRoom.participant.room.version;
    });
    // Each answer carries the version its own join left: all distinct, exactly the new range.
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => before + i + 1));
    expect(await expectConsecutiveVersions(api, roomId)).toBe(before + 40);
    const active = await activeParticipants(api, roomId);
    expect([...active.keys()].sort()).toEqual(['rush-host', ...joiners].sort());
    await expectCountersExact(roomId);
    await expectEachParticipantOnce(roomId);
  });

  it('variant: one batch of joins, leaves, a banned join, a blocked join, a repeated join and a speaker leaving: each refusal is its own and exact, the rest commit', async () => {
    const host = 'mixed-host';
    const roomId = await createRoom(host);
    const [present, arriving] = [people('mixed-in', 10), people('mixed-new', 10)];
    const [banned, blocked, speaker] = ['mixed-banned', 'mixed-blocked', 'mixed-speaker'];
    await signIn([...arriving, banned, blocked]);
    await Promise.all([...present, speaker, banned].map((id) => ok(id, JOIN, { roomId })));
    await ok(host, REMOVE, { roomId, p: banned, ban: true });
    await ok(host, BLOCK, { p: blocked });
    await ok(host, INVITE, { roomId, p: speaker });
    await ok(speaker, ACCEPT, { roomId });
    // What each refused command answers when it runs alone.
    const alone = { banned: await as(banned, JOIN, { roomId }), blocked: await as(blocked, JOIN, { roomId }) };
    expect(codeOf(alone.banned)).toBe('CONFLICT');
    expect(codeOf(alone.blocked)).toBe('FORBIDDEN');
    const before = await expectConsecutiveVersions(api, roomId);

    const leavers = present.slice(0, 5);
    const requests = () => [
      as(arriving[0]!, JOIN, { roomId }),
      ...arriving.map((id) => as(id, JOIN, { roomId })),
      ...leavers.map((id) => as(id, LEAVE, { roomId })),
      as(banned, JOIN, { roomId }),
      as(blocked, JOIN, { roomId }),
      as(speaker, LEAVE, { roomId }),
    ];
    const { result: answers, locks } = await streamRowLocks(() => rushPastHeldStreamRow(roomId, 18, requests));

    const [first, ...rest] = answers;
    expect(outcomeOf(first!, [])).toBe('ok');
    for (const answer of rest.slice(0, arriving.length + leavers.length)) expect(outcomeOf(answer, [])).toBe('ok');
    const [bannedAnswer, blockedAnswer, speakerAnswer] = rest.slice(arriving.length + leavers.length);
    // A refusal inside a batch is the same error as alone: code, message and path.
    expect(bannedAnswer!.errors).toEqual(alone.banned.errors);
    expect(blockedAnswer!.errors).toEqual(alone.blocked.errors);
    // The speaker's leave is a stage change: left out of the batch, run again as a stage command.
    expect(outcomeOf(speakerAnswer!, [])).toBe('ok');
    // Two audience batches, plus the speaker's stage command (which also locks the stream row).
    expect(locks).toBe(3);

    // 10 joins (one of them twice: the second is a no-op), 5 listener leaves, the speaker's leave.
    expect(await expectConsecutiveVersions(api, roomId)).toBe(before + 10 + 5 + 1);
    const active = await activeParticipants(api, roomId);
    expect([...active.keys()].sort()).toEqual([host, ...present.slice(5), ...arriving].sort());
    expect(active.has(banned)).toBe(false);
    await expectCountersExact(roomId);
    await expectEachParticipantOnce(roomId);
  });

  it('concurrent joins and leaves with a ban and an end, without a held row: versions contiguous, counters exact, the ban respected, nobody in twice, far fewer transactions than commands', async () => {
    const host = 'storm-host';
    const roomId = await createRoom(host);
    const early = people('storm-early', 40);
    const late = people('storm-late', 80);
    const target = 'storm-target';
    await signIn([...late, target]);
    await Promise.all([...early, target].map((id) => ok(id, JOIN, { roomId })));

    const commands = late.length + early.length / 2 + 3 + 1;
    const { locks } = await streamRowLocks(() =>
      Promise.all([
        ...late.map((id) => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, []))),
        ...early.slice(0, 20).map((id) => as(id, LEAVE, { roomId }).then((r) => outcomeOf(r, []))),
        as(host, REMOVE, { roomId, p: target, ban: true }).then((r) => outcomeOf(r, [])),
        // The target re-sends joins, racing the ban: each is either before it or refused.
        ...[1, 2, 3].map(() => as(target, JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      ]),
    );
    expect(locks).toBeLessThan(commands / 2);
    await expectConsecutiveVersions(api, roomId);
    await expectCountersExact(roomId);
    await expectEachParticipantOnce(roomId);
    const active = await activeParticipants(api, roomId);
    expect(active.has(target)).toBe(false);
    expect([...active.keys()].sort()).toEqual([host, ...early.slice(20), ...late].sort());

    // The end races more joins and leaves: nothing happens after it, and everyone is out.
    const endJoiners = people('storm-end', 30);
    await signIn(endJoiners);
    await Promise.all([
      ...endJoiners.map((id) => as(id, JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      ...late.slice(0, 20).map((id) => as(id, LEAVE, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
      as(host, END, { roomId }).then((r) => outcomeOf(r, [])),
    ]);
    const total = await expectConsecutiveVersions(api, roomId);
    const events = await storedEvents(api, roomId);
    expect(events.at(-1)).toMatchObject({ version: total, type: 'RoomStatusChanged', payload: { status: 'ENDED' } });
    expect((await activeParticipants(api, roomId)).size).toBe(0);
    await expectCountersExact(roomId);
  });
});

// No N+1: the number of SQL statements a list query issues must not grow with the list. Counted
// from the ORM's query log (Database.onQuery), as MikroORM's own suite does.

import { okOn, tracedStatements } from './support/graphql-helpers';
import { useLockClients } from './support/lock-waiters';
import { type GraphQLResponse, tokenFor, useTestApi } from './support/test-api';
import { pollUntil } from './support/poll';

const ROOMS_QUERY = `query { rooms(first: 20) { edges { node { host { displayName } stage { profile { displayName } } listenerCount } } } }`;
const AUDIENCE_QUERY = `query($id: ID!) { room(id: $id) { audience(first: 50) { edges { node { profile { displayName } } } } } }`;
/** The room page's query, as the query-throughput bench sends it (issue 9). */
const ROOM_PAGE_QUERY = `query($id: ID!) { room(id: $id) { stage { profile { displayName headline } } audience(first: 50) { edges { node { profile { displayName } } } } } }`;

describe('SQL statements per list query', () => {
  const api = useTestApi();
  let viewer: string;

  beforeEach(async () => {
    await api.clear();
    viewer = await tokenFor('sql-viewer', { name: 'Query Counter' });
  });

  const ok = okOn(api);

  /**
   * Runs the query over HTTP and returns its data and every SQL statement it caused: those traced
   * to its X-Request-Id, so work other requests left running (media sync, deliveries) never counts.
   */
  async function counted<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; statements: string[] }> {
    // Sign in first, so creating the viewer's profile is not counted.
    await ok(`{ viewer { id } }`, {}, viewer);
    return tracedStatements<T>(api, query, variables, viewer);
  }

  /** A LIVE room by its own host with two speakers and three listeners, all through the API. */
  async function populatedRoom(n: number): Promise<string> {
    const token = (role: string) => tokenFor(`sql-${role}-${n}`, { name: `${role} ${n}` });
    const [host, speakerA, speakerB, ...listeners] = await Promise.all(
      ['host', 'speaker-a', 'speaker-b', 'listener-a', 'listener-b', 'listener-c'].map(token),
    );
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      `mutation { createRoom(input: { title: "Room ${n}", maxSpeakers: 5 }) { id } }`,
      {},
      host!,
    );
    const roomId = createRoom.id;
    await Promise.all([speakerA!, speakerB!, ...listeners].map((t) => ok(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, t)));
    await Promise.all(
      [`sql-speaker-a-${n}`, `sql-speaker-b-${n}`].map((p) =>
        ok(`mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`, { r: roomId, p }, host!),
      ),
    );
    await Promise.all([speakerA!, speakerB!].map((t) => ok(`mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`, { r: roomId }, t)));
    return roomId;
  }

  async function addRooms(from: number, to: number): Promise<void> {
    await Promise.all(Array.from({ length: to - from }, (_, i) => populatedRoom(from + i)));
  }

  interface RoomsData {
    rooms: { edges: { node: { host: { displayName: string }; stage: { profile: { displayName: string } }[]; listenerCount: number } }[] };
  }

  it('rooms(first: 20) with hosts, stages and listener counts: the same count for 3 rooms and for 20', async () => {
    await addRooms(0, 3);
    const few = await counted<RoomsData>(ROOMS_QUERY);
    expect(few.data.rooms.edges).toHaveLength(3);
    await addRooms(3, 20);
    const many = await counted<RoomsData>(ROOMS_QUERY);
    expect(many.data.rooms.edges).toHaveLength(20);

    // The answers are complete, so the equal counts are not an artefact of missing data.
    for (const { node } of many.data.rooms.edges) {
      expect(node.host.displayName).toMatch(/^host \d+$/);
      expect(node.stage.map((p) => p.profile.displayName).sort()).toEqual(
        [node.host.displayName, node.host.displayName.replace('host', 'speaker-a'), node.host.displayName.replace('host', 'speaker-b')].sort(),
      );
      expect(node.listenerCount).toBe(3);
    }
    expect(many.statements.length).toBe(few.statements.length);
    // One statement per relation at most: rooms, hosts, stages, counts, stage profiles.
    expect(many.statements.length).toBeLessThanOrEqual(6);
  });

  interface AudienceData {
    room: { audience: { edges: { node: { profile: { displayName: string } } }[] } };
  }

  it('room(id) { audience(first: 50) { profile } }: the same count for 5 listeners and for 50', async () => {
    const host = await tokenFor('sql-audience-host', { name: 'Audience Host' });
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Big audience" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    const join = async (i: number) => {
      const listener = await tokenFor(`sql-audience-${String(i).padStart(2, '0')}`, { name: `Listener ${i}` });
      await ok(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, listener);
    };
    await Promise.all(Array.from({ length: 5 }, (_, i) => join(i)));
    const few = await counted<AudienceData>(AUDIENCE_QUERY, { id: roomId });
    expect(few.data.room.audience.edges).toHaveLength(5);
    await Promise.all(Array.from({ length: 45 }, (_, i) => join(5 + i)));
    const many = await counted<AudienceData>(AUDIENCE_QUERY, { id: roomId });
    expect(many.data.room.audience.edges).toHaveLength(50);
    expect(new Set(many.data.room.audience.edges.map((e) => e.node.profile.displayName)).size).toBe(50);

    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBeLessThanOrEqual(6);
  });

  interface RoomPageData {
    room: { stage: { profile: { displayName: string; headline: string | null } }[]; audience: { edges: { node: { profile: { displayName: string } } }[] } } | null;
  }

  it('the room page (stage with profiles, audience(first: 50) with profiles): 3 statements, the same for 3 listeners and for 50', async () => {
    const roomId = await populatedRoom(1);
    const few = await counted<RoomPageData>(ROOM_PAGE_QUERY, { id: roomId });
    const stage = few.data.room?.stage.map((p) => p.profile.displayName) ?? [];
    expect(stage[0]).toBe('host 1');
    expect([...stage].sort()).toEqual(['host 1', 'speaker-a 1', 'speaker-b 1']);
    expect(few.data.room?.audience.edges).toHaveLength(3);
    await Promise.all(
      Array.from({ length: 47 }, async (_, i) => {
        const listener = await tokenFor(`sql-page-${String(i).padStart(2, '0')}`, { name: `Page listener ${i}` });
        await ok(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, listener);
      }),
    );
    const many = await counted<RoomPageData>(ROOM_PAGE_QUERY, { id: roomId });
    expect(many.data.room?.audience.edges).toHaveLength(50);
    expect(new Set(many.data.room?.audience.edges.map((e) => e.node.profile.displayName)).size).toBe(50);
    // The room with the viewer's access facts, the stage with its profiles, the audience page with its profiles.
    expect(many.statements).toHaveLength(3);
    expect(few.statements).toHaveLength(3);
  });
});

describe('SQL statements per joinRoom', () => {
  const api = useTestApi();
  const ok = okOn(api);
  const JOIN = `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id role } audio { token canPublish } } }`;

  beforeEach(async () => {
    await api.clear();
  });

  /** A listener's join, alone (a batch of one): its statements, and the name its media token carries. */
  async function join(roomId: string, profileId: string, name: string): Promise<{ statements: string[]; tokenName: unknown }> {
    const token = await tokenFor(profileId, { name });
    // Sign in first, so creating the viewer's profile is not counted.
    await ok(`{ viewer { id } }`, {}, token);
    const { data, statements } = await tracedStatements<{ joinRoom: { participant: { role: string }; audio: { token: string; canPublish: boolean } } }>(
      api,
      JOIN,
      { r: roomId },
      token,
    );
    expect(data.joinRoom.participant.role).toBe('LISTENER');
    expect(data.joinRoom.audio.canPublish).toBe(false);
    const [, payload] = data.joinRoom.audio.token.split('.');
    return { statements, tokenName: (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { name?: unknown }).name };
  }

  /** The statements after the join's transaction committed (the media token's reads). */
  const afterCommit = (statements: readonly string[]) => statements.slice(statements.findIndex((sql) => /^commit/i.test(sql)) + 1);

  // The kind of bug: a per-request read through the ORM that another statement of the same request
  // could carry (issue 14 §3: the media token's profile was a second, hydrated read after the join;
  // then the media token's access facts were a second relation read after the join's own).
  it('a listener joining: one transaction, and the media token decided on the relation that transaction read (display name and last revocation with it): no statement after commit', async () => {
    const host = await tokenFor('join-sql-host', { name: 'Join Host' });
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Join SQL" }) { id } }`, {}, host);
    const first = await join(createRoom.id, 'join-sql-a', 'Listener A');
    expect(first.tokenName).toBe('Listener A');
    expect(afterCommit(first.statements)).toEqual([]);
    const relationReads = first.statements.filter((sql) => RELATION_READ.test(sql));
    expect(relationReads).toHaveLength(1);
    expect(relationReads[0]).toMatch(/viewer_display_name[\s\S]*media_revoked_at[\s\S]*from rooms r/);
    expect(first.statements.filter((sql) => /from "profiles"/.test(sql))).toEqual([]);
    // begin, stream lock, room (with the joiner's handshake lock, rights-loss-lock.ts), access facts
    // (the policy's relation, suspension and the host's block included, with the display name and
    // the last revocation the media token needs), participants, bans, engagement, event,
    // participant, stream row, commit; nothing after it.
    expect(first.statements).toHaveLength(11);
    // The variant: a second listener, into a room that already has an audience, costs the same.
    const second = await join(createRoom.id, 'join-sql-b', 'Listener B');
    expect(second.tokenName).toBe('Listener B');
    expect(afterCommit(second.statements)).toEqual([]);
    expect(second.statements).toHaveLength(first.statements.length);
  });
});

/** The access policy's relation read (`RoomAccessPolicy.relationsOf`), one or many viewers. */
const RELATION_READ = /from rooms r\s+cross join jsonb_array_elements_text\(\?::jsonb\) as v\(id\)/;

describe('SQL statements per batch of joins (issue 14 §3: a join storm)', () => {
  const api = useTestApi();
  const ok = okOn(api);
  const locks = useLockClients();
  const JOIN = `mutation($r: ID!) { joinRoom(roomId: $r) { participant { role } audio { token canPublish } } }`;

  beforeEach(async () => {
    await api.clear();
  });

  // The kind of bug: each join of a group-commit batch read its relation again for its media
  // token, one statement per join after the batch's one for all of them (issue 14 §3).
  it('30 joins that arrive together: one relation read per batch, none per media token, and each token carries its own name and listener grants', async () => {
    const host = await tokenFor('storm-sql-host', { name: 'Storm Host' });
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Storm SQL" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    const joiners = Array.from({ length: 30 }, (_, i) => `storm-sql-${String(i + 1).padStart(2, '0')}`);
    const tokens = await Promise.all(joiners.map((id) => tokenFor(id, { name: `Name of ${id}` })));
    // Sign in first, so creating the profiles is not counted.
    await Promise.all(tokens.map((token) => ok(`{ viewer { id } }`, {}, token)));

    const statements: string[] = [];
    const stop = api.api.db.onQuery((sql) => statements.push(sql));
    let answers: GraphQLResponse<{ joinRoom: { participant: { role: string }; audio: { token: string; canPublish: boolean } } }>[];
    try {
      // The stream row held from outside: the first join waits on it in a batch of its own, the
      // other 29 queue for the next batch (a hang guard polling a count; nothing asserts a time).
      await locks.holder.query('begin');
      await locks.holder.query('select room_id from room_streams where room_id = $1 for update', [roomId]);
      const pending = Promise.all(tokens.map((token) => api.request<{ joinRoom: { participant: { role: string }; audio: { token: string; canPublish: boolean } } }>(JOIN, { r: roomId }, token)));
      try {
        const queued = await pollUntil(
          () => api.api.server.services.roomCommands.queuedAudienceCommands(roomId),
          (count) => count >= joiners.length - 1,
          { attempts: 2_400 },
        );
        expect(queued).toBe(joiners.length - 1);
      } finally {
        await locks.holder.query('commit');
      }
      answers = await pending;
    } finally {
      stop();
    }

    answers.forEach((answer, index) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.joinRoom.participant.role).toBe('LISTENER');
      expect(answer.data?.joinRoom.audio.canPublish).toBe(false);
      const [, payload] = (answer.data?.joinRoom.audio.token ?? '').split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { sub?: string; name?: string };
      expect(claims).toMatchObject({ sub: joiners[index], name: `Name of ${joiners[index]}` });
    });
    // Two batches (the one that waited on the held row, and the rest): two relation reads, each
    // with what the media tokens need; no third for any of the 30 tokens.
    const relationReads = statements.filter((sql) => RELATION_READ.test(sql));
    expect(relationReads).toHaveLength(2);
    for (const sql of relationReads) expect(sql).toMatch(/viewer_display_name[\s\S]*media_revoked_at/);
    expect(statements.filter((sql) => /^commit/i.test(sql))).toHaveLength(2);
  });
});

// Room commands racing each other through real, concurrent HTTP requests (Promise.all). The
// room row lock must serialise them: the stage never passes maxSpeakers, a banned profile is
// never a participant, a LIVE room always has exactly one HOST, and event versions are 1..N.
import { activeParticipants, codeOf, expectConsecutiveVersions, outcomeOf, sql, storedEvents } from './support/graphql-helpers';
import { asNamedProfiles, Collector, startTestApi, type TestApi } from './support/test-api';

const JOIN = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { role } } }`;
const LEAVE = `mutation($roomId: ID!) { leaveRoom(roomId: $roomId) { id } }`;
const INVITE = `mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { invitedToStageAt } }`;
const ACCEPT = `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`;
const SET_MODERATOR = `mutation($roomId: ID!, $p: ID!, $on: Boolean!) { setModerator(roomId: $roomId, profileId: $p, moderator: $on) { role } }`;
const REMOVE = `mutation($roomId: ID!, $p: ID!, $ban: Boolean) { removeParticipant(roomId: $roomId, profileId: $p, ban: $ban) { id } }`;
const EVENTS = `subscription($roomId: ID!, $since: Int) {
  roomEvents(roomId: $roomId, sinceVersion: $since) { __typename version previousVersion }
}`;

const STAGE_ROLES = new Set(['HOST', 'MODERATOR', 'SPEAKER']);

interface StoredParticipant {
  readonly profileId: string;
  readonly role: string;
}

/**
 * Replays the stored events from the room's creation (host alone on stage) and returns the
 * largest stage it ever had, so "never exceeds" is checked at every version, not only at the end.
 */
function largestStageOverTime(hostId: string, events: readonly { payload: Record<string, unknown> }[]): number {
  const roles = new Map<string, string>([[hostId, 'HOST']]);
  let largest = 1;
  for (const { payload } of events) {
    const participant = payload['participant'] as StoredParticipant | undefined;
    switch (payload['type']) {
      case 'ParticipantJoined':
      case 'RoleChanged':
        if (participant) roles.set(participant.profileId, participant.role);
        break;
      case 'ParticipantLeft':
      case 'ParticipantRemoved':
        roles.delete(String(payload['profileId']));
        break;
      case 'RoomStatusChanged':
        if (payload['status'] === 'ENDED') roles.clear();
        break;
      default:
        break;
    }
    largest = Math.max(largest, [...roles.values()].filter((role) => STAGE_ROLES.has(role)).length);
  }
  return largest;
}

function count<T>(values: readonly T[], value: T): number {
  return values.filter((v) => v === value).length;
}

describe('concurrent room commands over real HTTP', () => {
  let api: TestApi;
  const { token, as, ok } = asNamedProfiles(() => api);

  beforeAll(async () => {
    // Every event on its own (no audience folding): these tests check each version's place.
    api = await startTestApi({ AUDIENCE_COALESCE_MS: '0' });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
  });

  async function createRoom(hostId: string, maxSpeakers: number): Promise<string> {
    const data = await ok(hostId, `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, {
      input: { title: 'Race', maxSpeakers },
    });
    return (data['createRoom'] as { id: string }).id;
  }

  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);

  async function stageOf(roomId: string): Promise<string[]> {
    const rows = await sql<{ profile_id: string }>(
      api,
      `select profile_id from participants where room_id = ? and left_at is null and role in ('HOST','MODERATOR','SPEAKER') order by profile_id`,
      [roomId],
    );
    return rows.map((row) => row.profile_id);
  }

  it('12 invited listeners accept at once on a stage with 3 free seats: exactly 3 succeed, the rest get CONFLICT', async () => {
    const roomId = await createRoom('race-host', 4);
    const listeners = people('race-listener', 12);
    await Promise.all(listeners.map((id) => ok(id, JOIN, { roomId })));
    // Invitations do not take a seat, so all 12 can be invited while only the host is on stage.
    await Promise.all(listeners.map((p) => ok('race-host', INVITE, { roomId, p })));
    const freeSeats = 4 - (await stageOf(roomId)).length;
    expect(freeSeats).toBe(3);

    const live = new Collector<{ roomEvents: { version: number; previousVersion: number } }>();
    api.wsClient(await token('race-host')).subscribe({ query: EVENTS, variables: { roomId, since: 24 } }, live.sink);

    const results = await Promise.all(listeners.map((id) => as(id, ACCEPT, { roomId })));
    const outcomes = results.map((response) => outcomeOf(response, ['CONFLICT']));
    expect(count(outcomes, 'ok')).toBe(freeSeats);
    expect(count(outcomes, 'CONFLICT')).toBe(listeners.length - freeSeats);
    for (const refused of results.filter((r) => r.errors)) {
      expect(refused.errors?.[0]?.extensions?.['reason']).toBe('STAGE_FULL');
    }

    const stage = await stageOf(roomId);
    expect(stage).toHaveLength(4);
    const accepted = listeners.filter((_id, i) => outcomes[i] === 'ok');
    expect(stage).toEqual(['race-host', ...accepted].sort());
    // 12 joins + 12 invitations + 3 role changes, versions 1..27 without gaps or duplicates.
    expect(await expectConsecutiveVersions(api, roomId)).toBe(27);
    const events = await storedEvents(api, roomId);
    expect(count(events.map((e) => e.type), 'RoleChanged')).toBe(3);
    expect(largestStageOverTime('race-host', events)).toBe(4);

    // The live stream saw the 3 role changes in version order, as did a full replay from 0.
    await live.count(3);
    expect(live.items.map((item) => item.roomEvents.version)).toEqual([25, 26, 27]);
    const replay = new Collector<{ roomEvents: { __typename: string; version: number; previousVersion: number } }>();
    api.wsClient(await token('race-host')).subscribe({ query: EVENTS, variables: { roomId, since: 0 } }, replay.sink);
    await replay.count(27);
    expect(replay.items.map((item) => item.roomEvents.version)).toEqual(events.map((e) => e.version));
    expect(replay.items.map((item) => item.roomEvents.__typename)).toEqual(events.map((e) => e.type));
  });

  describe('two moderators at once', () => {
    async function roomWithTwoModerators(listeners: readonly string[]): Promise<string> {
      const roomId = await createRoom('duo-host', 4);
      await Promise.all(['duo-mod-a', 'duo-mod-b', ...listeners].map((id) => ok(id, JOIN, { roomId })));
      for (const moderator of ['duo-mod-a', 'duo-mod-b']) {
        // On stage by consent first, then appointed.
        await ok('duo-host', INVITE, { roomId, p: moderator });
        await ok(moderator, ACCEPT, { roomId });
        await ok('duo-host', SET_MODERATOR, { roomId, p: moderator, on: true });
      }
      expect(await stageOf(roomId)).toEqual(['duo-host', 'duo-mod-a', 'duo-mod-b']);
      return roomId;
    }

    it('inviting the same listener: one invitation, the other gets CONFLICT', async () => {
      const roomId = await roomWithTwoModerators(['duo-listener']);
      const before = await expectConsecutiveVersions(api, roomId);
      const results = await Promise.all(['duo-mod-a', 'duo-mod-b'].map((mod) => as(mod, INVITE, { roomId, p: 'duo-listener' })));
      expect(results.map((r) => outcomeOf(r, ['CONFLICT'])).sort()).toEqual(['CONFLICT', 'ok']);
      expect(await expectConsecutiveVersions(api, roomId)).toBe(before + 1);
      const accepted = await ok('duo-listener', ACCEPT, { roomId });
      expect(accepted).toEqual({ acceptStageInvite: { role: 'SPEAKER' } });
    });

    it('inviting different listeners who accept as soon as invited: the one free seat is taken once', async () => {
      const listeners = people('duo-listener', 8);
      const roomId = await roomWithTwoModerators(listeners);
      const before = await expectConsecutiveVersions(api, roomId);
      const invitations: Promise<string>[] = [];
      const acceptances: Promise<string>[] = [];
      listeners.forEach((listener, i) => {
        const moderator = i % 2 === 0 ? 'duo-mod-a' : 'duo-mod-b';
        const invited = as(moderator, INVITE, { roomId, p: listener }).then((r) => outcomeOf(r, ['CONFLICT']));
        invitations.push(invited);
        acceptances.push(
          invited.then(async (outcome) => (outcome === 'ok' ? outcomeOf(await as(listener, ACCEPT, { roomId }), ['CONFLICT']) : 'not invited')),
        );
      });
      const invitedOutcomes = await Promise.all(invitations);
      const acceptedOutcomes = await Promise.all(acceptances);
      // Invitations are refused once the stage is full; of those accepted, exactly one got the seat.
      expect(count(invitedOutcomes, 'ok')).toBeGreaterThanOrEqual(1);
      expect(count(acceptedOutcomes, 'ok')).toBe(1);
      const stage = await stageOf(roomId);
      expect(stage).toHaveLength(4);
      const events = await storedEvents(api, roomId);
      const after = await expectConsecutiveVersions(api, roomId);
      expect(after).toBe(before + count(invitedOutcomes, 'ok') + 1);
      expect(largestStageOverTime('duo-host', events)).toBe(4);
    });
  });

  it('20 listeners join while 10 others leave: counts are right and versions consecutive', async () => {
    const roomId = await createRoom('crowd-host', 10);
    const leaving = people('crowd-early', 10);
    const joining = people('crowd-late', 20);
    await Promise.all(leaving.map((id) => ok(id, JOIN, { roomId })));
    const live = new Collector<{ roomEvents: { __typename: string; version: number; previousVersion: number } }>();
    api.wsClient(await token('crowd-host')).subscribe({ query: EVENTS, variables: { roomId, since: 10 } }, live.sink);

    const results = await Promise.all([
      ...joining.map((id) => as(id, JOIN, { roomId })),
      ...leaving.map((id) => as(id, LEAVE, { roomId })),
      // A client that re-sends joinRoom (a reconnect) joins once.
      ...Array.from({ length: 5 }, () => as('crowd-late-01', JOIN, { roomId })),
    ]);
    for (const response of results) expect(response.errors).toBeUndefined();

    const counts = await ok('crowd-host', `query($id: ID!) { room(id: $id) { listenerCount participantCount audience(first: 100) { totalCount edges { node { profile { id } } } } } }`, {
      id: roomId,
    });
    const room = counts['room'] as { listenerCount: number; participantCount: number; audience: { totalCount: number; edges: { node: { profile: { id: string } } }[] } };
    expect(room.listenerCount).toBe(20);
    expect(room.participantCount).toBe(21);
    expect(room.audience.totalCount).toBe(20);
    expect(room.audience.edges.map((edge) => edge.node.profile.id).sort()).toEqual(joining);
    const active = await activeParticipants(api, roomId);
    expect([...active.keys()].sort()).toEqual(['crowd-host', ...joining].sort());

    // 10 + 20 joins and 10 leaves; the repeated join of crowd-late-01 added nothing.
    expect(await expectConsecutiveVersions(api, roomId)).toBe(40);
    const events = await storedEvents(api, roomId);
    expect(events.filter((e) => e.type === 'ParticipantJoined' && (e.payload['participant'] as StoredParticipant).profileId === 'crowd-late-01')).toHaveLength(1);
    // Published after commit in whatever order the commits finished; the subscriber still gets 11..40 in order.
    await live.count(30);
    expect(live.items.map((item) => item.roomEvents.version)).toEqual(Array.from({ length: 30 }, (_, i) => 11 + i));
    expect(live.items.every((item) => item.roomEvents.previousVersion === item.roomEvents.version - 1)).toBe(true);
  });

  describe('remove-with-ban racing a join of the same profile', () => {
    it.each([
      ['who is already in the room (their client re-sends joinRoom)', true],
      ['who has not joined yet (a pre-emptive ban)', false],
    ])('the banned profile, %s, is never a participant afterwards', async (_name, joinedFirst) => {
      const rooms = await Promise.all(Array.from({ length: 6 }, () => createRoom('ban-host', 5)));
      if (joinedFirst) await Promise.all(rooms.map((roomId) => ok('ban-target', JOIN, { roomId })));
      await Promise.all(
        rooms.flatMap((roomId) => [
          as('ban-host', REMOVE, { roomId, p: 'ban-target', ban: true }).then((r) => outcomeOf(r, [])),
          ...[1, 2, 3].map(() => as('ban-target', JOIN, { roomId }).then((r) => outcomeOf(r, ['CONFLICT']))),
        ]),
      );
      for (const roomId of rooms) {
        expect((await activeParticipants(api, roomId)).has('ban-target')).toBe(false);
        const bans = await sql<{ profile_id: string }>(api, `select profile_id from room_bans where room_id = ?`, [roomId]);
        expect(bans.map((b) => b.profile_id)).toEqual(['ban-target']);
        const events = await storedEvents(api, roomId);
        const aboutTarget = events.filter(
          (e) => e.payload['profileId'] === 'ban-target' || (e.payload['participant'] as StoredParticipant | undefined)?.profileId === 'ban-target',
        );
        expect(aboutTarget.at(-1)).toMatchObject({ type: 'ParticipantRemoved', payload: { banned: true } });
        await expectConsecutiveVersions(api, roomId);
        const again = await as('ban-target', JOIN, { roomId });
        expect(codeOf(again)).toBe('CONFLICT');
        expect(again.errors?.[0]?.extensions?.['reason']).toBe('BANNED');
      }
    });
  });

  describe('the host leaving while roles change', () => {
    /** While LIVE exactly one HOST, and it is the room's host; once ENDED, nobody is in the room. */
    async function expectOneHostWhileLive(roomId: string): Promise<string> {
      const [room] = await sql<{ status: string; host_id: string }>(api, `select status, host_id from rooms where id = ?`, [roomId]);
      const active = await activeParticipants(api, roomId);
      const hosts = [...active].filter(([, p]) => p.role === 'HOST').map(([id]) => id);
      if (room?.status === 'LIVE') expect(hosts).toEqual([room.host_id]);
      else {
        expect(room?.status).toBe('ENDED');
        expect(active.size).toBe(0);
      }
      await expectConsecutiveVersions(api, roomId);
      return room?.status ?? 'missing';
    }

    async function roomWithSpeaker(i: number): Promise<{ roomId: string; speaker: string }> {
      const roomId = await createRoom('handover-host', 5);
      const speaker = `handover-speaker-${i}`;
      await ok(speaker, JOIN, { roomId });
      await ok('handover-host', INVITE, { roomId, p: speaker });
      await ok(speaker, ACCEPT, { roomId });
      return { roomId, speaker };
    }

    it('setModerator racing the host leaving: exactly one HOST remains while LIVE', async () => {
      const rooms = await Promise.all(Array.from({ length: 8 }, (_, i) => roomWithSpeaker(i)));
      await Promise.all(
        rooms.flatMap(({ roomId, speaker }) => [
          // Once the host has left, the appointment is refused (ENDED: CONFLICT; handed over: FORBIDDEN).
          as('handover-host', SET_MODERATOR, { roomId, p: speaker, on: true }).then((r) => outcomeOf(r, ['CONFLICT', 'FORBIDDEN'])),
          as('handover-host', LEAVE, { roomId }).then((r) => outcomeOf(r, [])),
        ]),
      );
      for (const { roomId, speaker } of rooms) {
        const status = await expectOneHostWhileLive(roomId);
        // Appointed first: the new moderator took over. Left first: the room ended.
        if (status === 'LIVE') expect((await activeParticipants(api, roomId)).get(speaker)?.role).toBe('HOST');
      }
    });

    it('the host, a moderator and a revoked moderator all leaving at once: never two hosts, never none while LIVE', async () => {
      const rooms = await Promise.all(Array.from({ length: 8 }, (_, i) => roomWithSpeaker(i)));
      await Promise.all(
        rooms.map(async ({ roomId }, i) => {
          const second = `handover-mod-${i}`;
          await ok(second, JOIN, { roomId });
          await ok('handover-host', INVITE, { roomId, p: second });
          await ok(second, ACCEPT, { roomId });
          await ok('handover-host', SET_MODERATOR, { roomId, p: second, on: true });
        }),
      );
      await Promise.all(
        rooms.flatMap(({ roomId, speaker }, i) => [
          as('handover-host', SET_MODERATOR, { roomId, p: speaker, on: true }).then((r) => outcomeOf(r, ['CONFLICT', 'FORBIDDEN'])),
          as('handover-host', SET_MODERATOR, { roomId, p: `handover-mod-${i}`, on: false }).then((r) => outcomeOf(r, ['CONFLICT', 'FORBIDDEN'])),
          as('handover-host', LEAVE, { roomId }).then((r) => outcomeOf(r, [])),
          // The moderator may find the room already ended (the host left after revoking them).
          as(`handover-mod-${i}`, LEAVE, { roomId }).then((r) => outcomeOf(r, ['CONFLICT'])),
        ]),
      );
      for (const { roomId } of rooms) await expectOneHostWhileLive(roomId);
    });
  });
});

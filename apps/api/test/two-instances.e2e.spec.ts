// Two API servers on one Redis: a mutation on one instance reaches a subscriber on the other, in
// version order. CI sets REDIS_URL; without it the suite starts a redis-server of its own, and
// only where neither exists is it skipped, saying so.
import { codeOf, ok } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { useRedis } from './support/use-redis';
import { Collector, startTestApi, type TestApi, tokenFor } from './support/test-api';

const redis = useRedis('two-instance tests (apps/api/test/two-instances.e2e.spec.ts)');
const describeWithRedis = redis.available ? describe : describe.skip;

const EVENTS = `subscription($roomId: ID!, $since: Int) {
  roomEvents(roomId: $roomId, sinceVersion: $since) {
    __typename version previousVersion
    ... on ParticipantJoined { participant { role profile { id } } }
    ... on RoleChanged { previousRole participant { role profile { id } } }
    ... on ParticipantRemoved { profileId banned }
    ... on RoomStatusChanged { status }
  }
}`;

interface EventResult {
  roomEvents: {
    __typename: string;
    version: number;
    previousVersion: number;
    participant?: { role: string; profile: { id: string } };
    profileId?: string;
    banned?: boolean;
    status?: string;
  };
}

describeWithRedis('two API instances sharing one Redis', () => {
  let a: TestApi;
  let b: TestApi;
  let host: string;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    // Both instances use this worker's database and the same Redis, like two pods behind a balancer.
    // Every event on its own (no audience folding): these tests check each version's order.
    a = await startTestApi({ REDIS_URL: redis.url(), AUDIENCE_COALESCE_MS: '0' });
    b = await startTestApi({ REDIS_URL: redis.url(), AUDIENCE_COALESCE_MS: '0' });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });
  beforeEach(async () => {
    await a.clear();
    b.api.server.services.profiles.forgetKnownProfiles();
    [host, ada, bob] = await Promise.all([
      tokenFor('duo-host', { name: 'Hedy Host' }),
      tokenFor('duo-ada', { name: 'Ada' }),
      tokenFor('duo-bob', { name: 'Bob' }),
    ]);
  });

  const mutate = (api: TestApi, token: string, query: string, roomId: string) => ok(api, query, { roomId }, token);

  it('both instances report Redis as their pub/sub', async () => {
    for (const api of [a, b]) {
      expect(api.api.bus.kind).toBe('redis');
      const ready = await fetch(new URL('/readyz', api.url));
      expect(await ready.json()).toMatchObject({ status: 'ready', pubsub: 'redis' });
    }
  });

  it('a subscriber on B receives, in version order, every event of mutations made on A', async () => {
    const { createRoom } = await ok<{ createRoom: { id: string; version: number } }>(
      a,
      `mutation { createRoom(input: { title: "Across instances", maxSpeakers: 3 }) { id version } }`,
      {},
      host,
    );
    const roomId = createRoom.id;
    const onB = new Collector<EventResult>();
    b.wsClient(host).subscribe({ query: EVENTS, variables: { roomId, since: createRoom.version } }, onB.sink);

    // One event with nothing after it: only Redis can have carried it to B (no later event
    // could trigger B's gap-fill from room_events).
    await mutate(a, ada, `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }`, roomId);
    await onB.count(1);
    expect(onB.items[0]!.roomEvents).toMatchObject({ __typename: 'ParticipantJoined', version: 1, previousVersion: 0, participant: { role: 'LISTENER', profile: { id: 'duo-ada' } } });

    await mutate(a, bob, `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }`, roomId);
    await mutate(a, host, `mutation($roomId: ID!) { inviteToStage(roomId: $roomId, profileId: "duo-ada") { id } }`, roomId);
    await mutate(a, ada, `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`, roomId);
    await mutate(a, host, `mutation($roomId: ID!) { removeParticipant(roomId: $roomId, profileId: "duo-bob", ban: true) { id } }`, roomId);
    await mutate(a, host, `mutation($roomId: ID!) { endRoom(roomId: $roomId) { status } }`, roomId);

    const expected = ['ParticipantJoined', 'ParticipantJoined', 'StageInvitation', 'RoleChanged', 'ParticipantRemoved', 'RoomStatusChanged'];
    await onB.count(expected.length);
    await onB.until(() => onB.completed, 'the stream on B to complete when the room ends on A');
    expect(onB.errors).toEqual([]);
    const received = onB.items.map((item) => item.roomEvents);
    expect(received.map((event) => event.__typename)).toEqual(expected);
    expect(received.map((event) => [event.previousVersion, event.version])).toEqual(expected.map((_type, i) => [i, i + 1]));
    expect(received[3]).toMatchObject({ previousRole: 'LISTENER', participant: { role: 'SPEAKER', profile: { id: 'duo-ada' } } });
    expect(received[4]).toMatchObject({ profileId: 'duo-bob', banned: true });
    expect(received[5]).toMatchObject({ status: 'ENDED' });

    // B reads the same database: the ban made on A holds on B.
    const rejoin = await b.request(`mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }`, { roomId }, bob);
    expect(codeOf(rejoin)).toBe('CONFLICT');
  });

  it('concurrent mutations on both instances reach subscribers on both, identically and in version order', async () => {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(a, `mutation { createRoom(input: { title: "Busy" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    const collectors = [a, b].map((api) => {
      const events = new Collector<EventResult>();
      api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId, since: 0 } }, events.sink);
      return events;
    });
    const listeners = await Promise.all(Array.from({ length: 12 }, (_, i) => tokenFor(`duo-listener-${i}`)));
    // Half the joins go to A, half to B, all at once.
    await Promise.all(
      listeners.map((token, i) => mutate(i % 2 === 0 ? a : b, token, `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }`, roomId)),
    );
    for (const events of collectors) {
      await events.count(12);
      const versions = events.items.map((item) => item.roomEvents.version);
      expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(events.items.every((item) => item.roomEvents.__typename === 'ParticipantJoined')).toBe(true);
    }
    const joinedOrder = (events: Collector<EventResult>) => events.items.map((item) => item.roomEvents.participant?.profile.id);
    expect(joinedOrder(collectors[0]!)).toEqual(joinedOrder(collectors[1]!));
    expect(new Set(joinedOrder(collectors[0]!)).size).toBe(12);
  });
});

describeWithRedis('an instance stops mid-stream', () => {
  it('a client on the stopped instance reconnects to the other, detects the gap through previousVersion and catches up in order', async () => {
    // Instance C will be stopped; instance D keeps serving. Each event on its own (no folding).
    const c = await startTestApi({ REDIS_URL: redis.url(), AUDIENCE_COALESCE_MS: '0' });
    const d = await startTestApi({ REDIS_URL: redis.url(), AUDIENCE_COALESCE_MS: '0' });
    try {
      await d.clear();
      const [host, ann] = await Promise.all([tokenFor('stop-host'), tokenFor('stop-ann')]);
      const created = await d.request<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Failover" }) { id } }`, {}, host);
      const roomId = created.data!.createRoom.id;
      await d.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, ann);
      const query = `subscription($r: ID!, $since: Int) { roomEvents(roomId: $r, sinceVersion: $since) { __typename version previousVersion } }`;
      type Item = { roomEvents: { __typename: string; version: number; previousVersion: number } };
      const first = new Collector<Item>();
      c.wsClient(ann).subscribe({ query, variables: { r: roomId, since: 1 } }, first.sink);
      expect(await pollUntil(() => c.api.server.services.roomEvents.subscriberCount(roomId), (n) => n >= 1)).toBeGreaterThanOrEqual(1);
      await d.request(`mutation($r: ID!) { raiseHand(roomId: $r) { id } }`, { r: roomId }, ann);
      await first.count(1);
      const lastSeen = first.items.at(-1)!.roomEvents.version;

      await c.stop();
      // While the client is away, the room goes on (on D).
      await d.request(`mutation($r: ID!) { lowerHand(roomId: $r) { id } }`, { r: roomId }, ann);
      await d.request(`mutation($r: ID!) { raiseHand(roomId: $r, question: "Back?") { id } }`, { r: roomId }, ann);

      // Reconnected to D: a live event first shows the gap (previousVersion ≠ the last version seen)…
      const live = new Collector<Item>();
      d.wsClient(ann).subscribe({ query, variables: { r: roomId, since: null } }, live.sink);
      expect(await pollUntil(() => d.api.server.services.roomEvents.subscriberCount(roomId), (n) => n >= 1)).toBeGreaterThanOrEqual(1);
      await d.request(`mutation($r: ID!) { lowerHand(roomId: $r) { id } }`, { r: roomId }, ann);
      await live.count(1);
      expect(live.items[0]!.roomEvents.previousVersion).not.toBe(lastSeen);
      // …and resuming from the last version seen catches up on everything, in order.
      const resumed = new Collector<Item>();
      d.wsClient(ann).subscribe({ query, variables: { r: roomId, since: lastSeen } }, resumed.sink);
      // Lowered; raised with a question (HandRaised, QuestionChanged); lowered (HandLowered, QuestionChanged).
      await resumed.count(5);
      const versions = resumed.items.map((item) => item.roomEvents.version);
      expect(versions).toEqual([1, 2, 3, 4, 5].map((n) => lastSeen + n));
      expect(resumed.items[0]!.roomEvents.previousVersion).toBe(lastSeen);
    } finally {
      await c.stop();
      await d.stop();
    }
  });
});

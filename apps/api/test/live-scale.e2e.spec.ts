// Live rooms at scale (issue 9), counted, never timed: how many times a subscription document
// runs per event, how many SQL statements delivery costs, how listener joins fold into
// AudienceChanged with an intact version chain, how a consumer that stops reading is bounded and
// catches up, and how resuming subscribers share replay reads.
import { type Client } from 'graphql-ws';

import { MAX_BUFFERED_EVENTS } from '../src/events/room-event-stream';
import type { RoomStreamItem } from '../src/events/room-event-message';
import { okOn } from './support/graphql-helpers';
import { Collector, roomSubscribersReach, startTestApi, type TestApi, tokenFor } from './support/test-api';
import { pollUntil } from './support/poll';

const HAND_EVENTS = `subscription($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename version previousVersion
    ... on HandRaised { participant { handRaiseQuestion profile { displayName } } }
  }
}`;

interface HandEvent {
  roomEvents: { __typename: string; version: number; previousVersion: number; participant?: { handRaiseQuestion: string | null; profile: { displayName: string } } };
}

describe('live rooms at scale', () => {
  let api: TestApi;
  let host: string;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    // Two sockets carry hundreds of subscriptions; the default per-socket bound is 100.
    api = await startTestApi({ WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '1000' });
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(async () => {
    await api.clear();
    [host, ada, bob] = await Promise.all([
      tokenFor('scale-host', { name: 'Hedy Host' }),
      tokenFor('scale-ada', { name: 'Ada' }),
      tokenFor('scale-bob', { name: 'Bob' }),
    ]);
  });

  const ok = okOn(() => api);

  async function liveRoom(): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Scale" }) { id } }`, {}, host);
    return createRoom.id;
  }

  const join = (roomId: string, token: string) => ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, token);

  /** `count` subscriptions of `query` on one socket of `token`'s viewer. */
  function subscribeMany<T>(client: Client, query: string, roomId: string, count: number): Collector<T>[] {
    return Array.from({ length: count }, () => {
      const collector = new Collector<T>();
      client.subscribe({ query, variables: { roomId } }, collector.sink);
      return collector;
    });
  }

  const subscribed = (roomId: string, count: number) => roomSubscribersReach(api, roomId, count);

  describe('kind: one execution per subscriber', () => {
    it('one stage event with 1,000 subscribers in two visibility classes executes twice, and each class sees what it may', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      await join(roomId, bob);
      const moderators = subscribeMany<HandEvent>(api.wsClient(host), HAND_EVENTS, roomId, 500);
      const listeners = subscribeMany<HandEvent>(api.wsClient(ada), HAND_EVENTS, roomId, 500);
      await subscribed(roomId, 1000);
      const before = { ...api.api.server.fanout.stats };
      // Two events: HandRaised, and the QuestionChanged of the hand's question (issue 16).
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id, question: "How do you shard?") { id } }`, { id: roomId }, bob);
      await Promise.all([...moderators, ...listeners].map((collector) => collector.count(2)));
      const executions = api.api.server.fanout.stats.executions - before.executions;
      expect(executions).toBe(2 * 2);
      expect(api.api.server.fanout.stats.sharedDeliveries - before.sharedDeliveries).toBe(2 * 998);
      // Serialised once per class too: each subscriber's frame is the shared JSON plus its id.
      expect(api.api.server.fanout.stats.serialisations - before.serialisations).toBe(2 * 2);
      for (const collector of moderators) expect(collector.items[0]!.roomEvents.participant?.handRaiseQuestion).toBe('How do you shard?');
      for (const collector of listeners) expect(collector.items[0]!.roomEvents.participant?.handRaiseQuestion).toBeNull();
      expect(moderators[0]!.items[0]!.roomEvents.participant?.profile.displayName).toBe('Bob');
    });

    it('kind: a promise per subscriber per event — idle subscribers are handed each event by the channel, in order, without pulling', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      await join(roomId, bob);
      const collectors = [
        ...subscribeMany<HandEvent>(api.wsClient(host), HAND_EVENTS, roomId, 300),
        ...subscribeMany<HandEvent>(api.wsClient(ada), HAND_EVENTS, roomId, 300),
      ];
      await subscribed(roomId, 600);
      // The first event may meet a subscriber still starting (pulled); once it has arrived
      // everywhere, every subscription waits idle again.
      // Each hand change comes with the QuestionChanged of its question (issue 16): two events each.
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id, question: "First") { id } }`, { id: roomId }, bob);
      await Promise.all(collectors.map((collector) => collector.count(2)));
      const before = { ...api.api.server.fanout.stats };
      await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, bob);
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id, question: "Second") { id } }`, { id: roomId }, bob);
      await Promise.all(collectors.map((collector) => collector.count(6)));
      const stats = api.api.server.fanout.stats;
      expect(stats.pushed - before.pushed).toBe(4 * 600);
      expect(stats.executions - before.executions).toBe(4 * 2);
      // The same counts are what /metrics serves.
      const metrics = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
      expect(metrics).toContain(`roundtable_subscription_fanout_total{step="pushed"} ${stats.pushed}`);
      expect(metrics).toContain(`roundtable_subscription_fanout_total{step="executions"} ${stats.executions}`);
      for (const collector of collectors) {
        const events = collector.items.map((item) => item.roomEvents);
        expect(events.map((event) => event.__typename)).toEqual(['HandRaised', 'QuestionChanged', 'HandLowered', 'QuestionChanged', 'HandRaised', 'QuestionChanged']);
        // An unbroken chain: each event continues the one before.
        for (let i = 1; i < events.length; i += 1) expect(events[i]!.previousVersion).toBe(events[i - 1]!.version);
      }
    });

    it('the subject of an event is its own class: the one who raised the hand sees their own question', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      await join(roomId, bob);
      const others = subscribeMany<HandEvent>(api.wsClient(ada), HAND_EVENTS, roomId, 50);
      const subject = subscribeMany<HandEvent>(api.wsClient(bob), HAND_EVENTS, roomId, 50);
      await subscribed(roomId, 100);
      const before = api.api.server.fanout.stats.executions;
      // HandRaised and the hand question's QuestionChanged: each in two classes (the asker, the others).
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id, question: "Mine") { id } }`, { id: roomId }, bob);
      await Promise.all([...others, ...subject].map((collector) => collector.count(2)));
      expect(api.api.server.fanout.stats.executions - before).toBe(2 * 2);
      for (const collector of subject) expect(collector.items[0]!.roomEvents.participant?.handRaiseQuestion).toBe('Mine');
      for (const collector of others) expect(collector.items[0]!.roomEvents.participant?.handRaiseQuestion).toBeNull();
    });

    it('a document that selects viewer-specific fields falls back to one execution per subscriber', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      await join(roomId, bob);
      const perViewer = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { version ... on HandRaised { participant { room { viewerParticipant { role } } } } } }`;
      const collectors = subscribeMany<{ roomEvents: { version: number } }>(api.wsClient(ada), perViewer, roomId, 20);
      await subscribed(roomId, 20);
      const before = api.api.server.fanout.stats.executions;
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, bob);
      await Promise.all(collectors.map((collector) => collector.count(1)));
      expect(api.api.server.fanout.stats.executions - before).toBe(20);
    });
  });

  describe('kind: SQL per subscriber', () => {
    it('a command and its delivery cost the same number of statements for 10 and for 300 subscribers', async () => {
      async function statementsFor(subscribers: number): Promise<number> {
        const roomId = await liveRoom();
        await join(roomId, ada);
        await join(roomId, bob);
        const collectors = [
          ...subscribeMany<HandEvent>(api.wsClient(host), HAND_EVENTS, roomId, subscribers / 2),
          ...subscribeMany<HandEvent>(api.wsClient(ada), HAND_EVENTS, roomId, subscribers / 2),
        ];
        await subscribed(roomId, subscribers);
        // A first event makes sure every subscription is fully set up before counting.
        // HandRaised and its question's QuestionChanged.
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id, question: "Q") { id } }`, { id: roomId }, bob);
        await Promise.all(collectors.map((collector) => collector.count(2)));
        // Counted: the mutation (the same either way) and every statement its delivery makes.
        const statements: string[] = [];
        const stop = api.api.db.onQuery((sql) => statements.push(sql));
        try {
          await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, bob);
          await Promise.all(collectors.map((collector) => collector.count(4)));
        } finally {
          stop();
        }
        expect(collectors.every((collector) => collector.items[2]!.roomEvents.__typename === 'HandLowered')).toBe(true);
        for (const collector of collectors) collector.items.length = 0;
        await api.clear();
        return statements.length;
      }
      const few = await statementsFor(10);
      const many = await statementsFor(300);
      expect(many).toBe(few);
    });
  });

  describe('kind: every listener join delivered to everyone', () => {
    it('thirty listener joins reach a subscriber as a few AudienceChanged with an intact version chain and an exact count', async () => {
      const roomId = await liveRoom();
      const events = new Collector<{
        roomEvents: { __typename: string; version: number; previousVersion: number; listenerCount?: number; joined?: { profile: { id: string } }[]; leftProfileIds?: string[] };
      }>();
      api.wsClient(host).subscribe(
        {
          query: `subscription($roomId: ID!) { roomEvents(roomId: $roomId, sinceVersion: 0) { __typename version previousVersion
            ... on AudienceChanged { listenerCount leftProfileIds joined { profile { id } } } } }`,
          variables: { roomId },
        },
        events.sink,
      );
      await subscribed(roomId, 1);
      const listeners = await Promise.all(Array.from({ length: 30 }, (_, i) => tokenFor(`scale-listener-${i}`)));
      await Promise.all(listeners.map((token) => join(roomId, token)));
      await ok(`mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`, { id: roomId }, listeners[0]!);
      // A stage event right after: the pending audience change is delivered before it.
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, listeners[1]!);
      await events.until(() => events.items.at(-1)?.roomEvents.version === 32, 'version 32');
      const received = events.items.map((item) => item.roomEvents);
      // The chain: every item continues where the previous one ended.
      received.forEach((event, index) => expect(event.previousVersion).toBe(index === 0 ? 0 : received[index - 1]!.version));
      const audience = received.filter((event) => event.__typename === 'AudienceChanged');
      expect(audience.length).toBeLessThan(10);
      expect(received.at(-1)!.__typename).toBe('HandRaised');
      expect(audience.at(-1)!.listenerCount).toBe(29);
      const joined = new Set(audience.flatMap((event) => event.joined!.map((participant) => participant.profile.id)));
      const left = new Set(audience.flatMap((event) => event.leftProfileIds!));
      // Joined and left within one fold is no change; otherwise the leave is reported.
      expect(joined.size + (left.has('scale-listener-0') ? 1 : 0)).toBeGreaterThanOrEqual(29);
    });
  });

  describe('kind: counting the audience on every read', () => {
    it('listenerCount and participantCount are counters kept with the commands, equal to the rows after concurrent joins, leaves, promotions and removals', async () => {
      const roomId = await liveRoom();
      const people = await Promise.all(Array.from({ length: 24 }, (_, i) => tokenFor(`scale-count-${i}`)));
      await Promise.all(people.map((token) => join(roomId, token)));
      await Promise.all([
        ...people.slice(0, 6).map((token) => ok(`mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`, { id: roomId }, token)),
        ok(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "scale-count-10", ban: true) { id } }`, { id: roomId }, host),
        ok(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "scale-count-20") { id } }`, { id: roomId }, host),
      ]);
      await ok(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { id } }`, { id: roomId }, people[20]!);
      // Media jobs (leaves, the ban) read participants too: let them finish before counting.
      expect(await pollUntil(() => api.api.outbox.pendingCount(), (n) => n === 0, { attempts: 300, intervalMs: 50 })).toBe(0);
      const statements: string[] = [];
      const stop = api.api.db.onQuery((sql) => statements.push(sql));
      const { room } = await ok<{ room: { listenerCount: number; participantCount: number } }>(
        `query($id: ID!) { room(id: $id) { listenerCount participantCount } }`,
        { id: roomId },
        host,
      );
      stop();
      // Access checks count bans and memberships; nothing reads (or counts) the audience.
      expect(statements.filter((sql) => /\bparticipants\b/i.test(sql))).toEqual([]);
      const [rows] = await api.api.db.orm.em
        .fork()
        .getConnection()
        .execute<{ listeners: string; total: string }[]>(
          `select count(*) filter (where role = 'LISTENER') as listeners, count(*) as total from participants where room_id = ? and left_at is null`,
          [roomId],
        );
      expect(room).toEqual({ listenerCount: Number(rows!.listeners), participantCount: Number(rows!.total) });
      // 24 joined, 6 left, 1 removed, 1 came on stage: 16 listeners, plus the host and the speaker.
      expect(room).toEqual({ listenerCount: 16, participantCount: 18 });
      await ok(`mutation($id: ID!) { endRoom(roomId: $id) { id } }`, { id: roomId }, host);
      const ended = await ok<{ room: { listenerCount: number; participantCount: number } }>(`query($id: ID!) { room(id: $id) { listenerCount participantCount } }`, { id: roomId }, host);
      expect(ended.room).toEqual({ listenerCount: 0, participantCount: 0 });
    });
  });

  describe('kind: a slow consumer', () => {
    it('a stream nobody reads holds a bounded buffer, never holds up the others, and catches up in order', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      const stream = api.api.server.services.roomEvents;
      const em = api.api.db.orm.em.fork();
      const slow = (await stream.open(em, { profileId: 'scale-host', name: null, isStaff: false }, roomId, null)) as AsyncIterableIterator<RoomStreamItem> & {
        bufferedCount(): number;
      };
      const fast = new Collector<HandEvent>();
      api.wsClient(host).subscribe({ query: HAND_EVENTS, variables: { roomId } }, fast.sink);
      await subscribed(roomId, 2);
      const rounds = MAX_BUFFERED_EVENTS / 2 + 20;
      for (let i = 0; i < rounds; i += 1) {
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, ada);
        await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, ada);
        expect(slow.bufferedCount()).toBeLessThanOrEqual(MAX_BUFFERED_EVENTS);
      }
      await fast.count(rounds * 2);
      const versions: number[] = [];
      for (let i = 0; i < rounds * 2; i += 1) {
        const next = await slow.next();
        versions.push((next.value as RoomStreamItem).event.version);
      }
      await slow.return?.();
      expect(versions).toEqual(fast.items.map((item) => item.roomEvents.version));
    });
  });

  describe('kind: a reconnect storm', () => {
    it('fifty subscribers resuming with sinceVersion share the room\'s recent events: no replay read per subscriber', async () => {
      const roomId = await liveRoom();
      await join(roomId, ada);
      const watcher = new Collector<HandEvent>();
      api.wsClient(host).subscribe({ query: HAND_EVENTS, variables: { roomId } }, watcher.sink);
      await subscribed(roomId, 1);
      for (let i = 0; i < 5; i += 1) {
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, ada);
        await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, ada);
      }
      await watcher.count(10);
      const replays: string[] = [];
      const stop = api.api.db.onQuery((sql) => {
        if (/from\s+"?room_events"?/i.test(sql)) replays.push(sql);
      });
      try {
        const client = api.wsClient(bob);
        const resumed = Array.from({ length: 50 }, () => {
          const collector = new Collector<HandEvent>();
          client.subscribe({ query: HAND_EVENTS.replace('roomEvents(roomId: $roomId)', 'roomEvents(roomId: $roomId, sinceVersion: 3)'), variables: { roomId } }, collector.sink);
          return collector;
        });
        await Promise.all(resumed.map((collector) => collector.count(8)));
        for (const collector of resumed) expect(collector.items.map((item) => item.roomEvents.version)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
      } finally {
        stop();
      }
      expect(replays).toEqual([]);
    });
  });
});

// Delivery of room events (events/room-event-stream.ts) over real graphql-ws sockets: what a
// stream holds is released on every path, a stream never outlives its viewer's access, and what
// is stored and published is the validated domain event.
import WebSocket from 'ws';

import { Migration20261130StoredDomainEvents } from '../src/database/migrations/migration-20261130-stored-domain-events';
import { roomEventsTopic } from '../src/events/room-event-stream';
import { parseRoomEventMessage } from '../src/events/room-event-message';
import { okOn, sql } from './support/graphql-helpers';
import { Collector, roomSubscribersReach, tokenFor, useTestApi } from './support/test-api';
import { pollUntil } from './support/poll';

const EVENTS = `subscription($roomId: ID!, $since: Int) {
  roomEvents(roomId: $roomId, sinceVersion: $since) {
    __typename version previousVersion
    ... on ParticipantJoined { participant { id role connected profile { id } } }
    ... on HandRaised { participant { id handRaiseQuestion } }
    ... on AudienceChanged { listenerCount joined { id role } leftProfileIds }
  }
}`;

interface EventResult {
  roomEvents: {
    __typename: string;
    version: number;
    previousVersion: number;
    participant?: { id: string; role?: string };
    listenerCount?: number;
    joined?: { id: string; role: string }[];
    leftProfileIds?: string[];
  };
}

describe('room event streams', () => {
  const api = useTestApi();
  let host: string;
  let ada: string;

  beforeEach(async () => {
    await api.clear();
    [host, ada] = await Promise.all([tokenFor('stream-host', { name: 'Hedy Host' }), tokenFor('stream-ada', { name: 'Ada' })]);
  });

  const ok = okOn(api);

  async function liveRoom(input: Record<string, unknown> = {}): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`,
      { input: { title: 'Streams', ...input } },
      host,
    );
    return createRoom.id;
  }

  const busSubscriptions = () => api.api.bus.subscriptionCount();

  /** Waits (bounded) until the bus holds `expected` subscriptions; fails with the last count. */
  async function expectBusSubscriptions(expected: number): Promise<void> {
    expect(await pollUntil(busSubscriptions, (n) => n === expected, { attempts: 200 })).toBe(expected);
  }

  /** A raw graphql-ws socket that subscribes and is terminated `delayMs` after sending subscribe. */
  async function subscribeThenTerminate(roomId: string, token: string, delayMs: number): Promise<void> {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve();
      });
    });
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: EVENTS, variables: { roomId } } }));
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    socket.terminate();
  }

  describe('kind: frames written around a payload encoded once', () => {
    // The fan-out encodes a class's payload once and copies it between each operation's
    // `{"id":…,"type":"next","payload":` and `}`: the bytes must be what graphql-ws itself would
    // send, whatever the id and the text hold (quotes, backslashes, non-ASCII).
    it.each([
      ['an id with quotes, a backslash and non-ASCII', 'op "1" \\ é ☕'],
      ['a plain numeric id (variant)', '7'],
    ])('%s: each next frame equals JSON.stringify of its message', async (_name, id) => {
      const joiner = await tokenFor('stream-zoe', { name: 'Zoë "Z" \\ Ünal ☕' });
      const roomId = await liveRoom({ title: 'Café ☕ "quoted" \\ room' });
      const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
      const frames: string[] = [];
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${host}` } })));
          socket.on('message', (data, isBinary) => {
            const text = String(data);
            expect(isBinary).toBe(false);
            if (JSON.parse(text).type === 'connection_ack') resolve();
            else frames.push(text);
          });
        });
        const query = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { __typename version ... on AudienceChanged { joined { id profile { displayName } } } } }`;
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables: { roomId } } }));
        await roomSubscribersReach(api, roomId, 1);
        await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, joiner);
        expect(await pollUntil(() => frames.length, (n) => n >= 1)).toBeGreaterThanOrEqual(1);
        for (const frame of frames) {
          const message = JSON.parse(frame) as { id: string; type: string; payload: unknown };
          expect(message.id).toBe(id);
          expect(message.type).toBe('next');
          expect(frame).toBe(JSON.stringify({ id: message.id, type: 'next', payload: message.payload }));
        }
        const names = frames.flatMap((frame) => {
          const event = (JSON.parse(frame) as { payload: { data: { roomEvents: { joined?: { profile: { displayName: string } }[] } } } }).payload.data.roomEvents;
          return (event.joined ?? []).map((participant) => participant.profile.displayName);
        });
        expect(names).toContain('Zoë "Z" \\ Ünal ☕');
      } finally {
        socket.terminate();
      }
    });
  });

  describe('kind: subscriptions that leak', () => {
    it('twenty sockets terminated 0–4 ms after subscribe leave no bus subscription behind', async () => {
      const roomId = await liveRoom();
      const before = busSubscriptions();
      await Promise.all(Array.from({ length: 20 }, (_, i) => subscribeThenTerminate(roomId, ada, i % 5)));
      await expectBusSubscriptions(before);
    });

    it('an idle subscription completed by its client releases the bus at once, without waiting for an event', async () => {
      const roomId = await liveRoom();
      const before = busSubscriptions();
      const collector = new Collector<EventResult>();
      const dispose = api.wsClient(ada).subscribe({ query: EVENTS, variables: { roomId } }, collector.sink);
      // The room's channel holds one bus subscription for every local subscriber of the room.
      await expectBusSubscriptions(before + 1);
      dispose();
      await expectBusSubscriptions(before);
    });

    it('a refused subscription (bad sinceVersion) releases what it took', async () => {
      const roomId = await liveRoom();
      const before = busSubscriptions();
      const collector = new Collector<EventResult>();
      api.wsClient(ada).subscribe({ query: EVENTS, variables: { roomId, since: 99 } }, collector.sink);
      await collector.until(() => collector.errors.length > 0, 'the refusal');
      await expectBusSubscriptions(before);
    });
  });

  describe('kind: a stream outlives its viewer\'s access', () => {
    async function groupRoom(): Promise<{ roomId: string; groupId: string }> {
      const { createGroup } = await ok<{ createGroup: { id: string } }>(
        `mutation { createGroup(input: { name: "Platform guild" }) { id } }`,
        {},
        host,
      );
      await ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: createGroup.id }, ada);
      const roomId = await liveRoom({ visibility: 'GROUP', groupId: createGroup.id });
      return { roomId, groupId: createGroup.id };
    }

    it('a member who leaves the group stops receiving the group room\'s events', async () => {
      const { roomId, groupId } = await groupRoom();
      const before = busSubscriptions();
      const collector = new Collector<EventResult>();
      api.wsClient(ada).subscribe({ query: EVENTS, variables: { roomId } }, collector.sink);
      await expectBusSubscriptions(before + 1);
      await ok(`mutation($id: ID!) { leaveGroup(groupId: $id) { id } }`, { id: groupId }, ada);
      await collector.until(() => collector.completed, 'the stream to end');
      await expectBusSubscriptions(before);
      // The room goes on; nothing more reaches the former member.
      await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, await tokenFor('stream-bob')).catch(() => undefined);
      expect(collector.items).toEqual([]);
    });

    it('a member who stays keeps the stream when another member leaves', async () => {
      const { roomId, groupId } = await groupRoom();
      const bob = await tokenFor('stream-bob', { name: 'Bob' });
      await ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, bob);
      const before = busSubscriptions();
      const stays = new Collector<EventResult>();
      api.wsClient(ada).subscribe({ query: EVENTS, variables: { roomId } }, stays.sink);
      await expectBusSubscriptions(before + 1);
      await ok(`mutation($id: ID!) { leaveGroup(groupId: $id) { id } }`, { id: groupId }, bob);
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      await stays.count(1);
      expect(stays.completed).toBe(false);
      expect(stays.items[0]!.roomEvents.__typename).toBe('AudienceChanged');
    });
  });

  describe('kind: events stored in the wire format', () => {
    it('stores and publishes the domain event in a validated envelope, with the participant row id and the actor', async () => {
      const roomId = await liveRoom();
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      const [row] = await sql<{ payload: unknown }>(api, `select payload from room_events where room_id = ? and version = 1`, [roomId]);
      const message = parseRoomEventMessage(row!.payload, 'database');
      expect(message).toMatchObject({ schema: 2, actorId: 'stream-ada', event: { type: 'ParticipantJoined', version: 1 } });
      const [participant] = await sql<{ id: string }>(api, `select id from participants where room_id = ? and profile_id = ?`, [roomId, 'stream-ada']);
      expect(message.participantId).toBe(participant!.id);
      // No GraphQL-only fields in the stored event.
      expect(Object.keys((message.event as { participant: object }).participant).sort()).toEqual(
        ['handRaiseQuestion', 'handRaisedAt', 'invitedToStageAt', 'joinedAt', 'muted', 'profileId', 'role', 'stageSince'],
      );
    });

    it('the migration moves rows stored in the old wire format, and replay serves them', async () => {
      const roomId = await liveRoom();
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      const [participant] = await sql<{ id: string }>(api, `select id from participants where room_id = ? and profile_id = ?`, [roomId, 'stream-ada']);
      const [joined] = await sql<{ at: Date }>(api, `select at from room_events where room_id = ? and version = 1`, [roomId]);
      const at = new Date(joined!.at).toISOString();
      // What the API stored before the pipeline: the GraphQL wire shape.
      const legacy = {
        type: 'ParticipantJoined',
        roomId,
        version: 1,
        previousVersion: 0,
        at,
        participant: {
          id: participant!.id,
          roomId,
          profileId: 'stream-ada',
          role: 'LISTENER',
          joinedAt: at,
          stageSince: null,
          handRaisedAt: null,
          handRaiseQuestion: null,
          invitedToStageAt: null,
          muted: false,
          connected: false,
        },
      };
      await sql(api, `update room_events set payload = ?::jsonb where room_id = ? and version = 1`, [JSON.stringify(legacy), roomId]);
      const migration = new Migration20261130StoredDomainEvents(api.api.db.orm.em.getDriver(), api.api.db.orm.config);
      await migration.up();
      for (const query of migration.getQueries()) await sql(api, String(query));
      const [row] = await sql<{ payload: unknown }>(api, `select payload from room_events where room_id = ? and version = 1`, [roomId]);
      expect(parseRoomEventMessage(row!.payload, 'database')).toMatchObject({
        schema: 2,
        participantId: participant!.id,
        actorId: null,
        event: { type: 'ParticipantJoined', participant: { profileId: 'stream-ada', role: 'LISTENER' } },
      });
      const replay = new Collector<EventResult>();
      api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId, since: 0 } }, replay.sink);
      await replay.count(1);
      // A listener's join is an audience change: replayed folded, with the participant's row id.
      expect(replay.items[0]!.roomEvents).toMatchObject({
        __typename: 'AudienceChanged',
        version: 1,
        previousVersion: 0,
        joined: [{ id: participant!.id, role: 'LISTENER' }],
      });
    });

    it('an invalid message on the bus is dropped; the stream goes on in version order', async () => {
      const roomId = await liveRoom();
      const before = busSubscriptions();
      const collector = new Collector<EventResult>();
      api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId } }, collector.sink);
      await expectBusSubscriptions(before + 1);
      await api.api.bus.publish(roomEventsTopic(roomId), { type: 'ParticipantJoined', version: 1, participant: { id: 'x' } });
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      await collector.count(1);
      expect(collector.items.map((item) => item.roomEvents.version)).toEqual([1]);
      expect(collector.errors).toEqual([]);
    });
  });
  describe('kind: an event committed before a stream started', () => {
    it('a stream still opening is not counted as live; once it is, an event committed right after reaches it', async () => {
      const roomId = await liveRoom();
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      // Hold the room channel's bus subscription: the stream exists but cannot start.
      const bus = api.api.bus;
      const subscribe = bus.subscribe.bind(bus);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const spy = jest.spyOn(bus, 'subscribe').mockImplementation(async (topic, handler) => {
        if (topic === roomEventsTopic(roomId)) await held;
        return subscribe(topic, handler);
      });
      try {
        const collector = new Collector<EventResult>();
        api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId } }, collector.sink);
        const opening = () => spy.mock.calls.some(([topic]) => topic === roomEventsTopic(roomId));
        expect(await pollUntil(opening, Boolean)).toBe(true);
        expect(api.api.server.services.roomEvents.subscriberCount(roomId)).toBe(0);
        release();
        await roomSubscribersReach(api, roomId, 1);
        // No question on the hand: one event (a hand's question would add its QuestionChanged).
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, ada);
        await collector.count(1);
        expect(collector.items.map((item) => item.roomEvents.__typename)).toEqual(['HandRaised']);
      } finally {
        release();
        spy.mockRestore();
      }
    });
  });

  describe('kind: events published out of order', () => {
    /**
     * Commits three hand events while holding back what the commits publish on the room's topic,
     * then hands the held messages to `release`: the real bus, with the race made deterministic.
     */
    async function heldPublishes(roomId: string, release: (held: [string, unknown][]) => Promise<void>): Promise<void> {
      const bus = api.api.bus;
      const publish = bus.publish.bind(bus);
      const held: [string, unknown][] = [];
      const spy = jest.spyOn(bus, 'publish').mockImplementation(async (topic, payload) => {
        if (topic === roomEventsTopic(roomId)) held.push([topic, payload]);
        else await publish(topic, payload);
      });
      try {
        // Hands without questions: one event per commit (a hand's question adds a QuestionChanged).
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, ada);
        await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, ada);
        await ok(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: roomId }, ada);
      } finally {
        spy.mockRestore();
      }
      expect(held).toHaveLength(3);
      await release(held);
    }

    async function watchedRoom(): Promise<{ roomId: string; collector: Collector<EventResult>; joinedAt: number }> {
      const roomId = await liveRoom();
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      const { room } = await ok<{ room: { version: number } }>(`query($id: ID!) { room(id: $id) { version } }`, { id: roomId }, host);
      const before = busSubscriptions();
      const collector = new Collector<EventResult>();
      api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId } }, collector.sink);
      await expectBusSubscriptions(before + 1);
      return { roomId, collector, joinedAt: room.version };
    }

    function expectInOrder(collector: Collector<EventResult>, after: number): void {
      expect(collector.items.map((item) => [item.roomEvents.__typename, item.roomEvents.version, item.roomEvents.previousVersion])).toEqual([
        ['HandRaised', after + 1, after],
        ['HandLowered', after + 2, after + 1],
        ['HandRaised', after + 3, after + 2],
      ]);
      expect(collector.errors).toEqual([]);
    }

    it('three commits published last-first reach the subscriber in version order, each once', async () => {
      const { roomId, collector, joinedAt } = await watchedRoom();
      await heldPublishes(roomId, async (held) => {
        for (const [topic, payload] of [...held].reverse()) await api.api.bus.publish(topic, payload);
      });
      await collector.count(3);
      expectInOrder(collector, joinedAt);
    });

    it('variant: only the last of three publishes arrives; the two before it are filled from room_events, in order', async () => {
      const { roomId, collector, joinedAt } = await watchedRoom();
      await heldPublishes(roomId, async (held) => {
        const [topic, payload] = held[2]!;
        await api.api.bus.publish(topic, payload);
      });
      await collector.count(3);
      expectInOrder(collector, joinedAt);
    });

    it('variant: a resume from sinceVersion while new commits are pushed gets the replay, then the live events, in order, each once', async () => {
      const roomId = await liveRoom();
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
      const { room } = await ok<{ room: { version: number } }>(`query($id: ID!) { room(id: $id) { version } }`, { id: roomId }, host);
      // Hands without questions: one event per commit (a hand's question adds a QuestionChanged).
      const hands = ['raiseHand(roomId: $id)', 'lowerHand(roomId: $id)'];
      for (let i = 0; i < 4; i += 1) await ok(`mutation($id: ID!) { ${hands[i % 2]} { id } }`, { id: roomId }, ada);
      const collector = new Collector<EventResult>();
      api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId, since: room.version } }, collector.sink);
      // Committed while the replay is read and sent: the stream pulls some, the channel pushes the rest.
      for (let i = 4; i < 10; i += 1) await ok(`mutation($id: ID!) { ${hands[i % 2]} { id } }`, { id: roomId }, ada);
      await collector.count(10);
      const events = collector.items.map((item) => item.roomEvents);
      expect(events.map((event) => event.version)).toEqual(Array.from({ length: 10 }, (_, i) => room.version + 1 + i));
      expect(events.map((event) => event.previousVersion)).toEqual(Array.from({ length: 10 }, (_, i) => room.version + i));
      expect(events.map((event) => event.__typename)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'HandRaised' : 'HandLowered')));
      expect(collector.errors).toEqual([]);
    });
  });
});

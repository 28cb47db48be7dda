// Kind: a slow consumer (issue 9). A socket whose client stops reading must never make the API
// buffer without bound or hold up the other subscribers: once more than WS_MAX_BUFFERED_BYTES
// wait unsent on it (ws `bufferedAmount`), it is closed with 4441, and everyone else still gets
// every event in version order. Counted, never timed: the test stops the reader, drives events
// until the server has closed the socket, and checks what each side received.
import net from 'node:net';

import WebSocket from 'ws';

import { WsCloseCode } from '../src/admission/ws-close-code';
import { okOn } from './support/graphql-helpers';
import { Collector, roomSubscribersReach, startTestApi, type TestApi, tokenFor } from './support/test-api';
import { pollUntil } from './support/poll';

const FAT_EVENTS = `subscription($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename version previousVersion at
    ... on HandRaised { participant { id role handRaiseQuestion joinedAt profile { id displayName headline } } }
    ... on HandLowered { participant { id role joinedAt profile { id displayName headline } } }
  }
}`;

interface HandEvent {
  roomEvents: { __typename: string; version: number; previousVersion: number };
}

/** A graphql-transport-ws client on a TCP socket the test can stop reading (pause). */
async function pausableSubscriber(wsUrl: string, token: string, roomId: string, subscriptions: number) {
  let tcp: net.Socket | null = null;
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', {
    createConnection: (options: net.NetConnectOpts) => {
      tcp = net.createConnection(options);
      return tcp;
    },
  } as WebSocket.ClientOptions);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const messages: { type: string }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as { type: string }));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  expect(await pollUntil(() => messages.some((m) => m.type === 'connection_ack'), (acked) => acked)).toBe(true);
  for (let i = 0; i < subscriptions; i += 1) {
    socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: FAT_EVENTS, variables: { roomId } } }));
  }
  return {
    messages,
    closed,
    stopReading: () => tcp!.pause(),
    resumeReading: () => tcp!.resume(),
  };
}

describe('kind: a slow consumer', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The smallest allowed queue, so a paused reader trips it once the kernel's buffers are full.
    api = await startTestApi({ WS_MAX_BUFFERED_BYTES: '1024' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const ok = okOn(() => api);

  const subscribed = (roomId: string, count: number) => roomSubscribersReach(api, roomId, count);

  const slowClosed = async () => (await api.api.server.metrics.wsSlowConsumersClosed.get()).values[0]?.value ?? 0;

  it.each([
    ['a socket that stops reading with 100 subscriptions', 100],
    ['a socket that stops reading with 60 subscriptions (variant)', 60],
  ])('%s is closed with 4441 past WS_MAX_BUFFERED_BYTES; the other subscriber gets every event in order', async (_name, subscriptions) => {
    await api.clear();
    const [host, ada, reader] = await Promise.all([
      tokenFor('slow-host', { name: 'Hedy Host' }),
      tokenFor('slow-ada', { name: 'Ada Listener with a rather long display name to fatten every frame' }),
      tokenFor('slow-reader', { name: 'Stopped Reader' }),
    ]);
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Slow consumer" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
    const before = await slowClosed();

    const fast = new Collector<HandEvent>();
    api.wsClient(host).subscribe({ query: FAT_EVENTS, variables: { roomId } }, fast.sink);
    const slow = await pausableSubscriber(api.wsUrl, reader, roomId, subscriptions);
    await subscribed(roomId, subscriptions + 1);
    slow.stopReading();

    // Events until the server gives up on the stopped reader: the kernel's socket buffers fill
    // first (a few MB on loopback), then ws starts queueing, then the next frame closes it.
    const question = 'Q'.repeat(280);
    // HandRaised and HandLowered, each with the QuestionChanged of the hand's question (issue 16:
    // raised again with the same text, it is the same question, asked in person or not).
    const EVENTS_PER_ROUND = 4;
    let rounds = 0;
    while ((await slowClosed()) === before && rounds < 2000) {
      await ok(`mutation($id: ID!, $q: String) { raiseHand(roomId: $id, question: $q) { id } }`, { id: roomId, q: question }, ada);
      await ok(`mutation($id: ID!) { lowerHand(roomId: $id) { id } }`, { id: roomId }, ada);
      rounds += 1;
    }
    process.stdout.write(`slow consumer (${subscriptions} subscriptions): closed after ${rounds} rounds\n`);
    expect(await slowClosed()).toBe(before + 1);

    // The others were never held up: every event, in version order, with an intact chain.
    await fast.count(rounds * EVENTS_PER_ROUND);
    const versions = fast.items.map((item) => item.roomEvents.version);
    expect(versions).toEqual(Array.from({ length: rounds * EVENTS_PER_ROUND }, (_, i) => versions[0]! + i));
    for (const item of fast.items) expect(item.roomEvents.previousVersion).toBe(item.roomEvents.version - 1);

    // The stopped reader, once it reads again, finds what was sent before the close, then 4441.
    slow.resumeReading();
    const close = await slow.closed;
    expect(close.code).toBe(WsCloseCode.SlowConsumer);
    expect(close.reason).toMatch(/sinceVersion/);
    const delivered = slow.messages.filter((m) => m.type === 'next').length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(rounds * EVENTS_PER_ROUND * subscriptions);
    // Nothing of the closed socket stays subscribed.
    expect(await pollUntil(() => api.api.server.services.roomEvents.subscriberCount(roomId), (n) => n <= 1)).toBe(1);
  });
});

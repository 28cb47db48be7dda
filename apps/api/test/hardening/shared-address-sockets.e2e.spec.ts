// Issue 14, section 2: company networks and proxies. Sockets not signed in yet were counted per
// IP address against WS_MAX_SOCKETS_PER_VIEWER, signed-in sockets too until their init was
// handled, and the address was always the socket peer. One anonymous client holding 20 silent
// sockets closed every signed-in user of its address with 4439 (26 of 26), 100 people connecting
// at once from one office lost 69–80 of them, and behind a reverse proxy the whole service was
// one address. Now: one clientAddress() honouring TRUST_PROXY; silent sockets have their own
// per-address budget (WS_MAX_PENDING_SOCKETS_PER_ADDRESS, overflow closed after
// WS_PENDING_OVERFLOW_GRACE_MS), and a signed-in socket counts only against its viewer.
import { WsCloseCode } from '../../src/admission/ws-close-code';
import { roomSubscribersReach, type TestApi, tokenFor } from '../support/test-api';
import { createLiveRoom, useHardeningApi } from './support/hardening';
import { countOf, crowdSubscribes, type RoomSubscriber, roomSubscriber, SilentSocketHolder, silentSocket } from './support/raw-sockets';

/** Signed-in viewers `prefix-0…n-1` connecting at once from one address (crowdSubscribes). */
async function subscribeMany(api: TestApi, roomId: string, prefix: string, n: number, headers: Record<string, string> = {}) {
  const tokens = await Promise.all(Array.from({ length: n }, (_v, i) => tokenFor(`${prefix}-${i}`)));
  return crowdSubscribes(api.wsUrl, roomId, tokens, headers);
}

/** Commits one room event and counts the subscribers it reached (every one must, or the wait fails). */
async function deliverOneEvent(api: TestApi, roomId: string, subscribers: readonly Pick<RoomSubscriber, 'firstEvent'>[], joiner: string) {
  const joined = await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, await tokenFor(joiner));
  expect(joined.errors).toBeUndefined();
  let reached = 0;
  await Promise.all(subscribers.map((subscriber) => subscriber.firstEvent.then((outcome) => (reached += outcome === undefined ? 1 : 0))));
  return reached;
}

describe('kind: sockets that have not signed in lock the signed-in users of their address out', () => {
  // Default budgets, but the longest grace: the crowd below holds every init until all its
  // sockets are open, which a loaded 2-core machine may stretch towards the default 1 s.
  const { api, errorLines } = useHardeningApi({ WS_PENDING_OVERFLOW_GRACE_MS: '2000' });
  let roomId: string;

  beforeAll(async () => {
    await api.clear();
    roomId = await createLiveRoom(api, await tokenFor('shared-address-host'));
  });

  const overflowClosed = async () => (await api.api.server.metrics.wsPendingOverflowClosed.get()).values[0]?.value ?? 0;

  it('the given case: 20 silent sockets held open from one address; 26 of 26 signed-in users of that address connect and subscribe', async () => {
    const attacker = await SilentSocketHolder.hold(api.wsUrl, 20);
    try {
      const attempts = [];
      for (let i = 0; i < 26; i += 1) {
        const subscriber = roomSubscriber(api.wsUrl, await tokenFor(`office-user-${i}`), roomId);
        expect(await subscriber.subscribed).toBe(true);
        attempts.push(subscriber);
      }
      await roomSubscribersReach(api, roomId, 26);
      expect(await deliverOneEvent(api, roomId, attempts, 'office-joiner')).toBe(26);
      for (const { socket } of attempts) socket.close();
      const codes = await Promise.all(attempts.map(({ closed }) => closed));
      expect(countOf(codes, WsCloseCode.TooManySockets)).toBe(0);
    } finally {
      attacker.stop();
    }
  });

  it('the given case: 100 signed-in users connecting at once from one address all get their subscription', async () => {
    const { subscribers, subscribed } = await subscribeMany(api, roomId, 'at-once', 100);
    expect(subscribed).toBe(100);
    await roomSubscribersReach(api, roomId, 100);
    expect(await deliverOneEvent(api, roomId, subscribers, 'at-once-joiner')).toBe(100);
    for (const { socket } of subscribers) socket.close();
  });

  it('the bound: beyond WS_MAX_PENDING_SOCKETS_PER_ADDRESS (20) silent sockets are closed with 4439, the 20 by the init timeout (4408)', async () => {
    const overflowBefore = await overflowClosed();
    const silent = await Promise.all(Array.from({ length: 30 }, () => silentSocket(api.wsUrl)));
    const codes = await Promise.all(silent.map(({ closed }) => closed));
    expect(countOf(codes, WsCloseCode.TooManySockets)).toBe(10);
    expect(countOf(codes, 4408)).toBe(20);
    expect(await overflowClosed()).toBe(overflowBefore + 10);
  });

  it('variant: X-Forwarded-For from a peer that is not a trusted proxy is ignored, so spoofed addresses share one budget', async () => {
    // TRUST_PROXY is unset (trust nothing): 30 sockets each claiming another address are one client.
    const silent = await Promise.all(Array.from({ length: 30 }, (_v, i) => silentSocket(api.wsUrl, { 'x-forwarded-for': `198.51.100.${i + 1}` })));
    const codes = await Promise.all(silent.map(({ closed }) => closed));
    expect(countOf(codes, WsCloseCode.TooManySockets)).toBe(10);
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

describe('kind: behind a reverse proxy every client shared the proxy\'s address', () => {
  // The test client connects from 127.0.0.1, playing the proxy: TRUST_PROXY=loopback believes it.
  const { api, errorLines } = useHardeningApi({ TRUST_PROXY: 'loopback', WS_MAX_PENDING_SOCKETS_PER_ADDRESS: '3', RATE_LIMIT_EXPENSIVE_READS: '2' });
  let roomId: string;

  beforeAll(async () => {
    await api.clear();
    roomId = await createLiveRoom(api, await tokenFor('proxied-host'));
  });

  it('variant: silent sockets via a trusted proxy are budgeted per real client (X-Forwarded-For)', async () => {
    const fromA = await Promise.all(Array.from({ length: 5 }, () => silentSocket(api.wsUrl, { 'x-forwarded-for': '198.51.100.1' })));
    const fromB = await Promise.all(Array.from({ length: 3 }, () => silentSocket(api.wsUrl, { 'x-forwarded-for': '203.0.113.7' })));
    // A client cannot spoof its way out: the proxy appends the real peer, and only that entry is read.
    const spoofing = await Promise.all(Array.from({ length: 2 }, (_v, i) => silentSocket(api.wsUrl, { 'x-forwarded-for': `10.9.9.${i}, 198.51.100.1` })));
    const codesA = await Promise.all([...fromA, ...spoofing].map(({ closed }) => closed));
    const codesB = await Promise.all(fromB.map(({ closed }) => closed));
    expect(countOf(codesA, WsCloseCode.TooManySockets)).toBe(4);
    expect(countOf(codesB, WsCloseCode.TooManySockets)).toBe(0);
  });

  it('variant: a signed-in user connects through the proxy while its client address holds silent sockets beyond the budget', async () => {
    const attacker = await SilentSocketHolder.hold(api.wsUrl, 20, { 'x-forwarded-for': '198.51.100.1' });
    try {
      const { subscribers, subscribed } = await subscribeMany(api, roomId, 'proxied-user', 10, { 'x-forwarded-for': '198.51.100.1' });
      expect(subscribed).toBe(10);
      await roomSubscribersReach(api, roomId, 10);
      expect(await deliverOneEvent(api, roomId, subscribers, 'proxied-joiner')).toBe(10);
      for (const { socket } of subscribers) socket.close();
    } finally {
      attacker.stop();
    }
  });

  it('variant: anonymous HTTP rate limits are keyed by the real client behind the proxy', async () => {
    const read = async (forwardedFor: string) => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: `{ recommendedRooms(first: 1) { modelVersion } }` }),
      });
      return response.status;
    };
    expect([await read('198.51.100.1'), await read('198.51.100.1')]).not.toContain(429);
    expect(await read('198.51.100.1')).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect(await read('203.0.113.7')).not.toBe(429);
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

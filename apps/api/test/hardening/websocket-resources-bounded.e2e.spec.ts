// Issue 6, fault 9: unbounded WebSocket resources. One socket held 10,000 subscriptions, one
// viewer opened 1,000 sockets, 95 MiB frames were accepted (HTTP caps bodies at 256 KB), and
// 100,000 pings got 100,000 pongs. Now: WS_MAX_SUBSCRIPTIONS_PER_SOCKET operations per socket,
// WS_MAX_SOCKETS_PER_VIEWER sockets per viewer, WS_MAX_PENDING_SOCKETS_PER_ADDRESS sockets not
// signed in yet per address (issue 14: never counted against the signed-in), frames no larger than
// HTTP_MAX_BODY_BYTES, and WS_MAX_PINGS_PER_MINUTE pings; refusals use WsCloseCode.
import WebSocket from 'ws';

import { WsCloseCode } from '../../src/admission/ws-close-code';
import { codeOf, wsExecute } from '../support/graphql-helpers';
import { Collector, tokenFor } from '../support/test-api';
import { createLiveRoom, gauge, settle, useHardeningApi } from './support/hardening';

const ROOM_EVENTS = `subscription($r: ID!) { roomEvents(roomId: $r) { version } }`;

describe('WebSocket resources are bounded', () => {
  const { api, errorLines } = useHardeningApi({
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    WS_MAX_SOCKETS_PER_VIEWER: '3',
    WS_MAX_PENDING_SOCKETS_PER_ADDRESS: '3',
    WS_MAX_PINGS_PER_MINUTE: '5',
    HTTP_MAX_BODY_BYTES: '16384',
  });
  let roomId: string;

  beforeAll(async () => {
    await api.clear();
    roomId = await createLiveRoom(api, await tokenFor('bounded-host'));
  });

  /** A raw graphql-transport-ws socket, acknowledged; `closed` resolves with the close code. */
  async function rawSocket(token: string | null) {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (token) {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      await Promise.race([new Promise<void>((resolve) => socket.once('message', () => resolve())), closed]);
    }
    return { socket, closed };
  }

  it('the issue case, scaled: a fourth operation on a socket limited to 3 is refused, and the three go on', async () => {
    const client = api.wsClient(await tokenFor('bounded-subscriber'));
    const streams = [new Collector<unknown>(), new Collector<unknown>(), new Collector<unknown>()];
    for (const stream of streams) client.subscribe({ query: ROOM_EVENTS, variables: { r: roomId } }, stream.sink);
    expect(await settle(() => gauge(api, 'roundtable_subscriptions_active'), 3)).toBe(3);
    const fourth = await wsExecute(client, ROOM_EVENTS, { r: roomId });
    expect(codeOf(fourth)).toBe('RATE_LIMITED');
    expect(fourth.closeCode).toBeUndefined();
    await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, await tokenFor('bounded-joiner'));
    for (const stream of streams) await stream.count(1);
    await client.dispose();
    expect(await settle(() => gauge(api, 'roundtable_subscriptions_active'), 0)).toBe(0);
  });

  it('a viewer gets WS_MAX_SOCKETS_PER_VIEWER sockets; the next closes with TooManySockets', async () => {
    const token = await tokenFor('bounded-many-sockets');
    const allowed = await Promise.all([rawSocket(token), rawSocket(token), rawSocket(token)]);
    const refused = await rawSocket(token);
    expect(await refused.closed).toBe(WsCloseCode.TooManySockets);
    for (const { socket } of allowed) expect(socket.readyState).toBe(WebSocket.OPEN);
    // Closing one frees a place.
    allowed[0]?.socket.close();
    await allowed[0]?.closed;
    const again = await rawSocket(token);
    expect(again.socket.readyState).toBe(WebSocket.OPEN);
    for (const { socket } of [...allowed, again]) socket.close();
    expect(await settle(() => gauge(api, 'roundtable_ws_connections_active'), 0)).toBe(0);
  });

  it('variant: sockets that never sign in are bounded per client address', async () => {
    const open = await Promise.all([rawSocket(null), rawSocket(null), rawSocket(null)]);
    const refused = await rawSocket(null);
    expect(await refused.closed).toBe(WsCloseCode.TooManySockets);
    for (const { socket } of open) socket.terminate();
    expect(await settle(() => gauge(api, 'roundtable_ws_connections_active'), 0)).toBe(0);
  });

  it('a frame larger than the HTTP body limit closes the socket (1009), a smaller one is answered', async () => {
    const { socket, closed } = await rawSocket(await tokenFor('bounded-frames'));
    socket.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `{ topics { slug } }`, variables: { pad: 'x'.repeat(20_000) } } }));
    expect(await closed).toBe(1009);
    const small = await rawSocket(await tokenFor('bounded-frames'));
    const answer = new Promise<string>((resolve) => small.socket.once('message', (data) => resolve(String(data))));
    small.socket.send(JSON.stringify({ id: 'ok', type: 'subscribe', payload: { query: `{ topics { slug } }` } }));
    expect(JSON.parse(await answer)).toMatchObject({ id: 'ok', type: 'next' });
    small.socket.close();
  });

  it('control pings beyond WS_MAX_PINGS_PER_MINUTE close the socket with TooManyPings', async () => {
    const { socket, closed } = await rawSocket(await tokenFor('bounded-pinger'));
    let pongs = 0;
    socket.on('pong', () => {
      pongs += 1;
    });
    for (let i = 0; i < 10; i += 1) socket.ping();
    expect(await closed).toBe(WsCloseCode.TooManyPings);
    expect(pongs).toBeLessThanOrEqual(5);
  });

  it('variant: graphql-ws ping messages count against the same budget', async () => {
    const { socket, closed } = await rawSocket(await tokenFor('bounded-protocol-pinger'));
    let pongs = 0;
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'pong') pongs += 1;
    });
    for (let i = 0; i < 10; i += 1) socket.send(JSON.stringify({ type: 'ping' }));
    expect(await closed).toBe(WsCloseCode.TooManyPings);
    expect(pongs).toBeLessThanOrEqual(5);
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

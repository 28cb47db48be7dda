import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';

import { WebSocket, WebSocketServer } from 'ws';

import { sendTextFrame } from './ws-text-frame';

/**
 * A real ws server and client on loopback: each test sends messages from the server side and
 * reads them, as UTF-8 text, with ws's own receiver on the client side.
 */
async function pair(
  perMessageDeflate: boolean,
): Promise<{ server: WebSocket; client: WebSocket; received: () => Promise<string[]>; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate });
  const messages: { data: string; binary: boolean }[] = [];
  client.on('message', (data, isBinary) => messages.push({ data: (data as Buffer).toString('utf8'), binary: isBinary }));
  // Pings in the same list, in the order they arrived among the messages.
  client.on('ping', (data) => messages.push({ data: `ping:${data.toString('utf8')}`, binary: false }));
  await once(client, 'open');
  const [server] = await accepted;
  return {
    server,
    client,
    received: async () => {
      // A marker sent last through ws's own send: everything before it has arrived, in order.
      server.send('end');
      while (messages.at(-1)?.data !== 'end') await new Promise((resolve) => setTimeout(resolve, 5));
      expect(messages.every((message) => !message.binary)).toBe(true);
      return messages.slice(0, -1).map((message) => message.data);
    },
    close: async () => {
      if (client.readyState !== WebSocket.CLOSED) {
        const closed = once(client, 'close');
        client.close();
        await closed;
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('sendTextFrame: one text message from a prefix and a shared payload, without copying the payload', () => {
  // Whole payloads at the edges of each length form of RFC 6455 §5.2 (7-bit up to 125, 16-bit up
  // to 65,535, 64-bit beyond), and a short and a long one.
  const payloadLengths = [12, 125, 126, 127, 65_535, 65_536, 65_537, 200_000];

  it.each([false, true])('arrives as exactly what one send of the concatenation gives (permessage-deflate negotiated: %s)', async (deflate) => {
    const { server, received, close } = await pair(deflate);
    const expected: string[] = [];
    for (const length of payloadLengths) {
      const prefix = utf8(`{"id":"${length}",`);
      // Lengths in bytes, with two-byte characters: the header counts bytes, not characters.
      const sharedLength = length - prefix.length;
      const shared = utf8('é'.repeat(Math.floor((sharedLength - 1) / 2)) + 'x'.repeat((sharedLength - 1) % 2) + '}');
      expect(prefix.length + shared.length).toBe(length);
      sendTextFrame(server, prefix, shared);
      expected.push(`{"id":"${length}",${shared.toString('utf8')}`);
    }
    expect(await received()).toEqual(expected);
    await close();
  });

  it('writes the shared payload itself to the TCP socket when no extension is negotiated, and copies it when ws must compress', async () => {
    for (const deflate of [false, true]) {
      const { server, received, close } = await pair(deflate);
      const tcp = (server as unknown as { _socket: Socket })._socket;
      const written: unknown[] = [];
      const write = tcp.write.bind(tcp);
      tcp.write = ((chunk: unknown, ...rest: never[]) => {
        written.push(chunk);
        return write(chunk as Buffer, ...rest);
      }) as typeof tcp.write;
      const shared = utf8(`${'x'.repeat(10_000)}]`);
      sendTextFrame(server, utf8('['), shared);
      // Direct: the very buffer is handed to the socket; through ws with deflate, never.
      expect(written.includes(shared)).toBe(!deflate);
      tcp.write = write;
      expect(await received()).toEqual([`[${'x'.repeat(10_000)}]`]);
      await close();
    }
  });

  it('goes through ws while ws is in the middle of a fragmented message, never writing a frame inside it', async () => {
    const { server, received, close } = await pair(false);
    server.send('first half, ', { fin: false });
    // A text frame written straight to the socket now would land inside the fragmented message
    // (a protocol error that closes the connection); through ws it continues and ends that
    // message, as ws's own send of it would.
    sendTextFrame(server, utf8('<'), utf8('between>'));
    expect(await received()).toEqual(['first half, <between>']);
    await close();
  });

  it("waits behind a frame ws holds (a Blob being read), and keeps its place among ws's own pings", async () => {
    const { server, received, close } = await pair(false);
    server.send(new Blob(['held by ws, ']), { binary: false });
    // ws is reading the Blob: a direct write now would overtake it.
    sendTextFrame(server, utf8('then '), utf8('this'));
    server.ping('between');
    sendTextFrame(server, utf8('and '), utf8('last'));
    expect(await received()).toEqual(['held by ws, ', 'then this', 'ping:between', 'and last']);
    await close();
  });

  it('writes nothing once the socket is closing', async () => {
    const { server, client, close } = await pair(false);
    const closed = once(client, 'close');
    const tcp = (server as unknown as { _socket: Socket })._socket;
    const write = tcp.write.bind(tcp);
    server.close(1000);
    const written: unknown[] = [];
    tcp.write = ((chunk: unknown, ...rest: never[]) => {
      written.push(chunk);
      return write(chunk as Buffer, ...rest);
    }) as typeof tcp.write;
    sendTextFrame(server, utf8('after '), utf8('close'));
    expect(written).toEqual([]);
    tcp.write = write;
    const [code] = (await closed) as [number];
    expect(code).toBe(1000);
    await close();
  });
});

import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';

import { WebSocket, WebSocketServer } from 'ws';

import { sendTextFrame } from './ws-text-frame';

/**
 * A real ws server and client on loopback: each test sends messages from the server side and
 * reads them, as UTF-8 text, with ws's own receiver on the client side.
 */
async function pair(perMessageDeflate: boolean): Promise<{ server: WebSocket; received: () => Promise<string[]>; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate });
  const messages: { data: string; binary: boolean }[] = [];
  client.on('message', (data, isBinary) => messages.push({ data: (data as Buffer).toString('utf8'), binary: isBinary }));
  await once(client, 'open');
  const [server] = await accepted;
  return {
    server,
    received: async () => {
      // A marker sent last through ws's own send: everything before it has arrived, in order.
      server.send('end');
      while (messages.at(-1)?.data !== 'end') await new Promise((resolve) => setTimeout(resolve, 5));
      expect(messages.every((message) => !message.binary)).toBe(true);
      return messages.slice(0, -1).map((message) => message.data);
    },
    close: async () => {
      client.close();
      await once(client, 'close');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('sendTextFrame: one text message from a prefix, a shared payload and a suffix, without copying the payload', () => {
  // Each length form of RFC 6455 §5.2: 7-bit, 16-bit and 64-bit payload lengths, at their edges.
  const payloadLengths = [0, 1, 120, 125 - 2, 126 - 2, 65_535 - 2, 65_536 - 2, 200_000];

  it.each([false, true])('arrives as exactly what one send of the concatenation gives (permessage-deflate negotiated: %s)', async (deflate) => {
    const { server, received, close } = await pair(deflate);
    const expected: string[] = [];
    for (const length of payloadLengths) {
      // Multi-byte characters across the part boundaries: only the whole is valid UTF-8.
      const shared = utf8('é'.repeat(Math.floor(length / 2)) + 'x'.repeat(length % 2));
      const prefix = utf8(`{"id":"${length}",`);
      const suffix = utf8('}');
      sendTextFrame(server, prefix, shared, suffix);
      expected.push(`{"id":"${length}",${shared.toString('utf8')}}`);
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
      const shared = utf8('x'.repeat(10_000));
      sendTextFrame(server, utf8('['), shared, utf8(']'));
      // Direct: the very buffer is handed to the socket; through ws with deflate, never.
      expect(written.includes(shared)).toBe(!deflate);
      tcp.write = write;
      expect(await received()).toEqual([`[${'x'.repeat(10_000)}]`]);
      await close();
    }
  });

  it('goes through ws while ws is in the middle of a fragmented message, so the stream stays valid', async () => {
    const { server, received, close } = await pair(false);
    server.send('first half, ', { fin: false });
    // A text frame written straight to the socket now would land inside the fragmented message
    // (a protocol error that closes the connection); through ws it continues and ends it.
    sendTextFrame(server, utf8('<'), utf8('between'), utf8('>'));
    expect(await received()).toEqual(['first half, <between>']);
    await close();
  });
});

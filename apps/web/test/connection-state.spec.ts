// Bug 7 (kind: a status that does not follow the truth): the live indicator's state comes from the
// real socket and real HTTP failures. A real graphql-ws server on a real port is stopped and
// started under the client; no mocks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TypedDocumentNode } from '@urql/core';
import { buildSchema, parse } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer as attachGraphQLWs } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';

import { ApiClient, reconnectDelayMs } from '../src/api/graphql-client';

import { waitForConnectionState } from './connection-state.test-helper';

const schema = buildSchema('type Query { ok: Boolean } type Subscription { tick: Int! }');
const roots = {
  subscription: {
    async *tick() {
      for (let i = 0; ; i += 1) {
        yield { tick: i };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  },
};
const TICKS = parse('subscription Ticks { tick }') as TypedDocumentNode<{ tick: number }, Record<string, never>>;
const OK = parse('query Ok { ok }') as TypedDocumentNode<{ ok: boolean }, Record<string, never>>;

interface LiveServer {
  readonly port: number;
  stop(): Promise<void>;
}

async function startWsServer(port = 0, refuse = false): Promise<LiveServer> {
  const http: Server = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const cleanup = attachGraphQLWs({ schema, roots, onConnect: () => !refuse }, wss);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    async stop() {
      for (const client of wss.clients) client.terminate();
      await cleanup.dispose();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const leftovers: (() => unknown)[] = [];
afterEach(async () => {
  for (const dispose of leftovers.splice(0).reverse()) await dispose();
});

describe('ApiClient connection state', () => {
  it('is live on a running socket, reconnecting when the API goes away, and live again (with the stream resumed) when it is back', async () => {
    let server = await startWsServer();
    const port = server.port;
    const client = new ApiClient('token', { protocol: 'http:', host: `127.0.0.1:${port}` }, WebSocket);
    leftovers.push(() => client.dispose());
    const ticks: number[] = [];
    const errors: unknown[] = [];
    const unsubscribe = client.subscribe(TICKS, {}, { next: (data) => ticks.push(data.tick), error: (error) => errors.push(error), complete: () => undefined });
    leftovers.push(unsubscribe);

    await waitForConnectionState(client, 'live');
    await server.stop();
    await waitForConnectionState(client, 'reconnecting');
    const before = ticks.length;

    server = await startWsServer(port);
    leftovers.push(() => server.stop());
    await waitForConnectionState(client, 'live');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ticks.length).toBeGreaterThan(before);
    expect(errors).toEqual([]);
  }, 30_000);

  it('says offline when an HTTP request cannot reach the API', async () => {
    const server = await startWsServer();
    await server.stop();
    const client = new ApiClient('token', { protocol: 'http:', host: `127.0.0.1:${server.port}` }, WebSocket);
    leftovers.push(() => client.dispose());
    await expect(client.query(OK, {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(client.connectionState()).toBe('offline');
  });

  it('says refused, and stops retrying, when the server refuses the token (Forbidden close)', async () => {
    const server = await startWsServer(0, true);
    leftovers.push(() => server.stop());
    const client = new ApiClient('bad', { protocol: 'http:', host: `127.0.0.1:${server.port}` }, WebSocket);
    leftovers.push(() => client.dispose());
    const errors: { code: string }[] = [];
    leftovers.push(client.subscribe(TICKS, {}, { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined }));
    await waitForConnectionState(client, 'refused');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.connectionState()).toBe('refused');
    expect(errors.map((error) => error.code)).toEqual(['UNAUTHENTICATED']);
    expect(CloseCode.Forbidden).toBe(4403);
  });
});

describe('reconnectDelayMs', () => {
  it('backs off exponentially, capped at 15 s plus up to 1 s of jitter', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(1000);
    expect(reconnectDelayMs(3, () => 0)).toBe(8000);
    expect(reconnectDelayMs(10, () => 0.999)).toBe(15_999);
  });
});

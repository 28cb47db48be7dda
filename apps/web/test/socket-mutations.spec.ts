// A room's chat and reactions go over the live socket (ApiClient.mutate's overLiveSocket): each costs
// the API no HTTP request. A real graphql-ws server and a real HTTP GraphQL endpoint on one real
// port; no mocks. Counts of executions per transport, never times.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TypedDocumentNode } from '@urql/core';
import { buildSchema, graphql, GraphQLError, parse } from 'graphql';
import { useServer as attachGraphQLWs } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';

import { ApiError } from '../src/api/api-error';
import { ApiClient, SOCKET_MUTATION_DROPPED } from '../src/api/graphql-client';

import { waitForConnectionState } from './connection-state.test-helper';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Mutation { send(text: String!): String! refuse: Boolean hang: Boolean }
  type Subscription { tick: Int! }
`);

interface Counts {
  http: string[];
  socket: string[];
}

interface Api {
  readonly port: number;
  readonly counts: Counts;
  stop(): Promise<void>;
}

async function startApi(port = 0): Promise<Api> {
  const counts: Counts = { http: [], socket: [] };
  let transport: keyof Counts = 'http';
  const root = {
    send: ({ text }: { text: string }) => {
      counts[transport].push(text);
      return `sent: ${text}`;
    },
    refuse: () => {
      counts[transport].push('refuse');
      throw new GraphQLError('Chat is off in this room', { extensions: { code: 'FORBIDDEN' } });
    },
    // Never answers: the socket drops first.
    hang: () => {
      counts[transport].push('hang');
      return new Promise(() => undefined);
    },
  };
  const roots = {
    subscription: {
      async *tick() {
        for (let i = 0; ; i += 1) {
          yield { tick: i };
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
    },
  };
  const http: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      transport = 'http';
      void graphql({ schema, source: body.query, variableValues: body.variables ?? {}, rootValue: root }).then((result) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      });
    });
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const cleanup = attachGraphQLWs(
    {
      schema,
      roots,
      execute: (args) => {
        transport = 'socket';
        return import('graphql').then(({ execute }) => execute({ ...args, rootValue: root }));
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    counts,
    async stop() {
      for (const client of wss.clients) client.terminate();
      await cleanup.dispose();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const SEND = parse('mutation Send($text: String!) { send(text: $text) }') as TypedDocumentNode<{ send: string }, { text: string }>;
const REFUSE = parse('mutation Refuse { refuse }') as TypedDocumentNode<{ refuse: boolean }, Record<string, never>>;
const HANG = parse('mutation Hang { hang }') as TypedDocumentNode<{ hang: boolean }, Record<string, never>>;
const TICKS = parse('subscription Ticks { tick }') as TypedDocumentNode<{ tick: number }, Record<string, never>>;

const leftovers: (() => unknown)[] = [];
afterEach(async () => {
  for (const dispose of leftovers.splice(0).reverse()) await dispose();
});

async function clientOn(api: Api, subscribed: boolean): Promise<ApiClient> {
  const client = new ApiClient('token', { protocol: 'http:', host: `127.0.0.1:${api.port}` }, WebSocket);
  leftovers.push(() => client.dispose());
  if (subscribed) {
    leftovers.push(client.subscribe(TICKS, {}, { next: () => undefined, error: () => undefined, complete: () => undefined }));
    await waitForConnectionState(client, 'live');
  }
  return client;
}

describe('ApiClient: a room\'s mutations over the live socket', () => {
  it('with the socket live, overLiveSocket mutations go over it and others over HTTP; answers are the same', async () => {
    const api = await startApi();
    leftovers.push(() => api.stop());
    const client = await clientOn(api, true);
    await expect(client.mutate(SEND, { text: 'over the socket' }, { overLiveSocket: true })).resolves.toEqual({ send: 'sent: over the socket' });
    await expect(client.mutate(SEND, { text: 'over HTTP' })).resolves.toEqual({ send: 'sent: over HTTP' });
    expect(api.counts).toEqual({ socket: ['over the socket'], http: ['over HTTP'] });
  });

  it('with no live socket (nothing subscribed: the socket is lazy), overLiveSocket falls back to HTTP and opens no socket', async () => {
    const api = await startApi();
    leftovers.push(() => api.stop());
    const client = await clientOn(api, false);
    await expect(client.mutate(SEND, { text: 'no socket yet' }, { overLiveSocket: true })).resolves.toEqual({ send: 'sent: no socket yet' });
    expect(api.counts).toEqual({ socket: [], http: ['no socket yet'] });
    expect(client.connectionState()).toBe('idle');
  });

  it("a refusal over the socket is the same ApiError, with the contract's code, as over HTTP", async () => {
    const api = await startApi();
    leftovers.push(() => api.stop());
    const client = await clientOn(api, true);
    const overSocket = await client.mutate(REFUSE, {}, { overLiveSocket: true }).catch((error: unknown) => error);
    const overHttp = await client.mutate(REFUSE, {}).catch((error: unknown) => error);
    expect(overSocket).toBeInstanceOf(ApiError);
    expect(overSocket).toMatchObject({ code: 'FORBIDDEN' });
    expect(overHttp).toMatchObject({ code: (overSocket as ApiError).code, message: (overSocket as ApiError).message });
    expect(api.counts).toEqual({ socket: ['refuse'], http: ['refuse'] });
  });

  it('kind: a mutation sent twice — the socket drops before its answer: it fails with NETWORK_ERROR and is not re-sent when the socket is back', async () => {
    const first = await startApi();
    const port = first.port;
    const client = await clientOn(first, true);
    const pending = client.mutate(HANG, {}, { overLiveSocket: true }).catch((error: unknown) => error);
    // The server has it (and never answers); then the API goes away.
    for (let i = 0; i < 100 && first.counts.socket.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first.counts.socket).toEqual(['hang']);
    await first.stop();
    const error = await pending;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(String((error as ApiError).message)).toContain(SOCKET_MUTATION_DROPPED);
    // Back on the same port: the subscription resumes, the mutation does not come again.
    const second = await startApi(port);
    leftovers.push(() => second.stop());
    await waitForConnectionState(client, 'live');
    await expect(client.mutate(SEND, { text: 'after the outage' }, { overLiveSocket: true })).resolves.toEqual({ send: 'sent: after the outage' });
    expect(second.counts).toEqual({ socket: ['after the outage'], http: [] });
  });
});

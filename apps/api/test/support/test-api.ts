import { LiveKitMediaControl } from '@roundtable/audio';
import { LiveKitDouble } from '@roundtable/audio/testing';
import { type Client, createClient } from 'graphql-ws';
import type { Logger } from 'pino';
import WebSocket from 'ws';

import { runApi, type RunningApi } from '../../src/app';
import { signDevelopmentToken } from '../../src/auth/authenticator';
import { DEV_JWT_SECRET, loadConfig } from '../../src/config/config';
import { clearDatabase, workerDatabaseUrl } from './test-database';
import { pollUntil } from './poll';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
  /** The server's `X-Request-Id` for this request (SQL it caused carries the same id). */
  readonly requestId: string | null;
}

export interface TestApi {
  readonly api: RunningApi;
  /** The LiveKit double this API's media control talks to (the one test double allowed). */
  readonly livekit: LiveKitDouble;
  readonly url: string;
  readonly wsUrl: string;
  /** POST a GraphQL operation over real HTTP. */
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** A graphql-ws client on a real WebSocket; closed by `stop()`. */
  wsClient(token: string | null): Client;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The test API of the enclosing `describe`: started by a `beforeAll` registered here (so before
 * the file's own hooks), stopped by an `afterAll`. The returned object forwards to the running
 * server, so it can be declared once at the top of the block; using it before its `beforeAll` ran
 * throws. `startTestApi`'s arguments, unchanged.
 */
export function useTestApi(env: Record<string, string> = {}, options: Parameters<typeof startTestApi>[1] = {}): TestApi {
  let started: TestApi | null = null;
  beforeAll(async () => {
    started = await startTestApi(env, options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TestApi, {
    get(_target, property) {
      if (!started) throw new Error('useTestApi: the API is used before its beforeAll started it');
      const value: unknown = Reflect.get(started, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}

/** A real API server (HTTP + WebSocket) on a free port, against this worker's database. */
export async function startTestApi(
  env: Record<string, string> = {},
  options: { logger?: Logger; livekit?: LiveKitDouble } = {},
): Promise<TestApi> {
  const livekit = options.livekit ?? (await LiveKitDouble.start());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: await workerDatabaseUrl(),
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MUTATIONS: '100000',
    // Suites send many operations from one viewer; the budgets' own suites set theirs.
    RATE_LIMIT_OPERATION_POINTS: '100000000',
    RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: '100000000',
    LIVEKIT_URL: livekit.url,
    MEDIA_POLL_MS: '500',
    MEDIA_RETRY_DELAY_SECONDS: '1',
    // The exploration slice serves a random order in 5% of recommendedRooms answers by default:
    // a suite asserting a ranked order would fail in one run of so many. Its own suites turn it on.
    RANKING_EXPLORATION_PERCENT: '0',
    ...env,
  });
  const audio = new LiveKitMediaControl({ ...config.livekit, ...livekit.settings, requestTimeoutSeconds: 2 });
  const api = await runApi(config, { audio, ...(options.logger ? { logger: options.logger } : {}) });
  const clients: Client[] = [];
  return {
    api,
    livekit,
    url: api.server.url.replace('localhost', '127.0.0.1'),
    wsUrl: api.server.wsUrl.replace('localhost', '127.0.0.1'),
    async request<T>(query: string, variables: Record<string, unknown> = {}, token: string | null = null) {
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse['errors'] };
      return { status: response.status, data: body.data, errors: body.errors, requestId: response.headers.get('x-request-id') };
    },
    wsClient(token: string | null) {
      const client = createClient({
        url: api.server.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async clear() {
      await clearDatabase(api.db);
      api.server.services.profiles.forgetKnownProfiles();
      // staff_roles was emptied too: no grant of an earlier test may linger in the API's copy.
      await api.server.services.staff.refresh();
      livekit.reset();
    },
    async stop() {
      await Promise.all(clients.map((client) => client.dispose()));
      await api.stop();
      if (!options.livekit) await livekit.close();
    },
  };
}

/** A development token for a test profile (30 days). Staff tokens: `staffTokenFor` in ./staff. */
export function tokenFor(sub: string, options: { name?: string } = {}): Promise<string> {
  return signDevelopmentToken(DEV_JWT_SECRET, { sub, name: options.name ?? sub });
}

/** Collects a subscription's results; `next(n)` waits (bounded) until n results have arrived. */
export class Collector<T> {
  readonly items: T[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private waiters: (() => void)[] = [];

  readonly sink = {
    next: (value: { data?: T | null; errors?: unknown }) => {
      if (value.errors) this.errors.push(value.errors);
      if (value.data) this.items.push(value.data);
      this.notify();
    },
    error: (error: unknown) => {
      this.errors.push(error);
      this.notify();
    },
    complete: () => {
      this.completed = true;
      this.notify();
    },
  };

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs` so a broken stream fails fast. */
  async until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify({ items: this.items, errors: this.errors })}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  count(n: number, timeoutMs?: number): Promise<void> {
    return this.until(() => this.items.length >= n, `${n} events`, timeoutMs);
  }
}

/**
 * Waits (bounded, through `pollUntil`) until `roomId` has at least `count` live streams on `api`
 * (started: an event committed after this returns reaches every one of them), and fails the test
 * with the count reached otherwise.
 */
export async function roomSubscribersReach(api: TestApi, roomId: string, count: number): Promise<void> {
  const stream = api.api.server.services.roomEvents;
  expect(await pollUntil(() => stream.subscriberCount(roomId), (n) => n >= count)).toBeGreaterThanOrEqual(count);
}

/**
 * Operations as test profiles named by id (display name `Person <id>`), each profile's token signed
 * once per suite: `as` returns the response, `ok` the data of a response that must succeed.
 */
export function asNamedProfiles(api: () => TestApi) {
  const tokens = new Map<string, Promise<string>>();
  const token = (profileId: string): Promise<string> => {
    let signed = tokens.get(profileId);
    if (!signed) {
      signed = tokenFor(profileId, { name: `Person ${profileId}` });
      tokens.set(profileId, signed);
    }
    return signed;
  };
  const as = async (profileId: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> =>
    api().request(query, variables, await token(profileId));
  const ok = async (profileId: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await as(profileId, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as Record<string, unknown>;
  };
  return { token, as, ok };
}

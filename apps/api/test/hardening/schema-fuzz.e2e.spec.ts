// Issue 6, "Tests": a bounded, seeded fuzz test. About 2,000 operations built from the served
// schema by introspection, over HTTP and WebSocket, with hostile strings, ids, cursors and
// numbers. No HTTP 5xx, no INTERNAL_SERVER_ERROR, no stack trace or SQL in any response, and no
// error-level log line. The seed is printed on failure; FUZZ_SEED replays a run.
import { seededUniform } from '@roundtable/ranking';
import { buildClientSchema, getIntrospectionQuery, type GraphQLObjectType, type IntrospectionQuery } from 'graphql';
import type { Client } from 'graphql-ws';

import { expectNoLeaks, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { OperationFuzzer } from './support/schema-fuzzer';
import { createLiveRoom, useHardeningApi } from './support/hardening';
import { staffTokenFor } from '../support/staff';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);
const HTTP_OPERATIONS = 1400;
const WS_OPERATIONS = 600;
const CONCURRENCY = 8;

describe(`schema fuzz (seed ${SEED})`, () => {
  const { api, errorLines } = useHardeningApi({
    RATE_LIMIT_MUTATIONS: '1000000',
    RATE_LIMIT_EXPENSIVE_READS: '1000000',
    // A recommender that refuses at once, so recommendedRooms takes its fallback quickly.
    RECOMMENDER_URL: 'http://127.0.0.1:1',
  });
  let fuzzer: OperationFuzzer;
  let roots: { query: GraphQLObjectType; mutation: GraphQLObjectType | null; subscription: GraphQLObjectType | null };
  const tokens: (string | null)[] = [null];
  /** Outcomes by first error code ('OK' for none), so the run shows it reached past validation. */
  const outcomes = new Map<string, number>();
  const record = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
    const code = errors?.[0]?.extensions?.['code'];
    const key = typeof code === 'string' ? code : errors ? 'NO_CODE' : 'OK';
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  };

  beforeAll(async () => {
    await api.clear();
    const host = await tokenFor('fuzz-host', { name: 'Fuzz Host' });
    tokens.push(host, await tokenFor('fuzz-viewer', { name: 'Fuzz Viewer' }), await staffTokenFor(api, 'fuzz-staff', { name: 'Fuzz Staff' }));
    const roomId = await createLiveRoom(api, host, 'Fuzz room');
    const introspection = await api.request<IntrospectionQuery>(getIntrospectionQuery(), {}, host);
    const schema = buildClientSchema(introspection.data as IntrospectionQuery);
    roots = { query: schema.getQueryType()!, mutation: schema.getMutationType() ?? null, subscription: schema.getSubscriptionType() ?? null };
    fuzzer = new OperationFuzzer(schema, seededUniform(SEED), [roomId, 'fuzz-host', 'fuzz-viewer']);
  });

  /** Picks the operation kind; subscriptions only where they are served (WebSocket) but for a few probes over HTTP. */
  function nextOperation(random: () => number, transport: 'http' | 'ws') {
    const roll = random();
    if (roll < 0.03 && roots.subscription) return fuzzer.build(roots.subscription, 'subscription');
    if (roll < 0.45 && roots.mutation) return fuzzer.build(roots.mutation, 'mutation');
    void transport;
    return fuzzer.build(roots.query, 'query');
  }

  function check(where: string, status: number | null, errors: unknown) {
    const text = JSON.stringify(errors ?? null);
    if ((status !== null && status >= 500) || text.includes('INTERNAL_SERVER_ERROR')) {
      throw new Error(`${where}: status ${status}, errors ${text.slice(0, 2000)}`);
    }
    expectNoLeaks(errors);
  }

  it(`${HTTP_OPERATIONS} operations over HTTP: no 5xx, no INTERNAL_SERVER_ERROR, no leaks`, async () => {
    const random = seededUniform(SEED + 1);
    let next = 0;
    let answered = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < HTTP_OPERATIONS) {
          next += 1;
          const { query, variables } = nextOperation(random, 'http');
          const token = tokens[Math.floor(random() * tokens.length)] ?? null;
          const response = await api.request(query, variables, token);
          check(`HTTP ${query} ${JSON.stringify(variables).slice(0, 500)}`, response.status, response.errors);
          record(response.errors);
          answered += 1;
        }
      }),
    );
    expect(answered).toBe(HTTP_OPERATIONS);
  }, 180_000);

  it(`${WS_OPERATIONS} operations over graphql-ws: no INTERNAL_SERVER_ERROR, no leaks, no socket closed by the server`, async () => {
    const random = seededUniform(SEED + 2);
    const clients: Client[] = tokens.filter((token): token is string => token !== null).map((token) => api.wsClient(token));
    let next = 0;
    let answered = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_v, lane) => {
        const client = clients[lane % clients.length]!;
        while (next < WS_OPERATIONS) {
          next += 1;
          const { query, variables } = nextOperation(random, 'ws');
          // Subscriptions that were admitted keep running: 300 ms is enough to see the first answer.
          const response = await wsExecute(client, query, variables, query.startsWith('subscription') ? 300 : 10_000).catch(() => null);
          if (response) {
            expect(response.closeCode).toBeUndefined();
            check(`WS ${query} ${JSON.stringify(variables).slice(0, 500)}`, null, response.errors);
            record(response.errors);
          }
          answered += 1;
        }
      }),
    );
    expect(answered).toBe(WS_OPERATIONS);
  }, 180_000);

  it('no error-level log line was written', () => {
    expect(errorLines()).toEqual([]);
  });

  it('the operations reached execution, not only validation: some succeeded, and refusals used contract codes only', () => {
    const total = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(HTTP_OPERATIONS);
    expect(outcomes.get('OK') ?? 0).toBeGreaterThan(total * 0.05);
    expect(outcomes.get('NO_CODE') ?? 0).toBe(0);
    for (const code of outcomes.keys()) {
      expect(['OK', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']).toContain(code);
    }
    process.stdout.write(`schema fuzz outcomes (seed ${SEED}): ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
  });
});

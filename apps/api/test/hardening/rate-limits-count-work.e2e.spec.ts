// Issue 6, fault 2: limits that count requests, not work. `mutation { a0: createRoom … a499:
// createRoom … }` created 500 rooms for one slot of the 120-per-minute limit, and 400
// recommendedRooms calls wrote 8,000 impression rows. Budgets now count every root mutation
// field and every expensive read, per viewer (per IP when anonymous), on both transports and
// across instances (Redis), answer 429 with Retry-After. Redis outages: rate-store-outage.e2e.spec.ts.
import { randomUUID } from 'node:crypto';

import { codeOf, wsExecute } from '../support/graphql-helpers';
import { useRedis } from '../support/use-redis';
import { startTestApi, type TestApi, tokenFor } from '../support/test-api';
import { countRows, useHardeningApi } from './support/hardening';

function createRooms(count: number, prefix: string): string {
  const fields = Array.from({ length: count }, (_v, i) => `a${i}: createRoom(input: { title: "${prefix} ${i}" }) { id }`);
  return `mutation { ${fields.join(' ')} }`;
}

async function post(api: TestApi, query: string, token: string | null) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

describe('rate limits count work', () => {
  const prefix = `rl-${randomUUID().slice(0, 8)}`;
  // REDIS_URL's server, else a redis-server of this file's own, for the tests that need Redis.
  const redis = useRedis('rate limits shared through Redis (two tests)');
  const { api, errorLines } = useHardeningApi({
    // Redis when the run has it (CI does), so the budgets below are the shared ones.
    ...(process.env['REDIS_URL'] ? { REDIS_URL: process.env['REDIS_URL'] } : {}),
    RATE_LIMIT_MUTATIONS: '5',
    RATE_LIMIT_EXPENSIVE_READS: '3',
    RATE_LIMIT_WINDOW_MS: '60000',
    RATE_LIMIT_KEY_PREFIX: prefix,
    QUERY_MAX_ALIASES: '600',
    QUERY_MAX_TOKENS: '20000',
    QUERY_MAX_COST: '100000',
  });

  beforeAll(async () => {
    await api.clear();
  });

  it('the issue case: 500 aliased createRoom fields in one request are refused as 500 units of work, and none is created', async () => {
    const token = await tokenFor('rl-aliases');
    const response = await post(api, createRooms(500, 'Flood'), token);
    expect(response.status).toBe(429);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(response.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await countRows(api, 'rooms', `title like 'Flood %'`)).toBe(0);
  });

  it('variant: 3 + 3 root mutation fields exceed a budget of 5 on the second request, over HTTP then WebSocket', async () => {
    const token = await tokenFor('rl-split');
    const first = await post(api, createRooms(3, 'Split A'), token);
    expect(first.errors).toBeUndefined();
    const client = api.wsClient(token);
    const second = await wsExecute(client, createRooms(3, 'Split B'));
    expect(codeOf(second)).toBe('RATE_LIMITED');
    expect(second.closeCode).toBeUndefined();
    await client.dispose();
    expect(await countRows(api, 'rooms', `title like 'Split %'`)).toBe(3);
    // Another viewer has a budget of their own.
    const other = await post(api, createRooms(2, 'Other'), await tokenFor('rl-other'));
    expect(other.errors).toBeUndefined();
  });

  it('each recommendedRooms call is an expensive read: 4 aliases over a budget of 3 are refused, and write no impressions', async () => {
    const token = await tokenFor('rl-reads');
    const before = await countRows(api, 'ranking_impressions').catch(() => null);
    const query = `{ ${Array.from({ length: 4 }, (_v, i) => `r${i}: recommendedRooms(first: 5) { modelVersion }`).join(' ')} }`;
    const response = await post(api, query, token);
    expect(response.status).toBe(429);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(response.retryAfter).not.toBeNull();
    if (before !== null) expect(await countRows(api, 'ranking_impressions')).toBe(before);
  });

  it('anonymous traffic is counted per IP address', async () => {
    const query = `{ a: recommendedRooms(first: 1) { modelVersion } b: recommendedRooms(first: 1) { modelVersion } }`;
    const first = await post(api, query, null);
    expect(first.status).not.toBe(429);
    const second = await post(api, query, null);
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  (redis.available ? it : it.skip)('two instances sharing Redis draw on one budget', async () => {
    const shared = { REDIS_URL: redis.url(), RATE_LIMIT_MUTATIONS: '5', RATE_LIMIT_KEY_PREFIX: `${prefix}-two`, QUERY_MAX_ALIASES: '600' };
    const [first, second] = await Promise.all([startTestApi(shared), startTestApi(shared)]);
    try {
      const token = await tokenFor('rl-two-instances');
      expect((await post(first, createRooms(4, 'Two A'), token)).errors).toBeUndefined();
      const onSecond = await post(second, createRooms(2, 'Two B'), token);
      expect(onSecond.status).toBe(429);
      expect(await countRows(first, 'rooms', `title like 'Two %'`)).toBe(4);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('no refusal here wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

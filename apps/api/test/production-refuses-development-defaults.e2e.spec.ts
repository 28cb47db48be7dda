// Kind: production accepts development defaults. With NODE_ENV=production the API must refuse
// every development default and fail fast naming the variable, never create a database, never
// seed demo data or print tokens, and keep introspection, GraphiQL and the development sign-in
// list off unless a variable turns them on. Runs the real process where start-up is the point.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { signDevelopmentToken } from '../src/auth/authenticator';
import { DEV_JWT_SECRET } from '../src/config/config';
import { wsExecute } from './support/graphql-helpers';
import {
  API_MAIN,
  createThrowawayDatabase,
  databaseExists,
  databaseUrlFor,
  spawnNode,
  startApiProcess,
  type ChildUnderTest,
} from './support/api-process';
import { startTestApi, type TestApi } from './support/test-api';
import { workerDatabaseUrl } from './support/test-database';

// Real processes start here; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(120_000);

const PRODUCTION_SECRET = 'production-secret-of-at-least-32-bytes!';

async function productionEnv(): Promise<Record<string, string | undefined>> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: await workerDatabaseUrl(),
    AUTH_JWT_SECRET: PRODUCTION_SECRET,
    LIVEKIT_URL: 'wss://media.example.com',
    LIVEKIT_API_KEY: 'APIproductionKey',
    LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-bytes-long',
    METRICS_TOKEN: 'mT4r8Kc1Xz6Pq3Lw9Vb2Nd7Hs5Jf0Ga1',
    SEED_DEMO_DATA: undefined,
    LOG_LEVEL: 'warn',
  };
}

/** Runs the API with `env` and resolves with its exit code and output; it must not start. */
async function refusedStart(env: Record<string, string | undefined>): Promise<{ exit: number | string; output: string }> {
  const api = spawnNode(API_MAIN, [], { HOST: '127.0.0.1', PORT: '0', ...env });
  const exit = await Promise.race([api.exited, api.waitFor('Roundtable API ready', 30_000).then(() => 'started' as const)]);
  if (exit === 'started') {
    await api.stop('SIGKILL');
    throw new Error(`the API started although it should have refused:\n${api.output()}`);
  }
  return { exit, output: api.output() };
}

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production refuses development defaults', () => {
  describe('and fails fast naming the variable', () => {
    it.each([
      ["LiveKit's development key pair (the reported case)", { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' }, ['LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET']],
      ['a 1-character AUTH_JWT_SECRET (the reported case)', { AUTH_JWT_SECRET: 'a' }, ['AUTH_JWT_SECRET: must be at least 32 bytes']],
      ['the development JWT secret', { AUTH_JWT_SECRET: DEV_JWT_SECRET }, ['AUTH_JWT_SECRET: the development default is refused']],
      ['LiveKit variables left unset', { LIVEKIT_URL: undefined, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined }, ['LIVEKIT_URL: required in production', 'LIVEKIT_API_KEY: required in production']],
      ['demo data', { SEED_DEMO_DATA: 'true' }, ['SEED_DEMO_DATA']],
      ['a negative query cost limit', { QUERY_MAX_COST: '-5' }, ['QUERY_MAX_COST: must be an integer from 1']],
      // kind: production starts with development-grade settings (issue 14): the reported cases.
      ['an empty LIVEKIT_API_KEY (reported, issue 14)', { LIVEKIT_API_KEY: '' }, ['LIVEKIT_API_KEY: required in production']],
      ['a plaintext ws:// LIVEKIT_URL (reported, issue 14)', { LIVEKIT_URL: 'ws://media.example.com' }, ['LIVEKIT_URL: must be a wss:// URL']],
      ['an AUTH_JWT_SECRET of 32 × a (reported, issue 14)', { AUTH_JWT_SECRET: 'a'.repeat(32) }, ['AUTH_JWT_SECRET: has 1 distinct character']],
      ['/metrics open to anyone (issue 14)', { METRICS_TOKEN: undefined }, ['METRICS_TOKEN: required in production']],
    ])('%s', async (_what, overrides, messages) => {
      const { exit, output } = await refusedStart({ ...(await productionEnv()), ...overrides });
      expect(exit).toBe(1);
      for (const message of messages) expect(output).toContain(message);
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    });

    it('DATABASE_URL unset: no embedded PostgreSQL is started', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'roundtable-prod-pg-'));
      try {
        const { exit, output } = await refusedStart({ ...(await productionEnv()), DATABASE_URL: undefined, EMBEDDED_PG_DIR: join(dir, 'postgres') });
        expect(exit).toBe(1);
        expect(output).toContain('DATABASE_URL: required in production');
        expect(existsSync(join(dir, 'postgres'))).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('never creates a database', () => {
    it.each([
      ['in production (the reported case)', 'production'],
      ['in development as well (only the embedded server may have its database created)', 'development'],
    ])('a DATABASE_URL naming a missing database fails %s', async (_what, nodeEnv) => {
      const name = `rt_missing_${Date.now().toString(36)}_${process.env['JEST_WORKER_ID'] ?? '1'}`;
      const { exit, output } = await refusedStart({ ...(await productionEnv()), NODE_ENV: nodeEnv, DATABASE_URL: databaseUrlFor(name) });
      expect(exit).toBe(1);
      expect(output).toContain(`database "${name}" does not exist`);
      expect(await databaseExists(name)).toBe(false);
    });
  });

  describe('a production start', () => {
    let api: ChildUnderTest & { origin: string };
    let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;

    beforeAll(async () => {
      // An empty database: the case where development would seed demo data and print tokens.
      database = await createThrowawayDatabase('rt_prod_start');
      api = await startApiProcess({ ...(await productionEnv()), DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    });
    afterAll(async () => {
      await api?.stop('SIGTERM');
      await database?.drop();
    });

    it('seeds nothing and prints no token', async () => {
      expect(api.output()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      expect(api.output()).not.toContain('Demo tokens');
      expect(api.output()).not.toContain('npm run token');
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        expect((await client.query<{ count: string }>('select count(*)::text as count from profiles')).rows[0]?.count).toBe('0');
        expect((await client.query<{ count: string }>('select count(*)::text as count from rooms')).rows[0]?.count).toBe('0');
      } finally {
        await client.end();
      }
    });

    it('answers no introspection over HTTP', async () => {
      const response = await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: INTROSPECTION }) });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('serves no GraphiQL, no development sign-in list, and no CORS wildcard', async () => {
      const page = await fetch(`${api.origin}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('Roundtable GraphQL explorer');
      expect((await fetch(`${api.origin}/_graphiql/graphiql.js`)).status).toBe(404);
      const demo = await fetch(`${api.origin}/dev/demo-profiles`);
      expect(demo.status).toBe(404);
      expect(await demo.text()).not.toContain('token');
      const preflight = await fetch(`${api.origin}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('variables turn the development conveniences back on', () => {
    let api: TestApi | null = null;
    afterEach(async () => {
      await api?.stop();
      api = null;
    });

    it('introspection stays off over WebSocket too by default', async () => {
      api = await startTestApi((await productionEnv()) as Record<string, string>);
      const token = await signDevelopmentToken(PRODUCTION_SECRET, { sub: 'prod-viewer', name: 'Prod Viewer' });
      const response = await wsExecute(api.wsClient(token), INTROSPECTION);
      expect(response.data ?? undefined).toBeUndefined();
      expect(response.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('GRAPHQL_INTROSPECTION=true, GRAPHIQL=true and CORS_ORIGINS in production', async () => {
      api = await startTestApi({ ...((await productionEnv()) as Record<string, string>), GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'true', CORS_ORIGINS: 'https://app.example' });
      const http = await api.request<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
      expect(http.data?.__schema.queryType.name).toBe('Query');
      const token = await signDevelopmentToken(PRODUCTION_SECRET, { sub: 'prod-viewer', name: 'Prod Viewer' });
      const ws = await wsExecute<{ __schema: { queryType: { name: string } } }>(api.wsClient(token), INTROSPECTION);
      expect(ws.data?.__schema.queryType.name).toBe('Query');
      const page = await fetch(api.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('Roundtable GraphQL explorer');
      const preflight = await fetch(api.url, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    });
  });
});

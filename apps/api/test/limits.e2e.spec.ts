// Operation limits and refusals on both transports: depth and cost limits, the per-viewer
// mutation rate limit, missing/invalid/expired tokens, malformed requests. Every refusal carries
// a contract code and no error anywhere leaks SQL or a stack trace.
import { getIntrospectionQuery } from 'graphql';
import { SignJWT } from 'jose';
import WebSocket from 'ws';

import { closeReason } from '../src/admission/use/ws';
import { DEV_JWT_SECRET } from '../src/config/config';
import { codeOf, expectNoLeaks, wsExecute } from './support/graphql-helpers';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

/** 11 levels: over the default QUERY_MAX_DEPTH of 10. */
const TOO_DEEP = `{ rooms { edges { node { stage { room { stage { room { stage { room { host { displayName } } } } } } } } } } }`;
/** The same depth hidden in fragments, which the limit must follow. */
const TOO_DEEP_WITH_FRAGMENTS = `
  query { rooms { edges { node { ...Stage } } } }
  fragment Stage on Room { stage { room { stage { room { ...Deeper } } } } }
  fragment Deeper on Room { stage { room { host { displayName } } } }`;
/** Within every limit. */
const REASONABLE = `{ rooms(first: 20) { edges { node { id title host { displayName } stage { profile { displayName } } listenerCount } } } }`;
/** 100 rooms × 100 listeners each: far over the default QUERY_MAX_COST of 5000. */
const TOO_COSTLY = `{ rooms(first: 100) { edges { node { audience(first: 100) { edges { node { profile { displayName headline company } } } } } } } }`;

const FOLLOW = `mutation($p: ID!) { follow(profileId: $p) { followerCount } }`;
const UPDATE_HEADLINE = `mutation($h: String) { updateViewerProfile(input: { headline: $h }) { headline } }`;

function signed(claims: Record<string, unknown>, options: { secret?: string; expiresAt?: number; sub?: string | null } = {}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (options.sub !== null) jwt.setSubject(options.sub ?? 'limits-someone');
  if (options.expiresAt !== undefined) jwt.setExpirationTime(options.expiresAt);
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
}

describe('limits and refusals', () => {
  let api: TestApi;
  let viewer: string;
  /** Every error body seen in this file, checked for leaks at the end. */
  const seenErrors: unknown[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    await api.clear();
    viewer = await tokenFor('limits-viewer', { name: 'Limits Viewer' });
    await tokenFor('limits-target', { name: 'Target' }).then((token) => api.request(`{ viewer { id } }`, {}, token));
  });
  afterAll(async () => {
    await api.stop();
  });

  async function http(query: string, variables: Record<string, unknown> = {}, token: string | null = viewer) {
    const response = await api.request(query, variables, token);
    if (response.errors) seenErrors.push(response.errors);
    return response;
  }

  async function ws(query: string, variables: Record<string, unknown> = {}, token: string | null = viewer) {
    const client = api.wsClient(token);
    try {
      const response = await wsExecute(client, query, variables);
      if (response.errors) seenErrors.push(response.errors);
      return response;
    } finally {
      await client.dispose();
    }
  }

  describe('query depth and cost', () => {
    it.each([
      ['too deep', TOO_DEEP, /Query depth 11 exceeds the limit of 10/],
      ['too deep through fragments', TOO_DEEP_WITH_FRAGMENTS, /Query depth 11 exceeds the limit of 10/],
      ['too costly', TOO_COSTLY, /Query cost \d+ exceeds the limit of 5000/],
    ])('a query that is %s is refused with BAD_USER_INPUT over HTTP and WebSocket', async (_name, query, message) => {
      const overHttp = await http(query);
      expect(overHttp.status).toBe(400);
      expect(overHttp.data ?? null).toBeNull();
      expect(overHttp.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
      const overWs = await ws(query);
      expect(overWs.closeCode).toBeUndefined();
      expect(overWs.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    });

    it('a reasonable query passes on both transports', async () => {
      const overHttp = await http(REASONABLE);
      expect(overHttp.errors).toBeUndefined();
      expect(overHttp.data).toEqual({ rooms: { edges: [] } });
      const overWs = await ws(REASONABLE);
      expect(overWs.errors).toBeUndefined();
      expect(overWs.data).toEqual({ rooms: { edges: [] } });
    });
  });

  describe('malformed requests', () => {
    it.each([
      ['a syntax error', `{ viewer { id }`, {}],
      ['an unknown field', `{ viewer { id favouriteColour } }`, {}],
      ['an unknown argument', `{ rooms(orderBy: "new") { edges { node { id } } } }`, {}],
      ['a variable of the wrong type', `query($first: Int) { rooms(first: $first) { edges { node { id } } } }`, { first: 'many' }],
      ['a missing required argument', `mutation { follow { id } }`, {}],
      ['an unknown enum value', `{ rooms(filter: { status: PAUSED }) { edges { node { id } } } }`, {}],
    ])('%s → BAD_USER_INPUT over HTTP and WebSocket', async (_name, query, variables) => {
      const overHttp = await http(query, variables);
      expect(overHttp.status).toBe(400);
      expect(codeOf(overHttp)).toBe('BAD_USER_INPUT');
      const overWs = await ws(query, variables);
      expect(overWs.closeCode).toBeUndefined();
      expect(codeOf(overWs)).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['malformed JSON', '{"query": "{ viewer { id } }"', 400],
      ['a body over the size limit', JSON.stringify({ query: `{ viewer { id } }`, padding: 'x'.repeat(300 * 1024) }), 413],
    ])('%s gets a JSON GraphQL error, not an HTML page with a stack trace', async (_name, body, status) => {
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
      seenErrors.push(json.errors);
      expect(json.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });

    it('an id that is not an id is BAD_USER_INPUT naming the argument, on both transports', async () => {
      const query = `query($id: ID!) { room(id: $id) { id } }`;
      for (const response of [await http(query, { id: `'; drop table rooms; --` }), await ws(query, { id: `'; drop table rooms; --` })]) {
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      }
    });
  });

  describe('authentication', () => {
    it('a mutation without a token is UNAUTHENTICATED over HTTP; a WebSocket without one is closed with 4401', async () => {
      const overHttp = await http(FOLLOW, { p: 'limits-target' }, null);
      expect(overHttp.status).toBe(401);
      expect(codeOf(overHttp)).toBe('UNAUTHENTICATED');
      const overWs = await ws(FOLLOW, { p: 'limits-target' }, null);
      expect(overWs.closeCode).toBe(4401);
      const target = await http(`{ profile(id: "limits-target") { followerCount } }`);
      expect(target.data).toEqual({ profile: { followerCount: 0 } });
    });

    it('queries that need a viewer are UNAUTHENTICATED without a token; `viewer` is null', async () => {
      expect(codeOf(await http(`{ rooms { edges { node { id } } } }`, {}, null))).toBe('UNAUTHENTICATED');
      const anonymous = await http(`{ viewer { id } }`, {}, null);
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data).toEqual({ viewer: null });
    });

    it.each([
      ['garbage', async () => 'not-a-jwt'],
      ['signed with another secret', async () => signed({ name: 'Mallory' }, { secret: 'not-the-server-secret' })],
      ['expired', async () => signed({ name: 'Late' }, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })],
      ['without a subject', async () => signed({ name: 'Nobody' }, { sub: null })],
      ['with an invalid subject', async () => signed({ name: 'Odd' }, { sub: 'has spaces and / slashes' })],
      ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"limits-viewer"}').toString('base64url')}.`],
    ])('a token that is %s: UNAUTHENTICATED over HTTP (query and mutation), 4401 over WebSocket', async (_name, makeToken) => {
      const token = await makeToken();
      for (const query of [`{ viewer { id } }`, `mutation { follow(profileId: "limits-target") { id } }`]) {
        const response = await http(query, {}, token);
        expect(response.status).toBe(401);
        expect(codeOf(response)).toBe('UNAUTHENTICATED');
      }
      expect((await ws(`{ viewer { id } }`, {}, token)).closeCode).toBe(4401);
      const target = await http(`{ profile(id: "limits-target") { followerCount } }`);
      expect(target.data).toEqual({ profile: { followerCount: 0 } });
    });
  });

  describe('kind: a refusal that names the wrong cause (WebSocket close reasons)', () => {
    /** Opens a raw graphql-transport-ws socket, sends connection_init, and resolves with how it was closed. */
    const closeOf = (connectionParams: Record<string, unknown>) =>
      new Promise<{ code: number; reason: string }>((resolve, reject) => {
        const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
        const timer = setTimeout(() => reject(new Error('the socket was not closed within 10 s')), 10_000);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
        socket.on('close', (code, reason) => {
          clearTimeout(timer);
          resolve({ code, reason: reason.toString('utf8') });
        });
        socket.on('error', reject);
      });

    it('the given case: a garbage token is closed 4401 saying it was refused, not "send connectionParams.authorization"; with no token, it says to send one', async () => {
      const garbage = await closeOf({ authorization: 'Bearer garbage' });
      expect(garbage.code).toBe(4401);
      expect(garbage.reason).toMatch(/^Unauthorized: /);
      expect(garbage.reason).not.toContain('send connectionParams.authorization');
      expect(await closeOf({})).toEqual({ code: 4401, reason: 'Unauthorized: send connectionParams.authorization' });
    });

    it('a variant: an expired token is closed saying it expired; every reason fits a close frame (123 bytes)', async () => {
      const expired = await closeOf({ authorization: `Bearer ${await signed({ name: 'Late' }, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}` });
      expect(expired.code).toBe(4401);
      expect(expired.reason).toMatch(/expired/i);
      const long = closeReason(`Unauthorized: ${'é'.repeat(200)}`);
      expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(123);
      expect(long.endsWith('…')).toBe(true);
      expect(closeReason('Unauthorized: short')).toBe('Unauthorized: short');
    });
  });

  // Bugs found while writing this file, fixed in apps/api/src (then server/create-server.ts and
  // server/operation-limits.ts, now the admission pipeline in admission/; rooms/rooms.resolver.ts);
  // one self-contained test per bug.
  describe('regressions', () => {
    it('regression: a malformed JSON body was answered by Express with an HTML page containing the stack trace', async () => {
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      const text = await response.text();
      seenErrors.push(text);
      expect(response.status).toBe(400);
      expect(text).not.toMatch(/<html|body-parser|node_modules|at JSON\.parse/i);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
    });

    it('regression: syntax, validation and variable errors over WebSocket were masked as INTERNAL_SERVER_ERROR', async () => {
      const syntax = await ws(`{ viewer { id }`);
      expect(syntax.errors?.[0]).toMatchObject({ message: expect.stringContaining('Syntax Error'), extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } });
      const validation = await ws(`{ viewer { favouriteColour } }`);
      expect(validation.errors?.[0]).toMatchObject({ message: expect.stringContaining('favouriteColour'), extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' } });
      const variable = await ws(`query($first: Int) { rooms(first: $first) { edges { node { id } } } }`, { first: 'many' });
      expect(variable.errors?.[0]).toMatchObject({ message: expect.stringContaining('$first'), extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('regression: the standard introspection query (GraphiQL, codegen) was refused as 15 levels deep', async () => {
      for (const response of [await http(getIntrospectionQuery()), await ws(getIntrospectionQuery())]) {
        expect(response.errors).toBeUndefined();
        expect(response.data).toMatchObject({ __schema: { queryType: { name: 'Query' }, subscriptionType: { name: 'Subscription' } } });
      }
      // Data stays limited: the same depth through real fields is still refused.
      expect(codeOf(await http(TOO_DEEP))).toBe('BAD_USER_INPUT');
    });

    it('regression: a string with a NUL character failed inside PostgreSQL as INTERNAL_SERVER_ERROR', async () => {
      const create = `mutation($title: String!) { createRoom(input: { title: $title }) { id } }`;
      for (const response of [await http(create, { title: 'a\u0000b' }), await ws(create, { title: 'a\u0000b' })]) {
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      }
      const literal = await http(`mutation { createGroup(input: { name: "a\\u0000b" }) { id } }`);
      expect(literal.status).toBe(400);
      expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const inQuery = await http(`query($t: String) { rooms(filter: { topic: $t }) { edges { node { id } } } }`, { t: '\u0000' });
      expect(inQuery.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 't' });
      const rooms = await http(`{ rooms { edges { node { id } } } }`);
      expect(rooms.data).toEqual({ rooms: { edges: [] } });
    });

    it('regression: rooms(first: N) was priced as one room, so rooms(first: 100) × audience(first: 100) passed the cost limit', async () => {
      const costly = await http(TOO_COSTLY);
      expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' } });
      // The same selection on a small page is fine: the price follows `first`.
      const small = await http(TOO_COSTLY.replace('rooms(first: 100)', 'rooms(first: 5)'));
      expect(small.errors).toBeUndefined();
    });
  });

  it('no error response above contained SQL text or a stack trace', () => {
    for (const errors of seenErrors) expectNoLeaks(errors);
  });

  describe('per-viewer mutation rate limit (RATE_LIMIT_MUTATIONS=5)', () => {
    let limited: TestApi;

    beforeAll(async () => {
      limited = await startTestApi({ RATE_LIMIT_MUTATIONS: '5' });
    });
    afterAll(async () => {
      await limited.stop();
    });

    async function headline(token: string): Promise<string | null> {
      const response = await limited.request<{ viewer: { headline: string | null } }>(`{ viewer { headline } }`, {}, token);
      expect(response.errors).toBeUndefined();
      return response.data!.viewer.headline;
    }

    it('the 6th mutation in the window is RATE_LIMITED and changes nothing; another viewer is unaffected', async () => {
      const [busy, other] = await Promise.all([tokenFor('limits-busy', { name: 'Busy' }), tokenFor('limits-other', { name: 'Other' })]);
      for (let i = 1; i <= 5; i += 1) {
        const response = await limited.request(UPDATE_HEADLINE, { h: `Headline ${i}` }, busy);
        expect(response.errors).toBeUndefined();
      }
      const refused = await limited.request(UPDATE_HEADLINE, { h: 'Headline 6' }, busy);
      seenErrors.push(refused.errors);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(refused.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
      expect(await headline(busy)).toBe('Headline 5');

      // The same viewer is refused over WebSocket too: one budget per viewer, not per transport.
      const client = limited.wsClient(busy);
      const overWs = await wsExecute(client, UPDATE_HEADLINE, { h: 'Headline 7' });
      seenErrors.push(overWs.errors);
      expect(codeOf(overWs)).toBe('RATE_LIMITED');
      await client.dispose();
      expect(await headline(busy)).toBe('Headline 5');

      // Queries are not rate limited, and another viewer still has a full budget.
      for (let i = 0; i < 3; i += 1) expect(await headline(busy)).toBe('Headline 5');
      const fine = await limited.request(UPDATE_HEADLINE, { h: 'Unaffected' }, other);
      expect(fine.errors).toBeUndefined();
      expect(await headline(other)).toBe('Unaffected');
    });

    it('over WebSocket the limit applies in the same way', async () => {
      const token = await tokenFor('limits-ws-busy', { name: 'Busy on a socket' });
      const client = limited.wsClient(token);
      const codes: (string | undefined)[] = [];
      for (let i = 1; i <= 7; i += 1) {
        const response = await wsExecute(client, UPDATE_HEADLINE, { h: `Socket ${i}` });
        if (response.errors) seenErrors.push(response.errors);
        codes.push(codeOf(response));
      }
      expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(await headline(token)).toBe('Socket 5');
    });
  });
});

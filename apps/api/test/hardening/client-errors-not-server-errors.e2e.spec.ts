// Issue 6, fault 4: a subscription operation sent over HTTP answered INTERNAL_SERVER_ERROR and
// logged a stack trace at error level on every request; so did a malformed persisted-query
// extension. Both are the client's mistake: a clear BAD_USER_INPUT, and no error-level log line.
import { codeOf } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { useHardeningApi } from './support/hardening';

describe('client mistakes are client errors, never error-level logs', () => {
  const { api, errorLines } = useHardeningApi();
  let token: string;

  beforeAll(async () => {
    await api.clear();
    token = await tokenFor('client-errors');
  });

  async function postRaw(body: unknown, method: 'POST' | 'GET' = 'POST') {
    const response =
      method === 'POST'
        ? await fetch(api.url, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
        : await fetch(`${api.url}?${new URLSearchParams(body as Record<string, string>).toString()}`, {
            headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
          });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  }

  it('the issue case: a subscription over HTTP POST says to use graphql-ws at the WebSocket URL', async () => {
    const { status, body } = await postRaw({ query: `subscription { roomEvents(roomId: "5d1c3f7e-8a59-4c1e-9b1a-0f6f1f0c2a11") { version } }` });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTION_OVER_HTTP' });
    expect(body.errors?.[0]?.message).toContain('graphql-ws');
    expect(body.errors?.[0]?.message).toContain(api.wsUrl);
  });

  it('variant: a named subscription among other operations, selected by operationName', async () => {
    const query = `query Q { topics { slug } } subscription S { roomEvents(roomId: "5d1c3f7e-8a59-4c1e-9b1a-0f6f1f0c2a11") { version } }`;
    const { status, body } = await postRaw({ query, operationName: 'S' });
    expect(status).toBe(400);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('graphql-ws');
  });

  it('variant: over GET (which only runs queries) it is a 405 with BAD_USER_INPUT', async () => {
    const query = `subscription S { roomEvents(roomId: "5d1c3f7e-8a59-4c1e-9b1a-0f6f1f0c2a11") { version } }`;
    const { status, body } = await postRaw({ query }, 'GET');
    expect(status).toBe(405);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['the issue case: a hash without a query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
    ['variant: a hash beside a query that does not match it', { query: '{ topics { slug } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
    ['variant: a persistedQuery that is not an object', { query: '{ topics { slug } }', extensions: { persistedQuery: 'yes' } }],
  ])('a malformed persisted query (%s) is BAD_USER_INPUT', async (_name, request) => {
    const { status, body } = await postRaw(request);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'extensions.persistedQuery' });
  });

  it.each([
    ['no query at all', {}],
    ['a query that is not a string', { query: 42 }],
    ['variables that are not an object', { query: '{ topics { slug } }', variables: [1, 2] }],
    ['an operationName that is not a string', { query: '{ topics { slug } }', operationName: { x: 1 } }],
    ['an operationName naming no operation', { query: 'query A { topics { slug } }', operationName: 'B' }],
  ])('other malformed requests (%s) are BAD_USER_INPUT', async (_name, request) => {
    const { status, body } = await postRaw(request);
    expect(status).toBe(400);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
  });

  it('none of these wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

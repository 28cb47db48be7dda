// Issue 6, fault 3: unbounded recursion on input. `{"query":"{ topics { slug } }","variables":
// {"a":[[[…3,500 levels…]]]}}` (7 KB, no token) answered HTTP 500: the NUL-character guard
// walked variables recursively and overflowed the stack. Over graphql-ws the same crash closed
// the socket with 4500, ending every other subscription on it. Now every nested input
// (variables, extensions, literals in the document) is bounded by INPUT_MAX_DEPTH before anything
// recursive sees it, and refused as BAD_USER_INPUT on both transports.
import { codeOf, wsExecute } from '../support/graphql-helpers';
import { Collector, tokenFor } from '../support/test-api';
import { createLiveRoom, nestedList, useHardeningApi } from './support/hardening';

function nestedObject(levels: number): unknown {
  let value: unknown = { leaf: 'x' };
  for (let i = 0; i < levels; i += 1) value = { next: value };
  return value;
}

describe('no input reaches a recursion without a bound', () => {
  const { api, errorLines } = useHardeningApi();

  beforeAll(async () => {
    await api.clear();
  });

  async function postRaw(body: unknown) {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  }

  it('the issue case: 3,500 levels of variables over HTTP, without a token, is BAD_USER_INPUT (was HTTP 500)', async () => {
    const { status, body } = await postRaw({ query: '{ topics { slug } }', variables: { a: nestedList(3500) } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables', reason: 'INPUT_TOO_DEEP' });
  });

  it.each([
    ['deep extensions', { query: '{ topics { slug } }', extensions: { x: nestedObject(2000) } }, 'extensions'],
    ['a deep object in a variable the operation uses', { query: 'query($f: RoomFilter) { rooms(filter: $f) { totalCount } }', variables: { f: nestedObject(100) } }, 'variables'],
  ])('variant: %s is BAD_USER_INPUT over HTTP', async (_name, request, field) => {
    const { status, body } = await postRaw(request);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('variant: a deeply nested list literal in the document is BAD_USER_INPUT', async () => {
    const literal = `${'['.repeat(600)}1${']'.repeat(600)}`;
    const { status, body } = await postRaw({ query: `{ rooms(first: ${literal}) { totalCount } }` });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INPUT_TOO_DEEP' });
  });

  it('over graphql-ws the deep variables are refused for that operation only: the socket and its other subscription live on', async () => {
    const host = await tokenFor('recursion-host');
    const listener = await tokenFor('recursion-listener');
    const roomId = await createLiveRoom(api, host);
    const client = api.wsClient(listener);
    const events = new Collector<{ roomEvents: { __typename: string } }>();
    let closeCode: number | undefined;
    client.on('closed', (event) => {
      closeCode = (event as { code?: number }).code;
    });
    const unsubscribe = client.subscribe({ query: `subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }`, variables: { r: roomId } }, events.sink);
    // Wait until the subscription is live on the server before crashing anything.
    await wsExecute(client, '{ topics { slug } }');

    const refused = await wsExecute(client, '{ topics { slug } }', { a: nestedList(3500) });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.closeCode).toBeUndefined();
    const literal = `${'['.repeat(600)}1${']'.repeat(600)}`;
    expect(codeOf(await wsExecute(client, `{ rooms(first: ${literal}) { totalCount } }`))).toBe('BAD_USER_INPUT');

    const joined = await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, await tokenFor('recursion-third'));
    expect(joined.errors).toBeUndefined();
    await events.count(1);
    expect(events.errors).toEqual([]);
    expect(closeCode).toBeUndefined();
    unsubscribe();
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

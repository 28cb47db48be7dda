// Issue 6, fault 6: cursors that reach SQL unchecked. A cursor decoding to
// ["0000-01-01T00:00:00.000Z", <uuid>] answered INTERNAL_SERVER_ERROR, and the full SQL landed in
// the log. Cursors are decoded and range-checked (timestamps PostgreSQL accepts, ids of the
// right shape) before any resolver runs, and again where they are decoded for SQL.
import { randomUUID } from 'node:crypto';

import { decodeCursor, encodeCursor } from '../../src/common/pagination';
import { isUuid } from '../../src/common/ids';
import { expectNoLeaks, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { createLiveRoom, useHardeningApi } from './support/hardening';

const cursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');

describe('cursors never reach SQL unchecked', () => {
  const { api, errorLines } = useHardeningApi();
  let token: string;
  let roomId: string;

  beforeAll(async () => {
    await api.clear();
    token = await tokenFor('cursor-viewer');
    roomId = await createLiveRoom(api, token);
  });

  it('the issue case: a year-0000 cursor on rooms is BAD_USER_INPUT naming `after`, over HTTP and WebSocket', async () => {
    const query = `query($after: String) { rooms(first: 5, after: $after) { edges { node { id } } } }`;
    const after = cursor('0000-01-01T00:00:00.000Z', randomUUID());
    const overHttp = await api.request(query, { after }, token);
    expect(overHttp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expectNoLeaks(overHttp.errors);
    const client = api.wsClient(token);
    const overWs = await wsExecute(client, query, { after });
    expect(overWs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await client.dispose();
  });

  it.each([
    ['a year-10000 cursor on a room audience', `query($r: ID!, $after: String) { room(id: $r) { audience(after: $after) { totalCount } } }`, () => cursor('+010000-01-01T00:00:00.000Z', randomUUID())],
    ['a negative year as a literal argument', `query($r: ID!) { room(id: $r) { audience(after: "${cursor('-000001-01-01T00:00:00.000Z', randomUUID())}") { totalCount } } }`, () => undefined],
    ['an id with SQL in it', `query($r: ID!, $after: String) { room(id: $r) { audience(after: $after) { totalCount } } }`, () => cursor('2026-01-01T00:00:00.000Z', "x' or '1'='1")],
    ['a cursor that is not JSON', `query($r: ID!, $after: String) { room(id: $r) { audience(after: $after) { totalCount } } }`, () => Buffer.from('[[[', 'utf8').toString('base64url')],
  ])('variant: %s is BAD_USER_INPUT', async (_name, query, after) => {
    const response = await api.request(query, { r: roomId, ...(after() ? { after: after() } : {}) }, token);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expectNoLeaks(response.errors);
  });

  it('a cursor the server made still pages', async () => {
    const first = await api.request<{ rooms: { pageInfo: { endCursor: string } } }>(`{ rooms(first: 1) { pageInfo { endCursor } } }`, {}, token);
    const next = await api.request(`query($a: String) { rooms(first: 1, after: $a) { edges { node { id } } } }`, { a: first.data?.rooms.pageInfo.endCursor }, token);
    expect(next.errors).toBeUndefined();
  });

  it('the decoder used beside SQL refuses the same cursors (defence in depth)', () => {
    expect(() => decodeCursor(cursor('0000-01-01T00:00:00.000Z', randomUUID()), isUuid)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'after' }));
    const at = new Date('2026-05-01T10:00:00.000Z');
    const id = randomUUID();
    expect(decodeCursor(encodeCursor(at, id), isUuid)).toEqual({ at, id });
  });

  it('none of it wrote an error-level log line (no SQL in the log)', () => {
    expect(errorLines()).toEqual([]);
  });
});

// Issue 6, fault 5: a failed mutation that committed. `createRoom(input:{title:"x"}) { id
// audience(first: 101) { totalCount } }` answered BAD_USER_INPUT with `data: null`, yet the room
// existed, and a client that retried made duplicates. Every argument in the whole document
// (page sizes, cursors, ids, DateTime ranges), in fragments too, is now checked before any
// resolver runs, so a refused mutation changes nothing.
import { codeOf, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { countRows, useHardeningApi } from './support/hardening';

describe('a failed mutation commits nothing', () => {
  const { api, errorLines } = useHardeningApi();
  let token: string;

  beforeEach(async () => {
    await api.clear();
    token = await tokenFor('commit-viewer');
  });

  it('the issue case: createRoom selecting audience(first: 101) is refused and creates no room, over HTTP and WebSocket', async () => {
    const query = `mutation { createRoom(input: { title: "x" }) { id audience(first: 101) { totalCount } } }`;
    const overHttp = await api.request(query, {}, token);
    expect(overHttp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(overHttp.data ?? null).toBeNull();
    const client = api.wsClient(token);
    const overWs = await wsExecute(client, query);
    expect(codeOf(overWs)).toBe('BAD_USER_INPUT');
    await client.dispose();
    expect(await countRows(api, 'rooms')).toBe(0);
  });

  it.each([
    ['a negative page size behind a variable', `mutation($n: Int) { createRoom(input: { title: "x" }) { id audience(first: $n) { totalCount } } }`, { n: -1 }, 'first'],
    ['a bad cursor inside a fragment', `mutation { createRoom(input: { title: "x" }) { ...R } } fragment R on Room { audience(after: "not-a-cursor") { totalCount } }`, {}, 'after'],
    ['a malformed group id in the input', `mutation { createRoom(input: { title: "x", groupId: "nope" }) { id } }`, {}, 'groupId'],
    ['a malformed invitee id', `mutation { createRoom(input: { title: "x", visibility: PRIVATE, inviteeIds: ["has spaces"] }) { id } }`, {}, 'inviteeIds'],
    ['a DateTime PostgreSQL cannot store', `mutation($at: DateTime) { createRoom(input: { title: "x", scheduledFor: $at }) { id } }`, { at: '+275760-09-13T00:00:00.000Z' }, null],
  ])('variant: %s refuses the whole mutation before it writes', async (_name, query, variables, field) => {
    const response = await api.request(query, variables, token);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    if (field) expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await countRows(api, 'rooms')).toBe(0);
  });

  it('variant: a later root field with a bad argument stops the earlier one from committing', async () => {
    await api.request(`{ viewer { id } }`, {}, await tokenFor('commit-target'));
    const response = await api.request(
      `mutation { a: follow(profileId: "commit-target") { followerCount } b: createRoom(input: { title: "y" }) { audience(first: 1000) { totalCount } } }`,
      {},
      token,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(await countRows(api, 'follows')).toBe(0);
    expect(await countRows(api, 'rooms')).toBe(0);
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

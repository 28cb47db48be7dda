// Kind: text that cannot be stored. PostgreSQL text cannot hold U+0000 and jsonb refuses lone
// surrogates (ill-formed UTF-16), so such strings reached SQL and came back as a masked
// INTERNAL_SERVER_ERROR with an error-level log line. The schema fuzz found the surrogate case in a
// hand question over graphql-ws. Both are refused before execution, naming the field, on both
// transports, and change nothing.
import { codeOf, storedEvents, wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { createLiveRoom, useHardeningApi } from './support/hardening';

describe('text that cannot be stored is BAD_USER_INPUT', () => {
  const { api, errorLines } = useHardeningApi();


  it('the fuzz case: a hand question with a lone high surrogate, over graphql-ws, as a variable', async () => {
    await api.clear();
    const [host, ann] = await Promise.all([tokenFor('text-host'), tokenFor('text-ann')]);
    const roomId = await createLiveRoom(api, host);
    await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId }, ann);
    const before = await storedEvents(api, roomId);
    const response = await wsExecute(api.wsClient(ann), `mutation($r: ID!, $q: String) { raiseHand(roomId: $r, question: $q) { id } }`, {
      r: roomId,
      q: '\ud800 lone surrogate',
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'q' });
    expect(response.errors?.[0]?.message).toMatch(/well-formed Unicode/);
    expect(await storedEvents(api, roomId)).toEqual(before);
    expect(errorLines()).toEqual([]);
  });

  it('variant: a lone low surrogate in an input object over HTTP (a room title) creates nothing', async () => {
    await api.clear();
    const host = await tokenFor('text-host');
    const response = await api.request(`mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input: { title: 'Roadmap \udc00' } }, host);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'title' });
    // In a document literal the same escape is already a parse error (graphql-js checks escapes).
    const literal = await api.request(`mutation { createRoom(input: { title: "Roadmap \\udc00" }) { id } }`, {}, host);
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    const rooms = await api.request<{ rooms: { edges: unknown[] } }>(`{ rooms { edges { node { id } } } }`, {}, host);
    expect(rooms.data!.rooms.edges).toEqual([]);
    // A well-formed pair (an emoji) is fine.
    const ok = await api.request(`mutation { createRoom(input: { title: "Roadmap 😀" }) { id } }`, {}, host);
    expect(ok.errors).toBeUndefined();
    expect(errorLines()).toEqual([]);
  });
});

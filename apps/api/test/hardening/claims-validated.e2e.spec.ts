// Issue 6, fault 11: claims taken on trust. A token without `exp` was accepted forever; a
// `name` claim containing NUL answered HTTP 500 on every request (locking that person out); a
// `name` of 79 × "a" + "😀" was cut by UTF-16 units and ended in U+FFFD. Claims are now
// validated and normalised: `exp` required, names without control characters and cut by
// user-perceived characters, `roles` an array of strings.
import { codeOf, wsExecute } from '../support/graphql-helpers';
import { rawToken, useHardeningApi } from './support/hardening';

const VIEWER = `{ viewer { id displayName } }`;

describe('token claims are validated and normalised', () => {
  const { api, errorLines } = useHardeningApi();

  beforeAll(async () => {
    await api.clear();
  });

  const viewer = (token: string) => api.request<{ viewer: { id: string; displayName: string } }>(VIEWER, {}, token);

  it('the issue case: a token without exp is refused (UNAUTHENTICATED, 401), on HTTP and WebSocket', async () => {
    const token = await rawToken({ name: 'Forever' }, { sub: 'claims-no-exp', expiresAt: null });
    const response = await viewer(token);
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    const client = api.wsClient(token);
    expect((await wsExecute(client, VIEWER)).closeCode).toBe(4401);
  });

  it('the issue case: a name with NUL signs in, with the NUL removed (was HTTP 500 on every request)', async () => {
    const token = await rawToken({ name: 'Nul\u0000Person' }, { sub: 'claims-nul' });
    const first = await viewer(token);
    expect(first.status).toBe(200);
    expect(first.data?.viewer).toEqual({ id: 'claims-nul', displayName: 'Nul Person' });
    expect((await viewer(token)).status).toBe(200);
  });

  it('variant: other control characters and line breaks are normalised the same way', async () => {
    const token = await rawToken({ name: '\u001b[31mRed\u001b[0m\r\nTeam\u2028' }, { sub: 'claims-control' });
    expect((await viewer(token)).data?.viewer.displayName).toBe('[31mRed [0m Team');
  });

  it('the issue case: 79 × "a" + "😀" keeps its emoji; a longer name is cut between characters, never inside one', async () => {
    const exact = `${'a'.repeat(79)}😀`;
    expect((await viewer(await rawToken({ name: exact }, { sub: 'claims-emoji' }))).data?.viewer.displayName).toBe(exact);
    const family = '👩‍👩‍👧‍👦';
    // 79 + 7 code points would overflow varchar(80): the family goes whole, never a part of it.
    const long = await viewer(await rawToken({ name: `${'b'.repeat(79)}${family}${family}` }, { sub: 'claims-family' }));
    expect(long.data?.viewer.displayName).toBe('b'.repeat(79));
    const fits = await viewer(await rawToken({ name: `${'c'.repeat(73)}${family}${family}` }, { sub: 'claims-family-fits' }));
    expect(fits.data?.viewer.displayName).toBe(`${'c'.repeat(73)}${family}`);
    expect(long.data?.viewer.displayName).not.toContain('\uFFFD');
  });

  it.each([
    ['roles that are not an array', { name: 'R', roles: 'trust_safety' }],
    ['roles that hold a non-string', { name: 'R', roles: ['member', { admin: true }] }],
    ['a name that is not a string', { name: { first: 'Ada' } }],
  ])('variant: %s are refused as UNAUTHENTICATED', async (_name, claims) => {
    const response = await viewer(await rawToken(claims, { sub: 'claims-malformed' }));
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('none of it wrote an error-level log line', () => {
    expect(errorLines()).toEqual([]);
  });
});

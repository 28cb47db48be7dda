import { SignJWT } from 'jose';

import { withSignatureTampered } from '../../test/support/tamper';

import { AuthenticationError, Authenticator, lifetimeSeconds, signDevelopmentToken, VERIFIED_TOKEN_TTL_MS } from './authenticator';

const SECRET = 'authenticator-spec-secret-0123456789abcdef';
const config = { jwtSecret: SECRET, jwksUrl: null, issuer: null, audience: null, maxTokenLifetimeSeconds: 30 * 86_400, maxStaffTokenLifetimeSeconds: 12 * 3600 };

describe('Authenticator: verified tokens are kept, never past their exp or a minute', () => {
  it('a repeated token is verified once; the same viewer comes back', async () => {
    const authenticator = new Authenticator(config);
    const token = await signDevelopmentToken(SECRET, { sub: 'kept-a', name: 'Kept A', roles: ['trust_safety'] });
    const first = await authenticator.verify(token);
    for (let i = 0; i < 5; i += 1) expect(await authenticator.verify(token)).toEqual(first);
    expect(first).toMatchObject({ profileId: 'kept-a', name: 'Kept A', lifetimeSeconds: 30 * 86_400 });
    // The roles claim is validated but grants nothing: staff rights come from staff_roles.
    expect(first).not.toHaveProperty('isStaff');
    expect(authenticator.signatureChecks).toBe(1);
  });

  it('a kept token past its exp is refused as expired without another check (and a variant a second later)', async () => {
    let clock = Date.now();
    const authenticator = new Authenticator(config, () => clock);
    const token = await signDevelopmentToken(SECRET, { sub: 'kept-b' }, '30s');
    const viewer = await authenticator.verify(token);
    clock = (viewer.expiresAt as number) - 1;
    await expect(authenticator.verify(token)).resolves.toEqual(viewer);
    clock = viewer.expiresAt as number;
    await expect(authenticator.verify(token)).rejects.toThrow(new AuthenticationError('The bearer token has expired'));
    clock += 1000;
    // Forgotten once expired: jose checks it again (on the real clock, where it is still valid).
    await expect(authenticator.verify(token)).resolves.toEqual(viewer);
    expect(authenticator.signatureChecks).toBe(2);
  });

  it('a kept token is checked again after a minute', async () => {
    let clock = Date.now();
    const authenticator = new Authenticator(config, () => clock);
    const token = await signDevelopmentToken(SECRET, { sub: 'kept-c' });
    await authenticator.verify(token);
    clock += VERIFIED_TOKEN_TTL_MS - 1;
    await authenticator.verify(token);
    expect(authenticator.signatureChecks).toBe(1);
    clock += 1;
    await authenticator.verify(token);
    expect(authenticator.signatureChecks).toBe(2);
  });

  it('failures are never kept: a bad token is checked (and refused) every time, a good one after it still passes', async () => {
    const authenticator = new Authenticator(config);
    const forged = await signDevelopmentToken('another-secret-0123456789abcdef-xyz', { sub: 'kept-d' });
    for (let i = 0; i < 3; i += 1) await expect(authenticator.verify(forged)).rejects.toThrow(AuthenticationError);
    expect(authenticator.signatureChecks).toBe(3);
    const good = await signDevelopmentToken(SECRET, { sub: 'kept-d' });
    await expect(authenticator.verify(good)).resolves.toMatchObject({ profileId: 'kept-d' });
    // A token differing by one character is another token: checked, and refused (the copy certainly differs: see tamper.ts).
    const tampered = withSignatureTampered(good);
    await expect(authenticator.verify(tampered)).rejects.toThrow(AuthenticationError);
  });
});

describe('kind: a token outlives the right it carried (token lifetimes)', () => {
  const unsigned = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET));

  it('refuses a trust_safety token whose exp is ten years out (the reported case)', async () => {
    const token = await signDevelopmentToken(SECRET, { sub: 'decade', roles: ['trust_safety'] }, '3650d');
    await expect(new Authenticator(config).verify(token)).rejects.toThrow(/lives 315360000 s, longer than the 2592000 s this server accepts/);
  });

  it('without iat, measures exp − now (a variant: a token that hides its issue time)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const far = await unsigned({ sub: 'no-iat', exp: now + 31 * 86_400 });
    await expect(new Authenticator(config).verify(far)).rejects.toThrow(AuthenticationError);
    const near = await unsigned({ sub: 'no-iat-ok', exp: now + 29 * 86_400 });
    await expect(new Authenticator(config).verify(near)).resolves.toMatchObject({ profileId: 'no-iat-ok' });
  });

  it('an iat in the future does not hide a far exp (a variant: measured from now at the latest)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forward = await unsigned({ sub: 'future-iat', iat: now + 3650 * 86_400, exp: now + 3650 * 86_400 + 3600 });
    await expect(new Authenticator(config).verify(forward)).rejects.toThrow(/longer than the 2592000 s/);
  });

  it('accepts a token of exactly the longest lifetime, and reports it', async () => {
    const token = await signDevelopmentToken(SECRET, { sub: 'thirty' }, '30d');
    await expect(new Authenticator(config).verify(token)).resolves.toMatchObject({ lifetimeSeconds: 30 * 86_400 });
    const short = new Authenticator({ ...config, maxTokenLifetimeSeconds: 3600 });
    await expect(short.verify(token)).rejects.toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
  });
});

/** The payload of a compact JWT, unverified. */
function claimsOf(token: string): { iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat: number; exp: number };
}

describe('token lifetime from one clock reading: a development token lives exactly what was asked', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a 30-day token signed as the clock crosses a second lives 30 days, not 30 days and a second', async () => {
    // The clock reads 999 ms past a second, then (had it been read again) the next second.
    let reading = 1_800_000_000_999;
    jest.spyOn(Date, 'now').mockImplementation(() => (reading += 700));
    const token = await signDevelopmentToken(SECRET, { sub: 'boundary' }, '30d');
    const { iat, exp } = claimsOf(token);
    expect(exp - iat).toBe(30 * 86_400);
    await expect(new Authenticator(config).verify(token)).resolves.toMatchObject({ lifetimeSeconds: 30 * 86_400 });
  });

  it('the staff maximum (12 h, given in seconds as `npm run token --role` does) is exact too', async () => {
    let reading = 1_800_000_000_500;
    jest.spyOn(Date, 'now').mockImplementation(() => (reading += 900));
    const { iat, exp } = claimsOf(await signDevelopmentToken(SECRET, { sub: 'staff' }, `${12 * 3600}s`));
    expect(exp - iat).toBe(12 * 3600);
  });

  it('lifetimes: seconds or a count and a unit; anything else is a RangeError', () => {
    expect([lifetimeSeconds(90), lifetimeSeconds('90'), lifetimeSeconds('15m'), lifetimeSeconds('12h'), lifetimeSeconds('30d'), lifetimeSeconds('1w')]).toEqual([
      90, 90, 900, 43_200, 2_592_000, 604_800,
    ]);
    for (const bad of ['', '0d', '-1h', '1.5h', '3 fortnights', 'soon', 0, -5, 1.5]) expect(() => lifetimeSeconds(bad)).toThrow(RangeError);
  });
});

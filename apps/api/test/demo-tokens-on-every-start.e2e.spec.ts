// Kind: a second `npm start` printed no demo tokens. Demo tokens were signed only by the start
// that seeded an empty database, so every later start printed none and gave no hint. Every
// development start that finds the demo profiles signs fresh tokens for them, and every start
// says how to get more (`npm run token`). Runs the real process twice on one database.
import { decodeJwt } from 'jose';

import { type ChildUnderTest, createThrowawayDatabase, startApiProcess } from './support/api-process';

// Real processes start here; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(180_000);

/** The demo tokens a start-up banner printed, by the name above each. */
function bannerTokens(output: string): Map<string, string> {
  const tokens = new Map<string, string>();
  const lines = output.split('\n');
  lines.forEach((line, index) => {
    const name = /^ {2}(.+) \(.+\):$/.exec(line)?.[1];
    const token = lines[index + 1]?.trim();
    if (name && token?.startsWith('eyJ')) tokens.set(name, token);
  });
  return tokens;
}

describe('every development start prints demo tokens', () => {
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  const running: ChildUnderTest[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase('rt_demo_tokens');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((api) => api.stop('SIGTERM')));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function start(env: Record<string, string> = {}) {
    const api = await startApiProcess({ DATABASE_URL: database.url, SEED_DEMO_DATA: 'true', RECOMMENDER_URL: 'http://127.0.0.1:9', ...env });
    running.push(api);
    return api;
  }

  it('the start that seeds, and the second start on the same database (the reported case)', async () => {
    const first = await start();
    expect(first.output()).toContain('demo data seeded');
    const firstTokens = bannerTokens(first.output());
    expect([...firstTokens.keys()]).toEqual(['Linus Kern', 'Ada Lovelace', 'Tom Becker', 'Tess Safety']);
    await first.stop('SIGTERM');

    const second = await start();
    expect(second.output()).not.toContain('demo data seeded');
    expect(second.output()).toContain('npm run token');
    const secondTokens = bannerTokens(second.output());
    expect([...secondTokens.keys()]).toEqual(['Linus Kern', 'Ada Lovelace', 'Tom Becker', 'Tess Safety']);
    // Signed now, by this start, and good for the documented 30 days; the staff profile's for
    // AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS (12 h), so it carries the staff rights the record gives.
    const claims = decodeJwt(secondTokens.get('Tom Becker') ?? '');
    expect(claims).toMatchObject({ sub: 'demo-tom', roles: [] });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30 * 24 * 3600);
    expect(Math.abs((claims.iat ?? 0) - Date.now() / 1000)).toBeLessThan(600);
    const staffClaims = decodeJwt(secondTokens.get('Tess Safety') ?? '');
    expect(staffClaims).toMatchObject({ sub: 'demo-trust-safety', roles: ['trust_safety'] });
    expect((staffClaims.exp ?? 0) - (staffClaims.iat ?? 0)).toBe(12 * 3600);
    // The demo staff role is granted in the staff record on every development start (issue 14).
    const staff = await fetch(`${second.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secondTokens.get('Tess Safety') ?? ''}` },
      body: JSON.stringify({ query: '{ viewerIsStaff moderationQueue(first: 1) { totalCount } }' }),
    });
    expect(await staff.json()).toMatchObject({ data: { viewerIsStaff: true, moderationQueue: { totalCount: expect.any(Number) } } });
    // And they sign in.
    const response = await fetch(`${second.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secondTokens.get('Tom Becker') ?? ''}` },
      body: JSON.stringify({ query: '{ viewer { displayName } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { displayName: 'Tom Becker' } } });
  });

  it('a start with demo data off prints no tokens but still says how to get one', async () => {
    const api = await start({ SEED_DEMO_DATA: 'false' });
    expect(bannerTokens(api.output()).size).toBe(0);
    expect(api.output()).toContain('npm run token -- --name');
  });
});

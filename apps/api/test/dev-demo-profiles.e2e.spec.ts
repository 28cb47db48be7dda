// Kind: one-click sign-in for development. GET /dev/demo-profiles lists the seeded demo profiles
// with a fresh 12-hour token each, for the web client; it does not exist in production.
import { decodeJwt } from 'jose';
import pino from 'pino';

import { seedDemoData } from '../src/seed/demo-data';
import { startTestApi, type TestApi, useTestApi } from './support/test-api';

// Seeding runs ~100 commands; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(60_000);

interface DemoProfile {
  id: string;
  displayName: string;
  headline: string | null;
  role: string;
  token: string;
}

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'production-secret-of-at-least-32-bytes!',
  LIVEKIT_URL: 'wss://media.example.com',
  LIVEKIT_API_KEY: 'APIproductionKey',
  LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-bytes-long',
  METRICS_TOKEN: 'mT4r8Kc1Xz6Pq3Lw9Vb2Nd7Hs5Jf0Ga1',
};

async function demoProfiles(api: TestApi): Promise<{ status: number; body: { profiles?: DemoProfile[] } }> {
  const response = await fetch(api.url.replace('/graphql', '/dev/demo-profiles'));
  return { status: response.status, body: (await response.json()) as { profiles?: DemoProfile[] } };
}

describe('GET /dev/demo-profiles', () => {
  const api = useTestApi();

  it('lists every seeded demo profile with a fresh 12-hour token that signs in as that profile', async () => {
    await api.clear();
    await seedDemoData(api.api.db, api.api.server.services, pino({ level: 'silent' }));
    const { status, body } = await demoProfiles(api);
    expect(status).toBe(200);
    const profiles = body.profiles ?? [];
    expect(profiles).toHaveLength(21);
    for (const profile of profiles) {
      expect(profile).toEqual({ id: expect.stringMatching(/^demo-/), displayName: expect.any(String), headline: expect.any(String), role: expect.any(String), token: expect.any(String) });
      const claims = decodeJwt(profile.token);
      expect(claims.sub).toBe(profile.id);
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(12 * 3600);
    }
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    expect(byId.get('demo-ada')).toMatchObject({ displayName: 'Ada Lovelace', headline: 'Principal Engineer at Analytical Engines', role: 'speaker' });
    expect(byId.get('demo-linus')?.role).toBe('host');
    expect(byId.get('demo-tom')?.role).toBe('listener');
    expect(byId.get('demo-trust-safety')?.role).toBe('staff');
    expect(decodeJwt(byId.get('demo-trust-safety')?.token ?? '')['roles']).toEqual(['trust_safety']);

    const signedIn = await api.request<{ viewer: { id: string; displayName: string } }>('{ viewer { id displayName } }', {}, byId.get('demo-grace')?.token);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.viewer.displayName).toBe('Grace Hopper');
  });

  it('answers an empty list, not an error, when no demo profile exists', async () => {
    await api.clear();
    expect(await demoProfiles(api)).toEqual({ status: 200, body: { profiles: [] } });
  });

  it('is 404 in production, even with the demo profiles in the database', async () => {
    await api.clear();
    await seedDemoData(api.api.db, api.api.server.services, pino({ level: 'silent' }));
    const production = await startTestApi(PRODUCTION);
    try {
      const { status, body } = await demoProfiles(production);
      expect(status).toBe(404);
      expect(body.profiles).toBeUndefined();
    } finally {
      await production.stop();
      await api.clear();
    }
  });
});

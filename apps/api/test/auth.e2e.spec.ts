import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';

import { startTestApi, type TestApi, tokenFor } from './support/test-api';

const VIEWER = `query { viewer { id displayName } }`;

describe('bearer authentication', () => {
  describe('with HS256 development tokens', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(async () => {
      await api.stop();
    });

    it('creates the profile on the first authenticated request from the name claim', async () => {
      await api.clear();
      const response = await api.request<{ viewer: { id: string; displayName: string } }>(VIEWER, {}, await tokenFor('new-person', { name: 'Nia New' }));
      expect(response.data?.viewer).toEqual({ id: 'new-person', displayName: 'Nia New' });
    });

    it('refuses expired tokens and tokens signed with another secret', async () => {
      const expired = await new SignJWT({ name: 'Old' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('old')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(new TextEncoder().encode('roundtable-dev-secret-change-me'));
      const forged = await new SignJWT({ name: 'Mallory' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not-the-secret'));
      for (const token of [expired, forged, 'not-a-jwt']) {
        const response = await api.request(VIEWER, {}, token);
        expect(response.status).toBe(401);
        expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
      // Without a token, reads that need no viewer still work and `viewer` is null.
      const anonymous = await api.request<{ viewer: null; topics: unknown[] }>(`query { viewer { id } topics { slug } }`);
      expect(anonymous.data?.viewer).toBeNull();
      expect(anonymous.data?.topics.length).toBeGreaterThanOrEqual(60);
    });
  });

  describe('with an identity provider (RS256 via AUTH_JWKS_URL)', () => {
    let api: TestApi;
    let jwks: Server;
    let privateKey: KeyLike;

    beforeAll(async () => {
      const keys = await generateKeyPair('RS256');
      privateKey = keys.privateKey;
      const publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
      jwks = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [publicJwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const { port } = jwks.address() as AddressInfo;
      api = await startTestApi({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, AUTH_JWT_ISSUER: 'https://idp.test/' });
      await api.clear();
    });
    afterAll(async () => {
      await api.stop();
      await new Promise((resolve) => jwks.close(resolve));
    });

    const sign = (claims: { iss: string }, key: KeyLike) =>
      new SignJWT({ name: 'Ida Provider' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject('auth0|12345')
        .setIssuer(claims.iss)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);

    it("accepts the provider's RS256 tokens, with its sub as the profile id", async () => {
      const response = await api.request<{ viewer: { id: string; displayName: string } }>(VIEWER, {}, await sign({ iss: 'https://idp.test/' }, privateKey));
      expect(response.errors).toBeUndefined();
      expect(response.data?.viewer).toEqual({ id: 'auth0|12345', displayName: 'Ida Provider' });
    });

    it('refuses a wrong issuer, a foreign key and HS256 development tokens', async () => {
      const other = (await generateKeyPair('RS256')).privateKey;
      for (const token of [
        await sign({ iss: 'https://evil.test/' }, privateKey),
        await sign({ iss: 'https://idp.test/' }, other),
        await tokenFor('someone'),
      ]) {
        expect((await api.request(VIEWER, {}, token)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    });
  });
});

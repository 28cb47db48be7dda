// Kind: production starts with development-grade settings — here `/metrics`, which answered
// anyone (issue 14). It is served behind a bearer token (METRICS_TOKEN), or on its own listener
// (METRICS_PORT at METRICS_HOST, loopback by default) and then not on the API port at all.
import { withMiddleChanged } from './support/tamper';
import { useTestApi } from './support/test-api';

const METRICS_TOKEN = 'mT4r8Kc1Xz6Pq3Lw9Vb2Nd7Hs5Jf0Ga1';

const onApiPort = (url: string): string => url.replace(/\/graphql$/, '/metrics');

describe('kind: production starts with development-grade settings (/metrics)', () => {
  describe('behind METRICS_TOKEN', () => {
    const api = useTestApi({ METRICS_TOKEN });

    it.each([
      ['no Authorization header', undefined],
      ['a wrong token', `Bearer ${withMiddleChanged(METRICS_TOKEN)}`],
      ['the token without the Bearer scheme', METRICS_TOKEN],
    ])('refuses %s with 401 and no metrics', async (_what, authorization) => {
      const response = await fetch(onApiPort(api.url), { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('roundtable_');
    });

    it('answers the bearer of METRICS_TOKEN', async () => {
      const response = await fetch(onApiPort(api.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('roundtable_ws_connections_active');
    });
  });

  describe('on its own port (METRICS_PORT)', () => {
    const api = useTestApi({ METRICS_PORT: '0' });

    it('serves /metrics on the metrics listener, bound to loopback', async () => {
      expect(api.api.server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(api.api.server.metricsUrl).not.toBe(onApiPort(api.url));
      const response = await fetch(api.api.server.metricsUrl);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('roundtable_ws_connections_active');
    });

    it('no longer answers /metrics on the public API port', async () => {
      const response = await fetch(onApiPort(api.url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('roundtable_');
    });
  });
});

// Every HTTP answer names its request (X-Request-Id), and log lines written while a request runs
// carry that id, so an operator can go from a client's report to the server's lines.
import { capturingLogger } from './hardening/support/hardening';
import { closedPort } from './support/ports';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

describe('request ids in the log', () => {
  const log = capturingLogger();
  let api: TestApi;

  beforeAll(async () => {
    // The recommender is down, so a recommendedRooms request logs a warning while it runs.
    api = await startTestApi({ RECOMMENDER_URL: `http://127.0.0.1:${await closedPort()}`, RECOMMENDER_TIMEOUT_MS: '200' }, { logger: log.logger });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('a warning logged during a request carries the request id the client was answered with', async () => {
    const token = await tokenFor('request-id-viewer', { name: 'Rhea' });
    const first = await api.request(`query { recommendedRooms(first: 5) { modelVersion } }`, {}, token);
    const second = await api.request(`query { recommendedRooms(first: 5) { modelVersion } }`, {}, token);
    expect(first.errors).toBeUndefined();
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.requestId).not.toBe(first.requestId);
    const fallbacks = log.lines.filter((line) => line.msg === 'recommender unavailable; ranking with the fallback heuristic');
    // One line per request, each with its own request's id (the ranking request has its own key).
    expect(fallbacks.map((line) => line.requestId)).toEqual([first.requestId, second.requestId]);
    expect(fallbacks.every((line) => typeof line['rankingRequestId'] === 'string' && line['rankingRequestId'] !== line.requestId)).toBe(true);
  });

  it('kind: an answer without a request id — bodies refused before they are read (invalid JSON, too large) still name themselves and are not cached', async () => {
    const post = (body: string) => fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const invalid = await post('{"query": ');
    const tooLarge = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(300_000) }));
    expect([invalid.status, tooLarge.status]).toEqual([400, 413]);
    for (const response of [invalid, tooLarge]) {
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(invalid.headers.get('x-request-id')).not.toBe(tooLarge.headers.get('x-request-id'));
  });

  it('variant: lines written outside any request (start-up) carry no request id', () => {
    const startup = log.lines.filter((line) => line.msg === 'pub/sub ready');
    expect(startup).toHaveLength(1);
    expect(startup[0]).not.toHaveProperty('requestId');
  });
});

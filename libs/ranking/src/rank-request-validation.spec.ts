import { NOW, room, viewer } from './fixtures.test-helper';
import { parseRankRequest } from './rank-request-validation';

describe('parseRankRequest', () => {
  it('accepts a well-formed request and drops unknown fields', () => {
    const body = JSON.parse(JSON.stringify({ viewer: viewer(), candidates: [room({ id: 'r' })], now: NOW, limit: 5, extra: 1 })) as unknown;
    const result = parseRankRequest(body);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.request.candidates[0]?.id).toBe('r');
      expect(result.request.limit).toBe(5);
      expect('extra' in result.request).toBe(false);
    }
  });

  it('reports the path of the first bad field', () => {
    const body = { viewer: viewer(), candidates: [room({ id: 'r' }), { ...room({ id: 's' }), status: 'ENDED' }], now: NOW };
    expect(parseRankRequest(body)).toEqual({ ok: false, error: '$.candidates[1].status must be LIVE or SCHEDULED' });
    expect(parseRankRequest({ ...body, candidates: [], now: 'soon' })).toEqual({ ok: false, error: '$.now must be an ISO timestamp' });
    expect(parseRankRequest(null)).toEqual({ ok: false, error: '$ must be an object' });
  });

  it('enforces the candidate cap', () => {
    const body = { viewer: viewer(), candidates: [room({ id: 'a' }), room({ id: 'b' })], now: NOW };
    expect(parseRankRequest(body, 1).ok).toBe(false);
  });
});

import { loadConfig } from './config';

describe('loadConfig: admission limits', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).limits).toMatchObject({
      maxTokens: 2000,
      maxAliases: 30,
      maxDirectives: 20,
      maxExpandedFields: 2000,
      maxInputDepth: 16,
      expensiveReadsPerWindow: 120,
      operationPointsPerWindow: 500_000,
      anonymousOperationPointsPerWindow: 30_000,
      subscribePrice: 100,
      documentPointsPerKb: 100,
      reservePoints: 1000,
      maxFieldMergeComparisons: 2000,
      rateKeyPrefix: 'roundtable:rate',
      maxBodyBytes: 262_144,
      wsMaxSubscriptionsPerSocket: 100,
      wsMaxSocketsPerViewer: 20,
      wsMaxPendingSocketsPerAddress: 20,
      wsPendingOverflowGraceMs: 1000,
      wsMaxPingsPerMinute: 120,
      wsMaxBufferedBytes: 4 * 1024 * 1024,
    });
  });

  it('caps the anonymous work budget at the signed-in one', () => {
    expect(loadConfig({ RATE_LIMIT_OPERATION_POINTS: '1000' }).limits.anonymousOperationPointsPerWindow).toBe(1000);
    expect(loadConfig({ RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: '5000' }).limits.anonymousOperationPointsPerWindow).toBe(5000);
  });

  it.each([
    ['QUERY_MAX_TOKENS', '-5'],
    ['QUERY_MAX_ALIASES', '0'],
    ['QUERY_MAX_EXPANDED_FIELDS', '1.5'],
    ['INPUT_MAX_DEPTH', '1000'],
    ['RATE_LIMIT_EXPENSIVE_READS', '0'],
    ['RATE_LIMIT_OPERATION_POINTS', '99'],
    ['RATE_LIMIT_SUBSCRIBE_PRICE', '0'],
    ['RATE_LIMIT_DOCUMENT_POINTS_PER_KB', '-1'],
    ['RATE_LIMIT_RESERVE_POINTS', '-1'],
    ['QUERY_MAX_FIELD_MERGE_COMPARISONS', '5'],
    ['HTTP_MAX_BODY_BYTES', '10'],
    ['WS_MAX_SUBSCRIPTIONS_PER_SOCKET', '-1'],
    ['WS_MAX_SOCKETS_PER_VIEWER', '0'],
    ['WS_MAX_PINGS_PER_MINUTE', '0'],
    ['WS_MAX_PENDING_SOCKETS_PER_ADDRESS', '0'],
    ['WS_PENDING_OVERFLOW_GRACE_MS', '5000'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be an integer from`));
  });

  it('refuses a rate-limit key prefix with spaces or wildcards', () => {
    expect(() => loadConfig({ RATE_LIMIT_KEY_PREFIX: 'a b*' })).toThrow(/RATE_LIMIT_KEY_PREFIX/);
  });
});

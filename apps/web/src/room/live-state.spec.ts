import { LIVE_LABELS, liveIndicatorState } from './live-state';

// Bug 7 (kind: a status that does not follow the truth): "Live updates on" only while it is.
describe('liveIndicatorState', () => {
  it('says live only when the socket is connected and the stream runs', () => {
    expect(liveIndicatorState('live', 'running')).toBe('live');
    expect(liveIndicatorState('live', 'failed')).toBe('failed');
    expect(liveIndicatorState('live', 'ended')).toBe('ended');
  });

  it('says so when the API is down or unreachable (as reported: it stayed green)', () => {
    expect(LIVE_LABELS[liveIndicatorState('reconnecting', 'running')]).toBe('Connection lost, reconnecting…');
    expect(LIVE_LABELS[liveIndicatorState('offline', 'running')]).toContain('Offline');
    expect(LIVE_LABELS[liveIndicatorState('refused', 'running')]).toContain('sign in again');
  });
});

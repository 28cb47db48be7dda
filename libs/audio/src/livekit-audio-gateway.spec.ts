import { TokenVerifier, TrackSource } from 'livekit-server-sdk';

import { LiveKitAudioGateway } from './livekit-audio-gateway';

describe('LiveKitAudioGateway', () => {
  const settings = { url: 'ws://localhost:7880', apiKey: 'devkey', apiSecret: 'secret' };
  const gateway = new LiveKitAudioGateway(settings);
  const verifier = new TokenVerifier(settings.apiKey, settings.apiSecret);

  it('gives listeners a subscribe-only token for the room', async () => {
    const access = await gateway.issueAccess({
      roomId: 'room-1',
      profileId: 'ada',
      displayName: 'Ada Lovelace',
      canPublish: false,
    });
    const claims = await verifier.verify(access.token);
    expect(claims.sub).toBe('ada');
    expect(claims.name).toBe('Ada Lovelace');
    expect(claims.video).toMatchObject({ room: 'room-1', roomJoin: true, canSubscribe: true, canPublish: false });
    expect(access.canPublish).toBe(false);
    expect(access.serverUrl).toBe('ws://localhost:7880');
  });

  it('lets the stage publish the microphone only, for ten minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const access = await gateway.issueAccess({
      roomId: 'room-1',
      profileId: 'grace',
      displayName: 'Grace',
      canPublish: true,
    });
    const claims = await verifier.verify(access.token);
    expect(claims.video?.canPublish).toBe(true);
    expect(claims.video?.canPublishSources).toEqual([TrackSource.MICROPHONE].map((s) => trackSourceName(s)));
    const exp = (claims as { exp?: number }).exp ?? 0;
    expect(exp - before).toBeGreaterThanOrEqual(600);
    expect(exp - before).toBeLessThanOrEqual(601);
    expect(Math.abs(access.expiresAt.getTime() / 1000 - exp)).toBeLessThanOrEqual(1);
  });

  it('issues tokens another secret cannot verify', async () => {
    const access = await gateway.issueAccess({ roomId: 'r', profileId: 'p', displayName: 'P', canPublish: false });
    await expect(new TokenVerifier('devkey', 'another-secret').verify(access.token)).rejects.toThrow();
  });
});

/** LiveKit serialises track sources in tokens by their lower-case protocol name. */
function trackSourceName(source: TrackSource): string {
  return TrackSource[source].toLowerCase();
}

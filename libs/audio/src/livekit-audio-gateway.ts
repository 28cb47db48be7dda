import { AccessToken, TrackSource } from 'livekit-server-sdk';

import type { AudioAccess, AudioAccessRequest, AudioGateway } from './audio-gateway';

export interface LiveKitSettings {
  /** WebSocket URL clients connect to, e.g. ws://localhost:7880. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Token lifetime; clients call refreshAudioAccess before it runs out. Default 600 s. */
  readonly tokenTtlSeconds?: number;
}

export const DEFAULT_AUDIO_TOKEN_TTL_SECONDS = 600;

/** Issues LiveKit access tokens with grants by role, using livekit-server-sdk. */
export class LiveKitAudioGateway implements AudioGateway {
  private readonly ttlSeconds: number;

  constructor(private readonly settings: LiveKitSettings) {
    this.ttlSeconds = settings.tokenTtlSeconds ?? DEFAULT_AUDIO_TOKEN_TTL_SECONDS;
  }

  async issueAccess(request: AudioAccessRequest): Promise<AudioAccess> {
    const token = new AccessToken(this.settings.apiKey, this.settings.apiSecret, {
      identity: request.profileId,
      name: request.displayName,
      ttl: this.ttlSeconds,
    });
    token.addGrant({
      room: request.roomId,
      roomJoin: true,
      canSubscribe: true,
      canPublish: request.canPublish,
      // Audio rooms: the stage publishes microphones only (no camera, no screen share).
      canPublishSources: request.canPublish ? [TrackSource.MICROPHONE] : [],
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    const jwt = await token.toJwt();
    return {
      serverUrl: this.settings.url,
      token: jwt,
      // The SDK stamps `exp` from the same clock; report it to the client for refresh scheduling.
      expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + this.ttlSeconds * 1000),
      canPublish: request.canPublish,
    };
  }
}

import { decodeJwt, SignJWT } from 'jose';
import { AccessToken, RoomServiceClient, ServerError, WebhookReceiver } from 'livekit-server-sdk';

import {
  fromProtocolParticipant,
  fromProtocolTrackSource,
  toProtocolPermission,
  toProtocolTrackSource,
} from './livekit-mapping';
import type {
  AudioAccess,
  AudioAccessRequest,
  MediaCallOutcome,
  MediaControl,
  MediaWebhookEvent,
  MediaWebhookEventType,
} from './media-control';
import { MediaControlError } from './media-control.error';
import type { MediaParticipant } from './media-participant';
import { type MediaPermissions, permissionsForRole } from './media-permissions';

/** Connection settings of a LiveKit server (self-hosted, `livekit-server --dev`, or Cloud). */
export interface LiveKitSettings {
  /** WebSocket URL clients connect to, e.g. ws://localhost:7880. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /**
   * Base URL of the server API (Twirp RoomService) when it differs from what clients use,
   * e.g. an internal http://livekit:7880. Default: `url` with ws→http, wss→https.
   */
  readonly apiUrl?: string;
  /** Media token lifetime in seconds, 10 to 600. Default 600. */
  readonly tokenTtlSeconds?: number;
  /** Timeout of one RoomService request, in seconds. Default 10. */
  readonly requestTimeoutSeconds?: number;
}

export const DEFAULT_AUDIO_TOKEN_TTL_SECONDS = 600;
export const MAX_AUDIO_TOKEN_TTL_SECONDS = 600;
export const DEFAULT_LIVEKIT_REQUEST_TIMEOUT_SECONDS = 10;

/** The key pair `livekit-server --dev` accepts; production must refuse it. */
export const LIVEKIT_DEV_API_KEY = 'devkey';
export const LIVEKIT_DEV_API_SECRET = 'secret';

/** True for LiveKit's published development key pair (either half), which production refuses. */
export function isLiveKitDevelopmentKeyPair(apiKey: string, apiSecret: string): boolean {
  return apiKey === LIVEKIT_DEV_API_KEY || apiSecret === LIVEKIT_DEV_API_SECRET;
}

const WEBHOOK_EVENT_TYPES: ReadonlySet<string> = new Set<MediaWebhookEventType>([
  'room_started',
  'room_finished',
  'participant_joined',
  'participant_left',
  'participant_connection_aborted',
  'track_published',
  'track_unpublished',
]);

/**
 * {@link MediaControl} on LiveKit, with livekit-server-sdk: `AccessToken` for client tokens,
 * `RoomServiceClient` (Twirp over HTTP) for control, `WebhookReceiver` for webhooks.
 *
 * LiveKit replaces a participant's permissions whole on `UpdateParticipant`, so
 * {@link updatePermissions} always sends every field of `ParticipantPermission`.
 */
export class LiveKitMediaControl implements MediaControl {
  private readonly ttlSeconds: number;
  private readonly rooms: RoomServiceClient;
  private readonly webhooks: WebhookReceiver;

  constructor(private readonly settings: LiveKitSettings) {
    this.ttlSeconds = settings.tokenTtlSeconds ?? DEFAULT_AUDIO_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds < 10 || this.ttlSeconds > MAX_AUDIO_TOKEN_TTL_SECONDS) {
      throw new RangeError(`tokenTtlSeconds must be an integer from 10 to ${MAX_AUDIO_TOKEN_TTL_SECONDS}, got ${this.ttlSeconds}`);
    }
    this.rooms = new RoomServiceClient(settings.apiUrl ?? settings.url, settings.apiKey, settings.apiSecret, {
      requestTimeout: settings.requestTimeoutSeconds ?? DEFAULT_LIVEKIT_REQUEST_TIMEOUT_SECONDS,
    });
    this.webhooks = new WebhookReceiver(settings.apiKey, settings.apiSecret);
  }

  async issueAccess(request: AudioAccessRequest): Promise<AudioAccess> {
    const permissions = permissionsForRole(request.canPublish ? 'stage' : 'listener');
    const token = new AccessToken(this.settings.apiKey, this.settings.apiSecret, {
      identity: request.profileId,
      name: request.displayName,
      ttl: this.ttlSeconds,
    });
    token.addGrant({
      room: request.roomId,
      roomJoin: true,
      canSubscribe: permissions.canSubscribe,
      canPublish: permissions.canPublish,
      canPublishSources: permissions.canPublishSources.map(toProtocolTrackSource),
      canPublishData: permissions.canPublishData,
      canUpdateOwnMetadata: permissions.canUpdateMetadata,
      hidden: permissions.hidden,
      recorder: permissions.recorder,
      agent: permissions.agent,
      canSubscribeMetrics: permissions.canSubscribeMetrics,
      canManageAgentSession: permissions.canManageAgentSession,
    });
    const jwt = await withNotBefore(await token.toJwt(), request.notBefore ?? null, request.decidedAt ?? null, this.settings.apiSecret);
    return {
      serverUrl: this.settings.url,
      token: jwt,
      expiresAt: new Date(expiryOf(jwt) * 1000),
      canPublish: permissions.canPublish,
    };
  }

  async updatePermissions(roomId: string, profileId: string, permissions: MediaPermissions): Promise<MediaCallOutcome> {
    return this.change('updateParticipant', () =>
      this.rooms.updateParticipant(roomId, profileId, { permission: toProtocolPermission(permissions) }),
    );
  }

  async mutePublishedTrack(roomId: string, profileId: string, trackSid: string, muted: boolean): Promise<MediaCallOutcome> {
    return this.change('mutePublishedTrack', () => this.rooms.mutePublishedTrack(roomId, profileId, trackSid, muted));
  }

  async removeParticipant(
    roomId: string,
    profileId: string,
    options: { readonly revokeTokensIssuedBefore?: number | null } = {},
  ): Promise<MediaCallOutcome> {
    const revoke = options.revokeTokensIssuedBefore;
    return this.change('removeParticipant', () =>
      this.rooms.removeParticipant(roomId, profileId, revoke == null ? undefined : { revokeTokenTs: BigInt(revoke) }),
    );
  }

  async deleteRoom(roomId: string): Promise<MediaCallOutcome> {
    return this.change('deleteRoom', () => this.rooms.deleteRoom(roomId));
  }

  async listRooms(): Promise<string[]> {
    try {
      return (await this.rooms.listRooms()).map((room) => room.name);
    } catch (error) {
      throw toMediaControlError('listRooms', error);
    }
  }

  async listParticipants(roomId: string): Promise<MediaParticipant[]> {
    try {
      return (await this.rooms.listParticipants(roomId)).map(fromProtocolParticipant);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw toMediaControlError('listParticipants', error);
    }
  }

  async getParticipant(roomId: string, profileId: string): Promise<MediaParticipant | null> {
    try {
      return fromProtocolParticipant(await this.rooms.getParticipant(roomId, profileId));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw toMediaControlError('getParticipant', error);
    }
  }

  async receiveWebhook(body: string, authorization: string | undefined): Promise<MediaWebhookEvent> {
    if (!authorization) throw MediaControlError.webhookUnauthorized('no Authorization header');
    let event;
    try {
      event = await this.webhooks.receive(body, authorization);
    } catch (error) {
      // WebhookReceiver verifies the signature (JWT + body sha256) before it parses the body,
      // so a parse failure means a correctly signed body; anything else is a bad signature.
      if (error instanceof SyntaxError || (error instanceof Error && error.message.startsWith('cannot decode'))) {
        throw MediaControlError.webhookMalformed(error.message, error);
      }
      throw MediaControlError.webhookUnauthorized(error instanceof Error ? error.message : String(error), error);
    }
    if (!event.id || !event.event) throw MediaControlError.webhookMalformed('event id or name missing');
    return {
      id: event.id,
      type: WEBHOOK_EVENT_TYPES.has(event.event) ? (event.event as MediaWebhookEventType) : 'other',
      rawType: event.event,
      roomId: event.room?.name || null,
      profileId: event.participant?.identity || null,
      participantSid: event.participant?.sid || null,
      participant: event.participant?.identity ? fromProtocolParticipant(event.participant) : null,
      track: event.track
        ? { sid: event.track.sid, source: fromProtocolTrackSource(event.track.source), muted: event.track.muted }
        : null,
      createdAt: new Date(Number(event.createdAt) * 1000),
    };
  }

  private async change(operation: string, call: () => Promise<unknown>): Promise<MediaCallOutcome> {
    try {
      await call();
      return 'applied';
    } catch (error) {
      // LiveKit answers twirp `not_found` for an absent room, participant or track: the desired
      // end state already holds (or there is nothing connected to act on).
      if (isNotFound(error)) return 'absent';
      throw toMediaControlError(operation, error);
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof ServerError && (error.code === 'not_found' || (error.code === undefined && error.status === 404));
}

const UNAVAILABLE_CODES = new Set(['unavailable', 'internal', 'deadline_exceeded', 'resource_exhausted', 'aborted', 'unknown']);

function toMediaControlError(operation: string, error: unknown): MediaControlError {
  if (error instanceof ServerError) {
    const code = error.code ?? null;
    const detail = `${error.status} ${code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim();
    if (error.status === 401 || error.status === 403 || code === 'unauthenticated' || code === 'permission_denied') {
      return MediaControlError.unauthorized(operation, detail, error.status, code, error);
    }
    if (error.status >= 500 || error.status === 429 || (code !== null && UNAVAILABLE_CODES.has(code))) {
      return MediaControlError.unavailable(operation, detail, error.status, code, error);
    }
    return MediaControlError.rejected(operation, detail, error.status, code, error);
  }
  // fetch failures (refused or dropped connections, DNS, timeouts) never reached LiveKit's logic.
  const detail = error instanceof Error ? describeTransportError(error) : String(error);
  return MediaControlError.unavailable(operation, detail, null, null, error);
}

function describeTransportError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

/**
 * Most a token's `nbf` may be ahead of this instance's clock: LiveKit validates tokens with
 * go-jose's default leeway of one minute. A revocation cutoff is at most one second ahead of the
 * clock that recorded it; the rest is room for clock skew between API instances. More than this
 * means the cluster's clocks disagree badly, a configuration error: issuing throws.
 */
const MAX_NOT_BEFORE_AHEAD_SECONDS = 30;

/**
 * `jwt` (just signed by `AccessToken`, whose `nbf` is always now) re-signed with `nbf` = the
 * second of `decidedAt` (unix seconds, floored; never later than now) or `notBefore` (unix
 * seconds), whichever is later, when that differs from now; unchanged otherwise. Same claims,
 * same HS256 key.
 * @throws RangeError when `notBefore` is more than {@link MAX_NOT_BEFORE_AHEAD_SECONDS} ahead.
 */
async function withNotBefore(jwt: string, notBefore: number | null, decidedAt: Date | null, apiSecret: string): Promise<string> {
  if (notBefore === null && decidedAt === null) return jwt;
  const claims = decodeJwt(jwt);
  const signedAt = typeof claims.nbf === 'number' ? claims.nbf : 0;
  const from = decidedAt === null ? signedAt : Math.min(signedAt, Math.floor(decidedAt.getTime() / 1000));
  const nbf = notBefore === null ? from : Math.max(from, notBefore);
  if (nbf - signedAt > MAX_NOT_BEFORE_AHEAD_SECONDS) {
    throw new RangeError(`notBefore is ${nbf - signedAt} s ahead of the clock; at most ${MAX_NOT_BEFORE_AHEAD_SECONDS} s are allowed`);
  }
  if (nbf === signedAt) return jwt;
  return new SignJWT({ ...claims, nbf }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(apiSecret));
}

/** The `exp` claim (unix seconds) of a JWT we just signed. */
function expiryOf(jwt: string): number {
  const payload = jwt.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
  if (typeof claims.exp !== 'number') throw new Error('signed media token has no exp claim');
  return claims.exp;
}

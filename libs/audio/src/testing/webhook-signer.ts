/**
 * Webhooks exactly as LiveKit sends them (livekit/protocol webhook/url_notifier.go): the body is
 * the event's protobuf JSON; the `Authorization` header is a bare JWT (no `Bearer`), signed with
 * the API key and secret, valid five minutes, carrying the base64 sha256 of the body in its
 * `sha256` claim; `Content-Type: application/webhook+json`. Signed here with the SDK's own
 * `AccessToken`.
 */
import { createHash, randomBytes } from 'node:crypto';

import { ParticipantInfo, ParticipantInfo_State, Room, TrackInfo, TrackType, WebhookEvent } from '@livekit/protocol';
import { AccessToken, type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';

import { toProtocolTrackSource } from '../livekit-mapping';
import type { MediaTrackSource } from '../media-permissions';

/** The API key pair a webhook is signed with. */
export interface WebhookCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** What {@link webhookEvent} builds; unset fields get fresh values (id `EV_…`, now). */
export interface WebhookEventInput {
  readonly event: string;
  readonly roomId?: string;
  readonly profileId?: string;
  readonly participantSid?: string;
  readonly id?: string;
  readonly createdAt?: Date;
  readonly track?: { readonly sid: string; readonly source: MediaTrackSource; readonly muted?: boolean };
}

/** A LiveKit `WebhookEvent` message, e.g. `participant_joined` for a profile in a room. */
export function webhookEvent(input: WebhookEventInput): WebhookEvent {
  const createdAt = input.createdAt ?? new Date();
  return new WebhookEvent({
    event: input.event,
    id: input.id ?? `EV_${randomBytes(6).toString('hex')}`,
    createdAt: BigInt(Math.floor(createdAt.getTime() / 1000)),
    ...(input.roomId === undefined ? {} : { room: new Room({ name: input.roomId, sid: `RM_${input.roomId}` }) }),
    ...(input.profileId === undefined
      ? {}
      : {
          participant: new ParticipantInfo({
            identity: input.profileId,
            sid: input.participantSid ?? `PA_${randomBytes(6).toString('hex')}`,
            state: input.event === 'participant_joined' ? ParticipantInfo_State.ACTIVE : ParticipantInfo_State.DISCONNECTED,
          }),
        }),
    ...(input.track === undefined
      ? {}
      : {
          track: new TrackInfo({
            sid: input.track.sid,
            source: toProtocolTrackSource(input.track.source),
            type: TrackType.AUDIO,
            muted: input.track.muted ?? false,
          }),
        }),
  });
}

/** The request LiveKit would send for `event`: body and `Authorization` header value. */
export async function signWebhook(
  event: WebhookEvent,
  credentials: WebhookCredentials,
): Promise<{ body: string; authorization: string }> {
  const body = event.toJsonString();
  return { body, authorization: await signWebhookBody(body, credentials) };
}

/** The `Authorization` value LiveKit would send with exactly this body. */
export async function signWebhookBody(body: string, credentials: WebhookCredentials): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
  return token.toJwt();
}

/**
 * POSTs a webhook to `url` as LiveKit does and returns the response. `tamper` sends something
 * else on purpose: another body than the one signed, another or no `Authorization` header.
 */
export async function sendWebhook(
  url: string,
  event: WebhookEvent,
  credentials: WebhookCredentials,
  tamper: { readonly body?: string; readonly authorization?: string | null } = {},
): Promise<Response> {
  const signed = await signWebhook(event, credentials);
  const authorization = tamper.authorization === undefined ? signed.authorization : tamper.authorization;
  const headers: Record<string, string> = { 'Content-Type': 'application/webhook+json' };
  if (authorization !== null) headers['Authorization'] = authorization;
  return fetch(url, { method: 'POST', headers, body: tamper.body ?? signed.body });
}

/**
 * The claims of a media access token, verified with LiveKit's own `TokenVerifier` (signature,
 * issuer = API key, expiry). For tests outside `libs/audio`, which may not import the SDK.
 */
export function verifyMediaToken(token: string, credentials: WebhookCredentials): Promise<ClaimGrants> {
  return new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(token);
}

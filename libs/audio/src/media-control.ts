import type { MediaParticipant } from './media-participant';
import type { MediaPermissions, MediaTrackSource } from './media-permissions';

/** What a client needs to connect to a room's audio on the media server. */
export interface AudioAccess {
  /** WebSocket URL of the media server. */
  readonly serverUrl: string;
  /** Short-lived media access token whose grants match the participant's role. */
  readonly token: string;
  /** When the token stops being accepted for new connections (second precision). */
  readonly expiresAt: Date;
  readonly canPublish: boolean;
}

export interface AudioAccessRequest {
  /** The Roundtable room id; the media room has the same name. */
  readonly roomId: string;
  /** The profile id; the media participant identity. */
  readonly profileId: string;
  readonly displayName: string;
  /** Stage participants may publish their microphone; listeners only subscribe. */
  readonly canPublish: boolean;
  /**
   * Unix seconds: the earliest `nbf` the token may carry, the `revocationCutoff` of the
   * participant's last lost right in this room. A token signed in the same second as that loss
   * would otherwise be refused by the revocation; when this is ahead of the clock (by at most a
   * second) the token's `nbf` is this second. Absent or in the past: `nbf` is now (or the second
   * of `decidedAt`).
   */
  readonly notBefore?: number | null;
  /**
   * When the rights this token carries were read (the access policy's relation the grant was
   * decided on), on the clock revocations are recorded with. The token's `nbf` is that whole
   * second (floored), not the second it is signed in, so the revocation of any right lost after
   * that read (`revocationCutoff`: the whole second after the loss) refuses this token even when
   * it is signed after the loss committed; `notBefore`, when later, wins. Never later than the
   * signing second. Absent or null: `nbf` is the signing second (or `notBefore`).
   */
  readonly decidedAt?: Date | null;
}

/**
 * Outcome of a call that changes the media server: `applied`, or `absent` when its target
 * (room, participant or track) is not there, which counts as success: removing someone who
 * already left or deleting a room that already closed is what was wanted, and updating or
 * muting someone who is not connected has nothing to act on (their next token carries the grants).
 */
export type MediaCallOutcome = 'applied' | 'absent';

/** LiveKit webhook event names Roundtable reads; anything else arrives as `other`. */
export type MediaWebhookEventType =
  | 'room_started'
  | 'room_finished'
  | 'participant_joined'
  | 'participant_left'
  | 'participant_connection_aborted'
  | 'track_published'
  | 'track_unpublished'
  | 'other';

/** A verified webhook from the media server. */
export interface MediaWebhookEvent {
  /** Unique per event (LiveKit `id`, `EV_…`): deduplicate on it. */
  readonly id: string;
  readonly type: MediaWebhookEventType;
  /** The event name as sent, e.g. `egress_ended` for an `other`. */
  readonly rawType: string;
  /** The LiveKit room name = Roundtable room id, or `null` for events without a room. */
  readonly roomId: string | null;
  /** The participant identity = profile id, for participant and track events. */
  readonly profileId: string | null;
  /** The participant's sid for this connection: tells a reconnect's join from the old leave. */
  readonly participantSid: string | null;
  /**
   * The participant as the event reports it (permissions, tracks, join time), for participant and
   * track events; `null` when the event carries none. What they could do at that moment.
   */
  readonly participant: MediaParticipant | null;
  readonly track: { readonly sid: string; readonly source: MediaTrackSource; readonly muted: boolean } | null;
  /** When the media server emitted the event (LiveKit `createdAt`, whole seconds). */
  readonly createdAt: Date;
}

/**
 * The one seam between Roundtable and the media server: access tokens, control of who may do
 * what in a media room, and the server's webhooks. Room ids are Roundtable room ids (the media
 * room name); profile ids are participant identities.
 *
 * Calls that change state are idempotent (see {@link MediaCallOutcome}). Failures throw
 * `MediaControlError` only; `retryable` says whether backing off can help.
 *
 * The production implementation is `LiveKitMediaControl`.
 */
export interface MediaControl {
  /** A short-lived token for the client, with grants by role (`permissionsForRole`). */
  issueAccess(request: AudioAccessRequest): Promise<AudioAccess>;

  /**
   * Replaces the participant's permissions with `permissions`, all fields. Taking
   * `canPublish` away makes the media server unpublish the participant's tracks.
   */
  updatePermissions(roomId: string, profileId: string, permissions: MediaPermissions): Promise<MediaCallOutcome>;

  /** Mutes (or, where the server allows remote unmute, un-mutes) one published track. */
  mutePublishedTrack(roomId: string, profileId: string, trackSid: string, muted: boolean): Promise<MediaCallOutcome>;

  /**
   * Disconnects the participant. `revokeTokensIssuedBefore` (unix seconds; LiveKit's
   * `revoke_token_ts`) also asks the server to refuse the participant's tokens issued earlier, so
   * a banned listener cannot reconnect with an old token. Do not rely on it alone (a server may
   * ignore the field): a reconnection still shows up in `participant_joined` and reconciliation,
   * and is removed again.
   */
  removeParticipant(
    roomId: string,
    profileId: string,
    options?: { readonly revokeTokensIssuedBefore?: number | null },
  ): Promise<MediaCallOutcome>;

  /** Closes the media room, disconnecting everyone. */
  deleteRoom(roomId: string): Promise<MediaCallOutcome>;

  /**
   * The names (= Roundtable room ids) of every room open on the media server, in the server's
   * order. Reconciliation closes those whose Roundtable room is not LIVE (or does not exist), which
   * an outbox job given up during a long outage would otherwise leave open.
   */
  listRooms(): Promise<string[]>;

  /** Everyone in the media room; `[]` when the room does not exist. */
  listParticipants(roomId: string): Promise<MediaParticipant[]>;

  /** One participant, or `null` when not in the media room. */
  getParticipant(roomId: string, profileId: string): Promise<MediaParticipant | null>;

  /**
   * Verifies a webhook request (raw body exactly as received, and its `Authorization` header)
   * and parses it. Throws `MediaControlError` with `WebhookUnauthorized` (answer 401) or
   * `WebhookMalformed`.
   */
  receiveWebhook(body: string, authorization: string | undefined): Promise<MediaWebhookEvent>;
}

/**
 * @deprecated The earlier name of {@link MediaControl}, kept so existing call sites compile;
 * use `MediaControl`.
 */
export type AudioGateway = MediaControl;

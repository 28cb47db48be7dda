/**
 * A LiveKit double for tests: the one test double Roundtable allows, because no LiveKit server
 * package exists on our registries. It is a real HTTP server on 127.0.0.1 that speaks LiveKit's
 * Twirp JSON API for RoomService (`POST /twirp/livekit.RoomService/<Method>`), decodes requests
 * and encodes answers with `@livekit/protocol`'s message classes, checks the bearer token with
 * livekit-server-sdk's `TokenVerifier` and the grant each method needs (as livekit-server's
 * `EnsureAdminPermission` / `EnsureCreatePermission` / `EnsureListPermission` do), keeps rooms,
 * participants and tracks in memory, records every call, and fails on demand.
 *
 * Behaviour copied from livekit-server (pkg/service/roomservice.go): `RemoveParticipant`,
 * `DeleteRoom`, `GetParticipant`, `UpdateParticipant` and `MutePublishedTrack` answer twirp
 * `not_found` for an absent target; `ListParticipants` of an absent room is an empty list;
 * permission failures answer `unauthenticated`; `UpdateParticipant` replaces the permission
 * whole and unpublishes tracks the new permission forbids; remote un-mute is refused unless
 * enabled. One deliberate difference: request fields unknown to `@livekit/protocol` are refused
 * (400 `malformed`) where Twirp discards them, so a misspelt field fails the test that sent it.
 * Production code must not know this class exists.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  CreateRoomRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  RemoveParticipantResponse,
  Room,
  RoomParticipantIdentity,
  TrackInfo,
  TrackType,
  UpdateParticipantRequest,
  WebhookEvent,
} from '@livekit/protocol';
import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';

import {
  fromProtocolParticipant,
  fromProtocolTrackSource,
  toProtocolPermission,
  toProtocolTrackSource,
} from '../livekit-mapping';
import type { MediaParticipant } from '../media-participant';
import { allowsPublishing, type MediaPermissions, type MediaTrackSource } from '../media-permissions';
import { signWebhook } from './webhook-signer';

/** Protocol JSON (proto3 JSON mapping), as `Message.toJson()` returns it. */
export type JsonValue = ReturnType<Room['toJson']>;

/** RoomService methods the double implements. */
export type RoomServiceMethod =
  | 'CreateRoom'
  | 'ListRooms'
  | 'DeleteRoom'
  | 'ListParticipants'
  | 'GetParticipant'
  | 'RemoveParticipant'
  | 'MutePublishedTrack'
  | 'UpdateParticipant';

/** One RoomService request the double received, answered or not. */
export interface RecordedRoomServiceCall {
  readonly method: string;
  /**
   * The request body as sent (proto3 JSON: fields at their zero value are omitted on the wire),
   * `null` if not a JSON object. Decode with the protocol class, e.g. `UpdateParticipantRequest.fromJson`.
   */
  readonly request: Record<string, JsonValue> | null;
  /** HTTP status answered; 0 when the connection was dropped on purpose. */
  readonly status: number;
  /** Twirp error code answered, if any. */
  readonly errorCode: string | null;
  /** True when the failure was injected (`failNext` / `setDown`). */
  readonly injectedFailure: boolean;
}

/** A webhook the double sent (see {@link LiveKitDouble.sendWebhooksTo}). */
export interface DeliveredWebhook {
  readonly event: string;
  readonly id: string;
  readonly roomId: string;
  readonly profileId: string | null;
  /** HTTP status the receiver answered; `null` when it could not be reached. */
  readonly status: number | null;
}

/** How an injected failure looks to the client. */
export type InjectedFailure = 'unavailable' | 'drop';

export interface LiveKitDoubleOptions {
  /** Default `devkey` / `secret`, as `livekit-server --dev`. */
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** Whether `MutePublishedTrack` may un-mute (livekit-server: `room.enable_remote_unmute`). */
  readonly remoteUnmute?: boolean;
}

interface StoredRoom {
  readonly room: Room;
  readonly participants: Map<string, ParticipantInfo>;
}

class TwirpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const PREFIX = '/twirp/livekit.RoomService/';
/** go-jose's `jwt.DefaultLeeway`, which livekit/protocol's `APIKeyTokenVerifier.Verify` applies. */
const LIVEKIT_TOKEN_LEEWAY_SECONDS = 60;
const STRICT = { ignoreUnknownFields: false } as const;

export class LiveKitDouble {
  readonly apiKey: string;
  readonly apiSecret: string;
  private readonly verifier: TokenVerifier;
  private readonly remoteUnmute: boolean;
  private readonly rooms = new Map<string, StoredRoom>();
  /** Per room and identity: tokens with `nbf` before this (unix seconds) are refused. */
  private readonly revokedBefore = new Map<string, number>();
  private readonly recorded: RecordedRoomServiceCall[] = [];
  private failuresLeft = 0;
  private failureMode: InjectedFailure = 'unavailable';
  private down: InjectedFailure | null = null;
  private holding: { readonly released: Promise<void>; readonly release: () => void; readonly methods: ReadonlySet<string> | null } | null = null;
  private heldNow = 0;
  private webhookUrl: string | null = null;
  private webhookChain: Promise<void> = Promise.resolve();
  private readonly delivered: DeliveredWebhook[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    options: LiveKitDoubleOptions,
  ) {
    this.apiKey = options.apiKey ?? 'devkey';
    this.apiSecret = options.apiSecret ?? 'secret';
    this.verifier = new TokenVerifier(this.apiKey, this.apiSecret);
    this.remoteUnmute = options.remoteUnmute ?? false;
  }

  /** Starts a double on 127.0.0.1 and a random free port. Call {@link close} in `afterAll`. */
  static async start(options: LiveKitDoubleOptions = {}): Promise<LiveKitDouble> {
    const started: { double?: LiveKitDouble } = {};
    const server = createServer((req, res) => {
      started.double?.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const double = new LiveKitDouble(server, (server.address() as AddressInfo).port, options);
    started.double = double;
    return double;
  }

  /** The URL clients and `LiveKitMediaControl` use (`ws://127.0.0.1:<port>`). */
  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The HTTP base URL of the Twirp API. */
  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Settings for `LiveKitMediaControl` against this double. */
  get settings(): { url: string; apiKey: string; apiSecret: string } {
    return { url: this.url, apiKey: this.apiKey, apiSecret: this.apiSecret };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- recording -------------------------------------------------------------------------

  /** Every RoomService request received so far, in order. */
  get calls(): readonly RecordedRoomServiceCall[] {
    return this.recorded;
  }

  /** The requests of one method that were answered 200 (what actually took effect). */
  succeededCalls(method: RoomServiceMethod): Record<string, JsonValue>[] {
    return this.recorded
      .filter((call) => call.method === method && call.status === 200 && call.request !== null)
      .map((call) => call.request as Record<string, JsonValue>);
  }

  clearCalls(): void {
    this.recorded.length = 0;
  }

  // ---- failures on demand ----------------------------------------------------------------

  /** The next `count` RoomService requests fail (503 twirp `unavailable`, or a dropped connection). */
  failNext(count: number, mode: InjectedFailure = 'unavailable'): void {
    this.failuresLeft = count;
    this.failureMode = mode;
  }

  /** While down, every RoomService request fails; `false` brings the double back. */
  setDown(down: boolean, mode: InjectedFailure = 'unavailable'): void {
    this.down = down ? mode : null;
  }

  /**
   * From now on RoomService requests wait, unanswered, until {@link releaseRequests} (as a
   * stalled server would): a worker caught in one stays busy, so what it would do next waits
   * deterministically. {@link heldRequests} says how many are waiting. With `methods`, only
   * requests of those RoomService methods wait; the others are answered as usual.
   */
  holdRequests(methods: readonly RoomServiceMethod[] | null = null): void {
    if (this.holding) return;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holding = { released, release, methods: methods === null ? null : new Set(methods) };
  }

  /** Answers every held request (in arrival order) and stops holding new ones. */
  releaseRequests(): void {
    const holding = this.holding;
    this.holding = null;
    holding?.release();
  }

  /** RoomService requests waiting under {@link holdRequests}. */
  get heldRequests(): number {
    return this.heldNow;
  }

  /** Forgets all rooms, participants, revocations, recorded calls and injected failures. */
  reset(): void {
    this.releaseRequests();
    this.rooms.clear();
    this.revokedBefore.clear();
    this.recorded.length = 0;
    this.failuresLeft = 0;
    this.down = null;
    this.delivered.length = 0;
  }

  // ---- webhooks --------------------------------------------------------------------------

  /**
   * From now on, POST a signed webhook to `url` (`null`: stop) for what happens in the double,
   * as LiveKit does: `room_started`, `participant_joined`, `track_published`,
   * `track_unpublished`, `participant_left`, `participant_connection_aborted`, `room_finished`.
   * Sent one at a time in order; {@link webhooksSettled} waits for those under way.
   */
  sendWebhooksTo(url: string | null): void {
    this.webhookUrl = url;
  }

  /** Resolves once every webhook emitted so far has been answered (or failed). */
  async webhooksSettled(): Promise<void> {
    await this.webhookChain;
  }

  /** Webhooks sent so far, in order. */
  get deliveredWebhooks(): readonly DeliveredWebhook[] {
    return this.delivered;
  }

  private emit(event: string, room: Room, participant?: ParticipantInfo, track?: TrackInfo): void {
    const url = this.webhookUrl;
    if (url === null) return;
    const message = new WebhookEvent({
      event,
      id: `EV_${randomId()}`,
      createdAt: BigInt(Math.floor(Date.now() / 1000)),
      room: room.clone(),
      ...(participant ? { participant: participant.clone() } : {}),
      ...(track ? { track: track.clone() } : {}),
    });
    const credentials = { apiKey: this.apiKey, apiSecret: this.apiSecret };
    this.webhookChain = this.webhookChain.then(async () => {
      let status: number | null = null;
      try {
        const { body, authorization } = await signWebhook(message, credentials);
        const response = await fetch(url, {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/webhook+json' },
          body,
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = null;
      }
      this.delivered.push({ event, id: message.id, roomId: room.name, profileId: participant?.identity ?? null, status });
    });
  }

  // ---- simulated clients -----------------------------------------------------------------

  /**
   * A client connects with explicit permissions (default: subscribe only) and optionally
   * publishes a microphone track. Creates the room if needed, as LiveKit does on first join.
   * Replaces an earlier connection of the same identity, as a reconnect does.
   */
  connect(input: {
    roomId: string;
    profileId: string;
    name?: string;
    permissions?: MediaPermissions;
    microphone?: 'none' | 'muted' | 'unmuted';
    kind?: ParticipantInfo_Kind;
  }): ParticipantInfo {
    const room = this.ensureRoom(input.roomId);
    const now = Date.now();
    const permission = input.permissions
      ? toProtocolPermission(input.permissions)
      : new ParticipantPermission({ canSubscribe: true, canPublish: false, canPublishData: false });
    const participant = new ParticipantInfo({
      sid: `PA_${randomId()}`,
      identity: input.profileId,
      name: input.name ?? input.profileId,
      state: ParticipantInfo_State.ACTIVE,
      joinedAt: BigInt(Math.floor(now / 1000)),
      joinedAtMs: BigInt(now),
      permission,
      kind: input.kind ?? ParticipantInfo_Kind.STANDARD,
      version: 1,
    });
    const previous = room.participants.get(input.profileId);
    if (previous) this.emit('participant_left', room.room, markDisconnected(previous));
    room.participants.set(input.profileId, participant);
    this.emit('participant_joined', room.room, participant);
    const microphone = input.microphone ?? 'none';
    if (microphone !== 'none') {
      this.publishTrack(input.roomId, input.profileId, { source: 'microphone', muted: microphone === 'muted' });
    }
    room.room.numParticipants = room.participants.size;
    return participant;
  }

  /**
   * A client connects with a media token, checked as LiveKit's RTC endpoint does: signature,
   * expiry, `roomJoin`, room and identity from the token, permissions from its grant, and
   * tokens revoked by `RemoveParticipant(revokeTokenTs)` refused. Throws when refused.
   */
  async connectWithToken(token: string, options: { microphone?: 'none' | 'muted' | 'unmuted' } = {}): Promise<ParticipantInfo> {
    // LiveKit validates join tokens with go-jose's default leeway of one minute (exp and nbf).
    const claims = await this.verifier.verify(token, LIVEKIT_TOKEN_LEEWAY_SECONDS);
    const video = claims.video;
    if (!video?.roomJoin || !video.room || !claims.sub) throw new Error('token does not grant roomJoin to a room');
    const revokedBefore = this.revokedBefore.get(revocationKey(video.room, claims.sub));
    if (revokedBefore !== undefined && (claims.nbf ?? 0) < revokedBefore) throw new Error('token revoked');
    return this.connect({
      roomId: video.room,
      profileId: claims.sub,
      ...(claims.name === undefined ? {} : { name: claims.name }),
      permissions: permissionFromGrant(claims),
      microphone: options.microphone ?? 'none',
    });
  }

  /** The participant publishes a track; refused (throws) when its permissions forbid the source. */
  publishTrack(roomId: string, profileId: string, track: { source: MediaTrackSource; muted?: boolean }): TrackInfo {
    const room = this.rooms.get(roomId);
    const participant = room?.participants.get(profileId);
    if (!room || !participant) throw new Error(`${profileId} is not connected to ${roomId}`);
    const permissions = participant.permission ? fromProtocolParticipant(participant).permissions : null;
    if (!permissions || !allowsPublishing(permissions, track.source)) {
      throw new Error(`${profileId} may not publish ${track.source}`);
    }
    const info = new TrackInfo({
      sid: `TR_${randomId()}`,
      type: track.source === 'microphone' || track.source === 'screen_share_audio' ? TrackType.AUDIO : TrackType.VIDEO,
      source: toProtocolTrackSource(track.source),
      name: track.source,
      muted: track.muted ?? false,
      mimeType: track.source === 'microphone' ? 'audio/opus' : 'video/vp8',
    });
    participant.tracks.push(info);
    participant.isPublisher = true;
    participant.version += 1;
    this.emit('track_published', room.room, participant, info);
    return info;
  }

  /** The participant mutes or un-mutes its own track (always allowed to its publisher). */
  setTrackMuted(roomId: string, profileId: string, trackSid: string, muted: boolean): void {
    const track = this.rooms.get(roomId)?.participants.get(profileId)?.tracks.find((t) => t.sid === trackSid);
    if (!track) throw new Error(`no track ${trackSid}`);
    track.muted = muted;
  }

  /** The client leaves (`participant_left`). */
  disconnect(roomId: string, profileId: string): void {
    this.drop(roomId, profileId, 'participant_left');
  }

  /** The client's connection fails before it completes (`participant_connection_aborted`). */
  abortConnection(roomId: string, profileId: string): void {
    this.drop(roomId, profileId, 'participant_connection_aborted');
  }

  private drop(roomId: string, profileId: string, event: string): void {
    const room = this.rooms.get(roomId);
    const participant = room?.participants.get(profileId);
    if (!room || !participant) return;
    room.participants.delete(profileId);
    room.room.numParticipants = room.participants.size;
    this.emit(event, room.room, markDisconnected(participant));
  }

  // ---- inspection ------------------------------------------------------------------------

  /** A copy of the participant as LiveKit stores it, or `undefined`. */
  participant(roomId: string, profileId: string): ParticipantInfo | undefined {
    return this.rooms.get(roomId)?.participants.get(profileId)?.clone();
  }

  /** The participant projected as the planner sees it, or `null`. */
  mediaParticipant(roomId: string, profileId: string): MediaParticipant | null {
    const info = this.rooms.get(roomId)?.participants.get(profileId);
    return info ? fromProtocolParticipant(info) : null;
  }

  /** Identities connected to a room, sorted. */
  identities(roomId: string): string[] {
    return [...(this.rooms.get(roomId)?.participants.keys() ?? [])].sort();
  }

  hasRoom(roomId: string): boolean {
    return this.rooms.has(roomId);
  }

  /** Unix seconds before which the identity's tokens are revoked in this room, if any. */
  tokensRevokedBefore(roomId: string, profileId: string): number | undefined {
    return this.revokedBefore.get(revocationKey(roomId, profileId));
  }

  // ---- the Twirp server ------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '';
    const method = url.startsWith(PREFIX) ? url.slice(PREFIX.length) : null;
    const body = await readBody(req);
    if (req.method !== 'POST' || method === null) {
      writeError(res, new TwirpFailure(404, 'bad_route', `no handler for ${req.method} ${url}`));
      return;
    }

    if (this.holding && (this.holding.methods === null || this.holding.methods.has(method))) {
      this.heldNow += 1;
      await this.holding.released;
      this.heldNow -= 1;
    }

    const injected = this.takeInjectedFailure();
    if (injected) {
      this.recorded.push({ method, request: parseJsonObject(body), status: injected === 'drop' ? 0 : 503, errorCode: injected === 'drop' ? null : 'unavailable', injectedFailure: true });
      if (injected === 'drop') {
        req.socket.destroy();
      } else {
        writeError(res, new TwirpFailure(503, 'unavailable', 'livekit double is down'));
      }
      return;
    }

    try {
      const claims = await this.authenticate(req);
      const response = this.dispatch(method, body, claims);
      this.recorded.push({ method, request: parseJsonObject(body), status: 200, errorCode: null, injectedFailure: false });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(response));
    } catch (error) {
      const failure =
        error instanceof TwirpFailure ? error : new TwirpFailure(400, 'malformed', error instanceof Error ? error.message : String(error));
      this.recorded.push({ method, request: parseJsonObject(body), status: failure.status, errorCode: failure.code, injectedFailure: false });
      writeError(res, failure);
    }
  }

  private takeInjectedFailure(): InjectedFailure | null {
    if (this.down) return this.down;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      return this.failureMode;
    }
    return null;
  }

  private async authenticate(req: IncomingMessage): Promise<ClaimGrants> {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) {
      throw new TwirpFailure(401, 'unauthenticated', 'invalid authorization header. Must start with Bearer ');
    }
    try {
      return await this.verifier.verify(header.slice('Bearer '.length));
    } catch (error) {
      throw new TwirpFailure(401, 'unauthenticated', `invalid token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Runs one method; returns the response message as JSON. */
  private dispatch(method: string, body: string, claims: ClaimGrants): JsonValue {
    const json = parseJson(body);
    switch (method) {
      case 'CreateRoom': {
        const request = CreateRoomRequest.fromJson(json, STRICT);
        ensureCreate(claims);
        const room = this.ensureRoom(request.name, request);
        return room.room.toJson();
      }
      case 'ListRooms': {
        const request = ListRoomsRequest.fromJson(json, STRICT);
        if (!claims.video?.roomList) throw permissionDenied();
        const rooms = [...this.rooms.values()]
          .map((stored) => stored.room)
          .filter((room) => request.names.length === 0 || request.names.includes(room.name));
        return new ListRoomsResponse({ rooms }).toJson();
      }
      case 'DeleteRoom': {
        const request = DeleteRoomRequest.fromJson(json, STRICT);
        ensureCreate(claims);
        const stored = this.rooms.get(request.room);
        if (!stored) throw notFound('room not found');
        for (const identity of [...stored.participants.keys()]) this.disconnect(request.room, identity);
        this.rooms.delete(request.room);
        this.emit('room_finished', stored.room);
        return new DeleteRoomResponse().toJson();
      }
      case 'ListParticipants': {
        const request = ListParticipantsRequest.fromJson(json, STRICT);
        ensureAdmin(claims, request.room);
        const participants = [...(this.rooms.get(request.room)?.participants.values() ?? [])];
        return new ListParticipantsResponse({ participants }).toJson();
      }
      case 'GetParticipant': {
        const request = RoomParticipantIdentity.fromJson(json, STRICT);
        ensureAdmin(claims, request.room);
        const participant = this.requireParticipant(request.room, request.identity);
        return participant.toJson();
      }
      case 'RemoveParticipant': {
        const request = RoomParticipantIdentity.fromJson(json, STRICT);
        ensureAdmin(claims, request.room);
        this.requireParticipant(request.room, request.identity);
        if (request.revokeTokenTs > 0n) {
          this.revokedBefore.set(revocationKey(request.room, request.identity), Number(request.revokeTokenTs));
        }
        this.disconnect(request.room, request.identity);
        return new RemoveParticipantResponse().toJson();
      }
      case 'MutePublishedTrack': {
        const request = MuteRoomTrackRequest.fromJson(json, STRICT);
        ensureAdmin(claims, request.room);
        const participant = this.requireParticipant(request.room, request.identity);
        const track = participant.tracks.find((t) => t.sid === request.trackSid);
        if (!track) throw notFound('track is not found');
        if (!request.muted && track.muted && !this.remoteUnmute) {
          throw new TwirpFailure(400, 'failed_precondition', 'remote unmute not enabled');
        }
        track.muted = request.muted;
        participant.version += 1;
        return new MuteRoomTrackResponse({ track }).toJson();
      }
      case 'UpdateParticipant': {
        const request = UpdateParticipantRequest.fromJson(json, STRICT);
        ensureAdmin(claims, request.room);
        const participant = this.requireParticipant(request.room, request.identity);
        const room = this.ensureRoom(request.room);
        if (request.metadata) participant.metadata = request.metadata;
        if (request.name) participant.name = request.name;
        for (const [key, value] of Object.entries(request.attributes)) {
          if (value === '') delete participant.attributes[key];
          else participant.attributes[key] = value;
        }
        if (request.permission) {
          // Whole replacement: any field the request leaves out is now false/empty.
          participant.permission = request.permission.clone();
          const permissions = fromProtocolParticipant(participant).permissions;
          const allowed = (track: TrackInfo) => permissions !== null && allowsPublishing(permissions, fromProtocolTrackSource(track.source));
          const unpublished = participant.tracks.filter((track) => !allowed(track));
          participant.tracks = participant.tracks.filter(allowed);
          for (const track of unpublished) this.emit('track_unpublished', room.room, participant, track);
          participant.isPublisher = participant.tracks.length > 0;
        }
        participant.version += 1;
        return participant.toJson();
      }
      default:
        throw new TwirpFailure(404, 'bad_route', `unknown method livekit.RoomService/${method}`);
    }
  }

  private ensureRoom(name: string, request?: CreateRoomRequest): StoredRoom {
    let stored = this.rooms.get(name);
    if (!stored) {
      const now = Date.now();
      stored = {
        room: new Room({
          sid: `RM_${randomId()}`,
          name,
          emptyTimeout: request?.emptyTimeout ?? 300,
          departureTimeout: request?.departureTimeout ?? 20,
          maxParticipants: request?.maxParticipants ?? 0,
          metadata: request?.metadata ?? '',
          creationTime: BigInt(Math.floor(now / 1000)),
          creationTimeMs: BigInt(now),
        }),
        participants: new Map(),
      };
      this.rooms.set(name, stored);
      this.emit('room_started', stored.room);
    }
    return stored;
  }

  private requireParticipant(room: string, identity: string): ParticipantInfo {
    const participant = this.rooms.get(room)?.participants.get(identity);
    if (!participant) throw notFound('participant does not exist');
    return participant;
  }
}

/** The permission LiveKit derives from a join token's video grant (unset booleans as LiveKit defaults them). */
function permissionFromGrant(claims: ClaimGrants): MediaPermissions {
  const video = (claims.video ?? {}) as Record<string, unknown>;
  const flag = (name: string, fallback: boolean) => (typeof video[name] === 'boolean' ? (video[name] as boolean) : fallback);
  const sources = Array.isArray(video['canPublishSources']) ? (video['canPublishSources'] as string[]) : [];
  return {
    canSubscribe: flag('canSubscribe', true),
    canPublish: flag('canPublish', true),
    canPublishData: flag('canPublishData', true),
    canPublishSources: sources.map((source) => source.toLowerCase() as MediaTrackSource),
    hidden: flag('hidden', false),
    recorder: flag('recorder', false),
    canUpdateMetadata: flag('canUpdateOwnMetadata', false),
    agent: flag('agent', false),
    canSubscribeMetrics: flag('canSubscribeMetrics', false),
    canManageAgentSession: flag('canManageAgentSession', false),
  };
}

function markDisconnected(participant: ParticipantInfo): ParticipantInfo {
  const copy = participant.clone();
  copy.state = ParticipantInfo_State.DISCONNECTED;
  return copy;
}

function ensureAdmin(claims: ClaimGrants, room: string): void {
  if (!claims.video?.roomAdmin || claims.video.room !== room) throw permissionDenied();
}

function ensureCreate(claims: ClaimGrants): void {
  if (!claims.video?.roomCreate) throw permissionDenied();
}

function permissionDenied(): TwirpFailure {
  return new TwirpFailure(401, 'unauthenticated', 'permissions denied');
}

function notFound(message: string): TwirpFailure {
  return new TwirpFailure(404, 'not_found', message);
}

function writeError(res: ServerResponse, failure: TwirpFailure): void {
  res.writeHead(failure.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code: failure.code, msg: failure.message }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(body: string): JsonValue {
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    throw new TwirpFailure(400, 'malformed', 'the request body is not JSON');
  }
}

function parseJsonObject(body: string): Record<string, JsonValue> | null {
  try {
    const value = JSON.parse(body) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonValue>) : null;
  } catch {
    return null;
  }
}

function revocationKey(room: string, identity: string): string {
  return `${room}\u0000${identity}`;
}

function randomId(): string {
  return randomBytes(6).toString('hex');
}

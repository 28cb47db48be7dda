import {
  DeleteRoomRequest,
  ListParticipantsRequest,
  ListRoomsRequest,
  MuteRoomTrackRequest,
  RoomParticipantIdentity,
  TrackSource,
  UpdateParticipantRequest,
} from '@livekit/protocol';
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';

import { toProtocolPermission } from './livekit-mapping';
import { LiveKitMediaControl } from './livekit-media-control';
import { MediaControlError, MediaControlErrorCode } from './media-control.error';
import { permissionsForRole } from './media-permissions';
import { LiveKitDouble } from './testing';

const ROOM = 'room-1';

describe('LiveKitMediaControl tokens', () => {
  const settings = { url: 'ws://localhost:7880', apiKey: 'devkey', apiSecret: 'secret' };
  const control = new LiveKitMediaControl(settings);
  const verifier = new TokenVerifier(settings.apiKey, settings.apiSecret);

  it('gives listeners a subscribe-only token for the room, named after the profile', async () => {
    const access = await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada Lovelace', canPublish: false });
    const claims = await verifier.verify(access.token);
    expect(claims.sub).toBe('ada');
    expect(claims.name).toBe('Ada Lovelace');
    expect(claims.video).toEqual({
      room: ROOM,
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishSources: [],
      canPublishData: false,
      canUpdateOwnMetadata: false,
      hidden: false,
      recorder: false,
      agent: false,
      canSubscribeMetrics: false,
      canManageAgentSession: false,
    });
    expect(access.canPublish).toBe(false);
    expect(access.serverUrl).toBe('ws://localhost:7880');
  });

  it('lets the stage publish the microphone only, for ten minutes by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const access = await control.issueAccess({ roomId: ROOM, profileId: 'grace', displayName: 'Grace', canPublish: true });
    const claims = await verifier.verify(access.token);
    expect(claims.video).toMatchObject({ room: ROOM, roomJoin: true, canSubscribe: true, canPublish: true, canPublishData: false });
    // LiveKit serialises sources in tokens by their lower-case protocol name.
    expect(claims.video?.canPublishSources).toEqual([TrackSource[TrackSource.MICROPHONE].toLowerCase()]);
    expect(claims.video?.roomAdmin).toBeUndefined();
    const exp = claims.exp ?? 0;
    expect(exp - before).toBeGreaterThanOrEqual(600);
    expect(exp - before).toBeLessThanOrEqual(601);
    expect(access.expiresAt.getTime()).toBe(exp * 1000);
  });

  it('starts a token at `notBefore` when a revocation cutoff is ahead of the clock, same claims otherwise; a past one changes nothing; one far ahead is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const plain = await verifier.verify((await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false })).token);
    const ahead = await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, notBefore: now + 2 });
    // LiveKit accepts an nbf up to a minute ahead (go-jose's leeway); the SDK's verifier allows ten seconds.
    const claims = await verifier.verify(ahead.token);
    expect(claims.nbf).toBe(now + 2);
    expect({ ...claims, nbf: undefined, exp: undefined }).toEqual({ ...plain, nbf: undefined, exp: undefined });
    const past = await verifier.verify((await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, notBefore: now - 30 })).token);
    expect(past.nbf).toBeGreaterThanOrEqual(now);
    await expect(control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, notBefore: now + 60 })).rejects.toThrow(RangeError);
  });

  it('starts a token at the second its rights were read (`decidedAt`), earlier than the signing second; `notBefore` wins when later; never after the signing second', async () => {
    const now = Math.floor(Date.now() / 1000);
    const plain = await verifier.verify((await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false })).token);
    const readBefore = await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, decidedAt: new Date((now - 3) * 1000 + 750) });
    const claims = await verifier.verify(readBefore.token);
    expect(claims.nbf).toBe(now - 3);
    // Same claims and the same lifetime from the signing second: only `nbf` moves.
    expect({ ...claims, nbf: undefined }).toEqual({ ...plain, nbf: undefined, exp: claims.exp });
    expect(claims.exp! - now).toBeGreaterThanOrEqual(600);
    const cutoffLater = await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, decidedAt: new Date((now - 3) * 1000), notBefore: now - 1 });
    expect((await verifier.verify(cutoffLater.token)).nbf).toBe(now - 1);
    const ahead = await control.issueAccess({ roomId: ROOM, profileId: 'ada', displayName: 'Ada', canPublish: false, decidedAt: new Date((now + 5) * 1000) });
    expect((await verifier.verify(ahead.token)).nbf).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('takes a shorter lifetime and refuses a long-lived or non-integer one', async () => {
    const short = new LiveKitMediaControl({ ...settings, tokenTtlSeconds: 60 });
    const access = await short.issueAccess({ roomId: ROOM, profileId: 'p', displayName: 'P', canPublish: false });
    const claims = await verifier.verify(access.token);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(60);
    expect(() => new LiveKitMediaControl({ ...settings, tokenTtlSeconds: 601 })).toThrow(RangeError);
    expect(() => new LiveKitMediaControl({ ...settings, tokenTtlSeconds: 0 })).toThrow(RangeError);
    expect(() => new LiveKitMediaControl({ ...settings, tokenTtlSeconds: 30.5 })).toThrow(RangeError);
  });

  it('issues tokens another secret cannot verify', async () => {
    const access = await control.issueAccess({ roomId: 'r', profileId: 'p', displayName: 'P', canPublish: false });
    await expect(new TokenVerifier('devkey', 'another-secret').verify(access.token)).rejects.toThrow();
  });
});

describe('LiveKitMediaControl against the LiveKit double', () => {
  let double: LiveKitDouble;
  let control: LiveKitMediaControl;

  beforeAll(async () => {
    double = await LiveKitDouble.start();
    control = new LiveKitMediaControl({ ...double.settings, requestTimeoutSeconds: 5 });
  });
  afterAll(() => double.close());
  beforeEach(() => double.reset());

  it('a token joins with exactly the permissions of its role, so nothing needs correcting', async () => {
    for (const canPublish of [false, true]) {
      const access = await control.issueAccess({ roomId: ROOM, profileId: `p-${canPublish}`, displayName: 'P', canPublish });
      await double.connectWithToken(access.token);
      const joined = await control.getParticipant(ROOM, `p-${canPublish}`);
      expect(joined?.permissions).toEqual(permissionsForRole(canPublish ? 'stage' : 'listener'));
      expect(joined?.name).toBe('P');
    }
  });

  it('updatePermissions sends UpdateParticipant with the full permission object', async () => {
    double.connect({ roomId: ROOM, profileId: 'ann' });

    await expect(control.updatePermissions(ROOM, 'ann', permissionsForRole('stage'))).resolves.toBe('applied');

    const [sent] = double.succeededCalls('UpdateParticipant');
    const request = UpdateParticipantRequest.fromJson(sent!);
    expect(request.room).toBe(ROOM);
    expect(request.identity).toBe('ann');
    expect(request.permission?.equals(toProtocolPermission(permissionsForRole('stage')))).toBe(true);
    expect(request.permission).toMatchObject({
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
      canPublishSources: [TrackSource.MICROPHONE],
      canUpdateMetadata: false,
      hidden: false,
      recorder: false,
    });
    expect(request.metadata).toBe('');
    expect(double.mediaParticipant(ROOM, 'ann')?.permissions).toEqual(permissionsForRole('stage'));
  });

  it('moving a speaker to the audience takes canPublish away and LiveKit unpublishes the microphone', async () => {
    double.connect({ roomId: ROOM, profileId: 'bo', permissions: permissionsForRole('stage'), microphone: 'unmuted' });

    await control.updatePermissions(ROOM, 'bo', permissionsForRole('listener'));

    const request = UpdateParticipantRequest.fromJson(double.succeededCalls('UpdateParticipant')[0]!);
    expect(request.permission?.canPublish).toBe(false);
    expect(request.permission?.canSubscribe).toBe(true);
    expect(request.permission?.canPublishSources).toEqual([]);
    const after = await control.getParticipant(ROOM, 'bo');
    expect(after?.tracks).toEqual([]);
    expect(after?.permissions).toEqual(permissionsForRole('listener'));
  });

  it('mutePublishedTrack sends MutePublishedTrack for the microphone track', async () => {
    double.connect({ roomId: ROOM, profileId: 'cy', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
    const trackSid = double.participant(ROOM, 'cy')!.tracks[0]!.sid;

    await expect(control.mutePublishedTrack(ROOM, 'cy', trackSid, true)).resolves.toBe('applied');

    const request = MuteRoomTrackRequest.fromJson(double.succeededCalls('MutePublishedTrack')[0]!);
    expect({ room: request.room, identity: request.identity, trackSid: request.trackSid, muted: request.muted }).toEqual({
      room: ROOM,
      identity: 'cy',
      trackSid,
      muted: true,
    });
    expect(double.participant(ROOM, 'cy')!.tracks[0]!.muted).toBe(true);
  });

  it('removeParticipant sends RemoveParticipant, revoking earlier tokens when asked', async () => {
    const access = await control.issueAccess({ roomId: ROOM, profileId: 'dee', displayName: 'Dee', canPublish: false });
    await double.connectWithToken(access.token);
    const decidedAt = Math.floor(Date.now() / 1000) + 1;

    await expect(control.removeParticipant(ROOM, 'dee', { revokeTokensIssuedBefore: decidedAt })).resolves.toBe('applied');

    const request = RoomParticipantIdentity.fromJson(double.succeededCalls('RemoveParticipant')[0]!);
    expect({ room: request.room, identity: request.identity, revokeTokenTs: request.revokeTokenTs }).toEqual({
      room: ROOM,
      identity: 'dee',
      revokeTokenTs: BigInt(decidedAt),
    });
    expect(double.identities(ROOM)).toEqual([]);
    // The banned listener's earlier token no longer gets them back in.
    await expect(double.connectWithToken(access.token)).rejects.toThrow('revoked');
    // A token issued after the decision, starting at the cutoff (possibly a second ahead), does.
    const later = await control.issueAccess({ roomId: ROOM, profileId: 'dee', displayName: 'Dee', canPublish: false, notBefore: decidedAt });
    await expect(double.connectWithToken(later.token)).resolves.toMatchObject({ identity: 'dee' });
  });

  it("a token whose rights were read before a decision is refused by that decision's revocation, even when signed after it", async () => {
    // Read two seconds ago; the decision (e.g. a ban) commits in the second after the read; the
    // token is signed from the read afterwards, in a later second than the decision.
    const readAt = new Date(Date.now() - 2000);
    const decidedAt = Math.floor(readAt.getTime() / 1000) + 1;
    const access = await control.issueAccess({ roomId: ROOM, profileId: 'fay', displayName: 'Fay', canPublish: false, decidedAt: readAt });
    await double.connectWithToken(access.token);

    await expect(control.removeParticipant(ROOM, 'fay', { revokeTokensIssuedBefore: decidedAt })).resolves.toBe('applied');

    expect(double.identities(ROOM)).toEqual([]);
    await expect(double.connectWithToken(access.token)).rejects.toThrow('revoked');
  });

  it('removing an absent participant and deleting an absent room succeed (LiveKit answers not_found)', async () => {
    await expect(control.removeParticipant(ROOM, 'nobody')).resolves.toBe('absent');
    await expect(control.deleteRoom('no-such-room')).resolves.toBe('absent');
    await expect(control.updatePermissions(ROOM, 'nobody', permissionsForRole('listener'))).resolves.toBe('absent');
    await expect(control.mutePublishedTrack(ROOM, 'nobody', 'TR_x', true)).resolves.toBe('absent');
    expect(double.calls.map((call) => [call.method, call.errorCode])).toEqual([
      ['RemoveParticipant', 'not_found'],
      ['DeleteRoom', 'not_found'],
      ['UpdateParticipant', 'not_found'],
      ['MutePublishedTrack', 'not_found'],
    ]);
  });

  it('removing twice and deleting twice are each one effect and one no-op', async () => {
    double.connect({ roomId: ROOM, profileId: 'eve' });
    await expect(control.removeParticipant(ROOM, 'eve')).resolves.toBe('applied');
    await expect(control.removeParticipant(ROOM, 'eve')).resolves.toBe('absent');
    await expect(control.deleteRoom(ROOM)).resolves.toBe('applied');
    await expect(control.deleteRoom(ROOM)).resolves.toBe('absent');
    expect(DeleteRoomRequest.fromJson(double.succeededCalls('DeleteRoom')[0]!).room).toBe(ROOM);
    expect(double.hasRoom(ROOM)).toBe(false);
  });

  it('listParticipants sends ListParticipants and maps every participant; an absent room is empty', async () => {
    double.connect({ roomId: ROOM, profileId: 'fay', name: 'Fay', permissions: permissionsForRole('stage'), microphone: 'muted' });
    double.connect({ roomId: ROOM, profileId: 'gus' });

    const participants = await control.listParticipants(ROOM);

    expect(ListParticipantsRequest.fromJson(double.succeededCalls('ListParticipants')[0]!).room).toBe(ROOM);
    const fay = participants.find((p) => p.profileId === 'fay');
    expect(participants.map((p) => p.profileId).sort()).toEqual(['fay', 'gus']);
    expect(fay).toMatchObject({ name: 'Fay', state: 'active', kind: 'standard', permissions: permissionsForRole('stage') });
    expect(fay?.tracks).toEqual([{ sid: expect.stringMatching(/^TR_/), kind: 'audio', source: 'microphone', muted: true }]);
    expect(fay?.sid).toMatch(/^PA_/);
    expect(Math.abs(fay!.joinedAt.getTime() - Date.now())).toBeLessThan(60_000);
    await expect(control.listParticipants('empty-room')).resolves.toEqual([]);
  });

  it('listRooms sends ListRooms (all rooms) and answers their names; none is empty', async () => {
    await expect(control.listRooms()).resolves.toEqual([]);
    double.connect({ roomId: ROOM, profileId: 'jon' });
    double.connect({ roomId: 'room-2', profileId: 'kim' });

    expect((await control.listRooms()).sort()).toEqual([ROOM, 'room-2']);
    expect(double.succeededCalls('ListRooms').map((request) => ListRoomsRequest.fromJson(request).names)).toEqual([[], []]);
  });

  it('getParticipant sends GetParticipant; absent is null', async () => {
    double.connect({ roomId: ROOM, profileId: 'hal' });
    await expect(control.getParticipant(ROOM, 'hal')).resolves.toMatchObject({ profileId: 'hal' });
    await expect(control.getParticipant(ROOM, 'ivy')).resolves.toBeNull();
    const requests = double.calls.map((call) => RoomParticipantIdentity.fromJson(call.request!));
    expect(requests.map((r) => [r.room, r.identity])).toEqual([
      [ROOM, 'hal'],
      [ROOM, 'ivy'],
    ]);
  });

  it('every call is authorised with a short-lived server token carrying the grant LiveKit checks', async () => {
    const wrongRoom = new AccessToken(double.apiKey, double.apiSecret, { ttl: 60 });
    wrongRoom.addGrant({ roomAdmin: true, room: 'another-room' });
    const response = await fetch(`${double.httpUrl}/twirp/livekit.RoomService/ListParticipants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await wrongRoom.toJwt()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ room: ROOM }),
    });
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toEqual({ code: 'unauthenticated', msg: 'permissions denied' });

    // Our port passes the same checks for every method it uses.
    double.connect({ roomId: ROOM, profileId: 'jo', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
    double.clearCalls();
    await control.listParticipants(ROOM);
    await control.getParticipant(ROOM, 'jo');
    await control.updatePermissions(ROOM, 'jo', permissionsForRole('stage'));
    await control.mutePublishedTrack(ROOM, 'jo', double.participant(ROOM, 'jo')!.tracks[0]!.sid, true);
    await control.removeParticipant(ROOM, 'jo');
    await control.deleteRoom(ROOM);
    expect(double.calls.map((call) => [call.method, call.status])).toEqual([
      ['ListParticipants', 200],
      ['GetParticipant', 200],
      ['UpdateParticipant', 200],
      ['MutePublishedTrack', 200],
      ['RemoveParticipant', 200],
      ['DeleteRoom', 200],
    ]);
  });

  it('wrong API credentials fail with a non-retryable Unauthorized error', async () => {
    const stranger = new LiveKitMediaControl({ ...double.settings, apiSecret: 'not-the-secret' });
    const error = await stranger.listParticipants(ROOM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaControlError);
    expect(error).toMatchObject({ code: MediaControlErrorCode.Unauthorized, retryable: false, status: 401, operation: 'listParticipants' });
  });

  it('remote un-mute is rejected as LiveKit does by default, with a non-retryable error', async () => {
    double.connect({ roomId: ROOM, profileId: 'kai', permissions: permissionsForRole('stage'), microphone: 'muted' });
    const sid = double.participant(ROOM, 'kai')!.tracks[0]!.sid;
    const error = await control.mutePublishedTrack(ROOM, 'kai', sid, false).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: MediaControlErrorCode.Rejected, serverCode: 'failed_precondition', retryable: false });
  });
});

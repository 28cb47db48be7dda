import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AccessToken, RoomServiceClient, ServerError } from 'livekit-server-sdk';

import { LiveKitMediaControl } from '../livekit-media-control';
import type { MediaWebhookEvent } from '../media-control';
import { permissionsForRole } from '../media-permissions';
import { LiveKitDouble } from './livekit-double';

/** The double itself must behave like LiveKit where Roundtable depends on it. */
describe('LiveKitDouble', () => {
  let double: LiveKitDouble;
  let sdk: RoomServiceClient;

  beforeAll(async () => {
    double = await LiveKitDouble.start();
    sdk = new RoomServiceClient(double.url, double.apiKey, double.apiSecret);
  });
  afterAll(() => double.close());
  beforeEach(() => double.reset());

  async function post(method: string, body: string, grant: Record<string, unknown> | null) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (grant) {
      const token = new AccessToken(double.apiKey, double.apiSecret, { ttl: 60 });
      token.addGrant(grant);
      headers['Authorization'] = `Bearer ${await token.toJwt()}`;
    }
    const response = await fetch(`${double.httpUrl}/twirp/livekit.RoomService/${method}`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('answers the SDK’s CreateRoom, ListRooms and DeleteRoom with protocol messages', async () => {
    const created = await sdk.createRoom({ name: 'r1', emptyTimeout: 30 });
    expect(created).toMatchObject({ name: 'r1', emptyTimeout: 30 });
    expect(created.sid).toMatch(/^RM_/);
    await sdk.createRoom({ name: 'r2' });
    expect((await sdk.listRooms()).map((room) => room.name).sort()).toEqual(['r1', 'r2']);
    expect((await sdk.listRooms(['r2'])).map((room) => room.name)).toEqual(['r2']);
    await sdk.deleteRoom('r1');
    const error = await sdk.deleteRoom('r1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('checks the grant each method needs, as livekit-server does', async () => {
    expect(await post('ListParticipants', '{"room":"r"}', null)).toEqual({
      status: 401,
      body: { code: 'unauthenticated', msg: 'invalid authorization header. Must start with Bearer ' },
    });
    expect((await post('ListParticipants', '{"room":"r"}', { roomAdmin: true, room: 'r' })).status).toBe(200);
    expect((await post('ListParticipants', '{"room":"r"}', { roomList: true, roomCreate: true })).status).toBe(401);
    expect((await post('DeleteRoom', '{"room":"r"}', { roomAdmin: true, room: 'r' })).status).toBe(401);
    expect((await post('ListRooms', '{}', { roomAdmin: true, room: 'r' })).status).toBe(401);
    expect((await post('ListRooms', '{}', { roomList: true })).status).toBe(200);
  });

  it('refuses other routes and non-JSON as Twirp does, and (stricter than Twirp) unknown request fields', async () => {
    const admin = { roomAdmin: true, room: 'r' };
    expect((await post('SendDataToEveryoneNow', '{}', admin)).body).toMatchObject({ code: 'bad_route' });
    expect(await post('ListParticipants', 'not json', admin)).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect(await post('ListParticipants', '{"room":"r","roomz":1}', admin)).toMatchObject({ status: 400, body: { code: 'malformed' } });
    const get = await fetch(`${double.httpUrl}/twirp/livekit.RoomService/ListParticipants`);
    expect(get.status).toBe(404);
  });

  it('admits clients only with valid join tokens, and lets them publish only what they may', async () => {
    const forged = new AccessToken(double.apiKey, 'not-the-secret', { identity: 'x' });
    forged.addGrant({ roomJoin: true, room: 'r' });
    await expect(double.connectWithToken(await forged.toJwt())).rejects.toThrow();
    const noJoin = new AccessToken(double.apiKey, double.apiSecret, { identity: 'x' });
    noJoin.addGrant({ roomAdmin: true, room: 'r' });
    await expect(double.connectWithToken(await noJoin.toJwt())).rejects.toThrow('roomJoin');

    double.connect({ roomId: 'r', profileId: 'listener' });
    expect(() => double.publishTrack('r', 'listener', { source: 'microphone' })).toThrow('may not publish');
    double.connect({ roomId: 'r', profileId: 'speaker', permissions: permissionsForRole('stage') });
    expect(() => double.publishTrack('r', 'speaker', { source: 'camera' })).toThrow('may not publish');
    expect(double.publishTrack('r', 'speaker', { source: 'microphone' }).sid).toMatch(/^TR_/);
  });

  it('replaces permissions whole on UpdateParticipant: a field left out becomes false', async () => {
    double.connect({ roomId: 'r', profileId: 'p', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
    // The SDK accepts a partial permission, which is exactly the mistake LiveKit warns about.
    await sdk.updateParticipant('r', 'p', { permission: { canPublish: true } });
    expect(double.mediaParticipant('r', 'p')).toMatchObject({
      permissions: { canSubscribe: false, canPublish: true, canPublishSources: [] },
    });
  });

  it('sends the webhooks LiveKit would, signed so that receiveWebhook accepts them', async () => {
    const control = new LiveKitMediaControl(double.settings);
    const received: MediaWebhookEvent[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        control.receiveWebhook(Buffer.concat(chunks).toString('utf8'), req.headers.authorization).then(
          (event) => {
            received.push(event);
            res.writeHead(200).end();
          },
          () => res.writeHead(401).end(),
        );
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      double.sendWebhooksTo(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/livekit/webhook`);
      const speaker = double.connect({ roomId: 'w', profileId: 'ann', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
      double.connect({ roomId: 'w', profileId: 'bo' });
      double.abortConnection('w', 'bo');
      await control.updatePermissions('w', 'ann', permissionsForRole('listener'));
      await control.deleteRoom('w');
      await double.webhooksSettled();

      expect(received.map((event) => [event.type, event.profileId])).toEqual([
        ['room_started', null],
        ['participant_joined', 'ann'],
        ['track_published', 'ann'],
        ['participant_joined', 'bo'],
        ['participant_connection_aborted', 'bo'],
        ['track_unpublished', 'ann'],
        ['participant_left', 'ann'],
        ['room_finished', null],
      ]);
      expect(received.every((event) => event.roomId === 'w')).toBe(true);
      expect(received[1]?.participantSid).toBe(speaker.sid);
      expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
      expect(double.deliveredWebhooks.map((webhook) => webhook.status)).toEqual(received.map(() => 200));
    } finally {
      double.sendWebhooksTo(null);
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

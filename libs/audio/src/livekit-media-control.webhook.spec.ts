import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AccessToken } from 'livekit-server-sdk';

import { LiveKitMediaControl } from './livekit-media-control';
import { MediaControlError, MediaControlErrorCode } from './media-control.error';
import { sendWebhook, signWebhook, signWebhookBody, webhookEvent } from './testing';

const credentials = { apiKey: 'devkey', apiSecret: 'secret' };

describe('LiveKitMediaControl.receiveWebhook', () => {
  const control = new LiveKitMediaControl({ url: 'ws://localhost:7880', ...credentials });

  it('parses a webhook signed as LiveKit signs it into a typed event', async () => {
    const createdAt = new Date('2026-03-01T10:00:05Z');
    const event = webhookEvent({
      event: 'participant_joined',
      id: 'EV_joined1',
      roomId: 'room-1',
      profileId: 'ada',
      participantSid: 'PA_ada1',
      createdAt,
    });
    const { body, authorization } = await signWebhook(event, credentials);

    await expect(control.receiveWebhook(body, authorization)).resolves.toEqual({
      id: 'EV_joined1',
      type: 'participant_joined',
      rawType: 'participant_joined',
      roomId: 'room-1',
      profileId: 'ada',
      participantSid: 'PA_ada1',
      participant: expect.objectContaining({ sid: 'PA_ada1', profileId: 'ada', state: 'active', permissions: null, tracks: [] }),
      track: null,
      createdAt,
    });
  });

  it('reads track events and keeps unknown event names as other', async () => {
    const track = await signWebhook(
      webhookEvent({ event: 'track_published', roomId: 'r', profileId: 'p', track: { sid: 'TR_1', source: 'microphone' } }),
      credentials,
    );
    await expect(control.receiveWebhook(track.body, track.authorization)).resolves.toMatchObject({
      type: 'track_published',
      track: { sid: 'TR_1', source: 'microphone', muted: false },
    });
    const egress = await signWebhook(webhookEvent({ event: 'egress_ended' }), credentials);
    await expect(control.receiveWebhook(egress.body, egress.authorization)).resolves.toMatchObject({
      type: 'other',
      rawType: 'egress_ended',
      roomId: null,
      profileId: null,
    });
  });

  it.each([
    ['unsigned (no Authorization header)', async (body: string) => ({ body, authorization: undefined })],
    ['signed with another secret', async (body: string) => ({ body, authorization: await signWebhookBody(body, { ...credentials, apiSecret: 'forged' }) })],
    ['signed with another API key', async (body: string) => ({ body, authorization: await signWebhookBody(body, { ...credentials, apiKey: 'other' }) })],
    [
      'a body changed after signing',
      async (body: string) => ({
        body: body.replace('ada', 'eve'),
        authorization: await signWebhookBody(body, credentials),
      }),
    ],
    ['a token without the body hash', async (body: string) => ({ body, authorization: await new AccessToken('devkey', 'secret').toJwt() })],
    ['a garbage Authorization header', async (body: string) => ({ body, authorization: 'not-a-jwt' })],
  ])('rejects a webhook %s as WebhookUnauthorized', async (_name, forge) => {
    const body = webhookEvent({ event: 'participant_left', roomId: 'room-1', profileId: 'ada' }).toJsonString();
    const { body: sent, authorization } = await forge(body);
    const error = await control.receiveWebhook(sent, authorization).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaControlError);
    expect(error).toMatchObject({ code: MediaControlErrorCode.WebhookUnauthorized, operation: 'receiveWebhook' });
  });

  it('rejects an expired signature', async () => {
    const body = webhookEvent({ event: 'participant_left', roomId: 'room-1', profileId: 'ada' }).toJsonString();
    const token = new AccessToken(credentials.apiKey, credentials.apiSecret, { ttl: -60 });
    token.sha256 = (await signWebhookClaims(body)).sha256;
    await expect(control.receiveWebhook(body, await token.toJwt())).rejects.toMatchObject({
      code: MediaControlErrorCode.WebhookUnauthorized,
    });
  });

  it('tells a correctly signed body that is not a webhook event (WebhookMalformed) from a forged one', async () => {
    for (const body of ['not json', '{"event":42}', '{"event":"participant_joined"}']) {
      const authorization = await signWebhookBody(body, credentials);
      await expect(control.receiveWebhook(body, authorization)).rejects.toMatchObject({
        code: MediaControlErrorCode.WebhookMalformed,
      });
    }
  });
});

describe('sendWebhook', () => {
  let server: Server;
  let url: string;
  const control = new LiveKitMediaControl({ url: 'ws://localhost:7880', ...credentials });
  const received: { status: number; contentType: string | undefined; type?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        control.receiveWebhook(Buffer.concat(chunks).toString('utf8'), req.headers.authorization).then(
          (event) => {
            received.push({ status: 200, contentType: req.headers['content-type'], type: event.type });
            res.writeHead(200).end();
          },
          () => {
            received.push({ status: 401, contentType: req.headers['content-type'] });
            res.writeHead(401).end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/livekit/webhook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs a signed webhook over HTTP that a receiver accepts, and tampered ones it refuses', async () => {
    const event = webhookEvent({ event: 'room_finished', roomId: 'room-9' });
    expect((await sendWebhook(url, event, credentials)).status).toBe(200);
    expect((await sendWebhook(url, event, credentials, { authorization: null })).status).toBe(401);
    expect((await sendWebhook(url, event, credentials, { body: '{"event":"room_started"}' })).status).toBe(401);
    expect((await sendWebhook(url, event, { ...credentials, apiSecret: 'forged' })).status).toBe(401);
    expect(received).toEqual([
      { status: 200, contentType: 'application/webhook+json', type: 'room_finished' },
      { status: 401, contentType: 'application/webhook+json' },
      { status: 401, contentType: 'application/webhook+json' },
      { status: 401, contentType: 'application/webhook+json' },
    ]);
  });
});

/** The sha256 claim LiveKit puts in a webhook's token, read back from a real signature. */
async function signWebhookClaims(body: string): Promise<{ sha256: string }> {
  const jwt = await signWebhookBody(body, credentials);
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { sha256: string };
}

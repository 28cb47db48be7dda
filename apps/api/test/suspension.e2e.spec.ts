// A suspended account is refused on every entry point (HTTP and graphql-ws), its participations
// end through the room pipeline, its open streams end, and every instance is told to close its
// sockets; it can still read `viewer` and its notices, and appeal.
import WebSocket from 'ws';

import { Collector, useTestApi } from './support/test-api';
import { codeOf, wsExecute } from './support/graphql-helpers';
import { ok, OPS, refused, sql, stagedRoom } from './support/trust-and-safety-operations';
import { pollUntil } from './support/poll';
import { staffTokenFor } from './support/staff';

describe('suspension is enforced on every entry point', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });

  beforeEach(async () => {
    await api.clear();
  });

  it('ends participations, streams and sessions, refuses join/speak/create/report/subscribe/media, and leaves viewer, notices and appeal open', async () => {
    const room = await stagedRoom(api, 'susp', { speakers: ['susp-sam'], listeners: ['susp-ann'] });
    const other = await stagedRoom(api, 'susp2', { listeners: ['susp-sam'] });
    const sam = room.tokens['susp-sam'] as string;
    const staff = await staffTokenFor(api, 'susp-staff');

    // Sam's open stream of the room, and another open socket of Sam's (signed in, idle).
    const stream = new Collector<{ roomEvents: { __typename: string } }>();
    api.wsClient(sam).subscribe({ query: `subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }`, variables: { r: room.roomId } }, stream.sink);
    const idle = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    const idleClosed = new Promise<number>((resolve) => idle.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => idle.once('open', () => resolve()));
    idle.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${sam}` } }));
    await new Promise<void>((resolve) => idle.once('message', () => resolve()));
    expect(await pollUntil(() => api.api.server.services.roomEvents.subscriberCount(room.roomId), (n) => n >= 1)).toBeGreaterThanOrEqual(1);
    await ok(api, OPS.raiseHand, { r: room.roomId, q: 'warm-up' }, room.tokens['susp-ann'] as string);
    await stream.count(1);

    const filed = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'susp-sam', category: 'VIOLENCE' } }, room.tokens['susp-ann'] as string);
    await ok(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'SUSPEND', note: 'Threatened a listener' } }, staff);

    // Participations ended through the pipeline (ParticipantLeft in both rooms).
    expect(await sql(api, `select room_id from participants where profile_id = 'susp-sam' and left_at is null`)).toEqual([]);
    for (const roomId of [room.roomId, other.roomId]) {
      const last = await sql<{ type: string; profile: string }>(api, `select type, payload->'event'->>'profileId' as profile from room_events where room_id = ? order by version desc limit 1`, [roomId]);
      expect(last).toEqual([{ type: 'ParticipantLeft', profile: 'susp-sam' }]);
    }
    // The open stream ends, and the account's open sockets are closed (4403, on every instance).
    await stream.until(() => stream.completed || stream.errors.length > 0, 'the stream to end');
    expect(await idleClosed).toBe(4403);

    // Refused everywhere, with a clear message.
    const attempts: [string, string, Record<string, unknown>][] = [
      ['joinRoom', OPS.joinRoom, { r: room.roomId }],
      ['raiseHand', OPS.raiseHand, { r: other.roomId, q: null }],
      ['acceptStageInvite', OPS.acceptStageInvite, { r: room.roomId }],
      ['unmuteSelf', OPS.unmuteSelf, { r: room.roomId }],
      ['createRoom', OPS.createRoom, { title: 'My comeback' }],
      ['reportAbuse', OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'susp-ann', category: 'OTHER' } }],
      ['refreshAudioAccess', OPS.refreshAudioAccess, { r: room.roomId }],
    ];
    for (const [name, query, variables] of attempts) {
      const response = await refused(api, query, variables, sam);
      expect({ name, code: codeOf(response) }).toEqual({ name, code: 'FORBIDDEN' });
      expect(response.errors?.[0]?.message).toMatch(/suspended until .*appeal/);
    }
    expect(await sql(api, `select id from rooms where host_id = 'susp-sam'`)).toEqual([]);
    expect(await sql(api, `select id from reports where reporter_id = 'susp-sam'`)).toEqual([]);

    // graphql-ws: a new subscription is refused, and so are mutations over the socket.
    const client = api.wsClient(sam);
    const subscribe = await wsExecute(client, `subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }`, { r: room.roomId });
    expect(codeOf(subscribe)).toBe('FORBIDDEN');
    expect(codeOf(await wsExecute(client, OPS.joinRoom, { r: other.roomId }))).toBe('FORBIDDEN');

    // What stays open: viewer, notices, appeal — and a reversal lifts it at once.
    expect((await ok<{ viewer: { id: string } }>(api, OPS.viewer, {}, sam)).viewer.id).toBe('susp-sam');
    const notices = await ok<{ viewerModerationNotices: { edges: { node: { id: string; action: string } }[] } }>(api, OPS.notices, {}, sam);
    const notice = notices.viewerModerationNotices.edges[0]?.node;
    expect(notice?.action).toBe('SUSPENDED');
    await ok(api, OPS.appeal, { input: { noticeId: notice?.id, statement: 'It was a quote' } }, sam);
    await ok(api, OPS.resolveAppeal, { input: { noticeId: notice?.id, upheld: false, note: 'Quote in context' } }, staff);
    await ok(api, OPS.joinRoom, { r: other.roomId }, sam);
    expect((await wsExecute(client, OPS.refreshAudioAccess, { r: other.roomId })).errors).toBeUndefined();
  });

  it('an expired suspension no longer refuses anything (variant: the end is in the past)', async () => {
    const room = await stagedRoom(api, 'exp', { listeners: ['exp-sam', 'exp-ann'] });
    const staff = await staffTokenFor(api, 'exp-staff');
    const filed = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'exp-sam', category: 'SPAM' } }, room.tokens['exp-ann'] as string);
    await ok(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'SUSPEND' } }, staff);
    expect(codeOf(await refused(api, OPS.joinRoom, { r: room.roomId }, room.tokens['exp-sam'] as string))).toBe('FORBIDDEN');
    await sql(api, `update moderation_notices set expires_at = now() - interval '1 second' where subject_profile_id = 'exp-sam'`);
    await ok(api, OPS.joinRoom, { r: room.roomId }, room.tokens['exp-sam'] as string);
    const notices = await ok<{ viewerModerationNotices: { edges: { node: { expiresAt: string | null } }[] } }>(api, OPS.notices, {}, room.tokens['exp-sam'] as string);
    expect(notices.viewerModerationNotices.edges[0]?.node.expiresAt).toBeNull();
  });
});

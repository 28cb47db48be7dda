// Media control that follows the stage (issue 7): every committed change to what someone may do
// reaches LiveKit through the media outbox; webhooks set `connected`; reconciliation fixes
// drift. LiveKit is the one test double allowed here: a real HTTP server speaking LiveKit's
// Twirp API with @livekit/protocol types (`@roundtable/audio/testing`).
import { sendWebhook, verifyMediaToken, webhookEvent } from '@roundtable/audio/testing';

import { okOn, sql } from './support/graphql-helpers';
import { Collector, roomSubscribersReach, startTestApi, type TestApi, tokenFor, useTestApi } from './support/test-api';
import { pollUntil } from './support/poll';

type Json = Record<string, unknown>;

describe('media control on LiveKit', () => {
  const api = useTestApi();
  let host: string;
  let ada: string;
  let bob: string;

  beforeEach(async () => {
    await api.clear();
    [host, ada, bob] = await Promise.all([
      tokenFor('media-host', { name: 'Hedy Host' }),
      tokenFor('media-ada', { name: 'Ada Lovelace' }),
      tokenFor('media-bob', { name: 'Bob' }),
    ]);
  });

  const ok = okOn(api);

  /** Polls (bounded) until `predicate` holds; a failure names what it waited for. */
  async function waitFor(what: string, predicate: () => boolean | Promise<boolean>): Promise<void> {
    if (await pollUntil(predicate, (holds) => holds, { attempts: 300, intervalMs: 50 })) return;
    throw new Error(`timed out waiting for ${what}; calls: ${JSON.stringify(api.livekit.calls.map((c) => [c.method, c.status]))}`);
  }

  /** Every media job has run (none created, retrying or active). */
  /** Sessions of this database waiting for an advisory lock. */
  const advisoryLockWaiters = async () =>
    Number((await sql(api, `select count(*)::int as n from pg_locks
         where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`))[0]?.['n'] ?? 0);
  const outboxDrained = () => waitFor('the media outbox to drain', async () => (await api.api.outbox.pendingCount()) === 0);

  const succeeded = (method: 'UpdateParticipant' | 'MutePublishedTrack' | 'RemoveParticipant' | 'DeleteRoom', identity?: string) =>
    api.livekit.succeededCalls(method).filter((request) => identity === undefined || request['identity'] === identity);

  /** A live room: the host, Ada on stage (connected, microphone on), Bob listening (connected). */
  async function roomWithConnectedStage(): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Media" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    for (const token of [ada, bob]) await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, token);
    await ok(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "media-ada") { id } }`, { id: roomId }, host);
    const accepted = await ok<{ acceptStageInvite: { role: string } }>(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { role } }`, { id: roomId }, ada);
    expect(accepted.acceptStageInvite.role).toBe('SPEAKER');
    const { refreshAudioAccess } = await ok<{ refreshAudioAccess: { token: string } }>(
      `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token } }`,
      { id: roomId },
      ada,
    );
    await api.livekit.connectWithToken(refreshAudioAccess.token, { microphone: 'unmuted' });
    api.livekit.connect({ roomId, profileId: 'media-bob' });
    await outboxDrained();
    api.livekit.clearCalls();
    return roomId;
  }

  describe('tokens', () => {
    it('grant by role: listeners subscribe only, the stage publishes the microphone only; identity, name and room; short-lived', async () => {
      const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Tokens" }) { id } }`, {}, host);
      const joined = await ok<{ joinRoom: { audio: { token: string; canPublish: boolean; expiresAt: string } } }>(
        `mutation($id: ID!) { joinRoom(roomId: $id) { audio { token canPublish expiresAt } } }`,
        { id: createRoom.id },
        ada,
      );
      const listener = await verifyMediaToken(joined.joinRoom.audio.token, api.livekit.settings);
      expect(listener).toMatchObject({ sub: 'media-ada', name: 'Ada Lovelace' });
      expect(listener.video).toMatchObject({ room: createRoom.id, roomJoin: true, canSubscribe: true, canPublish: false });
      expect(joined.joinRoom.audio.canPublish).toBe(false);
      const lifetime = (Date.parse(joined.joinRoom.audio.expiresAt) - Date.now()) / 1000;
      expect(lifetime).toBeLessThanOrEqual(300);

      await ok(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "media-ada") { id } }`, { id: createRoom.id }, host);
      await ok(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { id } }`, { id: createRoom.id }, ada);
      const stage = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(
        `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token canPublish } }`,
        { id: createRoom.id },
        ada,
      );
      const speaker = await verifyMediaToken(stage.refreshAudioAccess.token, api.livekit.settings);
      expect(speaker.video).toMatchObject({ canPublish: true, canPublishSources: ['microphone'], canPublishData: false });
    });
  });

  describe('every stage change reaches LiveKit through the outbox', () => {
    it('moved to the audience: the full permission object without publishing, which unpublishes the microphone', async () => {
      const roomId = await roomWithConnectedStage();
      await ok(`mutation($id: ID!) { moveToAudience(roomId: $id, profileId: "media-ada") { role } }`, { id: roomId }, host);
      await outboxDrained();
      const [update] = succeeded('UpdateParticipant', 'media-ada');
      expect(update).toMatchObject({ room: roomId, identity: 'media-ada', permission: { canSubscribe: true } });
      expect((update!['permission'] as Json)['canPublish']).toBeFalsy();
      expect(api.livekit.mediaParticipant(roomId, 'media-ada')?.tracks).toEqual([]);
    });

    it('invited back and accepted: publishing the microphone (and nothing else) is granted again', async () => {
      const roomId = await roomWithConnectedStage();
      await ok(`mutation($id: ID!) { moveToAudience(roomId: $id, profileId: "media-ada") { role } }`, { id: roomId }, host);
      // (Jobs are level-triggered: a demotion undone before its job ran would rightly send nothing.)
      await outboxDrained();
      await ok(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "media-ada") { role } }`, { id: roomId }, host);
      await ok(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { role } }`, { id: roomId }, ada);
      await outboxDrained();
      const last = succeeded('UpdateParticipant', 'media-ada').at(-1);
      expect(last).toMatchObject({ permission: { canSubscribe: true, canPublish: true, canPublishSources: ['MICROPHONE'] } });
    });

    it('muted: the microphone track is muted on the server', async () => {
      const roomId = await roomWithConnectedStage();
      await ok(`mutation($id: ID!) { muteParticipant(roomId: $id, profileId: "media-ada") { muted } }`, { id: roomId }, host);
      await outboxDrained();
      const mic = api.livekit.mediaParticipant(roomId, 'media-ada')?.tracks.find((track) => track.source === 'microphone');
      expect(succeeded('MutePublishedTrack', 'media-ada')).toEqual([expect.objectContaining({ room: roomId, trackSid: mic?.sid, muted: true })]);
      expect(mic?.muted).toBe(true);
    });

    it('removed, and banned: disconnected from the media room; a ban also revokes older tokens', async () => {
      const roomId = await roomWithConnectedStage();
      await ok(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "media-bob") { id } }`, { id: roomId }, host);
      await ok(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "media-ada", ban: true) { id } }`, { id: roomId }, host);
      await outboxDrained();
      expect(succeeded('RemoveParticipant', 'media-bob')).toHaveLength(1);
      expect(succeeded('RemoveParticipant', 'media-ada')).toHaveLength(1);
      expect(api.livekit.identities(roomId)).toEqual([]);
      expect(api.livekit.tokensRevokedBefore(roomId, 'media-ada')).toBeGreaterThan(0);
    });

    it('room ended: the media room is deleted', async () => {
      const roomId = await roomWithConnectedStage();
      await ok(`mutation($id: ID!) { endRoom(roomId: $id) { status } }`, { id: roomId }, host);
      await outboxDrained();
      expect(succeeded('DeleteRoom')).toEqual([expect.objectContaining({ room: roomId })]);
      expect(api.livekit.hasRoom(roomId)).toBe(false);
    });

    it('a command that fails writes no media job', async () => {
      const roomId = await roomWithConnectedStage();
      const refused = await api.request(`mutation($id: ID!) { moveToAudience(roomId: $id, profileId: "media-ada") { role } }`, { id: roomId }, bob);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await api.api.outbox.pendingCount()).toBe(0);
      expect(api.livekit.calls).toEqual([]);
    });
  });

  describe('kind: a LiveKit outage', () => {
    it('never fails a mutation; the calls converge once LiveKit is back, none lost and none twice', async () => {
      const roomId = await roomWithConnectedStage();
      api.livekit.setDown(true);
      await ok(`mutation($id: ID!) { muteParticipant(roomId: $id, profileId: "media-ada") { muted } }`, { id: roomId }, host);
      await ok(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "media-bob") { id } }`, { id: roomId }, host);
      await waitFor('failed attempts while LiveKit is down', () => api.livekit.calls.filter((call) => call.injectedFailure).length >= 2);
      api.livekit.setDown(false);
      await outboxDrained();
      expect(succeeded('MutePublishedTrack', 'media-ada')).toHaveLength(1);
      expect(succeeded('RemoveParticipant', 'media-bob')).toHaveLength(1);
    });

    it('none twice: a sync job and a reconciliation of the same room plan one after the other (kind: two media planners on one room)', async () => {
      const roomId = await roomWithConnectedStage();
      // Each planner's read of LiveKit's state waits: without the room's media lock both read the
      // microphone unmuted before either call landed, and both muted it (seen after an outage).
      api.livekit.holdRequests(['GetParticipant', 'ListParticipants']);
      await ok(`mutation($id: ID!) { muteParticipant(roomId: $id, profileId: "media-ada") { muted } }`, { id: roomId }, host);
      await waitFor('the sync job to read LiveKit', () => api.livekit.heldRequests >= 1);
      const reconciled = api.api.server.services.mediaSync.reconcile();
      // The reconciliation has reached the room: its read waits too, or it waits for the room's lock.
      await waitFor('the reconciliation to reach the room', async () => api.livekit.heldRequests >= 2 || (await advisoryLockWaiters()) >= 1);
      api.livekit.releaseRequests();
      await reconciled;
      await outboxDrained();
      expect(succeeded('MutePublishedTrack', 'media-ada')).toHaveLength(1);
      expect(api.livekit.mediaParticipant(roomId, 'media-ada')?.tracks.find((track) => track.source === 'microphone')?.muted).toBe(true);
    });

    it('dropped connections (not only 503s) are retried the same way', async () => {
      const roomId = await roomWithConnectedStage();
      api.livekit.failNext(2, 'drop');
      await ok(`mutation($id: ID!) { moveToAudience(roomId: $id, profileId: "media-ada") { role } }`, { id: roomId }, host);
      await outboxDrained();
      expect(succeeded('UpdateParticipant', 'media-ada')).toHaveLength(1);
    });
  });

  describe('webhooks', () => {
    const webhookUrl = () => api.url.replace('/graphql', '/livekit/webhook');

    it('forged or unsigned requests get 401 and change nothing', async () => {
      const roomId = await roomWithConnectedStage();
      await sql(api, `update participants set connected = false where room_id = ?`, [roomId]);
      const event = webhookEvent({ event: 'participant_joined', roomId, profileId: 'media-ada' });
      const forged = await sendWebhook(webhookUrl(), event, { apiKey: api.livekit.settings.apiKey, apiSecret: 'not-the-secret' });
      const unsigned = await sendWebhook(webhookUrl(), event, api.livekit.settings, { authorization: null });
      const swapped = await sendWebhook(webhookUrl(), event, api.livekit.settings, {
        body: webhookEvent({ event: 'participant_joined', roomId, profileId: 'media-bob' }).toJsonString(),
      });
      expect([forged.status, unsigned.status, swapped.status]).toEqual([401, 401, 401]);
      const rows = await sql<{ connected: boolean }>(api, `select connected from participants where room_id = ? and connected`, [roomId]);
      expect(rows).toEqual([]);
      expect(await sql(api, `select id from livekit_webhook_events`)).toEqual([]);
    });

    it('joins and leaves set `connected`; on stage they are room events; duplicates and stale events are ignored', async () => {
      const roomId = await roomWithConnectedStage();
      await sql(api, `update participants set connected = false where room_id = ?`, [roomId]);
      const events = new Collector<{ roomEvents: { __typename: string; connected?: boolean; participant?: { connected: boolean; profile: { id: string } } } }>();
      api.wsClient(host).subscribe(
        {
          query: `subscription($id: ID!) { roomEvents(roomId: $id) { __typename ... on ParticipantConnectionChanged { connected participant { connected profile { id } } } } }`,
          variables: { id: roomId },
        },
        events.sink,
      );
      // Live, not merely subscribed to the bus: a stream still opening starts after events committed meanwhile.
      await roomSubscribersReach(api, roomId, 1);
      const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
      const joined = webhookEvent({ event: 'participant_joined', roomId, profileId: 'media-ada', id: 'EV_join', participantSid: 'PA_1', createdAt: t0 });
      const first = await sendWebhook(webhookUrl(), joined, api.livekit.settings);
      expect(await first.json()).toEqual({ outcome: 'applied' });
      const again = await sendWebhook(webhookUrl(), joined, api.livekit.settings);
      expect(await again.json()).toEqual({ outcome: 'duplicate' });
      // A leave from before the join arrives late: stale.
      const late = webhookEvent({ event: 'participant_left', roomId, profileId: 'media-ada', id: 'EV_old_leave', participantSid: 'PA_1', createdAt: new Date(t0.getTime() - 5000) });
      expect(await (await sendWebhook(webhookUrl(), late, api.livekit.settings)).json()).toEqual({ outcome: 'stale' });
      // A listener's join changes the row but is no room event.
      const listener = webhookEvent({ event: 'participant_joined', roomId, profileId: 'media-bob', id: 'EV_bob', createdAt: t0 });
      expect(await (await sendWebhook(webhookUrl(), listener, api.livekit.settings)).json()).toEqual({ outcome: 'applied' });

      const connected = await sql<{ profile_id: string }>(api, `select profile_id from participants where room_id = ? and connected order by profile_id`, [roomId]);
      expect(connected.map((row) => row.profile_id)).toEqual(['media-ada', 'media-bob']);
      await events.count(1);
      expect(events.items.map((item) => item.roomEvents)).toEqual([
        { __typename: 'ParticipantConnectionChanged', connected: true, participant: { connected: true, profile: { id: 'media-ada' } } },
      ]);
    });

    it('an unknown room is ignored; an identity the room does not know is taken off the media server', async () => {
      const roomId = await roomWithConnectedStage();
      const unknownRoom = webhookEvent({ event: 'participant_joined', roomId: '00000000-0000-4000-8000-000000000000', profileId: 'media-ada' });
      expect(await (await sendWebhook(webhookUrl(), unknownRoom, api.livekit.settings)).json()).toEqual({ outcome: 'ignored' });
      api.livekit.connect({ roomId, profileId: 'mallory' });
      const intruder = webhookEvent({ event: 'participant_joined', roomId, profileId: 'mallory' });
      expect(await (await sendWebhook(webhookUrl(), intruder, api.livekit.settings)).json()).toEqual({ outcome: 'ignored' });
      await outboxDrained();
      expect(succeeded('RemoveParticipant', 'mallory')).toHaveLength(1);
    });
  });

  describe('reconciliation', () => {
    it('fixes drift: an unauthorised publisher, a banned participant still connected, an intruder, and `connected` both ways', async () => {
      const roomId = await roomWithConnectedStage();
      // Drift made behind Roundtable's back, as a missed webhook or a lost call would leave it.
      api.livekit.connect({ roomId, profileId: 'media-bob', permissions: { canSubscribe: true, canPublish: true, canPublishData: false, canPublishSources: ['microphone'], canUpdateMetadata: false, hidden: false } as never, microphone: 'unmuted' });
      const carol = await tokenFor('media-carol', { name: 'Carol' });
      await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, carol);
      await sql(api, `insert into room_bans (room_id, profile_id, banned_by_id, created_at) values (?, 'media-carol', 'media-host', now())`, [roomId]);
      await sql(api, `update participants set left_at = now() where room_id = ? and profile_id = 'media-carol'`, [roomId]);
      api.livekit.connect({ roomId, profileId: 'media-carol' });
      api.livekit.connect({ roomId, profileId: 'mallory' });
      await sql(api, `update participants set connected = true where room_id = ? and profile_id = 'media-host'`, [roomId]);
      await sql(api, `update participants set connected = false where room_id = ? and profile_id = 'media-ada'`, [roomId]);
      api.livekit.clearCalls();

      await api.api.server.services.mediaSync.reconcile();

      expect(succeeded('UpdateParticipant', 'media-bob')).toEqual([expect.objectContaining({ permission: expect.objectContaining({ canSubscribe: true }) })]);
      expect(succeeded('RemoveParticipant').map((request) => request['identity']).sort()).toEqual(['mallory', 'media-carol']);
      expect(api.livekit.identities(roomId).sort()).toEqual(['media-ada', 'media-bob']);
      const connected = await sql<{ profile_id: string; connected: boolean }>(
        api,
        `select profile_id, connected from participants where room_id = ? and left_at is null order by profile_id`,
        [roomId],
      );
      expect(connected).toEqual([
        { profile_id: 'media-ada', connected: true },
        { profile_id: 'media-bob', connected: true },
        { profile_id: 'media-host', connected: false },
      ]);
      // Converged: a second run changes nothing.
      api.livekit.clearCalls();
      await api.api.server.services.mediaSync.reconcile();
      expect(api.livekit.calls.filter((call) => call.method !== 'ListParticipants' && call.method !== 'ListRooms')).toEqual([]);
    });
  });
});

describe('two API instances drain one media outbox', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi({}, { livekit: a.livekit });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('without sending any call twice', async () => {
    await a.clear();
    const host = await tokenFor('duo-host', { name: 'Host' });
    const { data } = await a.request<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Two instances" }) { id } }`, {}, host);
    const roomId = data!.createRoom.id;
    const speakers = Array.from({ length: 6 }, (_, i) => `duo-speaker-${i}`);
    for (const [i, id] of speakers.entries()) {
      const token = await tokenFor(id);
      const instance = i % 2 === 0 ? a : b;
      await instance.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, token);
      a.livekit.connect({ roomId, profileId: id });
    }
    // Each listener is removed through one instance or the other: six jobs, spread over both.
    await Promise.all(
      speakers.map((id, i) =>
        (i % 2 === 0 ? a : b).request(`mutation($id: ID!, $p: ID!) { removeParticipant(roomId: $id, profileId: $p) { id } }`, { id: roomId, p: id }, host),
      ),
    );
    expect(await pollUntil(() => a.api.outbox.pendingCount(), (n) => n === 0, { attempts: 300, intervalMs: 50 })).toBe(0);
    const removed = a.livekit.succeededCalls('RemoveParticipant').map((request) => request['identity']);
    expect([...removed].sort()).toEqual([...speakers].sort());
  });
});

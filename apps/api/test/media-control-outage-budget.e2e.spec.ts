// Media control past the retry budget (issue 14, section 4): a media job given up after its last
// retry is an error in the log and a metric, and reconciliation closes media rooms that outlived
// their Roundtable room; the outbox's retry settings apply on every start, not only the first.
// Real PostgreSQL and pg-boss; LiveKit is the allowed double.
import { randomUUID } from 'node:crypto';

import { capturingLogger } from './hardening/support/hardening';
import { okOn, sql } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { startTestApi, type TestApi, tokenFor, useTestApi } from './support/test-api';

const DEAD_LETTER_MESSAGE = 'media job given up after its last retry; reconciliation will repair the media server once it answers';

/** The value of `roundtable_media_jobs_dead_lettered_total{queue="media-sync"}` on `api`. */
async function deadLettered(api: TestApi): Promise<number> {
  const metric = await api.api.server.metrics.registry.getSingleMetric('roundtable_media_jobs_dead_lettered_total')?.get();
  return metric?.values.find((value) => value.labels['queue'] === 'media-sync')?.value ?? 0;
}

describe('kind: media outlives the room', () => {
  const log = capturingLogger();
  // One retry, so the budget runs out in seconds; no periodic reconciliation (the test runs it).
  const api = useTestApi({ MEDIA_RETRY_LIMIT: '1', MEDIA_RETRY_DELAY_SECONDS: '1', LIVEKIT_RECONCILE_MS: '3600000' }, { logger: log.logger });
  const ok = okOn(api);
  let host: string;
  let ada: string;

  beforeEach(async () => {
    await api.clear();
    log.lines.length = 0;
    [host, ada] = await Promise.all([tokenFor('outlive-host', { name: 'Hedy Host' }), tokenFor('outlive-ada', { name: 'Ada Lovelace' })]);
  });

  /** A LIVE room whose host and speaker Ada are connected to the media room and publishing. */
  async function roomWithPublishingStage(): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Outage" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, ada);
    await ok(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "outlive-ada") { id } }`, { id: roomId }, host);
    await ok(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { role } }`, { id: roomId }, ada);
    for (const token of [host, ada]) {
      const { refreshAudioAccess } = await ok<{ refreshAudioAccess: { token: string } }>(
        `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token } }`,
        { id: roomId },
        token,
      );
      await api.livekit.connectWithToken(refreshAudioAccess.token, { microphone: 'unmuted' });
    }
    await waitForDrainedOutbox();
    api.livekit.clearCalls();
    return roomId;
  }

  async function waitForDrainedOutbox(): Promise<void> {
    expect(await pollUntil(() => api.api.outbox.pendingCount(), (n) => n === 0, { attempts: 300, intervalMs: 50 })).toBe(0);
  }

  /** Waits until `count` more jobs than `before` were given up (the counter lives as long as the API), then for the outbox to be idle. */
  async function waitForDeadLetters(before: number, count: number): Promise<void> {
    expect(await pollUntil(() => deadLettered(api), (n) => n >= before + count, { attempts: 400, intervalMs: 50 })).toBe(before + count);
    await waitForDrainedOutbox();
  }

  const deadLetterLines = () => log.lines.filter((line) => line.msg === DEAD_LETTER_MESSAGE);

  it('given case: a room ended while LiveKit was down past the retry budget is closed on the media server once it is back', async () => {
    const roomId = await roomWithPublishingStage();
    const before = await deadLettered(api);
    api.livekit.setDown(true);
    const ended = await ok<{ endRoom: { status: string } }>(`mutation($id: ID!) { endRoom(roomId: $id) { status } }`, { id: roomId }, host);
    expect(ended.endRoom.status).toBe('ENDED');

    await waitForDeadLetters(before, 1);
    // Given up: one error line naming the room, counted once; every attempt was a one-line warning.
    expect(deadLetterLines()).toEqual([expect.objectContaining({ level: 50, roomId, profileId: null, retries: 1, reason: expect.stringContaining('deleteRoom') })]);
    const attempts = log.lines.filter((line) => line.msg === 'media server unavailable; the job will be retried');
    expect(attempts).toHaveLength(2);
    expect(attempts.every((line) => line.level === 40 && typeof line['reason'] === 'string' && line['err'] === undefined)).toBe(true);
    api.livekit.setDown(false);
    expect(api.livekit.identities(roomId)).toEqual(['outlive-ada', 'outlive-host']);

    await api.api.server.services.mediaSync.reconcile();

    expect(api.livekit.succeededCalls('DeleteRoom')).toEqual([expect.objectContaining({ room: roomId })]);
    expect(api.livekit.hasRoom(roomId)).toBe(false);
    // Converged: a second run lists the rooms and does nothing else.
    api.livekit.clearCalls();
    await api.api.server.services.mediaSync.reconcile();
    expect(api.livekit.calls.map((call) => call.method)).toEqual(['ListRooms']);
  });

  it('variant: media rooms for a room that does not exist (a deleted row, a foreign name) are closed; a LIVE room is kept', async () => {
    const liveRoomId = await roomWithPublishingStage();
    const deletedRoomId = randomUUID();
    api.livekit.connect({ roomId: deletedRoomId, profileId: 'outlive-ghost' });
    api.livekit.connect({ roomId: 'not-a-roundtable-room', profileId: 'outlive-ghost' });

    await api.api.server.services.mediaSync.reconcile();

    expect(api.livekit.succeededCalls('DeleteRoom').map((request) => request['room']).sort()).toEqual([deletedRoomId, 'not-a-roundtable-room'].sort());
    expect(api.livekit.hasRoom(liveRoomId)).toBe(true);
    expect(api.livekit.identities(liveRoomId)).toEqual(['outlive-ada', 'outlive-host']);
    const closed = log.lines.filter((line) => line.msg === 'media room open for a room that is not LIVE; closing it');
    expect(closed.map((line) => line['roomId']).sort()).toEqual([deletedRoomId, 'not-a-roundtable-room'].sort());
  });

  it('variant: a speaker removed while LiveKit was down past the budget is taken off the media server once it is back', async () => {
    const roomId = await roomWithPublishingStage();
    const before = await deadLettered(api);
    api.livekit.setDown(true);
    await ok(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "outlive-ada", ban: true) { id } }`, { id: roomId }, host);

    await waitForDeadLetters(before, 1);
    expect(deadLetterLines()).toEqual([expect.objectContaining({ level: 50, roomId, profileId: 'outlive-ada' })]);
    api.livekit.setDown(false);
    expect(api.livekit.identities(roomId)).toEqual(['outlive-ada', 'outlive-host']);

    await api.api.server.services.mediaSync.reconcile();

    expect(api.livekit.succeededCalls('RemoveParticipant')).toEqual([expect.objectContaining({ room: roomId, identity: 'outlive-ada' })]);
    expect(api.livekit.identities(roomId)).toEqual(['outlive-host']);
    expect(api.livekit.succeededCalls('DeleteRoom')).toEqual([]);
  });
});

describe('kind: settings applied only at first creation', () => {
  /** The media-sync queue's stored settings (pg-boss `queue` table). */
  async function syncQueue(api: TestApi): Promise<{ retry_limit: number; retry_delay: number; dead_letter: string | null; policy: string }> {
    const [row] = await sql<{ retry_limit: number; retry_delay: number; dead_letter: string | null; policy: string }>(
      api,
      `select retry_limit, retry_delay, dead_letter, policy from pgboss.queue where name = 'media-sync'`,
    );
    return row!;
  }

  /** Starts an API with `env`, reads the queue, ends a room (one media job) and reads that job's settings. */
  async function startAndSendOneJob(env: Record<string, string>) {
    const api = await startTestApi(env);
    try {
      const queue = await syncQueue(api);
      const host = await tokenFor('settings-host', { name: 'Host' });
      const { data } = await api.request<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Settings" }) { id } }`, {}, host);
      const roomId = data!.createRoom.id;
      await api.request(`mutation($id: ID!) { endRoom(roomId: $id) { status } }`, { id: roomId }, host);
      const [job] = await sql<{ retry_limit: number; retry_delay: number }>(
        api,
        `select retry_limit, retry_delay from pgboss.job where name = 'media-sync' and data->>'roomId' = ?`,
        [roomId],
      );
      return { queue, job };
    } finally {
      await api.stop();
    }
  }

  it('given case: a restart with another MEDIA_RETRY_LIMIT gives the queue, and every job sent after, the new limit', async () => {
    const first = await startAndSendOneJob({ MEDIA_RETRY_LIMIT: '3' });
    const second = await startAndSendOneJob({ MEDIA_RETRY_LIMIT: '7' });
    expect(first.queue).toMatchObject({ retry_limit: 3, dead_letter: 'media-sync-dead-letter', policy: 'stately' });
    expect(first.job).toMatchObject({ retry_limit: 3 });
    expect(second.queue).toMatchObject({ retry_limit: 7, dead_letter: 'media-sync-dead-letter', policy: 'stately' });
    expect(second.job).toMatchObject({ retry_limit: 7 });
  });

  it('variant: a restart with another MEDIA_RETRY_DELAY_SECONDS gives the queue, and every job sent after, the new delay', async () => {
    const first = await startAndSendOneJob({ MEDIA_RETRY_DELAY_SECONDS: '2' });
    const second = await startAndSendOneJob({ MEDIA_RETRY_DELAY_SECONDS: '5' });
    expect([first.queue.retry_delay, first.job?.retry_delay]).toEqual([2, 2]);
    expect([second.queue.retry_delay, second.job?.retry_delay]).toEqual([5, 5]);
  });
});

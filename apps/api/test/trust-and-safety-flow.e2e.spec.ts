// The whole trust-and-safety flow over real HTTP and WebSocket against a real PostgreSQL:
// report → pile-up → automatic mute (through the room command pipeline) → staff queue → each
// decision → notice → appeal → reversal, with the audit log checked at every step.
import { Collector, tokenFor, useTestApi } from './support/test-api';
import { codeOf, establishAccounts, ok, OPS, refused, sql, stagedRoom } from './support/trust-and-safety-operations';
import { pollUntil } from './support/poll';
import { staffTokenFor } from './support/staff';

describe('trust and safety: the whole flow', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'flow-staff');
    await ok(api, OPS.viewer, {}, staff);
  });

  const report = (token: string, roomId: string, profileId: string | null, category = 'HATE_SPEECH', details: string | null = null) =>
    ok<{ reportAbuse: { id: string; status: string; distinctReporters: number; evidence: unknown } }>(
      api,
      OPS.reportAbuse,
      { input: { roomId, profileId, category, details } },
      token,
    );

  const role = async (roomId: string, profileId: string) =>
    (await sql<{ role: string; muted: boolean }>(api, `select role, muted from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, profileId]))[0];

  const logActions = async () => (await sql<{ action: string; report_ids: string[]; actor_id: string | null }>(api, `select action, report_ids, actor_id from moderation_log order by at, id`));

  it('three established reporters mute a speaker at once through the room pipeline (no role change); the mute is held until staff decide', async () => {
    const room = await stagedRoom(api, 'flow', { speakers: ['flow-sam'], listeners: ['flow-r1', 'flow-r2', 'flow-r3'] });
    await establishAccounts(api, ['flow-r1', 'flow-r2', 'flow-r3']);
    const t = room.tokens as Record<string, string>;
    await ok(api, OPS.raiseHand, { r: room.roomId, q: 'What about my question?' }, t['flow-r3'] as string);
    const events = new Collector<{ roomEvents: { __typename: string; version: number } }>();
    const client = api.wsClient(t[room.host] as string);
    client.subscribe({ query: `subscription($r: ID!) { roomEvents(roomId: $r) { __typename version } }`, variables: { r: room.roomId } }, events.sink);
    // The host's stream is live before anything is reported (no sleep: the channel counts it).
    expect(await pollUntil(() => api.api.server.services.roomEvents.subscriberCount(room.roomId), (n) => n >= 1)).toBeGreaterThanOrEqual(1);

    // One reporter, then a second, never trigger it; nor does the first reporting again.
    const first = await report(t['flow-r1'] as string, room.roomId, 'flow-sam', 'HATE_SPEECH', 'slur at 12:01');
    expect(first.reportAbuse).toMatchObject({ status: 'OPEN', distinctReporters: 1, evidence: null });
    expect(codeOf(await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'flow-sam', category: 'HARASSMENT' } }, t['flow-r1'] as string))).toBe('CONFLICT');
    await report(t['flow-r2'] as string, room.roomId, 'flow-sam', 'HARASSMENT');
    expect(await role(room.roomId, 'flow-sam')).toEqual({ role: 'SPEAKER', muted: false });

    // The third distinct reporter: muted where they stand, by the system (still a speaker). The
    // reporter reads only their own part of the count (1), never how close the pile-up is.
    const third = await report(t['flow-r3'] as string, room.roomId, 'flow-sam', 'VIOLENCE');
    expect(third.reportAbuse.distinctReporters).toBe(1);
    expect(await role(room.roomId, 'flow-sam')).toEqual({ role: 'SPEAKER', muted: true });
    await events.until(() => events.items.some((item) => item.roomEvents.__typename === 'ParticipantMuted'), 'the ParticipantMuted event');
    expect(events.items.map((item) => item.roomEvents.__typename)).toEqual(['ParticipantMuted']);
    const stored = await sql<{ type: string; actor: string }>(api, `select type, payload->>'actorId' as actor from room_events where room_id = ? order by version desc limit 1`, [room.roomId]);
    expect(stored).toEqual([{ type: 'ParticipantMuted', actor: 'system/trust-and-safety' }]);
    // The media outbox follows: a sync job for the muted speaker committed with the command.
    const jobs = await sql<{ n: string }>(api, `select count(*) as n from pgboss.job where name = 'media-sync' and data->>'roomId' = ? and data->>'profileId' = 'flow-sam'`, [room.roomId]);
    expect(Number(jobs[0]?.n)).toBeGreaterThanOrEqual(1);

    // The notice, with a statement of reasons.
    const sam = t['flow-sam'] as string;
    const notices = await ok<{ viewerModerationNotices: { edges: { node: { id: string; action: string; category: string; reason: string; room: { id: string } } }[] } }>(api, OPS.notices, {}, sam);
    expect(notices.viewerModerationNotices.edges).toHaveLength(1);
    const notice = notices.viewerModerationNotices.edges[0]?.node;
    expect(notice).toMatchObject({ action: 'AUTO_MUTED_PENDING_REVIEW', category: 'HATE_SPEECH', room: { id: room.roomId } });
    expect(notice?.reason).toMatch(/automatically/);

    // The mute is held: they cannot unmute themselves; the fourth report does not mute twice.
    const unmute = await refused(api, OPS.unmuteSelf, { r: room.roomId }, t['flow-sam'] as string);
    expect(codeOf(unmute)).toBe('FORBIDDEN');
    expect(unmute.errors?.[0]?.message).toMatch(/trust and safety/);
    const r4 = await tokenFor('flow-r4');
    await ok(api, OPS.joinRoom, { r: room.roomId }, r4);
    await report(r4, room.roomId, 'flow-sam', 'HARASSMENT');
    expect(await sql(api, `select id from moderation_notices`)).toHaveLength(1);

    // The audit log: one AUTO_MUTED entry, automatic, naming the three qualifying reports.
    const log = await logActions();
    expect(log).toEqual([{ action: 'AUTO_MUTED', actor_id: null, report_ids: expect.any(Array) }]);
    expect(log[0]?.report_ids).toHaveLength(3);

    // Staff read the queue (evidence included) and dismiss: the hold lifts, the speaker may unmute.
    const queue = await ok<{ moderationQueue: { totalCount: number; edges: { node: { id: string; distinctReporters: number; evidence: { reportedRole: string; reporterRole: string; reportedJoinedAt: string; stage: { profileId: string }[]; recentEvents: { type: string }[] } } }[] } }>(api, OPS.queue, {}, staff);
    expect(queue.moderationQueue.totalCount).toBe(4);
    const [oldest] = queue.moderationQueue.edges;
    expect(oldest?.node.id).toBe(first.reportAbuse.id);
    expect(oldest?.node.distinctReporters).toBe(4);
    expect(oldest?.node.evidence).toMatchObject({ reportedRole: 'SPEAKER', reporterRole: 'LISTENER' });
    expect(oldest?.node.evidence.reportedJoinedAt).toEqual(expect.any(String));
    expect(oldest?.node.evidence.stage.map((p) => p.profileId).sort()).toEqual(['flow-host', 'flow-sam']);
    expect(oldest?.node.evidence.recentEvents.length).toBeGreaterThan(3);
    // The last room events before the report: the raised hand, then its question joining the queue (issue 16).
    expect(oldest?.node.evidence.recentEvents.slice(-2).map((event) => event.type)).toEqual(['HandRaised', 'QuestionChanged']);

    const dismissed = await ok<{ resolveReport: { status: string; action: string; resolutionNote: string } }>(api, OPS.resolveReport, { input: { reportId: first.reportAbuse.id, action: 'DISMISS', note: 'Heated, not hateful' } }, staff);
    expect(dismissed.resolveReport).toMatchObject({ status: 'DISMISSED', action: 'DISMISS', resolutionNote: 'Heated, not hateful' });
    expect(await sql(api, `select id from reports where status = 'OPEN'`)).toEqual([]);
    expect(await ok(api, OPS.unmuteSelf, { r: room.roomId }, t['flow-sam'] as string)).toEqual({ unmuteSelf: { muted: false } });
    // Deciding the same group twice is a conflict.
    expect(codeOf(await refused(api, OPS.resolveReport, { input: { reportId: first.reportAbuse.id, action: 'WARN' } }, staff))).toBe('CONFLICT');
    expect((await logActions()).map((entry) => entry.action)).toEqual(['AUTO_MUTED', 'REPORT_DISMISSED']);
    expect((await logActions())[1]?.report_ids).toHaveLength(4);
  });

  it('WARN, REMOVE_FROM_ROOM and SUSPEND: notices, the ban through the pipeline, one appeal each, and a reversal that ends the suspension at once', async () => {
    const room = await stagedRoom(api, 'dec', { speakers: ['dec-sam'], listeners: ['dec-ann', 'dec-bob', 'dec-cat'] });
    const t = room.tokens as Record<string, string>;
    const sam = t['dec-sam'] as string;

    // WARN on one report: a WARNED notice, sam stays.
    const warned = await report(t['dec-ann'] as string, room.roomId, 'dec-sam', 'SPAM');
    await ok(api, OPS.resolveReport, { input: { reportId: warned.reportAbuse.id, action: 'WARN', note: 'Promoting the same link' } }, staff);
    // REMOVE_FROM_ROOM: removed and banned through the room pipeline.
    const removal = await report(t['dec-bob'] as string, room.roomId, 'dec-sam', 'HARASSMENT');
    await ok(api, OPS.resolveReport, { input: { reportId: removal.reportAbuse.id, action: 'REMOVE_FROM_ROOM', note: 'Insulted a listener' } }, staff);
    expect(await role(room.roomId, 'dec-sam')).toBeUndefined();
    expect(await sql(api, `select banned_by_id from room_bans where room_id = ? and profile_id = 'dec-sam'`, [room.roomId])).toEqual([{ banned_by_id: 'flow-staff' }]);
    const removedEvent = await sql<{ type: string }>(api, `select type from room_events where room_id = ? order by version desc limit 1`, [room.roomId]);
    expect(removedEvent).toEqual([{ type: 'ParticipantRemoved' }]);
    expect(codeOf(await refused(api, OPS.joinRoom, { r: room.roomId }, sam))).toBe('CONFLICT');

    // SUSPEND, on a report in another room.
    const other = await stagedRoom(api, 'dec2', { listeners: ['dec-sam', 'dec-dan'] });
    const suspension = await report(other.tokens['dec-dan'] as string, other.roomId, 'dec-sam', 'VIOLENCE');
    await ok(api, OPS.resolveReport, { input: { reportId: suspension.reportAbuse.id, action: 'SUSPEND', note: 'Threats' } }, staff);
    expect(await role(other.roomId, 'dec-sam')).toBeUndefined();
    expect(codeOf(await refused(api, OPS.joinRoom, { r: other.roomId }, sam))).toBe('FORBIDDEN');

    type Notice = { id: string; action: string; reason: string; expiresAt: string | null; appeal: { status: string } | null };
    const notices = (await ok<{ viewerModerationNotices: { edges: { node: Notice }[] } }>(api, OPS.notices, {}, sam)).viewerModerationNotices.edges.map((edge) => edge.node);
    expect(notices.map((notice) => notice.action)).toEqual(['SUSPENDED', 'REMOVED_FROM_ROOM', 'WARNED']);
    const [suspended, removed, warning] = notices as [Notice, Notice, Notice];
    expect(suspended.reason).toMatch(/suspended until .* Threats/);
    expect(new Date(suspended.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    expect(removed.reason).toMatch(/Insulted a listener/);
    expect(warning.expiresAt).toBeNull();

    // Appeals: once per notice, allowed while suspended.
    await ok(api, OPS.appeal, { input: { noticeId: suspended.id, statement: 'I was quoting a film' } }, sam);
    expect(codeOf(await refused(api, OPS.appeal, { input: { noticeId: suspended.id, statement: 'again' } }, sam))).toBe('CONFLICT');
    await ok(api, OPS.appeal, { input: { noticeId: removed.id, statement: 'It was a joke between friends' } }, sam);
    // Somebody else's notice is not found.
    expect(codeOf(await refused(api, OPS.appeal, { input: { noticeId: warning.id, statement: 'x' } }, t['dec-ann'] as string))).toBe('NOT_FOUND');
    const open = await ok<{ moderationAppeals: { edges: { node: { id: string } }[] } }>(api, OPS.appeals, {}, staff);
    expect(open.moderationAppeals.edges.map((edge) => edge.node.id)).toEqual([suspended.id, removed.id]);

    // Upheld removal keeps the ban; reversed suspension ends at once.
    await ok(api, OPS.resolveAppeal, { input: { noticeId: removed.id, upheld: true, note: 'The insult was clear' } }, staff);
    const reversed = await ok<{ resolveAppeal: { expiresAt: string | null; appeal: { status: string; decisionNote: string } } }>(api, OPS.resolveAppeal, { input: { noticeId: suspended.id, upheld: false, note: 'The quote was in context' } }, staff);
    expect(reversed.resolveAppeal).toMatchObject({ expiresAt: null, appeal: { status: 'REVERSED', decisionNote: 'The quote was in context' } });
    await ok(api, OPS.joinRoom, { r: other.roomId }, sam);
    expect(codeOf(await refused(api, OPS.joinRoom, { r: room.roomId }, sam))).toBe('CONFLICT');
    expect(codeOf(await refused(api, OPS.resolveAppeal, { input: { noticeId: suspended.id, upheld: true, note: 'again' } }, staff))).toBe('CONFLICT');
    const noneOpen = await ok<{ moderationAppeals: { edges: unknown[] } }>(api, OPS.appeals, {}, staff);
    expect(noneOpen.moderationAppeals.edges).toEqual([]);

    // The audit log is complete: one entry per action, newest first, with who and which reports.
    const log = await ok<{ moderationLog: { edges: { node: { action: string; reportIds: string[]; actor: { id: string } | null; subject: { id: string } | null; note: string | null } }[] } }>(api, OPS.log, {}, staff);
    expect(log.moderationLog.edges.map((edge) => edge.node.action)).toEqual(['APPEAL_REVERSED', 'APPEAL_UPHELD', 'SUSPENDED', 'REMOVED_FROM_ROOM', 'WARNED']);
    for (const { node } of log.moderationLog.edges) {
      expect(node.actor?.id).toBe('flow-staff');
      expect(node.subject?.id).toBe('dec-sam');
      expect(node.note).toEqual(expect.any(String));
    }
    expect(log.moderationLog.edges.map((edge) => edge.node.reportIds)).toEqual([
      [suspension.reportAbuse.id],
      [removal.reportAbuse.id],
      [suspension.reportAbuse.id],
      [removal.reportAbuse.id],
      [warned.reportAbuse.id],
    ]);
  });

  it('concurrent reports completing a pile-up mute once: one notice, one audit entry, one mute, consecutive versions', async () => {
    const reporters = ['race-1', 'race-2', 'race-3', 'race-4', 'race-5'];
    const room = await stagedRoom(api, 'race', { speakers: ['race-sam'], listeners: reporters });
    await establishAccounts(api, reporters);
    await Promise.all(reporters.map((id) => report(room.tokens[id] as string, room.roomId, 'race-sam', 'HARASSMENT')));
    expect(await role(room.roomId, 'race-sam')).toEqual({ role: 'SPEAKER', muted: true });
    expect(await sql(api, `select action from moderation_notices`)).toEqual([{ action: 'AUTO_MUTED_PENDING_REVIEW' }]);
    expect((await logActions()).map((entry) => entry.action)).toEqual(['AUTO_MUTED']);
    const events = await sql<{ version: number; type: string }>(api, `select version, type from room_events where room_id = ? order by version`, [room.roomId]);
    // Staging made one RoleChanged (accepting the invitation); the automatic mute changes no role.
    expect(events.filter((event) => event.type === 'ParticipantMuted')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'RoleChanged')).toHaveLength(1);
    expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    expect(await sql(api, `select id from reports`)).toHaveLength(5);
  });

  it('a pile-up on the host takes no stage action (the host is protected): the reports wait in the queue', async () => {
    const room = await stagedRoom(api, 'hostpile', { listeners: ['hp-1', 'hp-2', 'hp-3'] });
    await establishAccounts(api, ['hp-1', 'hp-2', 'hp-3']);
    for (const id of ['hp-1', 'hp-2', 'hp-3']) await report(room.tokens[id] as string, room.roomId, room.host, 'HATE_SPEECH');
    expect(await role(room.roomId, room.host)).toEqual({ role: 'HOST', muted: false });
    expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
    const queue = await ok<{ moderationQueue: { totalCount: number; edges: { node: { distinctReporters: number } }[] } }>(api, OPS.queue, {}, staff);
    expect(queue.moderationQueue.totalCount).toBe(3);
    // REMOVE_FROM_ROOM cannot remove the host from their own room: CONFLICT, nothing changes.
    const firstId = (await sql<{ id: string }>(api, `select id from reports order by created_at limit 1`))[0]?.id;
    expect(codeOf(await refused(api, OPS.resolveReport, { input: { reportId: firstId, action: 'REMOVE_FROM_ROOM' } }, staff))).toBe('CONFLICT');
    expect(await sql(api, `select id from reports where status = 'OPEN'`)).toHaveLength(3);
  });
});

// Issue 15 (trust and safety, bugs 1–4), one describe per kind of fault, over real HTTP and
// graphql-ws against a real PostgreSQL. Each kind holds the given case and a variant of our own.
import { expectNoLeaks, wsExecute } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { tokenFor, useTestApi } from './support/test-api';
import {
  codeOf,
  establishAccounts,
  moderationSnapshot,
  ok,
  OPS,
  presentFor,
  refused,
  sql,
  stagedRoom,
} from './support/trust-and-safety-operations';

const setModerator = `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { role } }`;

type Filed = { reportAbuse: { id: string; distinctReporters: number } };
type Queue = { moderationQueue: { totalCount: number; edges: { node: { id: string; distinctReporters: number; reportedProfile: { id: string } | null } }[] } };
type Notices = { viewerModerationNotices: { edges: { node: { id: string; action: string } }[] } };

describe('trust and safety: issue 15 kinds', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'kind-staff');
    await ok(api, OPS.viewer, {}, staff);
  });

  const report = (token: string, roomId: string, profileId: string | null, category = 'HARASSMENT') =>
    ok<Filed>(api, OPS.reportAbuse, { input: { roomId, profileId, category, details: null } }, token);

  const participant = async (roomId: string, profileId: string) =>
    (await sql<{ role: string; muted: boolean }>(api, `select role, muted from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, profileId]))[0];

  const roleChangesSinceStaging = async (roomId: string, staged: number) =>
    (await sql(api, `select version from room_events where room_id = ? and type = 'RoleChanged'`, [roomId])).length - staged;

  describe('kind: a cheap signal triggers a costly automatic action', () => {
    it('given case: three fresh accounts report a speaker and a moderator moments after joining — nobody is muted or loses a role, and each reporter reads distinctReporters 1', async () => {
      const reporters = ['brig-1', 'brig-2', 'brig-3'];
      const room = await stagedRoom(api, 'brig', { speakers: ['brig-sam', 'brig-mod'], listeners: reporters });
      await ok(api, setModerator, { r: room.roomId, p: 'brig-mod' }, room.tokens[room.host] as string);
      const counts: number[] = [];
      for (const target of ['brig-sam', 'brig-mod']) {
        for (const id of reporters) counts.push((await report(room.tokens[id] as string, room.roomId, target)).reportAbuse.distinctReporters);
      }
      // The brigade never sees 1, 2, 3: each reads only its own report.
      expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
      expect(await participant(room.roomId, 'brig-sam')).toEqual({ role: 'SPEAKER', muted: false });
      expect(await participant(room.roomId, 'brig-mod')).toEqual({ role: 'MODERATOR', muted: false });
      expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
      expect(await sql(api, `select id from moderation_log`)).toEqual([]);
      // The reports are filed and reach staff, who read the true count.
      const queue = await ok<Queue>(api, OPS.queue, {}, staff);
      expect(queue.moderationQueue.totalCount).toBe(6);
      expect(new Set(queue.moderationQueue.edges.map((edge) => edge.node.distinctReporters))).toEqual(new Set([3]));
      const stored = await sql<{ reporter_presence_seconds: number; account_age_seconds: string }>(
        api,
        `select reporter_presence_seconds, extract(epoch from created_at - reporter_account_created_at)::int as account_age_seconds from reports`,
      );
      for (const row of stored) {
        expect(row.reporter_presence_seconds).toBeLessThan(60);
        expect(Number(row.account_age_seconds)).toBeLessThan(3600);
      }
    });

    it('given case, with established reporters: the moderator and the speaker are muted where they stand — no RoleChanged, roles kept — and cannot unmute until staff act', async () => {
      const reporters = ['est-1', 'est-2', 'est-3'];
      const room = await stagedRoom(api, 'est', { speakers: ['est-sam', 'est-mod'], listeners: [...reporters, 'est-ann'] });
      await ok(api, setModerator, { r: room.roomId, p: 'est-mod' }, room.tokens[room.host] as string);
      await establishAccounts(api, reporters);
      const staged = (await sql(api, `select version from room_events where room_id = ? and type = 'RoleChanged'`, [room.roomId])).length;
      for (const target of ['est-sam', 'est-mod']) {
        for (const id of reporters) await report(room.tokens[id] as string, room.roomId, target);
      }
      expect(await participant(room.roomId, 'est-sam')).toEqual({ role: 'SPEAKER', muted: true });
      expect(await participant(room.roomId, 'est-mod')).toEqual({ role: 'MODERATOR', muted: true });
      expect(await roleChangesSinceStaging(room.roomId, staged)).toBe(0);
      for (const id of ['est-sam', 'est-mod']) {
        const refusal = await refused(api, OPS.unmuteSelf, { r: room.roomId }, room.tokens[id] as string);
        expect(codeOf(refusal)).toBe('FORBIDDEN');
        expectNoLeaks(refusal.errors);
      }
      // A muted moderator still moderates.
      await ok(api, OPS.inviteToStage, { r: room.roomId, p: 'est-ann' }, room.tokens['est-mod'] as string);
      // Staff dismiss the moderator's reports: that mute is no longer held; the speaker's still is.
      const modReport = (await sql<{ id: string }>(api, `select id from reports where reported_profile_id = 'est-mod' limit 1`))[0]?.id;
      await ok(api, OPS.resolveReport, { input: { reportId: modReport, action: 'DISMISS', note: 'Brigade' } }, staff);
      await ok(api, OPS.unmuteSelf, { r: room.roomId }, room.tokens['est-mod'] as string);
      expect(codeOf(await refused(api, OPS.unmuteSelf, { r: room.roomId }, room.tokens['est-sam'] as string))).toBe('FORBIDDEN');
    });

    it('variant: fresh accounts count once present AUTO_MUTE_MIN_PRESENCE_SECONDS; a third who reported at once never does, a third who stayed does', async () => {
      const room = await stagedRoom(api, 'stay', { speakers: ['stay-sam'], listeners: ['stay-1', 'stay-2', 'stay-3', 'stay-4'] });
      await presentFor(api, room.roomId, ['stay-1', 'stay-2'], 301);
      await report(room.tokens['stay-1'] as string, room.roomId, 'stay-sam');
      await report(room.tokens['stay-2'] as string, room.roomId, 'stay-sam');
      await report(room.tokens['stay-3'] as string, room.roomId, 'stay-sam');
      expect(await participant(room.roomId, 'stay-sam')).toEqual({ role: 'SPEAKER', muted: false });
      // stay-3's presence was stored when they reported: staying on afterwards changes nothing.
      await presentFor(api, room.roomId, ['stay-3'], 3600);
      expect(await participant(room.roomId, 'stay-sam')).toEqual({ role: 'SPEAKER', muted: false });
      await presentFor(api, room.roomId, ['stay-4'], 300);
      await report(room.tokens['stay-4'] as string, room.roomId, 'stay-sam');
      expect(await participant(room.roomId, 'stay-sam')).toEqual({ role: 'SPEAKER', muted: true });
      const [entry] = await sql<{ report_ids: string[]; note: string }>(api, `select report_ids, note from moderation_log`);
      expect(entry?.report_ids).toHaveLength(3);
      expect(entry?.note).toMatch(/^3 independent reporters/);
    });
  });

  describe("kind: a decision's basis outlives the decision", () => {
    /** Three established reporters mute `${prefix}-sam` automatically. */
    async function autoMuted(prefix: string, extraListeners: string[]) {
      const reporters = [`${prefix}-1`, `${prefix}-2`, `${prefix}-3`];
      const subject = `${prefix}-sam`;
      const room = await stagedRoom(api, prefix, { speakers: [subject], listeners: [...reporters, ...extraListeners] });
      await establishAccounts(api, [...reporters, ...extraListeners]);
      for (const id of reporters) await report(room.tokens[id] as string, room.roomId, subject);
      expect(await participant(room.roomId, subject)).toEqual({ role: 'SPEAKER', muted: true });
      return { room, subject, reporters };
    }

    async function appealAndReverse(token: string) {
      const notice = (await ok<Notices>(api, OPS.notices, {}, token)).viewerModerationNotices.edges[0]?.node;
      expect(notice?.action).toBe('AUTO_MUTED_PENDING_REVIEW');
      await ok(api, OPS.appeal, { input: { noticeId: notice?.id, statement: 'They came together to silence me' } }, token);
      await ok(api, OPS.resolveAppeal, { input: { noticeId: notice?.id, upheld: false, note: 'A coordinated brigade' } }, staff);
    }

    it('given case: after a reversal, the speaker unmutes, and one report by one new account does not mute them again; the reversal closed its reports', async () => {
      const { room, subject } = await autoMuted('rev', ['rev-new']);
      await appealAndReverse(room.tokens[subject] as string);
      await ok(api, OPS.unmuteSelf, { r: room.roomId }, room.tokens[subject] as string);
      const closed = await sql<{ status: string; action: string; resolution_note: string; resolved_by_id: string }>(
        api,
        `select status, action, resolution_note, resolved_by_id from reports where reported_profile_id = ?`,
        [subject],
      );
      expect(closed).toHaveLength(3);
      for (const row of closed) expect(row).toEqual({ status: 'DISMISSED', action: 'DISMISS', resolution_note: 'Reversed on appeal: A coordinated brigade', resolved_by_id: 'kind-staff' });

      await report(room.tokens['rev-new'] as string, room.roomId, subject);
      expect(await participant(room.roomId, subject)).toEqual({ role: 'SPEAKER', muted: false });
      expect(await sql(api, `select id from moderation_notices`)).toHaveLength(1);
    });

    it('variant: a report filed during the hold (not on the notice) stays for staff but never counts after the reversal; three new reporters still can', async () => {
      const { room, subject } = await autoMuted('hold', ['hold-4', 'hold-5', 'hold-6', 'hold-7']);
      await report(room.tokens['hold-4'] as string, room.roomId, subject);
      await appealAndReverse(room.tokens[subject] as string);
      await ok(api, OPS.unmuteSelf, { r: room.roomId }, room.tokens[subject] as string);
      expect(await sql(api, `select reporter_id from reports where status = 'OPEN'`)).toEqual([{ reporter_id: 'hold-4' }]);
      await report(room.tokens['hold-5'] as string, room.roomId, subject);
      await report(room.tokens['hold-6'] as string, room.roomId, subject);
      // hold-4 + hold-5 + hold-6 would be three; hold-4's report rested on the reversed pile-up.
      expect(await participant(room.roomId, subject)).toEqual({ role: 'SPEAKER', muted: false });
      await report(room.tokens['hold-7'] as string, room.roomId, subject);
      expect(await participant(room.roomId, subject)).toEqual({ role: 'SPEAKER', muted: true });
      const [latest] = await sql<{ report_ids: string[] }>(api, `select report_ids from moderation_notices order by created_at desc limit 1`);
      const newIds = await sql<{ id: string }>(api, `select id from reports where reporter_id in ('hold-5', 'hold-6', 'hold-7') order by created_at`);
      expect(latest?.report_ids).toEqual(newIds.map((row) => row.id));
    });
    it('variant, concurrent: a report racing the reversal never re-mutes on the reversed basis (one notice, whichever commits first)', async () => {
      const { room, subject } = await autoMuted('race', ['race-new']);
      const notice = (await ok<Notices>(api, OPS.notices, {}, room.tokens[subject] as string)).viewerModerationNotices.edges[0]?.node;
      await ok(api, OPS.appeal, { input: { noticeId: notice?.id, statement: 'Brigaded' } }, room.tokens[subject] as string);
      await Promise.all([
        ok(api, OPS.resolveAppeal, { input: { noticeId: notice?.id, upheld: false, note: 'A coordinated brigade' } }, staff),
        report(room.tokens['race-new'] as string, room.roomId, subject),
      ]);
      expect(await sql(api, `select id from moderation_notices`)).toHaveLength(1);
      expect((await sql(api, `select action from moderation_log order by at`)).map((row) => (row as { action: string }).action)).toEqual(['AUTO_MUTED', 'APPEAL_REVERSED']);
    });
  });

  describe('kind: a report names someone outside the room', () => {
    it('given case: a profile never in the room — here before the victim arrives — is NOT_FOUND exactly like an unknown id, nothing is stored, and it cannot add to a later pile-up', async () => {
      const room = await stagedRoom(api, 'pre', { listeners: ['pre-1', 'pre-2', 'pre-3'] });
      await establishAccounts(api, ['pre-1', 'pre-2', 'pre-3']);
      const victim = await tokenFor('pre-vic');
      await ok(api, OPS.viewer, {}, victim);
      const before = await moderationSnapshot(api);
      const early = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'pre-vic', category: 'HARASSMENT' } }, room.tokens['pre-1'] as string);
      const unknown = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'pre-nobody', category: 'HARASSMENT' } }, room.tokens['pre-1'] as string);
      expect(codeOf(early)).toBe('NOT_FOUND');
      // No existence oracle: the same error, word for word.
      expect(early.errors?.[0]).toEqual(unknown.errors?.[0]);
      expectNoLeaks(early.errors);
      expect(await moderationSnapshot(api)).toEqual(before);
      // The victim arrives and speaks; two more reports are two, not three.
      await ok(api, OPS.joinRoom, { r: room.roomId }, victim);
      await ok(api, OPS.inviteToStage, { r: room.roomId, p: 'pre-vic' }, room.tokens[room.host] as string);
      await ok(api, OPS.acceptStageInvite, { r: room.roomId }, victim);
      await report(room.tokens['pre-2'] as string, room.roomId, 'pre-vic');
      await report(room.tokens['pre-3'] as string, room.roomId, 'pre-vic');
      expect(await participant(room.roomId, 'pre-vic')).toEqual({ role: 'SPEAKER', muted: false });
    });

    it('variant: someone who left within REPORT_SUBJECT_LEFT_WITHIN_SECONDS can be reported; earlier, or only present in another room, is the same NOT_FOUND', async () => {
      const room = await stagedRoom(api, 'gone', { listeners: ['gone-rep', 'gone-recent', 'gone-long'] });
      const elsewhere = await stagedRoom(api, 'else', { listeners: ['else-sam'] });
      for (const id of ['gone-recent', 'gone-long']) await ok(api, OPS.leaveRoom, { r: room.roomId }, room.tokens[id] as string);
      await sql(api, `update participants set left_at = now() - interval '14 minutes' where profile_id = 'gone-recent'`);
      await sql(api, `update participants set left_at = now() - interval '16 minutes' where profile_id = 'gone-long'`);
      const reporter = room.tokens['gone-rep'] as string;
      await report(reporter, room.roomId, 'gone-recent');
      const unknown = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'gone-nobody', category: 'SPAM' } }, reporter);
      const before = await moderationSnapshot(api);
      for (const profileId of ['gone-long', 'else-sam', elsewhere.host]) {
        const refusal = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId, category: 'SPAM' } }, reporter);
        expect(refusal.errors?.[0]).toEqual(unknown.errors?.[0]);
      }
      expect(await moderationSnapshot(api)).toEqual(before);
    });
  });

  describe('kind: an actor decides about themself', () => {
    /**
     * `staff-a` (staff) is a listener in two rooms and reported in both; the suite's staff member
     * suspends them on the first room's report. The second room's report stays OPEN.
     */
    async function suspendedStaff() {
      const room = await stagedRoom(api, 'sus', { listeners: ['staff-a', 'sus-1'] });
      const other = await stagedRoom(api, 'sus2', { listeners: ['staff-a', 'sus-2'] });
      const staffA = await staffTokenFor(api, 'staff-a');
      const filed = await report(room.tokens['sus-1'] as string, room.roomId, 'staff-a', 'VIOLENCE');
      const open = await report(other.tokens['sus-2'] as string, other.roomId, 'staff-a', 'HARASSMENT');
      await ok(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'SUSPEND', note: 'Threats' } }, staff);
      const notice = (await ok<Notices>(api, OPS.notices, {}, staffA)).viewerModerationNotices.edges[0]?.node;
      return { staffA, noticeId: notice?.id as string, openReportId: open.reportAbuse.id };
    }

    it('given case: a suspended staff member cannot read the queue, reverse their own suspension, or dismiss reports about themself; nothing changes and the log never has actor = subject', async () => {
      const { staffA, noticeId, openReportId } = await suspendedStaff();
      // As a person, they may still appeal.
      await ok(api, OPS.appeal, { input: { noticeId, statement: 'I am staff; this is wrong' } }, staffA);
      const before = await moderationSnapshot(api);
      for (const [query, variables] of [
        [OPS.queue, {}],
        [OPS.appeals, {}],
        [OPS.log, {}],
        [OPS.resolveAppeal, { input: { noticeId, upheld: false, note: 'Reversing my own suspension' } }],
        [OPS.resolveReport, { input: { reportId: openReportId, action: 'DISMISS', note: 'Not me' } }],
      ] as const) {
        const refusal = await refused(api, query, variables, staffA);
        expect(codeOf(refusal)).toBe('FORBIDDEN');
        expect(refusal.errors?.[0]?.extensions?.['reason']).toBe('STAFF_POWERS_SUSPENDED');
        expectNoLeaks(refusal.errors);
      }
      // Over graphql-ws too.
      const client = api.wsClient(staffA);
      expect(codeOf(await wsExecute(client, OPS.queue, {}))).toBe('FORBIDDEN');
      expect(codeOf(await wsExecute(client, OPS.resolveReport, { input: { reportId: openReportId, action: 'DISMISS' } }))).toBe('FORBIDDEN');
      expect(await moderationSnapshot(api)).toEqual(before);
      expect(await sql(api, `select id from moderation_log where actor_id = subject_profile_id`)).toEqual([]);
    });

    it('given case, unsuspended: staff never decide reports or appeals about themselves (OWN_CASE); another staff member can', async () => {
      const { staffA, noticeId, openReportId } = await suspendedStaff();
      await ok(api, OPS.appeal, { input: { noticeId, statement: 'Out of context' } }, staffA);
      // The suspension ends (e.g. it expired): staff-a has staff powers again, but not over their own case.
      await sql(api, `update moderation_notices set expires_at = now() - interval '1 minute' where id = ?`, [noticeId]);
      const aboutA = { reportAbuse: { id: openReportId } };
      const before = await moderationSnapshot(api);
      for (const [query, variables] of [
        [OPS.resolveReport, { input: { reportId: aboutA.reportAbuse.id, action: 'DISMISS', note: 'Not me' } }],
        [OPS.resolveAppeal, { input: { noticeId, upheld: false, note: 'Reversing my own suspension' } }],
      ] as const) {
        const refusal = await refused(api, query, variables, staffA);
        expect(codeOf(refusal)).toBe('FORBIDDEN');
        expect(refusal.errors?.[0]?.extensions?.['reason']).toBe('OWN_CASE');
      }
      expect(await moderationSnapshot(api)).toEqual(before);
      // The queue is readable again.
      await ok(api, OPS.queue, {}, staffA);
      await ok(api, OPS.resolveReport, { input: { reportId: aboutA.reportAbuse.id, action: 'DISMISS', note: 'Spam about staff' } }, staff);
      await ok(api, OPS.resolveAppeal, { input: { noticeId, upheld: true, note: 'The threat was clear' } }, staff);
      expect(await sql(api, `select id from moderation_log where actor_id = subject_profile_id`)).toEqual([]);
    });

    it('variant: staff never decide a case they raised — a report they filed themselves — nor read the count as anything but their own', async () => {
      const room = await stagedRoom(api, 'acc', { speakers: ['acc-sam'] });
      const staffC = await staffTokenFor(api, 'staff-c');
      await ok(api, OPS.joinRoom, { r: room.roomId }, staffC);
      const filed = await report(staffC, room.roomId, 'acc-sam', 'SPAM');
      // Staff powers let staff read the group's count, here 1 either way.
      expect(filed.reportAbuse.distinctReporters).toBe(1);
      const before = await moderationSnapshot(api);
      const refusal = await refused(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'WARN', note: 'I saw it' } }, staffC);
      expect(codeOf(refusal)).toBe('FORBIDDEN');
      expect(refusal.errors?.[0]?.extensions?.['reason']).toBe('OWN_CASE');
      expect(await moderationSnapshot(api)).toEqual(before);
      await ok(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'WARN', note: 'Confirmed from the room log' } }, staff);
    });
  });
});

// Issue 18: who is told what, when — follow levels, reminders, invitations, reschedule and cancel,
// the list and node(id) — through the real API, the real pg-boss jobs and the real PostgreSQL.
import { codeOf, okOn, sql, tracedStatements } from './support/graphql-helpers';
import {
  fanoutsSettled,
  NOTIFICATION_OPS as OPS,
  notificationsOf,
  type NotificationsPage,
  scheduleRoom,
  storedNotifications,
} from './support/notification-operations';
import { pollUntil } from './support/poll';
import { tokenFor, useTestApi } from './support/test-api';

describe('notifications: who is told what (issue 18)', () => {
  const api = useTestApi();
  const ok = okOn(api);
  const tokens = new Map<string, string>();
  const t = (name: string): string => {
    const token = tokens.get(name);
    if (!token) throw new Error(`no token for ${name}`);
    return token;
  };

  async function people(...names: string[]): Promise<void> {
    for (const name of names) {
      const token = await tokenFor(`n-${name}`, { name });
      tokens.set(name, token);
      await ok(`{ viewer { id } }`, {}, token);
    }
  }

  async function follow(name: string, level: 'ALL' | 'LIVE_ONLY' | 'OFF' = 'LIVE_ONLY', host = 'n-host'): Promise<void> {
    await ok(OPS.follow, { p: host }, t(name));
    if (level !== 'LIVE_ONLY') await ok(OPS.setFollowNotifications, { p: host, l: level }, t(name));
  }

  const suspend = (profileId: string) =>
    sql(
      api,
      `insert into moderation_notices (id, subject_profile_id, action, category, reason, created_at, expires_at)
       values (gen_random_uuid(), ?, 'SUSPENDED', 'HARASSMENT', 'Suspended for the test', now() - interval '1 minute', now() + interval '1 day')`,
      [profileId],
    );

  const reminderJob = async (roomId: string) =>
    (
      await sql<{ job_id: string; start_after: number | null; state: string | null }>(
        api,
        `select j.job_id, (extract(epoch from pj.start_after) * 1000)::bigint as start_after, pj.state
           from room_reminder_jobs j left join pgboss.job pj on pj.id = j.job_id where j.room_id = ?`,
        [roomId],
      )
    ).map((row) => ({ ...row, start_after: row.start_after === null ? null : Number(row.start_after) }))[0] ?? null;

  beforeEach(async () => {
    await api.clear();
    tokens.clear();
    await people('host');
  });

  it('going live tells followers at ALL and LIVE_ONLY and every reminder holder, once each; OFF hears nothing; scheduling tells only ALL', async () => {
    await people('all', 'live', 'off', 'reminded', 'both');
    await follow('all', 'ALL');
    await follow('live');
    await follow('off', 'OFF');
    await follow('both');
    const roomId = await scheduleRoom(api, t('host'), 'Launch');
    await fanoutsSettled(api);
    expect(await storedNotifications(api)).toEqual([{ recipient: 'n-all', kind: 'ROOM_SCHEDULED', room: roomId, actor: 'n-host', count: 1 }]);

    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('reminded'));
    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('both'));
    await ok(OPS.startRoom, { r: roomId }, t('host'));
    await fanoutsSettled(api);
    const live = (await storedNotifications(api)).filter((n) => n.kind === 'ROOM_LIVE');
    expect(live).toEqual(
      ['n-all', 'n-both', 'n-live', 'n-reminded'].map((recipient) => ({ recipient, kind: 'ROOM_LIVE', room: roomId, actor: 'n-host', count: 1 })),
    );
    // The starting-soon job went with the start.
    expect(await reminderJob(roomId)).toBeNull();
  });

  it("a PRIVATE room's invitees get ROOM_INVITATION; followers who are not invited hear nothing of it", async () => {
    await people('all', 'invitee');
    await follow('all', 'ALL');
    const roomId = await scheduleRoom(api, t('host'), 'Private', { visibility: 'PRIVATE', invitees: ['n-invitee'] });
    await fanoutsSettled(api);
    await ok(OPS.startRoom, { r: roomId }, t('host'));
    await fanoutsSettled(api);
    expect(await storedNotifications(api)).toEqual([{ recipient: 'n-invitee', kind: 'ROOM_INVITATION', room: roomId, actor: 'n-host', count: 1 }]);
  });

  it('never about a room the recipient may not see: blocks either way, group membership, suspension (the policy in the INSERT … SELECT)', async () => {
    await people('ok', 'blocker', 'blocked', 'suspended', 'member', 'outsider');
    for (const name of ['ok', 'blocker', 'blocked', 'suspended', 'member', 'outsider']) await follow(name, 'ALL');
    await ok(`mutation { block(profileId: "n-host") { id } }`, {}, t('blocker'));
    await ok(`mutation { block(profileId: "n-blocked") { id } }`, {}, t('host'));
    await suspend('n-suspended');
    const { createGroup } = await ok<{ createGroup: { id: string } }>(`mutation { createGroup(input: { name: "Guild", joinPolicy: OPEN }) { id } }`, {}, t('host'));
    await ok(`mutation($g: ID!) { joinGroup(groupId: $g) { id } }`, { g: createGroup.id }, t('member'));
    const publicRoom = await scheduleRoom(api, t('host'), 'Public');
    const groupRoom = await scheduleRoom(api, t('host'), 'Guild room', { visibility: 'GROUP', groupId: createGroup.id });
    await fanoutsSettled(api);
    const told = (await storedNotifications(api)).map((n) => [n.recipient, n.room === publicRoom ? 'public' : n.room === groupRoom ? 'group' : n.room]);
    expect(told.sort()).toEqual(
      [
        ['n-member', 'group'],
        ['n-member', 'public'],
        ['n-ok', 'public'],
        ['n-outsider', 'public'],
      ].sort(),
    );
  });

  it('rescheduleRoom moves the reminder job (startAfter = new time − lead) and tells reminder holders and followers at ALL', async () => {
    await people('all', 'live', 'reminded');
    await follow('all', 'ALL');
    await follow('live');
    const roomId = await scheduleRoom(api, t('host'), 'Moving', { hoursAhead: 3 });
    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('reminded'));
    await fanoutsSettled(api);
    const before = await reminderJob(roomId);
    const [row] = await sql<{ at: string }>(api, `select (extract(epoch from scheduled_for) * 1000)::bigint as at from rooms where id = ?`, [roomId]);
    expect(before?.start_after).toBe(Number(row?.at) - 10 * 60_000);
    expect(before?.state).toBe('created');

    const later = new Date(Date.now() + 5 * 3_600_000);
    later.setMilliseconds(0);
    const { rescheduleRoom } = await ok<{ rescheduleRoom: { scheduledFor: string; status: string } }>(OPS.rescheduleRoom, { r: roomId, at: later.toISOString() }, t('host'));
    expect(rescheduleRoom).toMatchObject({ status: 'SCHEDULED', scheduledFor: later.toISOString() });
    await fanoutsSettled(api);
    const after = await reminderJob(roomId);
    expect(after?.job_id).not.toBe(before?.job_id);
    expect(after?.start_after).toBe(later.getTime() - 10 * 60_000);
    // The old job is gone from the queue, not merely superseded.
    expect(await sql(api, `select id from pgboss.job where id = ?`, [before?.job_id])).toEqual([]);
    const rescheduled = (await storedNotifications(api)).filter((n) => n.kind === 'ROOM_RESCHEDULED').map((n) => n.recipient);
    expect(rescheduled).toEqual(['n-all', 'n-reminded']);
  });

  it('ROOM_STARTING_SOON comes from the reminder job once its startAfter is reached (moved to within the lead time)', async () => {
    await people('reminded', 'bystander');
    const roomId = await scheduleRoom(api, t('host'), 'Soon', { hoursAhead: 3 });
    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('reminded'));
    // Five minutes ahead is within the 10-minute lead: the moved job is due at once.
    await ok(OPS.rescheduleRoom, { r: roomId, at: new Date(Date.now() + 5 * 60_000).toISOString() }, t('host'));
    const soon = await pollUntil(
      async () => (await storedNotifications(api)).filter((n) => n.kind === 'ROOM_STARTING_SOON'),
      (rows) => rows.length > 0,
      { attempts: 600, intervalMs: 50 },
    );
    await fanoutsSettled(api);
    expect(soon).toEqual([{ recipient: 'n-reminded', kind: 'ROOM_STARTING_SOON', room: roomId, actor: null, count: 1 }]);
    expect(await reminderJob(roomId)).toBeNull();
  });

  it('rescheduleRoom refuses with a contract code and changes nothing', async () => {
    await people('other', 'reminded');
    const roomId = await scheduleRoom(api, t('host'), 'Fixed');
    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('reminded'));
    const liveRoom = await scheduleRoom(api, t('host'), 'Live');
    await ok(OPS.startRoom, { r: liveRoom }, t('host'));
    const endedRoom = await scheduleRoom(api, t('host'), 'Ended');
    await ok(OPS.cancelRoom, { r: endedRoom }, t('host'));
    await fanoutsSettled(api);
    const snapshot = async () => ({
      rooms: await sql(api, `select id, status, scheduled_for, calendar_sequence from rooms order by id`),
      jobs: await sql(api, `select room_id, job_id, send_at from room_reminder_jobs order by room_id`),
      fanouts: await sql(api, `select count(*)::int as n from notification_fanouts`),
    });
    const before = await snapshot();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['into the past', 'host', { r: roomId, at: new Date(Date.now() - 60_000).toISOString() }, 'BAD_USER_INPUT'],
      ['more than 90 days ahead', 'host', { r: roomId, at: new Date(Date.now() + 91 * 86_400_000).toISOString() }, 'BAD_USER_INPUT'],
      ['not an id', 'host', { r: 'x', at: future }, 'BAD_USER_INPUT'],
      ['an unknown room', 'host', { r: '00000000-0000-4000-8000-000000000000', at: future }, 'NOT_FOUND'],
      ['by someone else', 'other', { r: roomId, at: future }, 'FORBIDDEN'],
      ['a LIVE room', 'host', { r: liveRoom, at: future }, 'CONFLICT'],
      ['a cancelled (ENDED) room', 'host', { r: endedRoom, at: future }, 'CONFLICT'],
    ];
    for (const [name, who, variables, code] of cases) {
      const response = await api.request(OPS.rescheduleRoom, variables, t(who));
      expect([name, codeOf(response)]).toEqual([name, code]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('cancelRoom ends the SCHEDULED room with cancelled_at, removes its reminder job and tells reminder holders; refusals change nothing', async () => {
    await people('reminded', 'other', 'all');
    await follow('all', 'ALL');
    const roomId = await scheduleRoom(api, t('host'), 'Called off');
    await ok(OPS.setRoomReminder, { r: roomId, remind: true }, t('reminded'));
    const liveRoom = await scheduleRoom(api, t('host'), 'Live');
    await ok(OPS.startRoom, { r: liveRoom }, t('host'));
    await fanoutsSettled(api);
    const jobId = (await reminderJob(roomId))?.job_id;
    expect(jobId).toBeDefined();

    const refusals: [string, string, string, string][] = [
      ['by someone else', 'other', roomId, 'FORBIDDEN'],
      ['a LIVE room', 'host', liveRoom, 'CONFLICT'],
      ['an unknown room', 'host', '00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
      ['not an id', 'host', 'nope', 'BAD_USER_INPUT'],
    ];
    for (const [name, who, r, code] of refusals) {
      const response = await api.request(OPS.cancelRoom, { r }, t(who));
      expect([name, codeOf(response)]).toEqual([name, code]);
    }
    expect(await sql(api, `select status, cancelled_at from rooms where id = ?`, [roomId])).toEqual([{ status: 'SCHEDULED', cancelled_at: null }]);
    expect((await reminderJob(roomId))?.job_id).toBe(jobId);

    const { cancelRoom } = await ok<{ cancelRoom: { status: string } }>(OPS.cancelRoom, { r: roomId }, t('host'));
    expect(cancelRoom.status).toBe('ENDED');
    const [row] = await sql(api, `select status, cancelled_at is not null as cancelled, started_at from rooms where id = ?`, [roomId]);
    expect(row).toEqual({ status: 'ENDED', cancelled: true, started_at: null });
    expect(await reminderJob(roomId)).toBeNull();
    expect(await sql(api, `select id from pgboss.job where id = ?`, [jobId])).toEqual([]);
    await fanoutsSettled(api);
    const cancelled = (await storedNotifications(api)).filter((n) => n.kind === 'ROOM_CANCELLED');
    expect(cancelled).toEqual([{ recipient: 'n-reminded', kind: 'ROOM_CANCELLED', room: roomId, actor: 'n-host', count: 1 }]);
    // Once cancelled, it cannot be cancelled again.
    expect(codeOf(await api.request(OPS.cancelRoom, { r: roomId }, t('host')))).toBe('CONFLICT');
  });

  it('viewerNotifications: newest first, keyset pages, unreadOnly and unreadCount in ONE statement per page; markNotificationsRead', async () => {
    await people('fan');
    await follow('fan', 'ALL');
    const rooms: string[] = [];
    // Different hosts' rooms would fold nothing either; one host's are kept under the burst limit.
    for (let i = 0; i < 3; i += 1) {
      rooms.push(await scheduleRoom(api, t('host'), `Talk ${i}`));
      await fanoutsSettled(api);
    }
    const page1 = await tracedStatements<NotificationsPage>(api, OPS.viewerNotifications, { first: 2 }, t('fan'));
    expect(page1.statements.filter((s) => /\bnotifications\b/.test(s))).toHaveLength(1);
    const first = page1.data.viewerNotifications;
    expect(first.unreadCount).toBe(3);
    expect(first.edges.map((e) => e.node.room?.id)).toEqual([rooms[2], rooms[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await notificationsOf(api, t('fan'), { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.room?.id)).toEqual([rooms[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    // Up to and including the middle one: two change (the middle and the oldest).
    const middle = first.edges[1]?.node.id;
    expect((await ok<{ markNotificationsRead: number }>(OPS.markNotificationsRead, { id: middle }, t('fan'))).markNotificationsRead).toBe(2);
    expect((await ok<{ markNotificationsRead: number }>(OPS.markNotificationsRead, { id: middle }, t('fan'))).markNotificationsRead).toBe(0);
    const unread = await notificationsOf(api, t('fan'), { unreadOnly: true });
    expect(unread.unreadCount).toBe(1);
    expect(unread.edges.map((e) => e.node.room?.id)).toEqual([rooms[2]]);
    // An empty page still counts.
    expect((await notificationsOf(api, t('fan'), { first: 0 })).unreadCount).toBe(1);
  });

  it('markNotificationsRead and viewerNotifications refuse with a contract code and change nothing', async () => {
    await people('fan', 'other');
    await follow('fan', 'ALL');
    await scheduleRoom(api, t('host'), 'Talk');
    await fanoutsSettled(api);
    const id = (await sql<{ id: string }>(api, `select id from notifications`))[0]?.id;
    const cases: [string, string, string, Record<string, unknown>, string][] = [
      ["someone else's notification", 'other', OPS.markNotificationsRead, { id }, 'NOT_FOUND'],
      ['not an id', 'fan', OPS.markNotificationsRead, { id: 'x' }, 'BAD_USER_INPUT'],
      ['an unknown id', 'fan', OPS.markNotificationsRead, { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      ['a bad cursor', 'fan', OPS.viewerNotifications, { after: 'garbage' }, 'BAD_USER_INPUT'],
      ['a page too large', 'fan', OPS.viewerNotifications, { first: 1000 }, 'BAD_USER_INPUT'],
      ['signed out', '', OPS.viewerNotifications, {}, 'UNAUTHENTICATED'],
    ];
    for (const [name, who, query, variables, code] of cases) {
      const response = await api.request(query, variables, who ? t(who) : null);
      expect([name, codeOf(response)]).toEqual([name, code]);
    }
    expect(await sql(api, `select read_at from notifications`)).toEqual([{ read_at: null }]);
  });

  it('node(id) resolves a notification for its recipient only; a block since hides it from the list and node alike', async () => {
    await people('fan', 'other');
    await follow('fan', 'ALL');
    const roomId = await scheduleRoom(api, t('host'), 'Talk');
    await fanoutsSettled(api);
    const id = (await sql<{ id: string }>(api, `select id from notifications`))[0]?.id;
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Notification { kind room { id } } } }`;
    expect((await ok<{ node: unknown }>(NODE, { id }, t('fan'))).node).toEqual({ __typename: 'Notification', id, kind: 'ROOM_SCHEDULED', room: { id: roomId } });
    expect((await ok<{ node: unknown }>(NODE, { id }, t('other'))).node).toBeNull();
    await ok(`mutation { block(profileId: "n-fan") { id } }`, {}, t('host'));
    expect((await ok<{ node: unknown }>(NODE, { id }, t('fan'))).node).toBeNull();
    expect(await notificationsOf(api, t('fan'))).toMatchObject({ unreadCount: 0, edges: [] });
  });
});

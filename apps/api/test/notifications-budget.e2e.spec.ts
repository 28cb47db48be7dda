// Issue 18: the notification budget, one test per rule, each named after the rule it holds:
// - rule 1, go-live: at most NOTIFY_LIVE_PER_HOST_PER_DAY go-live notifications per host per
//   follower per 24 h; beyond that they fold into ONE unread DIGEST whose count grows;
// - rule 2, burst: notifications of one kind from one actor beyond NOTIFY_BURST_LIMIT within
//   NOTIFY_BURST_WINDOW_SECONDS fold the same way;
// - a DIGEST is updated only while unread: once read, the next fold starts a new one.
import { okOn, sql } from './support/graphql-helpers';
import { fanoutsSettled, NOTIFICATION_OPS as OPS, scheduleRoom, storedNotifications } from './support/notification-operations';
import { type TestApi, tokenFor, useTestApi } from './support/test-api';

async function signIn(api: TestApi, ...names: string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const name of names) {
    const token = await tokenFor(`b-${name}`, { name });
    tokens.set(name, token);
    await okOn(api)(`{ viewer { id } }`, {}, token);
  }
  return tokens;
}

/** A room created LIVE (no schedule) by `token`, then ended so the host may open the next. */
async function goLive(api: TestApi, token: string, title: string): Promise<string> {
  const ok = okOn(api);
  const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation($t: String!) { createRoom(input: { title: $t }) { id status } }`, { t: title }, token);
  await fanoutsSettled(api);
  await ok(`mutation($r: ID!) { endRoom(roomId: $r) { id } }`, { r: createRoom.id }, token);
  return createRoom.id;
}

const kindsOf = async (api: TestApi, recipient: string) =>
  (await storedNotifications(api)).filter((n) => n.recipient === recipient).map((n) => `${n.kind}×${n.count}`);

describe('budget rule 1, go-live: NOTIFY_LIVE_PER_HOST_PER_DAY per host per follower per 24 h, then one DIGEST', () => {
  // The burst rule out of the way, so this rule alone decides.
  const api = useTestApi({ NOTIFY_LIVE_PER_HOST_PER_DAY: '3', NOTIFY_BURST_LIMIT: '1000' });
  let tokens: Map<string, string>;
  const t = (name: string) => tokens.get(name) as string;

  beforeEach(async () => {
    await api.clear();
    tokens = await signIn(api, 'host', 'other-host', 'fan', 'quiet');
    const ok = okOn(api);
    for (const host of ['b-host', 'b-other-host']) await ok(OPS.follow, { p: host }, t('fan'));
    await ok(OPS.follow, { p: 'b-host' }, t('quiet'));
    await ok(OPS.setFollowNotifications, { p: 'b-host', l: 'OFF' }, t('quiet'));
  });

  it('the 4th and 5th go-live from one host within 24 h fold into ONE unread DIGEST with count 2 (no new rows)', async () => {
    const rooms: string[] = [];
    for (let i = 0; i < 5; i += 1) rooms.push(await goLive(api, t('host'), `Live ${i}`));
    expect(await kindsOf(api, 'b-fan')).toEqual(['DIGEST×2', 'ROOM_LIVE×1', 'ROOM_LIVE×1', 'ROOM_LIVE×1']);
    const [digest] = await sql<{ room_id: string; actor_id: string; read_at: null }>(api, `select room_id, actor_id, read_at from notifications where kind = 'DIGEST'`);
    // The digest points at the latest room and names the host.
    expect(digest).toEqual({ room_id: rooms[4], actor_id: 'b-host', read_at: null });
    expect(await kindsOf(api, 'b-quiet')).toEqual([]);
  });

  it('the budget is per host: another host going live is not folded', async () => {
    for (let i = 0; i < 3; i += 1) await goLive(api, t('host'), `Live ${i}`);
    await goLive(api, t('other-host'), 'Other');
    expect((await storedNotifications(api)).filter((n) => n.actor === 'b-other-host').map((n) => n.kind)).toEqual(['ROOM_LIVE']);
  });

  it('the window is 24 h: go-lives older than that no longer count', async () => {
    for (let i = 0; i < 3; i += 1) await goLive(api, t('host'), `Live ${i}`);
    await sql(api, `update notifications set created_at = created_at - interval '25 hours'`);
    await goLive(api, t('host'), 'Next day');
    expect(await kindsOf(api, 'b-fan')).toEqual(['ROOM_LIVE×1', 'ROOM_LIVE×1', 'ROOM_LIVE×1', 'ROOM_LIVE×1']);
  });

  it('a DIGEST is updated only while unread: once read, the next fold starts a new one', async () => {
    for (let i = 0; i < 4; i += 1) await goLive(api, t('host'), `Live ${i}`);
    const [newest] = await sql<{ id: string }>(api, `select id from notifications order by created_at desc, id desc limit 1`);
    await okOn(api)(OPS.markNotificationsRead, { id: newest?.id }, t('fan'));
    await goLive(api, t('host'), 'Live 4');
    const digests = await sql(api, `select count, read_at is not null as read from notifications where kind = 'DIGEST' order by created_at`);
    expect(digests).toEqual([
      { count: 1, read: true },
      { count: 1, read: false },
    ]);
  });

  it('reminder holders are outside the go-live budget: they asked for that room', async () => {
    for (let i = 0; i < 3; i += 1) await goLive(api, t('host'), `Live ${i}`);
    const roomId = await scheduleRoom(api, t('host'), 'Asked for');
    await okOn(api)(OPS.setRoomReminder, { r: roomId, remind: true }, t('fan'));
    await okOn(api)(OPS.startRoom, { r: roomId }, t('host'));
    await fanoutsSettled(api);
    expect((await storedNotifications(api)).filter((n) => n.room === roomId).map((n) => `${n.recipient} ${n.kind}`)).toEqual(['b-fan ROOM_LIVE']);
  });
});

describe('budget rule 2, burst: one kind from one actor beyond NOTIFY_BURST_LIMIT within NOTIFY_BURST_WINDOW_SECONDS folds', () => {
  const api = useTestApi({ NOTIFY_BURST_LIMIT: '2', NOTIFY_BURST_WINDOW_SECONDS: '600' });
  let tokens: Map<string, string>;
  const t = (name: string) => tokens.get(name) as string;

  beforeEach(async () => {
    await api.clear();
    tokens = await signIn(api, 'host', 'fan');
    await okOn(api)(OPS.follow, { p: 'b-host' }, t('fan'));
    await okOn(api)(OPS.setFollowNotifications, { p: 'b-host', l: 'ALL' }, t('fan'));
  });

  it('four ROOM_SCHEDULED from one host in a burst: two rows, then ONE DIGEST with count 2', async () => {
    for (let i = 0; i < 4; i += 1) {
      await scheduleRoom(api, t('host'), `Series ${i}`);
      await fanoutsSettled(api);
    }
    expect(await kindsOf(api, 'b-fan')).toEqual(['DIGEST×2', 'ROOM_SCHEDULED×1', 'ROOM_SCHEDULED×1']);
    expect((await sql(api, `select fold_key from notifications where kind = 'DIGEST'`))).toEqual([{ fold_key: 'ROOM_SCHEDULED:b-host' }]);
  });

  it('outside the window the burst is over: the next one is a row of its own', async () => {
    for (let i = 0; i < 2; i += 1) {
      await scheduleRoom(api, t('host'), `Series ${i}`);
      await fanoutsSettled(api);
    }
    await sql(api, `update notifications set created_at = created_at - interval '11 minutes'`);
    await scheduleRoom(api, t('host'), 'Later');
    await fanoutsSettled(api);
    expect(await kindsOf(api, 'b-fan')).toEqual(['ROOM_SCHEDULED×1', 'ROOM_SCHEDULED×1', 'ROOM_SCHEDULED×1']);
  });
});

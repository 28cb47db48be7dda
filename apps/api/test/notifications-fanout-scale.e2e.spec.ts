// Issue 18: fan-out at scale and live delivery. startRoom only enqueues (a bounded number of SQL
// statements, whatever the number of followers, and no notification row in its transaction); jobs
// write the rows in batches of NOTIFY_FANOUT_BATCH (one INSERT … SELECT each) and announce each
// batch in ONE publish; every connected subscriber gets its own notifications only, re-checked
// against the access policy at delivery; across two instances through Redis.
import { okOn, sql, tracedStatements } from './support/graphql-helpers';
import { fanoutsSettled, NOTIFICATION_OPS as OPS, scheduleRoom } from './support/notification-operations';
import { pollUntil } from './support/poll';
import { useRedis } from './support/use-redis';
import { Collector, startTestApi, type TestApi, tokenFor, useTestApi } from './support/test-api';

const FOLLOWERS = 10_000;

/** `n` follower profiles `<prefix>00000…` following `hostId` at LIVE_ONLY, seeded in two statements. */
async function seedFollowers(api: TestApi, hostId: string, prefix: string, n: number): Promise<void> {
  await sql(
    api,
    `insert into profiles (id, display_name) select ? || lpad(i::text, 5, '0'), 'Follower ' || i from generate_series(0, ? - 1) i on conflict do nothing`,
    [prefix, n],
  );
  await sql(api, `insert into follows (follower_id, followee_id) select ? || lpad(i::text, 5, '0'), ? from generate_series(0, ? - 1) i`, [prefix, hostId, n]);
}

interface Added {
  viewerNotificationAdded: { id: string; kind: string; count: number; room: { id: string } | null; actor: { id: string } | null };
}

describe('fan-out at scale (10,000 followers) and live delivery', () => {
  const api = useTestApi();
  const ok = okOn(api);

  beforeEach(async () => {
    await api.clear();
  });

  it('startRoom only enqueues: the same bounded statements for 10 followers and for 10,000, none writing a notification; then every row arrives in batches', async () => {
    const small = await tokenFor('s-small-host');
    const big = await tokenFor('s-big-host');
    for (const token of [small, big]) await ok(`{ viewer { id } }`, {}, token);
    await seedFollowers(api, 's-small-host', 's-few-', 10);
    await seedFollowers(api, 's-big-host', 's-many-', FOLLOWERS);
    const smallRoom = await scheduleRoom(api, small, 'Small');
    const bigRoom = await scheduleRoom(api, big, 'Big');
    await fanoutsSettled(api);

    const few = await tracedStatements(api, OPS.startRoom, { r: smallRoom }, small);
    await fanoutsSettled(api);
    const announcedBefore = api.api.server.services.notificationDelivery.announcements;
    const worker: string[] = [];
    const stop = api.api.db.onQuery((statement, requestId) => {
      if (requestId === null) worker.push(statement);
    });
    let many: { statements: string[] };
    try {
      many = await tracedStatements(api, OPS.startRoom, { r: bigRoom }, big);
      await fanoutsSettled(api);
    } finally {
      stop();
    }
    expect(many.statements.length).toBe(few.statements.length);
    // The command's own statements never write notifications: the jobs do, after it committed.
    expect(many.statements.filter((s) => /insert into notifications\b/i.test(s))).toEqual([]);
    expect(many.statements.filter((s) => /insert into notification_fanouts/i.test(s))).toHaveLength(1);

    const [{ n }] = (await sql<{ n: number }>(api, `select count(*)::int as n from notifications where room_id = ? and kind = 'ROOM_LIVE'`, [bigRoom])) as [{ n: number }];
    expect(n).toBe(FOLLOWERS);
    // Batches, not a statement (or a transaction) per follower: 10,000 / 5,000 = 2 writing batches,
    // plus the empty batch that finds the audience exhausted and the reminder holders' (none).
    const batches = worker.filter((s) => /with batch as/i.test(s));
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.length).toBeLessThanOrEqual(4);
    expect(worker.filter((s) => /^\s*begin\b/i.test(s)).length).toBeLessThanOrEqual(batches.length + 2);
    // One publish per batch that wrote rows.
    expect(api.api.server.services.notificationDelivery.announcements - announcedBefore).toBe(2);
  });

  it('live delivery: each connected follower receives its own notification only, one publish per batch; a non-follower none', async () => {
    const host = await tokenFor('s-live-host');
    await ok(`{ viewer { id } }`, {}, host);
    await seedFollowers(api, 's-live-host', 's-sub-', 30);
    const roomId = await scheduleRoom(api, host, 'Live now');
    await fanoutsSettled(api);
    const subscribers = await Promise.all(Array.from({ length: 20 }, (_, i) => tokenFor(`s-sub-${String(i).padStart(5, '0')}`)));
    const outsiderToken = await tokenFor('s-outsider');
    await ok(`{ viewer { id } }`, {}, outsiderToken);
    const collectors = subscribers.map((token) => {
      const collector = new Collector<Added>();
      api.wsClient(token).subscribe({ query: OPS.viewerNotificationAdded }, collector.sink);
      return collector;
    });
    const outsider = new Collector<Added>();
    api.wsClient(outsiderToken).subscribe({ query: OPS.viewerNotificationAdded }, outsider.sink);
    const delivery = api.api.server.services.notificationDelivery;
    expect(await pollUntil(() => delivery.connectedCount(), (count) => count >= 21)).toBe(21);

    const announcedBefore = delivery.announcements;
    await ok(OPS.startRoom, { r: roomId }, host);
    await fanoutsSettled(api);
    await Promise.all(collectors.map((collector) => collector.count(1)));
    const rows = await sql<{ id: string; recipient_id: string }>(api, `select id, recipient_id from notifications where room_id = ? and kind = 'ROOM_LIVE'`, [roomId]);
    const idOf = new Map(rows.map((row) => [row.recipient_id, row.id]));
    collectors.forEach((collector, i) => {
      const recipient = `s-sub-${String(i).padStart(5, '0')}`;
      expect(collector.items).toEqual([
        { viewerNotificationAdded: { id: idOf.get(recipient), kind: 'ROOM_LIVE', count: 1, room: { id: roomId }, actor: { id: 's-live-host' } } },
      ]);
    });
    expect(outsider.items).toEqual([]);
    expect(delivery.announcements - announcedBefore).toBe(1);
  });

  it('delivery re-checks the access policy: a notification about a room the recipient may no longer see is not delivered', async () => {
    const host = await tokenFor('s-check-host');
    const [kept, blocked] = await Promise.all([tokenFor('s-kept'), tokenFor('s-blocked')]);
    for (const token of [host, kept, blocked]) await ok(`{ viewer { id } }`, {}, token);
    for (const token of [kept, blocked]) {
      await ok(OPS.follow, { p: 's-check-host' }, token);
      await ok(OPS.setFollowNotifications, { p: 's-check-host', l: 'ALL' }, token);
    }
    await scheduleRoom(api, host, 'Checked');
    await fanoutsSettled(api);
    const rows = await sql<{ id: string; recipient_id: string }>(api, `select id, recipient_id from notifications order by recipient_id`);
    expect(rows.map((row) => row.recipient_id)).toEqual(['s-blocked', 's-kept']);
    const keptCollector = new Collector<Added>();
    const blockedCollector = new Collector<Added>();
    api.wsClient(kept).subscribe({ query: OPS.viewerNotificationAdded }, keptCollector.sink);
    api.wsClient(blocked).subscribe({ query: OPS.viewerNotificationAdded }, blockedCollector.sink);
    const delivery = api.api.server.services.notificationDelivery;
    await pollUntil(() => delivery.connectedCount(), (count) => count >= 2);
    // Written before the block; announced after it (as a batch in flight would be).
    await ok(`mutation { block(profileId: "s-blocked") { id } }`, {}, host);
    await delivery.announce(rows.map((row) => [row.id, row.recipient_id] as const));
    await keptCollector.count(1);
    // The same message carried both rows; the kept one arrived, so the blocked one was read and withheld.
    expect(keptCollector.items.map((item) => item.viewerNotificationAdded.id)).toEqual([rows[1]?.id]);
    expect(blockedCollector.items).toEqual([]);
  });
});

const redis = useRedis('notification two-instance test (apps/api/test/notifications-fanout-scale.e2e.spec.ts)');
(redis.available ? describe : describe.skip)('viewerNotificationAdded across two instances sharing one Redis', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startTestApi({ REDIS_URL: redis.url() });
    b = await startTestApi({ REDIS_URL: redis.url() });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a room started on instance A reaches its follower subscribed on instance B, and only them', async () => {
    await a.clear();
    b.api.server.services.profiles.forgetKnownProfiles();
    const host = await tokenFor('s-duo-host');
    const fan = await tokenFor('s-duo-fan');
    const stranger = await tokenFor('s-duo-stranger');
    for (const token of [host, fan, stranger]) await okOn(a)(`{ viewer { id } }`, {}, token);
    await okOn(a)(OPS.follow, { p: 's-duo-host' }, fan);
    const roomId = await scheduleRoom(a, host, 'Two instances');
    const onB = new Collector<Added>();
    const strangerOnB = new Collector<Added>();
    b.wsClient(fan).subscribe({ query: OPS.viewerNotificationAdded }, onB.sink);
    b.wsClient(stranger).subscribe({ query: OPS.viewerNotificationAdded }, strangerOnB.sink);
    await pollUntil(() => b.api.server.services.notificationDelivery.connectedCount(), (count) => count >= 2);
    await okOn(a)(OPS.startRoom, { r: roomId }, host);
    await onB.count(1);
    expect(onB.items.map((item) => [item.viewerNotificationAdded.kind, item.viewerNotificationAdded.room?.id])).toEqual([['ROOM_LIVE', roomId]]);
    await fanoutsSettled(a);
    expect(strangerOnB.items).toEqual([]);
  });
});

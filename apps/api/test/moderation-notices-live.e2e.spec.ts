// Issue 18 — outside a room nothing is live: a new moderation notice and an appeal's outcome reach
// the affected viewer's open `viewerModerationNoticeChanged` subscription over real graphql-ws,
// and nobody else's; a socket without sign-in is refused.
import { capturingLogger } from './hardening/support/hardening';
import { pollUntil } from './support/poll';
import { describeWithRedisServer, type RedisServerUnderTest, startRedisServer } from './support/redis-server';
import { staffTokenFor } from './support/staff';
import { Collector, startTestApi, type TestApi, useTestApi } from './support/test-api';
import { OPS, ok, sql, stagedRoom } from './support/trust-and-safety-operations';
import { useRedis } from './support/use-redis';

const CHANGED = `subscription { viewerModerationNoticeChanged {
  id action category reason expiresAt room { id } appeal { status statement decisionNote } } }`;

interface Changed {
  viewerModerationNoticeChanged: {
    id: string;
    action: string;
    category: string;
    reason: string;
    expiresAt: string | null;
    room: { id: string } | null;
    appeal: { status: string; statement: string; decisionNote: string | null } | null;
  };
}

/** `reporter` reports `subject` in `roomId`, and staff resolve the report with a warning (which issues `subject` a notice). */
async function reportAndWarn(
  api: TestApi,
  staff: string,
  report: { roomId: string; subject: string; reporter: string; category: string; details: string; note: string },
): Promise<void> {
  const { reportAbuse } = await ok<{ reportAbuse: { id: string } }>(
    api,
    OPS.reportAbuse,
    { input: { roomId: report.roomId, profileId: report.subject, category: report.category, details: report.details } },
    report.reporter,
  );
  await ok(api, OPS.resolveReport, { input: { reportId: reportAbuse.id, action: 'WARN', note: report.note } }, staff);
}

describe('viewerModerationNoticeChanged (issue 18)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });

  it("a staff decision's notice reaches its subject's open subscription and not another's; its appeal, filed and decided, reaches the subject again", async () => {
    await api.clear();
    const staff = await staffTokenFor(api, 'live-staff');
    const { roomId, tokens } = await stagedRoom(api, 'live', { speakers: ['live-ann'], listeners: ['live-bob'] });
    const ann = tokens['live-ann']!;
    const bob = tokens['live-bob']!;
    const onAnn = new Collector<Changed>();
    const onBob = new Collector<Changed>();
    api.wsClient(ann).subscribe({ query: CHANGED }, onAnn.sink);
    api.wsClient(bob).subscribe({ query: CHANGED }, onBob.sink);
    const delivery = api.api.server.services.moderationNoticeDelivery;
    expect(await pollUntil(() => delivery.connectedCount(), (n) => n >= 2)).toBe(2);

    await reportAndWarn(api, staff, { roomId, subject: 'live-ann', reporter: bob, category: 'HARASSMENT', details: 'live notice', note: 'Please keep it civil' });
    await onAnn.count(1);
    const created = onAnn.items[0]!.viewerModerationNoticeChanged;
    expect(created).toMatchObject({ action: 'WARNED', category: 'HARASSMENT', room: { id: roomId }, appeal: null });
    // The notice delivered is the one the notices page reads.
    const { viewerModerationNotices } = await ok<{ viewerModerationNotices: { edges: { node: { id: string; reason: string } }[] } }>(api, OPS.notices, {}, ann);
    expect(viewerModerationNotices.edges.map((edge) => [edge.node.id, edge.node.reason])).toEqual([[created.id, created.reason]]);

    await ok(api, OPS.appeal, { input: { noticeId: created.id, statement: 'I was quoting the question back' } }, ann);
    await onAnn.count(2);
    expect(onAnn.items[1]!.viewerModerationNoticeChanged).toMatchObject({ id: created.id, appeal: { status: 'OPEN', statement: 'I was quoting the question back' } });

    await ok(api, OPS.resolveAppeal, { input: { noticeId: created.id, upheld: false, note: 'Quoting is fine' } }, staff);
    await onAnn.count(3);
    expect(onAnn.items[2]!.viewerModerationNoticeChanged).toMatchObject({ id: created.id, appeal: { status: 'REVERSED', decisionNote: 'Quoting is fine' } });
    expect(onAnn.items).toHaveLength(3);
    expect(onAnn.errors).toEqual([]);

    // Bob, the reporter, got none of Ann's notices: a notice of his own, afterwards, is his first item.
    await reportAndWarn(api, staff, { roomId, subject: 'live-bob', reporter: ann, category: 'SPAM', details: 'live notice 2', note: 'No spam' });
    await onBob.count(1);
    expect(onBob.items.map((item) => item.viewerModerationNoticeChanged.action)).toEqual(['WARNED']);
    expect(onBob.items[0]!.viewerModerationNoticeChanged.id).not.toBe(created.id);
    expect(onAnn.items).toHaveLength(3);
  });

  it('refuses a socket without sign-in (4401), and holds no subscription for it', async () => {
    const delivery = api.api.server.services.moderationNoticeDelivery;
    const before = delivery.connectedCount();
    const closed = await new Promise<{ code: number }>((resolve) => {
      const client = api.wsClient(null);
      client.on('closed', (event) => resolve(event as { code: number }));
      client.subscribe({ query: CHANGED }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(closed.code).toBe(4401);
    expect(delivery.connectedCount()).toBe(before);
  });
});

const redis = useRedis('moderation notice two-instance test (apps/api/test/moderation-notices-live.e2e.spec.ts)');
(redis.available ? describe : describe.skip)('viewerModerationNoticeChanged across two instances sharing one Redis', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startTestApi({ REDIS_URL: redis.url(), REPORT_RATE_LIMIT: '1000' });
    b = await startTestApi({ REDIS_URL: redis.url() });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a decision taken on instance A reaches its subject subscribed on instance B, and only them', async () => {
    await a.clear();
    b.api.server.services.profiles.forgetKnownProfiles();
    const staff = await staffTokenFor(a, 'duo-staff');
    const { roomId, tokens } = await stagedRoom(a, 'duo', { speakers: ['duo-ann'], listeners: ['duo-bob'] });
    const onB = new Collector<Changed>();
    const bobOnB = new Collector<Changed>();
    b.wsClient(tokens['duo-ann']!).subscribe({ query: CHANGED }, onB.sink);
    b.wsClient(tokens['duo-bob']!).subscribe({ query: CHANGED }, bobOnB.sink);
    expect(await pollUntil(() => b.api.server.services.moderationNoticeDelivery.connectedCount(), (n) => n >= 2)).toBe(2);
    await reportAndWarn(a, staff, { roomId, subject: 'duo-ann', reporter: tokens['duo-bob']!, category: 'HARASSMENT', details: 'two instances', note: 'Across instances' });
    await onB.count(1);
    expect(onB.items.map((item) => item.viewerModerationNoticeChanged.action)).toEqual(['WARNED']);
    expect(b.api.server.services.moderationNoticeDelivery.deliveryReads).toBe(1);
    expect(bobOnB.items).toEqual([]);
  });
});

describeWithRedisServer('viewerModerationNoticeChanged while Redis is down', () => {
  let own: RedisServerUnderTest;
  let api: TestApi;
  const log = capturingLogger();

  beforeAll(async () => {
    own = await startRedisServer();
    api = await startTestApi({ REDIS_URL: own.url, REPORT_RATE_LIMIT: '1000', RATE_LIMIT_KEY_PREFIX: `notices-outage-${process.pid}` }, { logger: log.logger });
  });
  afterAll(async () => {
    await api?.stop();
    await own?.close();
  });

  it('the decision stands and its notice is stored; the failed announcement is one warning', async () => {
    await api.clear();
    const staff = await staffTokenFor(api, 'down-staff');
    const { roomId, tokens } = await stagedRoom(api, 'down', { speakers: ['down-ann'], listeners: ['down-bob'] });
    const { reportAbuse } = await ok<{ reportAbuse: { id: string } }>(
      api,
      OPS.reportAbuse,
      { input: { roomId, profileId: 'down-ann', category: 'HARASSMENT', details: 'outage' } },
      tokens['down-bob']!,
    );
    await own.stop();
    const { resolveReport } = await ok<{ resolveReport: { status: string } }>(
      api,
      OPS.resolveReport,
      { input: { reportId: reportAbuse.id, action: 'WARN', note: 'While Redis is down' } },
      staff,
    );
    expect(resolveReport.status).not.toBe('OPEN');
    expect(await sql(api, `select action, reason from moderation_notices where subject_profile_id = 'down-ann'`)).toEqual([
      { action: 'WARNED', reason: expect.stringContaining('While Redis is down') },
    ]);
    const warnings = log.lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('announcing moderation notices failed'));
    expect(warnings.map((line) => line.level)).toEqual([40]);
  });
});

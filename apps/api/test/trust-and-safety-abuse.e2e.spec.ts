// Abuse of the safety tools themselves: spam reports, reports by non-participants and
// self-reports, one account reporting many times, many accounts from one place.
import { startTestApi, type TestApi, tokenFor } from './support/test-api';
import { expectNoLeaks } from './support/graphql-helpers';
import { codeOf, establishAccounts, moderationSnapshot, ok, OPS, refused, sql, stagedRoom } from './support/trust-and-safety-operations';

describe('trust and safety: abuse of the tools', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ REPORT_RATE_LIMIT: '4', REPORT_RATE_WINDOW_MS: '600000' });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
  });

  const reportInput = (roomId: string, profileId: string | null, category = 'HARASSMENT', details: string | null = null) => ({
    input: { roomId, profileId, category, details },
  });

  const speakerRole = async (roomId: string, profileId: string) =>
    (await sql<{ role: string }>(api, `select role from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, profileId]))[0]?.role;

  it('spam reports: past REPORT_RATE_LIMIT per window the reporter is RATE_LIMITED and nothing is stored; others are unaffected', async () => {
    const room = await stagedRoom(api, 'spam', { speakers: ['spam-a', 'spam-b', 'spam-c', 'spam-d', 'spam-e'], listeners: ['spammer', 'spam-other'] });
    const spammer = room.tokens['spammer'] as string;
    for (const target of ['spam-a', 'spam-b', 'spam-c', 'spam-d']) await ok(api, OPS.reportAbuse, reportInput(room.roomId, target, 'SPAM'), spammer);
    const before = await moderationSnapshot(api);
    const limited = await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'spam-e', 'SPAM'), spammer);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.['retryAfterSeconds']).toEqual(expect.any(Number));
    expect(await moderationSnapshot(api)).toEqual(before);
    // Refused attempts count too: spamming harder never gets through.
    expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'spam-e', 'SPAM'), spammer))).toBe('RATE_LIMITED');
    await ok(api, OPS.reportAbuse, reportInput(room.roomId, 'spam-e', 'SPAM'), room.tokens['spam-other'] as string);
  });

  it('reports by non-participants: never joined → FORBIDDEN; left up to 15 minutes ago → accepted; later → FORBIDDEN; invisible room → NOT_FOUND', async () => {
    const room = await stagedRoom(api, 'np', { speakers: ['np-sam'], listeners: ['np-left', 'np-long-gone'] });
    const outsider = await tokenFor('np-outsider');
    const before = await moderationSnapshot(api);
    const never = await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'np-sam'), outsider);
    expect(codeOf(never)).toBe('FORBIDDEN');
    expect(never.errors?.[0]?.message).toMatch(/15 minutes/);
    expect(await moderationSnapshot(api)).toEqual(before);

    for (const id of ['np-left', 'np-long-gone']) await ok(api, OPS.leaveRoom, { r: room.roomId }, room.tokens[id] as string);
    await sql(api, `update participants set left_at = now() - interval '5 minutes' where profile_id = 'np-left'`);
    await sql(api, `update participants set left_at = now() - interval '16 minutes' where profile_id = 'np-long-gone'`);
    const late = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, reportInput(room.roomId, 'np-sam'), room.tokens['np-left'] as string);
    expect(late.reportAbuse.id).toEqual(expect.any(String));
    expect((await sql<{ evidence: { reporterRole: string | null } }>(api, `select evidence from reports where id = ?`, [late.reportAbuse.id]))[0]?.evidence.reporterRole).toBeNull();
    expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'np-sam'), room.tokens['np-long-gone'] as string))).toBe('FORBIDDEN');

    const { createRoom } = await ok<{ createRoom: { id: string } }>(api, `mutation { createRoom(input: { title: "Private", visibility: PRIVATE }) { id } }`, {}, room.tokens[room.host] as string);
    expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(createRoom.id, room.host), outsider))).toBe('NOT_FOUND');
  });

  it('self-reports and bad input are BAD_USER_INPUT naming the field; an unknown profile is NOT_FOUND; none of it changes anything or leaks', async () => {
    const room = await stagedRoom(api, 'bad', { speakers: ['bad-sam'], listeners: ['bad-ann'] });
    const ann = room.tokens['bad-ann'] as string;
    const before = await moderationSnapshot(api);
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [reportInput(room.roomId, 'bad-ann'), 'BAD_USER_INPUT', 'profileId'],
      [reportInput(room.roomId, 'bad-sam', 'HARASSMENT', 'x'.repeat(1001)), 'BAD_USER_INPUT', 'details'],
      [reportInput('not-a-uuid', 'bad-sam'), 'BAD_USER_INPUT', 'roomId'],
      [reportInput(room.roomId, 'bad id with spaces'), 'BAD_USER_INPUT', 'profileId'],
      [reportInput(room.roomId, 'bad-nobody'), 'NOT_FOUND', undefined],
      [reportInput('00000000-0000-4000-8000-000000000000', 'bad-sam'), 'NOT_FOUND', undefined],
    ];
    for (const [variables, code, field] of cases) {
      const response = await refused(api, OPS.reportAbuse, variables, ann);
      expect(codeOf(response)).toBe(code);
      if (field) expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
      expectNoLeaks(response.errors);
    }
    // An unknown category never reaches a resolver: the enum refuses it.
    expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'bad-sam', 'RUDE'), ann))).toBe('BAD_USER_INPUT');
    expect(await moderationSnapshot(api)).toEqual(before);
  });

  it('one account reporting many times: one open report per target, and it never mutes anyone alone', async () => {
    const room = await stagedRoom(api, 'one', { speakers: ['one-sam'], listeners: ['one-troll'] });
    const troll = room.tokens['one-troll'] as string;
    await ok(api, OPS.reportAbuse, reportInput(room.roomId, 'one-sam', 'HATE_SPEECH'), troll);
    for (const category of ['HARASSMENT', 'VIOLENCE']) {
      expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(room.roomId, 'one-sam', category), troll))).toBe('CONFLICT');
    }
    // A report about the room itself is a different target.
    await ok(api, OPS.reportAbuse, reportInput(room.roomId, null, 'OTHER'), troll);
    // Every attempt counted against the limit (REPORT_RATE_LIMIT=4 here), refused ones included.
    expect(codeOf(await refused(api, OPS.reportAbuse, reportInput(room.roomId, null, 'SPAM'), troll))).toBe('RATE_LIMITED');
    expect(await sql(api, `select id from reports`)).toHaveLength(2);
    expect(await speakerRole(room.roomId, 'one-sam')).toBe('SPEAKER');
    expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
  });

  it('many accounts from one place (same source key) count as one reporter; distinct places add up', async () => {
    const room = await stagedRoom(api, 'ip', { speakers: ['ip-sam', 'ip-sue'], listeners: ['ip-1', 'ip-2', 'ip-3', 'ip-4', 'ip-5', 'ip-6'] });
    await establishAccounts(api, ['ip-1', 'ip-2', 'ip-3', 'ip-4', 'ip-5', 'ip-6']);
    const reporting = api.api.server.services.reporting;
    const viewer = (profileId: string) => ({ profileId, name: profileId, isStaff: false });
    const file = (reporter: string, target: string, sourceKey: string) =>
      reporting.reportAbuse(api.api.db.orm.em.fork(), viewer(reporter), { roomId: room.roomId, profileId: target, category: 'HATE_SPEECH' }, sourceKey);
    for (const reporter of ['ip-1', 'ip-2', 'ip-3']) await file(reporter, 'ip-sam', 'net-a');
    expect(await speakerRole(room.roomId, 'ip-sam')).toBe('SPEAKER');
    expect(await sql(api, `select source_key from reports where reported_profile_id = 'ip-sam'`)).toEqual([
      { source_key: 'net-a' },
      { source_key: 'net-a' },
      { source_key: 'net-a' },
    ]);
    for (const [reporter, key] of [['ip-4', 'net-b'], ['ip-5', 'net-c'], ['ip-6', 'net-d']] as const) await file(reporter, 'ip-sue', key);
    // Muted where she stands: the automatic mute changes no role.
    expect(await speakerRole(room.roomId, 'ip-sue')).toBe('SPEAKER');
    expect(await sql(api, `select muted from participants where room_id = ? and profile_id = 'ip-sue' and left_at is null`, [room.roomId])).toEqual([{ muted: true }]);
  });

  it('reports from accounts that are not on stage, or about a listener, never mute anyone', async () => {
    const room = await stagedRoom(api, 'lst', { listeners: ['lst-bob', 'lst-1', 'lst-2', 'lst-3'] });
    await establishAccounts(api, ['lst-1', 'lst-2', 'lst-3']);
    for (const reporter of ['lst-1', 'lst-2', 'lst-3']) await ok(api, OPS.reportAbuse, reportInput(room.roomId, 'lst-bob', 'HATE_SPEECH'), room.tokens[reporter] as string);
    expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
    expect(await sql(api, `select id from moderation_log`)).toEqual([]);
  });
});

describe('trust and safety: many accounts from one network, over HTTP (REPORT_SOURCE_BY_NETWORK)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ REPORT_SOURCE_BY_NETWORK: 'true' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('three accounts reporting from one network (here all 127.0.0.1) count as one reporter: nobody is muted', async () => {
    await api.clear();
    const room = await stagedRoom(api, 'net', { speakers: ['net-sam'], listeners: ['net-1', 'net-2', 'net-3'] });
    // Established, so only the shared network (not the accounts' age) keeps them from adding up.
    await establishAccounts(api, ['net-1', 'net-2', 'net-3']);
    for (const reporter of ['net-1', 'net-2', 'net-3']) {
      await ok(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'net-sam', category: 'HATE_SPEECH', details: null } }, room.tokens[reporter] as string);
    }
    const [sam] = await sql<{ role: string; muted: boolean }>(api, `select role, muted from participants where room_id = ? and profile_id = 'net-sam' and left_at is null`, [room.roomId]);
    expect(sam).toEqual({ role: 'SPEAKER', muted: false });
    const keys = await sql<{ source_key: string | null }>(api, `select distinct source_key from reports where room_id = ?`, [room.roomId]);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.source_key).not.toMatch(/127/);
  });
});

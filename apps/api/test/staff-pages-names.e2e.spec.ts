// Staff pages read names and times, not ids and versions (issue 15, web client): who appealed
// (`ModerationNotice.subject`) and whom each evidence event is about (`EvidenceEvent.profile`),
// batched through the request's profile loader. Real HTTP, real PostgreSQL.
import { staffTokenFor } from './support/staff';
import { useTestApi } from './support/test-api';
import { ok, OPS, sql, stagedRoom } from './support/trust-and-safety-operations';
import { tracedStatements } from './support/graphql-helpers';

describe('staff pages: names where ids were', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'sn-staff');
    await ok(api, OPS.viewer, {}, staff);
  });

  const displayNameOf = async (profileId: string): Promise<string> =>
    (await sql<{ display_name: string }>(api, `select display_name from profiles where id = ?`, [profileId]))[0]!.display_name;

  it("kind: staff see ids, not people — an appeal names who appealed, for staff and for the appellant's own notice", async () => {
    const room = await stagedRoom(api, 'sn', { speakers: ['sn-sam'], listeners: ['sn-ann'] });
    const t = room.tokens as Record<string, string>;
    const filed = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'sn-sam', category: 'SPAM' } }, t['sn-ann']!);
    await ok(api, OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'WARN', note: 'Same link again' } }, staff);
    const notices = await ok<{ viewerModerationNotices: { edges: { node: { id: string; subject: { id: string } } }[] } }>(
      api,
      `{ viewerModerationNotices(first: 5) { edges { node { id subject { id } } } } }`,
      {},
      t['sn-sam']!,
    );
    const notice = notices.viewerModerationNotices.edges[0]!.node;
    expect(notice.subject).toEqual({ id: 'sn-sam' });
    await ok(api, OPS.appeal, { input: { noticeId: notice.id, statement: 'It was a different link.' } }, t['sn-sam']!);
    const appeals = await ok<{ moderationAppeals: { edges: { node: { subject: { id: string; displayName: string } } }[] } }>(
      api,
      `{ moderationAppeals(first: 5) { edges { node { subject { id displayName } } } } }`,
      {},
      staff,
    );
    expect(appeals.moderationAppeals.edges.map((e) => e.node.subject)).toEqual([{ id: 'sn-sam', displayName: await displayNameOf('sn-sam') }]);
  });

  it('kind: staff see ids, not people — variant: every evidence event about a profile names it, one profiles statement for the page', async () => {
    const room = await stagedRoom(api, 'sv', { speakers: ['sv-sam'], listeners: ['sv-ann', 'sv-bob'] });
    const t = room.tokens as Record<string, string>;
    await ok(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'sv-sam', category: 'SPAM' } }, t['sv-ann']!);
    await ok(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'sv-sam', category: 'HARASSMENT' } }, t['sv-bob']!);
    const { data, statements } = await tracedStatements<{
      moderationQueue: { edges: { node: { evidence: { recentEvents: { profileId: string | null; profile: { id: string; displayName: string } | null }[] } } }[] };
    }>(api, `{ moderationQueue(first: 10) { edges { node { evidence { recentEvents { profileId profile { id displayName } } } } } } }`, {}, staff);
    const events = data.moderationQueue.edges.flatMap((e) => e.node.evidence.recentEvents);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      if (event.profileId === null) expect(event.profile).toBeNull();
      else expect(event.profile).toEqual({ id: event.profileId, displayName: await displayNameOf(event.profileId) });
    }
    expect(statements.filter((s) => /\bfrom profiles\b/.test(s))).toHaveLength(1);
    // Evidence stays staff-only: a participant reading the queue is refused, names included.
    const refused = await api.request(`{ moderationQueue(first: 10) { edges { node { evidence { recentEvents { profile { displayName } } } } } } }`, {}, t['sv-ann']!);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

// No N+1 in the trust-and-safety lists: moderationQueue, moderationLog, moderationAppeals and
// viewerModerationNotices issue the same number of SQL statements for 3 items and for 20.
// Counted from the ORM's query log (Database.onQuery), as sql-count.e2e.spec.ts does.
import { randomUUID } from 'node:crypto';

import { tracedStatements } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';
import { ok, OPS, sql } from './support/trust-and-safety-operations';
import { staffTokenFor } from './support/staff';

describe('SQL statements per trust-and-safety list', () => {
  const api = useTestApi();
  let staff: string;
  let subject: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'cnt-staff');
    subject = await tokenFor('cnt-subject');
    await ok(api, OPS.viewer, {}, staff);
    await ok(api, OPS.viewer, {}, subject);
  });

  /** A report's chat context: a message of the host and the reported one, by their authors (each a profile to name). */
  const chatContextOf = (host: string, reported: string) => [
    { messageId: randomUUID(), authorId: host, text: 'Welcome', at: new Date().toISOString(), reported: false, deleted: false },
    { messageId: randomUUID(), authorId: reported, text: 'Abuse', at: new Date().toISOString(), reported: true, deleted: false },
  ];

  /** `n` rooms, each with a reporter, a reported person, two reports, a notice with an open appeal and a log entry. */
  async function seed(from: number, to: number): Promise<void> {
    for (let i = from; i < to; i += 1) {
      const roomId = randomUUID();
      const [host, reporter, reported] = [`cnt-host-${i}`, `cnt-rep-${i}`, `cnt-bad-${i}`];
      await sql(api, `insert into profiles (id, display_name, created_at, updated_at) values (?, ?, now(), now()), (?, ?, now(), now()), (?, ?, now(), now())`, [host, host, reporter, reporter, reported, reported]);
      await sql(api, `insert into rooms (id, title, topics, status, visibility, host_id, max_speakers, created_at) values (?, ?, '{}', 'LIVE', 'PUBLIC', ?, 10, now())`, [roomId, `Room ${i}`, host]);
      await sql(api, `insert into room_streams (room_id) values (?)`, [roomId]);
      await sql(api, `insert into participants (id, room_id, profile_id, role, joined_at, muted, connected) values (?, ?, ?, 'LISTENER', now(), false, false)`, [randomUUID(), roomId, reporter]);
      const reportIds = [randomUUID(), randomUUID()];
      await sql(
        api,
        `insert into reports (id, room_id, reporter_id, reported_profile_id, category, status, created_at, evidence)
         values (?, ?, ?, ?, 'HARASSMENT', 'OPEN', now() - interval '1 minute' * ?, ?), (?, ?, null, ?, 'SPAM', 'OPEN', now(), null)`,
        [reportIds[0], roomId, reporter, reported, i, JSON.stringify({ capturedAt: new Date().toISOString(), roomVersion: 0, roomTitle: `Room ${i}`, reporterRole: 'LISTENER', reportedRole: 'SPEAKER', reportedHandQuestion: null, reportedJoinedAt: null, stage: [], recentEvents: [], chatContext: chatContextOf(host, reported) }), reportIds[1], roomId, reported],
      );
      await sql(
        api,
        `insert into moderation_notices (id, subject_profile_id, action, category, reason, room_id, report_ids, created_at, appeal_statement, appeal_status, appeal_created_at)
         values (?, 'cnt-subject', 'WARNED', 'HARASSMENT', 'A warning', ?, string_to_array(?, ','), now(), 'Please', 'OPEN', now() + interval '1 second' * ?)`,
        [randomUUID(), roomId, reportIds.join(','), i],
      );
      await sql(api, `insert into moderation_log (id, actor_id, action, subject_profile_id, room_id, report_ids, note, at) values (?, 'cnt-staff', 'WARNED', ?, ?, string_to_array(?, ','), 'note', now())`, [randomUUID(), reported, roomId, reportIds.join(',')]);
    }
  }

  /** The query's data and the SQL traced to its X-Request-Id (never other requests' leftover work). */
  async function counted<T>(query: string, token: string): Promise<{ data: T; statements: string[] }> {
    return tracedStatements<T>(api, query, { first: 50 }, token);
  }

  type Connection = Record<string, { edges: unknown[] }>;
  const lists: [string, string, () => string, string, number][] = [
    ['moderationQueue (rooms, reported profiles, distinct reporters, evidence with chat authors)', OPS.queue, () => staff, 'moderationQueue', 2],
    ['moderationLog (actors, subjects, rooms)', OPS.log, () => staff, 'moderationLog', 1],
    ['moderationAppeals', OPS.appeals, () => staff, 'moderationAppeals', 1],
    ['viewerModerationNotices (rooms)', OPS.notices, () => subject, 'viewerModerationNotices', 1],
  ];

  it.each(lists)('%s: the same statement count for 3 groups and for 20', async (_name, query, token, field, perGroup) => {
    await seed(0, 3);
    const few = await counted<Connection>(query, token());
    expect(few.data[field]?.edges).toHaveLength(3 * perGroup);
    await seed(3, 20);
    const many = await counted<Connection>(query, token());
    expect(many.data[field]?.edges).toHaveLength(20 * perGroup);
    // Recorded for the report: statements per list.
    process.stdout.write(`${field}: ${few.statements.length} statements for 3, ${many.statements.length} for 20\n`);
    expect(many.statements.length).toBe(few.statements.length);
    expect(few.statements.length).toBeLessThanOrEqual(6);
  });

  it('the queue is ordered by priority and grouped per (room, profile): each group\'s reports together, oldest first', async () => {
    await seed(0, 5);
    const { data } = await counted<{ moderationQueue: { edges: { node: { room: { id: string }; reportedProfile: { id: string }; category: string; distinctReporters: number } }[] } }>(OPS.queue, staff);
    const keys = data.moderationQueue.edges.map((edge) => `${edge.node.room.id}:${edge.node.reportedProfile.id}`);
    // Groups are contiguous.
    const seen = new Set<string>();
    keys.forEach((key, index) => {
      if (index > 0 && keys[index - 1] !== key) expect(seen.has(key)).toBe(false);
      seen.add(key);
    });
    expect(data.moderationQueue.edges.every((edge) => edge.node.distinctReporters === 1)).toBe(true);
    // Equal priority: the group waiting longest first (room 4's report is the oldest).
    expect(data.moderationQueue.edges[0]?.node.reportedProfile.id).toBe('cnt-bad-4');
  });

  it('the queue pages with opaque cursors, without repeats or gaps', async () => {
    await seed(0, 4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { moderationQueue: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } } = await ok(
        api,
        OPS.queue,
        { first: 3, after },
        staff,
      );
      seen.push(...result.moderationQueue.edges.map((edge) => edge.node.id));
      if (!result.moderationQueue.pageInfo.hasNextPage) break;
      after = result.moderationQueue.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const bad = await api.request(OPS.queue, { after: 'not-a-cursor' }, staff);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

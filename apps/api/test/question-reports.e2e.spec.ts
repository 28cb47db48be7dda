// Issue 16 — reporting a question (`ReportAbuseInput.questionId`, `ReportEvidence.questionText`),
// over real HTTP against a real PostgreSQL. Questions are seeded as rows: the question mutations
// are served separately.
import { randomUUID } from 'node:crypto';

import { expectNoLeaks } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { useTestApi } from './support/test-api';
import { codeOf, establishAccounts, moderationSnapshot, ok, OPS, presentFor, refused, sql, stagedRoom } from './support/trust-and-safety-operations';

type Filed = {
  reportAbuse: { id: string; distinctReporters: number; evidence: unknown; reportedProfile: { id: string } | null; room: { id: string } };
};
type QueueNode = { id: string; reportedProfile: { id: string } | null; evidence: { questionText: string | null; reportedRole: string | null } | null };
type Queue = { moderationQueue: { edges: { node: QueueNode }[] } };

const ownReport = `query($id: ID!) { node(id: $id) { ... on Report { id reportedProfile { id } evidence { questionText } distinctReporters } } }`;

describe('reporting a question (issue 16)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'qr-staff');
    await ok(api, OPS.viewer, {}, staff);
  });

  async function ask(roomId: string, askerId: string, text: string, options: { status?: string; anonymous?: boolean; mergedIntoId?: string } = {}): Promise<string> {
    const id = randomUUID();
    await sql(api, `insert into room_questions (id, room_id, asker_id, text, status, anonymous, merged_into_id) values (?, ?, ?, ?, ?, ?, ?)`, [
      id,
      roomId,
      askerId,
      text,
      options.status ?? 'OPEN',
      options.anonymous ?? false,
      options.mergedIntoId ?? null,
    ]);
    return id;
  }

  const report = (token: string, input: Record<string, unknown>) =>
    api.request<Filed>(OPS.reportAbuse, { input: { category: 'HARASSMENT', details: null, ...input } }, token);

  const queueNode = async (reportId: string): Promise<QueueNode | undefined> =>
    (await ok<Queue>(api, OPS.queue, {}, staff)).moderationQueue.edges.map((edge) => edge.node).find((node) => node.id === reportId);

  /** Everything a refused report must leave as it was: trust-and-safety rows and the questions. */
  const snapshot = async () => ({ moderation: await moderationSnapshot(api), questions: await sql(api, `select id, text, status from room_questions order by id`) });

  it('given case: a report on a question keeps its text as reported, after the asker edits and then withdraws it', async () => {
    const room = await stagedRoom(api, 'qt', { listeners: ['qt-ann', 'qt-lee'] });
    const questionId = await ask(room.roomId, 'qt-ann', 'Why do people from that country always lie?');
    const filed = await report(room.tokens['qt-lee'] as string, { roomId: room.roomId, questionId });
    expect(filed.errors).toBeUndefined();
    // Not anonymous: the reporter saw the asker on the question, and reads them on the report. Evidence is staff's.
    expect(filed.data?.reportAbuse).toMatchObject({ reportedProfile: { id: 'qt-ann' }, room: { id: room.roomId }, evidence: null, distinctReporters: 1 });
    const reportId = filed.data?.reportAbuse.id as string;
    expect(await sql(api, `select question_id, question_anonymous, reported_profile_id from reports where id = ?`, [reportId])).toEqual([
      { question_id: questionId, question_anonymous: false, reported_profile_id: 'qt-ann' },
    ]);

    await sql(api, `update room_questions set text = ? where id = ?`, ['How do you handle cultural differences in remote teams?', questionId]);
    await sql(api, `update room_questions set status = 'CLOSED' where id = ?`, [questionId]);
    expect(await queueNode(reportId)).toMatchObject({
      reportedProfile: { id: 'qt-ann' },
      evidence: { questionText: 'Why do people from that country always lie?', reportedRole: 'LISTENER' },
    });
    // A report on a person carries no question text.
    const onPerson = await report(room.tokens['qt-ann'] as string, { roomId: room.roomId, profileId: 'qt-lee' });
    expect((await queueNode(onPerson.data?.reportAbuse.id as string))?.evidence?.questionText).toBeNull();
  });

  it("given case: an anonymous question's asker is never shown to its reporter — not in the answer, not by node(id:), not by a conflict — and staff see them", async () => {
    const room = await stagedRoom(api, 'qa', { listeners: ['qa-ann', 'qa-lee'] });
    const questionId = await ask(room.roomId, 'qa-ann', 'Is the CEO a fraud?', { anonymous: true });
    const lee = room.tokens['qa-lee'] as string;
    const filed = await report(lee, { roomId: room.roomId, questionId, category: 'OTHER', details: 'defamatory' });
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.reportAbuse.reportedProfile).toBeNull();
    expect(JSON.stringify(filed.data)).not.toContain('qa-ann');
    const reportId = filed.data?.reportAbuse.id as string;
    const readBack = await ok<{ node: { id: string; reportedProfile: unknown; evidence: unknown; distinctReporters: number } }>(api, ownReport, { id: reportId }, lee);
    expect(readBack.node).toEqual({ id: reportId, reportedProfile: null, evidence: null, distinctReporters: 1 });

    // Trying to learn who asked it by reporting a suspect: reporting a person is independent of
    // reporting the question (no CONFLICT either way), and the reporter still reads nothing.
    const onSuspect = await report(lee, { roomId: room.roomId, profileId: 'qa-ann' });
    const onBystander = await report(lee, { roomId: room.roomId, profileId: 'qa-host' });
    expect([codeOf(onSuspect), codeOf(onBystander)]).toEqual([undefined, undefined]);
    // The same question twice is a duplicate, like any report: one message for every duplicate.
    const again = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId, category: 'SPAM' } }, lee);
    const againOnPerson = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'qa-host', category: 'SPAM' } }, lee);
    expect([codeOf(again), again.errors?.[0]?.message]).toEqual(['CONFLICT', againOnPerson.errors?.[0]?.message]);

    // Staff know the asker, and read the text.
    expect(await queueNode(reportId)).toMatchObject({ reportedProfile: { id: 'qa-ann' }, evidence: { questionText: 'Is the CEO a fraud?' } });
    const staffRead = await ok<{ node: { reportedProfile: { id: string } | null } }>(api, ownReport, { id: reportId }, staff);
    expect(staffRead.node.reportedProfile).toEqual({ id: 'qa-ann' });
  });

  it("given case: an unknown question, and a PENDING question of someone else, are one and the same NOT_FOUND to a listener, and change nothing; the host may report the PENDING one", async () => {
    const room = await stagedRoom(api, 'qn', { listeners: ['qn-ann', 'qn-lee'] });
    const pending = await ask(room.roomId, 'qn-ann', 'A question waiting for screening', { status: 'PENDING', anonymous: true });
    const lee = room.tokens['qn-lee'] as string;
    const before = await snapshot();
    const unknown = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: randomUUID(), category: 'SPAM' } }, lee);
    const hidden = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: pending, category: 'SPAM' } }, lee);
    expect({ code: codeOf(hidden), message: hidden.errors?.[0]?.message }).toEqual({ code: 'NOT_FOUND', message: unknown.errors?.[0]?.message });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expectNoLeaks([...(unknown.errors ?? []), ...(hidden.errors ?? [])]);
    expect(await snapshot()).toEqual(before);

    // The host sees every question: their report is filed, and the anonymous asker stays hidden from them too.
    const byHost = await report(room.tokens['qn-host'] as string, { roomId: room.roomId, questionId: pending });
    expect(byHost.errors).toBeUndefined();
    expect(byHost.data?.reportAbuse.reportedProfile).toBeNull();
    // The asker sees their own PENDING question, and cannot report it.
    const own = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: pending, category: 'SPAM' } }, room.tokens['qn-ann'] as string);
    expect([codeOf(own), own.errors?.[0]?.extensions?.['field']]).toEqual(['BAD_USER_INPUT', 'questionId']);
  });

  it('variant: a merged duplicate is reportable with its open kept question, a dismissed one is not; another room, both ids, and a suspended reporter are refused, changing nothing', async () => {
    const room = await stagedRoom(api, 'qv', { listeners: ['qv-ann', 'qv-bo', 'qv-lee'] });
    const other = await stagedRoom(api, 'qw', { listeners: ['qw-cy'] });
    const lee = room.tokens['qv-lee'] as string;
    const kept = await ask(room.roomId, 'qv-bo', 'How do you shard the queue?');
    const merged = await ask(room.roomId, 'qv-ann', 'How is the queue sharded, you idiots?', { status: 'CLOSED', mergedIntoId: kept });
    const dismissed = await ask(room.roomId, 'qv-ann', 'A dismissed question', { status: 'CLOSED' });
    const openElsewhere = await ask(other.roomId, 'qw-cy', 'An open question in another room');
    const pendingElsewhere = await ask(other.roomId, 'qw-cy', 'A pending question in another room', { status: 'PENDING' });

    const before = await snapshot();
    const refusals = {
      dismissed: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: dismissed, category: 'SPAM' } }, lee),
      openElsewhere: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: openElsewhere, category: 'SPAM' } }, lee),
      pendingElsewhere: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: pendingElsewhere, category: 'SPAM' } }, lee),
      both: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: kept, profileId: 'qv-bo', category: 'SPAM' } }, lee),
      notAnId: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: 'question-1', category: 'SPAM' } }, lee),
    };
    const outcome = (response: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => [codeOf(response), response.errors?.[0]?.extensions?.['field'] ?? null];
    expect(Object.fromEntries(Object.entries(refusals).map(([name, response]) => [name, outcome(response)]))).toEqual({
      dismissed: ['NOT_FOUND', null],
      // Seen in its own room: say which room; not seen there: it does not exist for the reporter.
      openElsewhere: ['BAD_USER_INPUT', 'roomId'],
      pendingElsewhere: ['NOT_FOUND', null],
      both: ['BAD_USER_INPUT', 'questionId'],
      notAnId: ['BAD_USER_INPUT', 'questionId'],
    });
    expect(refusals.pendingElsewhere.errors?.[0]?.message).toBe(refusals.dismissed.errors?.[0]?.message);

    // A suspended reporter is refused by the room access policy's REPORT, as for any report.
    await sql(
      api,
      `insert into moderation_notices (id, subject_profile_id, action, category, reason, room_id, report_ids, created_at, expires_at)
       values (?, 'qv-ann', 'SUSPENDED', 'HARASSMENT', 'test suspension', null, '{}', now() - interval '1 minute', now() + interval '1 day')`,
      [randomUUID()],
    );
    const suspendedBefore = await snapshot();
    const suspended = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, questionId: kept, category: 'SPAM' } }, room.tokens['qv-ann'] as string);
    expect(codeOf(suspended)).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(suspendedBefore);
    await sql(api, `delete from moderation_notices where subject_profile_id = 'qv-ann'`);
    expect(await snapshot()).toEqual(before);

    // The duplicate merged into an open question is visible (listed under it), so reportable.
    const onMerged = await report(lee, { roomId: room.roomId, questionId: merged });
    expect(onMerged.errors).toBeUndefined();
    expect(onMerged.data?.reportAbuse.reportedProfile).toEqual({ id: 'qv-ann' });
  });

  it('variant: established reporters piling reports on an anonymous question of a speaker never mute them, so the mute cannot point at the asker; reports on the person still do', async () => {
    const reporters = ['qm-1', 'qm-2', 'qm-3'];
    const room = await stagedRoom(api, 'qm', { speakers: ['qm-sam'], listeners: reporters });
    await establishAccounts(api, reporters);
    await presentFor(api, room.roomId, reporters, 600);
    const questionId = await ask(room.roomId, 'qm-sam', 'Anonymous and abusive', { anonymous: true });
    for (const id of reporters) expect((await report(room.tokens[id] as string, { roomId: room.roomId, questionId })).errors).toBeUndefined();
    const muted = async () => (await sql<{ muted: boolean }>(api, `select muted from participants where room_id = ? and profile_id = 'qm-sam' and left_at is null`, [room.roomId]))[0]?.muted;
    expect(await muted()).toBe(false);
    expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
    expect(await sql(api, `select id from moderation_log`)).toEqual([]);
    // The question's reports do not count toward a later pile-up on the person either: it takes three reports on them.
    await report(room.tokens['qm-1'] as string, { roomId: room.roomId, profileId: 'qm-sam' });
    await report(room.tokens['qm-2'] as string, { roomId: room.roomId, profileId: 'qm-sam' });
    expect(await muted()).toBe(false);
    await report(room.tokens['qm-3'] as string, { roomId: room.roomId, profileId: 'qm-sam' });
    expect(await muted()).toBe(true);
  });
});

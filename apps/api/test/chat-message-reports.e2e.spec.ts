// Issue 17 — reporting a chat message (`ReportAbuseInput.chatMessageId`, `ReportEvidence.chatContext`),
// over real HTTP against a real PostgreSQL. The reported messages are sent with sendChatMessage;
// the bulk of the context around them is inserted as rows (the chat's per-sender rate would
// otherwise slow the suite, and is not what it tests).
import { randomUUID } from 'node:crypto';

import { expectNoLeaks, tracedStatements } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { tokenFor, useTestApi } from './support/test-api';
import { codeOf, establishAccounts, moderationSnapshot, ok, OPS, presentFor, refused, sql, stagedRoom } from './support/trust-and-safety-operations';

const SEND = `mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id text createdAt } }`;
const DELETE = `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id deleted } }`;
const HISTORY = `query($r: ID!) { room(id: $r) { chatMessages(first: 50) { edges { node { id text deleted } } } } }`;

type Sent = { sendChatMessage: { id: string; text: string; createdAt: string } };
type Filed = { reportAbuse: { id: string; distinctReporters: number; evidence: unknown; reportedProfile: { id: string } | null; room: { id: string } } };
type ContextMessage = { messageId: string; authorId: string; text: string; at: string; reported: boolean; deleted: boolean; author: { id: string; displayName: string } | null };
type QueueNode = { id: string; reportedProfile: { id: string } | null; evidence: { chatContext: ContextMessage[]; questionText: string | null } | null };
type Queue = { moderationQueue: { edges: { node: QueueNode }[] } };
type Response = { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

describe('reporting a chat message (issue 17)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    staff = await staffTokenFor(api, 'cr-staff');
    await ok(api, OPS.viewer, {}, staff);
  });

  const send = async (roomId: string, token: string, text: string) => (await ok<Sent>(api, SEND, { r: roomId, t: text }, token)).sendChatMessage;

  /**
   * Inserts `count` messages by `authorIds` in turn, `text(i)` each, sent `startMs + i` ms after
   * `from` (negative: before it). Returns their ids, oldest first.
   */
  async function insertMessages(roomId: string, authorIds: readonly string[], from: Date, startMs: number, count: number, text: (i: number) => string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = randomUUID();
      ids.push(id);
      await sql(api, `insert into chat_messages (id, room_id, author_id, text, created_at) values (?, ?, ?, ?, ?)`, [
        id,
        roomId,
        authorIds[i % authorIds.length],
        text(i),
        new Date(from.getTime() + startMs + i),
      ]);
    }
    return ids;
  }

  const report = (token: string, input: Record<string, unknown>) => api.request<Filed>(OPS.reportAbuse, { input: { category: 'HARASSMENT', details: null, ...input } }, token);

  const queueNode = async (reportId: string): Promise<QueueNode | undefined> =>
    (await ok<Queue>(api, OPS.queue, {}, staff)).moderationQueue.edges.map((edge) => edge.node).find((node) => node.id === reportId);

  /** Everything a refused report must leave as it was: trust-and-safety rows and the chat. */
  const snapshot = async () => ({
    moderation: await moderationSnapshot(api),
    chat: await sql(api, `select id, text, deleted_at from chat_messages order by id`),
  });

  const outcome = (response: Response) => [codeOf(response), response.errors?.[0]?.extensions?.['field'] ?? null];

  it('given case: the evidence keeps the message and 10 on each side as they were when reported, after messages are deleted, changed and new ones written', async () => {
    const room = await stagedRoom(api, 'ce', { speakers: ['ce-sam'], listeners: ['ce-ann', 'ce-bo', 'ce-lee'] });
    const [ann, bo, lee, host] = (['ce-ann', 'ce-bo', 'ce-lee', 'ce-host'] as const).map((id) => room.tokens[id] as string) as [string, string, string, string];
    // 12 messages before (the first 2 fall outside the context), one deleted by the host before the report.
    const before = await insertMessages(room.roomId, ['ce-bo', 'ce-sam'], new Date(), -60_000, 12, (i) => `before ${i}`);
    await ok(api, DELETE, { m: before[9] }, host);
    const reported = await send(room.roomId, ann, 'You are all idiots and I know where you live');
    // 12 after it (the last 2 fall outside), one of them sent for real.
    const answer = await send(room.roomId, bo, 'Please stop, that is a threat');
    const after = [answer.id, ...(await insertMessages(room.roomId, ['ce-sam', 'ce-host'], new Date(reported.createdAt), 1_000, 11, (i) => `after ${i}`))];

    const filed = await tracedStatements<Filed>(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: reported.id, category: 'HARASSMENT', details: 'a threat in chat' } }, lee);
    // The message, then its 21 messages of context: two statements on the chat, whatever the context's size.
    expect(filed.statements.filter((statement) => /\bchat_messages\b/.test(statement))).toHaveLength(2);
    // The reporter reads the author on their report; the evidence is staff's.
    expect(filed.data?.reportAbuse).toMatchObject({ reportedProfile: { id: 'ce-ann' }, room: { id: room.roomId }, evidence: null, distinctReporters: 1 });
    const reportId = filed.data.reportAbuse.id;
    expect(await sql(api, `select chat_message_id, question_id, reported_profile_id from reports where id = ?`, [reportId])).toEqual([
      { chat_message_id: reported.id, question_id: null, reported_profile_id: 'ce-ann' },
    ]);

    const kept = (await queueNode(reportId))?.evidence?.chatContext ?? [];
    const expected = [
      ...before.slice(2).map((id, i) => ({ messageId: id, authorId: i % 2 === 0 ? 'ce-bo' : 'ce-sam', text: `before ${i + 2}`, reported: false, deleted: id === before[9] })),
      { messageId: reported.id, authorId: 'ce-ann', text: reported.text, reported: true, deleted: false },
      { messageId: answer.id, authorId: 'ce-bo', text: 'Please stop, that is a threat', reported: false, deleted: false },
      ...after.slice(1, 10).map((id, i) => ({ messageId: id, authorId: i % 2 === 0 ? 'ce-sam' : 'ce-host', text: `after ${i}`, reported: false, deleted: false })),
    ];
    expect(kept.map(({ at: _at, author: _author, ...message }) => message)).toEqual(expected);
    expect(kept.find((message) => message.reported)?.at).toBe(reported.createdAt);
    // Staff read each author by name.
    expect(kept.filter((message) => message.author?.id !== message.authorId || !message.author.displayName)).toEqual([]);

    // Later: the author deletes the message, a moderator deletes another, a text is changed in
    // place, and the chat goes on. The evidence does not move.
    await ok(api, DELETE, { m: reported.id }, ann);
    await ok(api, DELETE, { m: before[5] }, host);
    await sql(api, `update chat_messages set text = 'rewritten' where id = ?`, [after[3]]);
    await send(room.roomId, bo, 'A new message after the report');
    await insertMessages(room.roomId, ['ce-sam'], new Date(reported.createdAt), -1, 1, () => 'inserted just before the reported one');
    expect((await queueNode(reportId))?.evidence?.chatContext).toEqual(kept);
    // Readers see the deleted message's place with empty text: the report kept it for staff only.
    const history = await ok<{ room: { chatMessages: { edges: { node: { id: string; text: string; deleted: boolean } }[] } } }>(api, HISTORY, { r: room.roomId }, lee);
    expect(history.room.chatMessages.edges.find((edge) => edge.node.id === reported.id)?.node).toEqual({ id: reported.id, text: '', deleted: true });

    // A report on a person, and one on a question, carry no chat context.
    const onPerson = await report(lee, { roomId: room.roomId, profileId: 'ce-sam' });
    expect((await queueNode(onPerson.data?.reportAbuse.id as string))?.evidence).toMatchObject({ chatContext: [], questionText: null });
  });

  it('given case: a message deleted before the report is still reportable, its text as written kept in the evidence for staff', async () => {
    const room = await stagedRoom(api, 'cd', { listeners: ['cd-ann', 'cd-lee'] });
    const ann = room.tokens['cd-ann'] as string;
    const lee = room.tokens['cd-lee'] as string;
    const first = await send(room.roomId, lee, 'Hello everyone');
    const abusive = await send(room.roomId, ann, 'Get out of here, you worthless fool');
    // The author deletes it before anyone reports it: the reporter saw it, staff must read it.
    await ok(api, DELETE, { m: abusive.id }, ann);

    const filed = await report(lee, { roomId: room.roomId, chatMessageId: abusive.id, category: 'HARASSMENT' });
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.reportAbuse.reportedProfile).toEqual({ id: 'cd-ann' });
    // Nothing in the reporter's answer shows the deleted text.
    expect(JSON.stringify(filed.data)).not.toContain('worthless');
    const node = await queueNode(filed.data?.reportAbuse.id as string);
    expect(node?.reportedProfile).toMatchObject({ id: 'cd-ann' });
    expect(node?.evidence?.chatContext.map(({ at: _at, author: _author, ...message }) => message)).toEqual([
      { messageId: first.id, authorId: 'cd-lee', text: 'Hello everyone', reported: false, deleted: false },
      { messageId: abusive.id, authorId: 'cd-ann', text: 'Get out of here, you worthless fool', reported: true, deleted: true },
    ]);
  });

  it("given case: an unknown message, one of a room whose chat the reporter may not read, and the reporter's own are refused with contract codes, changing nothing", async () => {
    const room = await stagedRoom(api, 'cn', { listeners: ['cn-ann', 'cn-lee'] });
    const lee = room.tokens['cn-lee'] as string;
    // A private room of someone else, nobody invited: its host writes in its chat.
    const pat = await tokenFor('cn-pat');
    const { createRoom } = await ok<{ createRoom: { id: string } }>(api, `mutation { createRoom(input: { title: "Private", visibility: PRIVATE }) { id } }`, {}, pat);
    const privateMessage = await send(createRoom.id, pat, 'Only for the invited');
    const annMessage = await send(room.roomId, room.tokens['cn-ann'] as string, 'You people are garbage');
    const own = await send(room.roomId, lee, 'My own message');

    const before = await snapshot();
    const unknown = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: randomUUID(), category: 'SPAM' } }, lee);
    // A message of a private room the reporter was never invited to: it does not exist for them, not "another room".
    const unreadableElsewhere = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: privateMessage.id, category: 'SPAM' } }, lee);
    const ownMessage = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: own.id, category: 'SPAM' } }, lee);
    expect({ unknown: outcome(unknown), unreadableElsewhere: outcome(unreadableElsewhere), ownMessage: outcome(ownMessage) }).toEqual({
      unknown: ['NOT_FOUND', null],
      unreadableElsewhere: ['NOT_FOUND', null],
      ownMessage: ['BAD_USER_INPUT', 'chatMessageId'],
    });
    expect(unreadableElsewhere.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expectNoLeaks([...(unknown.errors ?? []), ...(unreadableElsewhere.errors ?? []), ...(ownMessage.errors ?? [])]);
    expect(await snapshot()).toEqual(before);

    // The host blocks the reporter: they no longer read the room's chat (READ_CHAT), so its
    // messages are NOT_FOUND to them, as an unknown one; the block itself is the only change.
    await ok(api, OPS.block, { p: 'cn-lee' }, room.tokens['cn-host'] as string);
    const blockedBefore = await snapshot();
    const blocked = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: annMessage.id, category: 'SPAM' } }, lee);
    expect([codeOf(blocked), blocked.errors?.[0]?.message]).toEqual(['NOT_FOUND', unknown.errors?.[0]?.message]);
    expect(await snapshot()).toEqual(blockedBefore);
  });

  it('variant: one open report per message, apart from reports on its author; wrong combinations, another room, a suspended reporter refused; an author long gone is still reportable; chat reports never mute', async () => {
    const reporters = ['cv-1', 'cv-2', 'cv-3'];
    const room = await stagedRoom(api, 'cv', { speakers: ['cv-sam'], listeners: [...reporters, 'cv-ann'] });
    const other = await stagedRoom(api, 'cw', { listeners: ['cw-cy'] });
    await establishAccounts(api, reporters);
    await presentFor(api, room.roomId, reporters, 600);
    const sam = room.tokens['cv-sam'] as string;
    const one = room.tokens['cv-1'] as string;
    const first = await send(room.roomId, sam, 'Listeners are idiots');
    const second = await send(room.roomId, sam, 'And I mean all of you');
    const elsewhere = await send(other.roomId, other.tokens['cw-cy'] as string, 'Hello from the other room');
    const question = randomUUID();
    await sql(api, `insert into room_questions (id, room_id, asker_id, text, status) values (?, ?, 'cv-ann', 'A question', 'OPEN')`, [question, room.roomId]);

    const before = await snapshot();
    const refusals = {
      withQuestion: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: first.id, questionId: question, category: 'SPAM' } }, one),
      withAuthor: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: first.id, profileId: 'cv-sam', category: 'SPAM' } }, one),
      withSomeoneElse: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: first.id, profileId: 'cv-ann', category: 'SPAM' } }, one),
      notAnId: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: 'message-1', category: 'SPAM' } }, one),
      // Readable in its own room: say which room.
      anotherRoom: await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: elsewhere.id, category: 'SPAM' } }, room.tokens['cv-2'] as string),
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([name, response]) => [name, outcome(response)]))).toEqual({
      withQuestion: ['BAD_USER_INPUT', 'chatMessageId'],
      withAuthor: ['BAD_USER_INPUT', 'chatMessageId'],
      withSomeoneElse: ['BAD_USER_INPUT', 'chatMessageId'],
      notAnId: ['BAD_USER_INPUT', 'chatMessageId'],
      anotherRoom: ['BAD_USER_INPUT', 'roomId'],
    });
    expectNoLeaks(Object.values(refusals).flatMap((response) => response.errors ?? []));
    // A suspended reporter is refused by the room access policy's REPORT, as for any report.
    await sql(
      api,
      `insert into moderation_notices (id, subject_profile_id, action, category, reason, room_id, report_ids, created_at, expires_at)
       values (?, 'cv-ann', 'SUSPENDED', 'HARASSMENT', 'test suspension', null, '{}', now() - interval '1 minute', now() + interval '1 day')`,
      [randomUUID()],
    );
    const suspended = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: first.id, category: 'SPAM' } }, room.tokens['cv-ann'] as string);
    expect(codeOf(suspended)).toBe('FORBIDDEN');
    await sql(api, `delete from moderation_notices where subject_profile_id = 'cv-ann'`);
    expect(await snapshot()).toEqual(before);

    // Three established reporters on one speaker's message: filed, and nobody is muted, no notice, no log.
    for (const id of reporters) expect((await report(room.tokens[id] as string, { roomId: room.roomId, chatMessageId: first.id })).errors).toBeUndefined();
    const muted = async () => (await sql<{ muted: boolean }>(api, `select muted from participants where room_id = ? and profile_id = 'cv-sam' and left_at is null`, [room.roomId]))[0]?.muted;
    expect(await muted()).toBe(false);
    expect(await sql(api, `select id from moderation_notices`)).toEqual([]);
    expect(await sql(api, `select id from moderation_log`)).toEqual([]);
    // The same message again is a duplicate, with the message every duplicate gets; another
    // message of the same author, and the author as a person, are separate reports.
    const again = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, chatMessageId: first.id, category: 'SPAM' } }, one);
    expect((await report(one, { roomId: room.roomId, chatMessageId: second.id })).errors).toBeUndefined();
    expect((await report(one, { roomId: room.roomId, profileId: 'cv-sam' })).errors).toBeUndefined();
    const againOnPerson = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'cv-sam', category: 'SPAM' } }, one);
    expect([codeOf(again), again.errors?.[0]?.message]).toEqual(['CONFLICT', againOnPerson.errors?.[0]?.message]);
    // The message reports do not count toward a pile-up on the person: it takes three reports on them.
    await report(room.tokens['cv-2'] as string, { roomId: room.roomId, profileId: 'cv-sam' });
    expect(await muted()).toBe(false);
    await report(room.tokens['cv-3'] as string, { roomId: room.roomId, profileId: 'cv-sam' });
    expect(await muted()).toBe(true);

    // The author left a day ago (far past the window for reporting a person): their message
    // stays in the room, and stays reportable.
    await ok(api, OPS.leaveRoom, { r: room.roomId }, sam);
    await sql(api, `update participants set left_at = now() - interval '1 day' where room_id = ? and profile_id = 'cv-sam'`, [room.roomId]);
    const gone = await report(room.tokens['cv-ann'] as string, { roomId: room.roomId, chatMessageId: second.id });
    expect(gone.errors).toBeUndefined();
    expect(gone.data?.reportAbuse.reportedProfile).toEqual({ id: 'cv-sam' });
    const onPersonGone = await refused(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'cv-sam', category: 'SPAM' } }, room.tokens['cv-ann'] as string);
    expect(codeOf(onPersonGone)).toBe('NOT_FOUND');
  });
});

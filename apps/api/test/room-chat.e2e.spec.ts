// The room chat served (issue 17): sending with modes, slow mode and per-role rates on the server,
// mentions resolved to people in the room, deletion that keeps a message's place, pinned links
// (http and https only), the settings as one RoomConversationChanged in the version chain, and a
// history that is one keyset statement per page. Real PostgreSQL and HTTP.
import { codeOf, expectConsecutiveVersions, expectNoLeaks, sql, storedEvents, tracedStatements, wsExecute } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { asNamedProfiles, tokenFor, useTestApi } from './support/test-api';

const SEND = `mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id text deleted author { id } mentions { id } } }`;
const SETTINGS = `mutation($input: UpdateRoomConversationInput!) { updateRoomConversation(input: $input) { chatMode chatSlowModeSeconds screensQuestions pinnedLinks { url title pinnedBy { id } } } }`;
const HISTORY = `query($r: ID!, $f: Int, $after: String) { room(id: $r) { chatMessages(first: $f, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id text deleted author { id } } } } } }`;

interface Message {
  id: string;
  text: string;
  deleted: boolean;
  author: { id: string };
  mentions: { id: string }[];
}

function chatSuite(env: Record<string, string>) {
  const api = useTestApi(env);
  const { as, ok } = asNamedProfiles(() => api);

  async function liveRoom(host: string, listeners: string[], speakers: string[] = []): Promise<string> {
    const created = await ok(host, `mutation { createRoom(input: { title: "Chat room" }) { id } }`, {});
    const roomId = (created['createRoom'] as { id: string }).id;
    for (const id of [...speakers, ...listeners]) await ok(id, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId });
    for (const id of speakers) {
      await ok(host, `mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: id });
      await ok(id, `mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`, { r: roomId });
    }
    return roomId;
  }

  async function send(author: string, roomId: string, text: string): Promise<Message> {
    return (await ok(author, SEND, { r: roomId, t: text }))['sendChatMessage'] as Message;
  }

  async function refusal(viewer: string, query: string, variables: Record<string, unknown>): Promise<{ code: string | undefined; retryAfterSeconds?: unknown }> {
    const response = await as(viewer, query, variables);
    expect(response.errors).toBeDefined();
    expectNoLeaks(response.errors);
    return { code: codeOf(response), retryAfterSeconds: response.errors?.[0]?.extensions?.['retryAfterSeconds'] };
  }

  const count = async () => (await sql<{ n: number }>(api, `select count(*)::int as n from chat_messages`))[0]?.n;

  return { api, as, ok, liveRoom, send, refusal, count };
}

describe('room chat (issue 17)', () => {
  const t = chatSuite({});
  beforeEach(() => t.api.clear());

  it('anyone in the room writes in OPEN mode; @ words resolve to people in the room; the history pages newest first', async () => {
    const roomId = await t.liveRoom('ch-host', ['ch-ann', 'ch-bob']);
    await t.ok('ch-bob', `mutation { updateViewerProfile(input: { displayName: "Bob Builder" }) { id } }`, {});
    const hello = await t.send('ch-ann', roomId, '  Hello @ch-host and @BobBuilder, and @nobody-here  ');
    expect(hello).toMatchObject({ text: 'Hello @ch-host and @BobBuilder, and @nobody-here', deleted: false, author: { id: 'ch-ann' } });
    // By id, and by display name without its spaces; a word naming nobody in the room stays text.
    expect(hello.mentions.map((m) => m.id).sort()).toEqual(['ch-bob', 'ch-host']);
    for (let i = 0; i < 5; i += 1) await t.send('ch-bob', roomId, `Message ${i}`);
    const page = async (after: string | null) => {
      const data = await t.ok('ch-host', HISTORY, { r: roomId, f: 4, after });
      return (data['room'] as { chatMessages: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Message }[] } }).chatMessages;
    };
    const first = await page(null);
    expect(first.edges.map((e) => e.node.text)).toEqual(['Message 4', 'Message 3', 'Message 2', 'Message 1']);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.text)).toEqual(['Message 0', hello.text]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // Someone outside the room does not write (IN_ROOM: NOT_A_PARTICIPANT, a CONFLICT).
    expect((await t.refusal('ch-out', SEND, { r: roomId, t: 'hi' })).code).toBe('CONFLICT');
    expect(await t.count()).toBe(6);
  });

  it('the history is one SQL statement per page, the access check included, whatever its length', async () => {
    const roomId = await t.liveRoom('cs-host', ['cs-ann']);
    await t.send('cs-ann', roomId, 'one');
    const token = await asNamedProfiles(() => t.api).token('cs-ann');
    // The page alone (no author selected, whose profiles are the selection's own statement): the
    // root field's `room(id:)`, then one statement for the viewer's relation and the page.
    const PAGE = `query($r: ID!, $f: Int) { room(id: $r) { chatMessages(first: $f) { pageInfo { hasNextPage } edges { node { id text } } } } }`;
    const statements = async () => (await tracedStatements(t.api, PAGE, { r: roomId, f: 20 }, token)).statements;
    const few = await statements();
    const rows = Array.from({ length: 300 }, (_, i) => `('${crypto.randomUUID()}', '${roomId}', 'cs-ann', 'seeded ${i}', now() - interval '${i} seconds')`);
    await sql(t.api, `insert into chat_messages (id, room_id, author_id, text, created_at) values ${rows.join(', ')}`);
    const many = await statements();
    for (const traced of [few, many]) {
      expect(traced).toHaveLength(2);
      expect(traced[0]).not.toMatch(/chat_messages/);
      expect(traced[1]).toMatch(/chat_messages/);
    }
  });

  it('a message in an open chat is two statements (relation with the chat settings, insert) and no transaction; slow mode reads again under its lock', async () => {
    const roomId = await t.liveRoom('cq-host', ['cq-ann', 'cq-bob']);
    const token = await asNamedProfiles(() => t.api).token('cq-ann');
    // The answer's `author { id }` reads the profile: the selection's statement, not the write's.
    const open = (await tracedStatements(t.api, SEND, { r: roomId, t: 'plain words' }, token)).statements.filter((statement) => !/from profiles pr where/.test(statement));
    expect(open).toHaveLength(2);
    expect(open[0]).toMatch(/chat_mode/);
    expect(open[1]).toMatch(/insert into chat_messages/);
    await t.ok('cq-host', SETTINGS, { input: { roomId, chatMode: 'SLOW', chatSlowModeSeconds: 600 } });
    // Another listener: cq-ann's message a moment ago would make this one RATE_LIMITED.
    const bobToken = await asNamedProfiles(() => t.api).token('cq-bob');
    const slow = (await tracedStatements(t.api, SEND, { r: roomId, t: 'slow words' }, bobToken)).statements;
    // The first read, then begin, the lock, the read again, the previous message, the insert, commit.
    expect(slow.filter((statement) => /pg_advisory_xact_lock/.test(statement))).toHaveLength(1);
    expect(slow.filter((statement) => /chat_mode/.test(statement))).toHaveLength(2);
    expect(slow.indexOf(slow.find((statement) => /pg_advisory_xact_lock/.test(statement))!)).toBeLessThan(slow.lastIndexOf(slow.find((statement) => /chat_mode/.test(statement))!));
    expect(await t.count()).toBe(2);
  });

  it('modes on the server: STAGE_ONLY lets only the stage write, OFF no one, SLOW one message per interval (RATE_LIMITED with retryAfterSeconds)', async () => {
    const roomId = await t.liveRoom('cm-host', ['cm-ann'], ['cm-sam']);
    const stageOnly = await t.ok('cm-host', SETTINGS, { input: { roomId, chatMode: 'STAGE_ONLY' } });
    expect(stageOnly['updateRoomConversation']).toMatchObject({ chatMode: 'STAGE_ONLY' });
    expect((await t.refusal('cm-ann', SEND, { r: roomId, t: 'may I?' })).code).toBe('CONFLICT');
    await t.send('cm-sam', roomId, 'The stage speaks');
    await t.ok('cm-host', SETTINGS, { input: { roomId, chatMode: 'OFF' } });
    expect((await t.refusal('cm-host', SEND, { r: roomId, t: 'even me?' })).code).toBe('CONFLICT');
    await t.ok('cm-host', SETTINGS, { input: { roomId, chatMode: 'SLOW', chatSlowModeSeconds: 600 } });
    await t.send('cm-ann', roomId, 'first in slow mode');
    const slowed = await t.refusal('cm-ann', SEND, { r: roomId, t: 'second too soon' });
    expect(slowed.code).toBe('RATE_LIMITED');
    expect(Number(slowed.retryAfterSeconds)).toBeGreaterThan(500);
    // The stage is not slowed.
    await t.send('cm-sam', roomId, 'one');
    await t.send('cm-sam', roomId, 'two');
    // Listeners do not change the settings.
    expect((await t.refusal('cm-ann', SETTINGS, { input: { roomId, chatMode: 'OPEN' } })).code).toBe('FORBIDDEN');
    expect(await t.count()).toBe(4);
  });

  it('over the live socket, as the web client sends chat and reactions: the same answers, refusals and codes as over HTTP, and refusals store nothing', async () => {
    const roomId = await t.liveRoom('cw-host', ['cw-ann'], ['cw-sam']);
    const socketOf = async (id: string) => t.api.wsClient(await tokenFor(id, { name: `Person ${id}` }));
    const [ann, sam, stranger] = await Promise.all([socketOf('cw-ann'), socketOf('cw-sam'), socketOf('cw-stranger')]);
    const sent = await wsExecute<{ sendChatMessage: Message }>(ann, SEND, { r: roomId, t: 'Over the socket, @cw-sam' });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendChatMessage).toMatchObject({ text: 'Over the socket, @cw-sam', author: { id: 'cw-ann' }, mentions: [{ id: 'cw-sam' }] });
    const reacted = await wsExecute<{ react: boolean }>(ann, 'mutation($r: ID!) { react(roomId: $r, reaction: CLAP) }', { r: roomId });
    expect(reacted).toMatchObject({ data: { react: true } });
    // Refusals: the same codes as over HTTP (the modes test above), nothing stored.
    await t.ok('cw-host', SETTINGS, { input: { roomId, chatMode: 'STAGE_ONLY' } });
    const refusedListener = await wsExecute(ann, SEND, { r: roomId, t: 'may I, over the socket?' });
    expectNoLeaks(refusedListener.errors);
    expect(codeOf(refusedListener)).toBe((await t.refusal('cw-ann', SEND, { r: roomId, t: 'may I, over HTTP?' })).code);
    expect(codeOf(refusedListener)).toBe('CONFLICT');
    const notInRoom = await wsExecute(stranger, SEND, { r: roomId, t: 'I never joined' });
    expect(codeOf(notInRoom)).toBe((await t.refusal('cw-stranger', SEND, { r: roomId, t: 'I never joined' })).code);
    expect(codeOf(await wsExecute(ann, SEND, { r: roomId, t: '' }))).toBe('BAD_USER_INPUT');
    expect((await wsExecute<{ sendChatMessage: Message }>(sam, SEND, { r: roomId, t: 'The stage, over the socket' })).data?.sendChatMessage.text).toBe('The stage, over the socket');
    expect(await t.count()).toBe(2);
  });

  it('kind: concurrent sends in slow mode: exactly one of them is stored', async () => {
    const roomId = await t.liveRoom('cc-host', ['cc-ann']);
    await t.ok('cc-host', SETTINGS, { input: { roomId, chatMode: 'SLOW', chatSlowModeSeconds: 600 } });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.as('cc-ann', SEND, { r: roomId, t: `race ${i}` })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map((r) => codeOf(r))).toEqual(Array.from({ length: 7 }, () => 'RATE_LIMITED'));
    expect(await t.count()).toBe(1);
  });

  it('deletion: the author deletes their own, the host any; a listener nobody else\'s; deleted messages keep their place with empty text', async () => {
    const roomId = await t.liveRoom('cd-host', ['cd-ann', 'cd-bob']);
    const ann = await t.send('cd-ann', roomId, 'oops');
    const bob = await t.send('cd-bob', roomId, 'rude words');
    const del = `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id text deleted } }`;
    expect((await t.refusal('cd-ann', del, { m: bob.id })).code).toBe('FORBIDDEN');
    expect((await t.ok('cd-ann', del, { m: ann.id }))['deleteChatMessage']).toEqual({ id: ann.id, text: '', deleted: true });
    expect((await t.ok('cd-host', del, { m: bob.id }))['deleteChatMessage']).toEqual({ id: bob.id, text: '', deleted: true });
    // Idempotent.
    expect((await t.ok('cd-host', del, { m: bob.id }))['deleteChatMessage']).toMatchObject({ deleted: true });
    const history = await t.ok('cd-bob', HISTORY, { r: roomId, f: 10 });
    const nodes = (history['room'] as { chatMessages: { edges: { node: Message }[] } }).chatMessages.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.id, n.text, n.deleted])).toEqual([
      [bob.id, '', true],
      [ann.id, '', true],
    ]);
    expect((await t.refusal('cd-ann', del, { m: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect((await t.refusal('cd-ann', del, { m: 'not-an-id' })).code).toBe('BAD_USER_INPUT');
  });

  it('deletion by the room\'s moderators: a moderator (not the host) deletes anyone\'s message while live; after the room ended the host still deletes one (a reported message stays removable), the author their own, and nobody else anyone\'s', async () => {
    const roomId = await t.liveRoom('cm-host', ['cm-ann', 'cm-bob'], ['cm-mod']);
    await t.ok('cm-host', `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { role } }`, { r: roomId, p: 'cm-mod' });
    const first = await t.send('cm-ann', roomId, 'first');
    const second = await t.send('cm-bob', roomId, 'second');
    const abusive = await t.send('cm-bob', roomId, 'reported after the end');
    const third = await t.send('cm-ann', roomId, 'third');
    const del = `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id text deleted } }`;
    expect((await t.ok('cm-mod', del, { m: first.id }))['deleteChatMessage']).toEqual({ id: first.id, text: '', deleted: true });
    await t.ok('cm-host', `mutation($r: ID!) { endRoom(roomId: $r) { status } }`, { r: roomId });
    expect((await t.refusal('cm-ann', del, { m: second.id })).code).toBe('FORBIDDEN');
    expect((await t.refusal('cm-mod', del, { m: second.id })).code).toBe('FORBIDDEN');
    expect((await t.ok('cm-host', del, { m: abusive.id }))['deleteChatMessage']).toEqual({ id: abusive.id, text: '', deleted: true });
    expect((await t.ok('cm-ann', del, { m: third.id }))['deleteChatMessage']).toEqual({ id: third.id, text: '', deleted: true });
    const history = await t.ok('cm-host', HISTORY, { r: roomId, f: 10 });
    const nodes = (history['room'] as { chatMessages: { edges: { node: Message }[] } }).chatMessages.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.text, n.deleted])).toEqual([
      ['', true],
      ['', true],
      ['second', false],
      ['', true],
    ]);
  });

  it('pinned links and settings: one RoomConversationChanged with every setting; any scheme but http(s) is BAD_USER_INPUT and changes nothing', async () => {
    const roomId = await t.liveRoom('cp-host', ['cp-ann']);
    const pinned = await t.ok('cp-host', SETTINGS, {
      input: { roomId, pinnedLinks: [{ url: 'https://example.com/slides', title: ' Slides ' }, { url: 'http://example.org/paper' }] },
    });
    expect(pinned['updateRoomConversation']).toMatchObject({
      chatMode: 'OPEN',
      pinnedLinks: [
        { url: 'https://example.com/slides', title: 'Slides', pinnedBy: { id: 'cp-host' } },
        { url: 'http://example.org/paper', title: null, pinnedBy: { id: 'cp-host' } },
      ],
    });
    const before = await storedEvents(t.api, roomId);
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/file']) {
      const refused = await t.refusal('cp-host', SETTINGS, { input: { roomId, chatMode: 'OFF', pinnedLinks: [{ url }] } });
      expect(refused.code).toBe('BAD_USER_INPUT');
    }
    const six = Array.from({ length: 6 }, (_, i) => ({ url: `https://example.com/${i}` }));
    expect((await t.refusal('cp-host', SETTINGS, { input: { roomId, pinnedLinks: six } })).code).toBe('BAD_USER_INPUT');
    expect((await t.refusal('cp-host', SETTINGS, { input: { roomId, chatSlowModeSeconds: 0 } })).code).toBe('BAD_USER_INPUT');
    expect(await storedEvents(t.api, roomId)).toEqual(before);
    // Setting what is set changes nothing: no event.
    await t.ok('cp-host', SETTINGS, { input: { roomId, chatMode: 'OPEN' } });
    const events = await storedEvents(t.api, roomId);
    expect(events).toEqual(before);
    const changed = events.filter((e) => e.type === 'RoomConversationChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.payload).toMatchObject({ settings: { chatMode: 'OPEN', screensQuestions: false, pinnedLinks: [{ url: 'https://example.com/slides' }, { url: 'http://example.org/paper' }] } });
    await expectConsecutiveVersions(t.api, roomId);
  });

  it('rights: a banned person neither writes nor reads the history; a person who left may still delete their own message', async () => {
    const roomId = await t.liveRoom('cr-host', ['cr-ann', 'cr-bob']);
    const mine = await t.send('cr-bob', roomId, 'before I go');
    await t.send('cr-ann', roomId, 'hello');
    await t.ok('cr-host', `mutation($r: ID!, $p: ID!) { removeParticipant(roomId: $r, profileId: $p, ban: true) { id } }`, { r: roomId, p: 'cr-ann' });
    expect((await t.refusal('cr-ann', SEND, { r: roomId, t: 'still here?' })).code).toBe('CONFLICT');
    const history = await t.ok('cr-ann', HISTORY, { r: roomId, f: 10 });
    expect((history['room'] as { chatMessages: { edges: unknown[] } } | null)?.chatMessages.edges ?? []).toEqual([]);
    await t.ok('cr-bob', `mutation($r: ID!) { leaveRoom(roomId: $r) { id } }`, { r: roomId });
    expect((await t.ok('cr-bob', `mutation($m: ID!) { deleteChatMessage(messageId: $m) { deleted } }`, { m: mine.id }))['deleteChatMessage']).toEqual({ deleted: true });
  });

  it('standings, and the kind "a read check in front of a right the access table opens wider" (the given case): a person the host blocked neither writes, reacts nor reads the history, and may still delete their own message (was NOT_FOUND); so may a suspended person, who may do nothing else', async () => {
    const roomId = await t.liveRoom('cx-host', ['cx-ann', 'cx-bob', 'cx-cy']);
    const annsOwn = await t.send('cx-ann', roomId, 'before the block');
    const bobsOwn = await t.send('cx-bob', roomId, 'before the suspension');
    const REACT = `mutation($r: ID!) { react(roomId: $r, reaction: CLAP) }`;
    const DELETE = `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id deleted } }`;

    await t.ok('cx-host', `mutation($p: ID!) { block(profileId: $p) { id } }`, { p: 'cx-ann' });
    expect((await t.refusal('cx-ann', SEND, { r: roomId, t: 'after the block' })).code).toBe('FORBIDDEN');
    expect((await t.refusal('cx-ann', REACT, { r: roomId })).code).toBe('FORBIDDEN');
    const history = await t.ok('cx-ann', HISTORY, { r: roomId, f: 10 });
    expect((history['room'] as { chatMessages: { edges: unknown[] } } | null)?.chatMessages.edges ?? []).toEqual([]);
    expect((await t.ok('cx-ann', DELETE, { m: annsOwn.id }))['deleteChatMessage']).toEqual({ id: annsOwn.id, deleted: true });

    const staff = await staffTokenFor(t.api, 'cx-staff');
    const filed = await t.ok('cx-cy', `mutation($input: ReportAbuseInput!) { reportAbuse(input: $input) { id } }`, { input: { roomId, profileId: 'cx-bob', category: 'HARASSMENT' } });
    const reportId = (filed['reportAbuse'] as { id: string }).id;
    const resolved = await t.api.request(`mutation($input: ResolveReportInput!) { resolveReport(input: $input) { id } }`, { input: { reportId, action: 'SUSPEND' } }, staff);
    expect(resolved.errors).toBeUndefined();
    expect((await t.refusal('cx-bob', SEND, { r: roomId, t: 'while suspended' })).code).toBe('FORBIDDEN');
    expect((await t.refusal('cx-bob', REACT, { r: roomId })).code).toBe('FORBIDDEN');
    expect((await t.ok('cx-bob', DELETE, { m: bobsOwn.id }))['deleteChatMessage']).toEqual({ id: bobsOwn.id, deleted: true });
    expect(await t.count()).toBe(2);
  });

  it('bad input: empty and over-long text and a malformed room id are BAD_USER_INPUT and store nothing (screening: screening.e2e.spec.ts)', async () => {
    const roomId = await t.liveRoom('cb-host', ['cb-ann']);
    expect((await t.refusal('cb-ann', SEND, { r: roomId, t: '   ' })).code).toBe('BAD_USER_INPUT');
    expect((await t.refusal('cb-ann', SEND, { r: roomId, t: 'x'.repeat(1001) })).code).toBe('BAD_USER_INPUT');
    expect((await t.refusal('cb-ann', SEND, { r: 'nope', t: 'hi' })).code).toBe('BAD_USER_INPUT');
    expect(await t.count()).toBe(0);
  });
});

describe('room chat rates by role (CHAT_LISTENER_MESSAGES_PER_30S=2, CHAT_STAGE_MESSAGES_PER_30S=4)', () => {
  const t = chatSuite({ CHAT_LISTENER_MESSAGES_PER_30S: '2', CHAT_STAGE_MESSAGES_PER_30S: '4' });
  beforeEach(() => t.api.clear());

  it('a listener past their rate is RATE_LIMITED (never dropped silently); the stage has a higher rate', async () => {
    const roomId = await t.liveRoom('cl-host', ['cl-ann']);
    await t.send('cl-ann', roomId, 'one');
    await t.send('cl-ann', roomId, 'two');
    expect((await t.refusal('cl-ann', SEND, { r: roomId, t: 'three' })).code).toBe('RATE_LIMITED');
    for (const n of [1, 2, 3, 4]) await t.send('cl-host', roomId, `host ${n}`);
    expect((await t.refusal('cl-host', SEND, { r: roomId, t: 'host 5' })).code).toBe('RATE_LIMITED');
    expect(await t.count()).toBe(6);
  });
});

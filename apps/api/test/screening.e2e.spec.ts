// Screening of every text others see: slurs and hate terms (obfuscated too) are refused with
// BAD_USER_INPUT naming the field and change nothing; milder profanity is stored and files a
// system report (no reporter) with a SCREENING_FLAGGED audit entry.
import { type GraphQLResponse, tokenFor, useTestApi } from './support/test-api';
import { codeOf, moderationSnapshot, ok, OPS, refused, sql, stagedRoom } from './support/trust-and-safety-operations';
import { staffTokenFor } from './support/staff';

const REFUSED_FORMS = ['n1gg3r', 'k!k3', 'n i g g e r', 'ｎｉｇｇｅｒ', 'nig\u200bger', 'Great talk, you f@gg0t'];
const FLAGGED = 'what the f u c k';

describe('screening of every text field others see', () => {
  const api = useTestApi();
  let token: string;

  beforeEach(async () => {
    await api.clear();
    token = await tokenFor('scr-author');
    await ok(api, OPS.viewer, {}, token);
  });

  interface Field {
    readonly field: string;
    /** Runs the mutation with `text` in the field; returns the response. */
    run(text: string): Promise<GraphQLResponse>;
    /** The room the text belongs to (for the system report), or null. */
    roomOf?: () => Promise<string | null>;
  }

  const fields: Field[] = [
    { field: 'title', run: (text) => api.request(OPS.createRoom, { title: text }, token) },
    { field: 'description', run: (text) => api.request(OPS.createRoom, { title: 'Clean title', description: text }, token) },
    { field: 'displayName', run: (text) => api.request(OPS.updateProfile, { input: { displayName: text } }, token) },
    { field: 'headline', run: (text) => api.request(OPS.updateProfile, { input: { headline: text } }, token) },
    { field: 'name', run: (text) => api.request(OPS.createGroup, { name: text }, token) },
  ];

  it.each(fields.map((field) => [field.field, field] as const))('%s: every obfuscated slur is refused, naming the field, and nothing changes', async (_name, field) => {
    for (const text of REFUSED_FORMS) {
      const before = await moderationSnapshot(api);
      const [rooms, groups, profile] = await Promise.all([
        sql(api, `select id from rooms`),
        sql(api, `select id from groups`),
        sql(api, `select display_name, headline from profiles where id = 'scr-author'`),
      ]);
      const response = await field.run(text);
      expect({ text, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ text, code: 'BAD_USER_INPUT', field: field.field });
      expect(await moderationSnapshot(api)).toEqual(before);
      expect(await sql(api, `select id from rooms`)).toEqual(rooms);
      expect(await sql(api, `select id from groups`)).toEqual(groups);
      expect(await sql(api, `select display_name, headline from profiles where id = 'scr-author'`)).toEqual(profile);
    }
  });

  it.each(fields.map((field) => [field.field, field] as const))('%s: milder profanity is stored and files a system report with an audit entry', async (name, field) => {
    const response = await field.run(FLAGGED);
    expect(response.errors).toBeUndefined();
    const reports = await sql<{ id: string; reporter_id: string | null; reported_profile_id: string; details: string; room_id: string | null }>(api, `select id, reporter_id, reported_profile_id, details, room_id from reports`);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reporter_id: null, reported_profile_id: 'scr-author', details: expect.stringContaining(name) });
    expect(reports[0]?.room_id === null).toBe(name === 'displayName' || name === 'headline' || name === 'name');
    const log = await sql<{ action: string; report_ids: string[]; actor_id: string | null }>(api, `select action, report_ids, actor_id from moderation_log`);
    expect(log).toEqual([{ action: 'SCREENING_FLAGGED', report_ids: [reports[0]?.id], actor_id: null }]);
  });

  it('hand questions: refused before the command runs (no hand raised, no event); flagged ones raise the hand and reach the queue', async () => {
    const room = await stagedRoom(api, 'scrq', { listeners: ['scrq-ann'] });
    const ann = room.tokens['scrq-ann'] as string;
    const versionBefore = await sql(api, `select version from room_streams where room_id = ?`, [room.roomId]);
    for (const text of REFUSED_FORMS) {
      const response = await refused(api, OPS.raiseHand, { r: room.roomId, q: text }, ann);
      expect({ text, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ text, code: 'BAD_USER_INPUT', field: 'question' });
    }
    expect(await sql(api, `select version from room_streams where room_id = ?`, [room.roomId])).toEqual(versionBefore);
    expect(await sql(api, `select hand_raised_at from participants where profile_id = 'scrq-ann'`)).toEqual([{ hand_raised_at: null }]);

    await ok(api, OPS.raiseHand, { r: room.roomId, q: `Is this ${FLAGGED}?` }, ann);
    const staff = await staffTokenFor(api, 'scr-staff');
    const queue = await ok<{ moderationQueue: { edges: { node: { details: string; distinctReporters: number; room: { id: string }; reportedProfile: { id: string } } }[] } }>(api, OPS.queue, {}, staff);
    expect(queue.moderationQueue.edges).toHaveLength(1);
    expect(queue.moderationQueue.edges[0]?.node).toMatchObject({ room: { id: room.roomId }, reportedProfile: { id: 'scrq-ann' }, distinctReporters: 0 });
    expect(queue.moderationQueue.edges[0]?.node.details).toMatch(/question/);
  });

  it('clean text passes with no report (innocent words that contain screened letters included)', async () => {
    for (const title of ['Scunthorpe United supporters', 'Classic assessments', 'Cocktail hour']) {
      await ok(api, OPS.createRoom, { title }, token);
    }
    expect(await sql(api, `select id from reports`)).toEqual([]);
  });

  it.each([
    ['askQuestion', `mutation($r: ID!, $t: String!) { askQuestion(input: { roomId: $r, text: $t }) { id } }`, 'room_questions'],
    ['sendChatMessage', `mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }`, 'chat_messages'],
  ] as const)('%s text (issues 16 and 17): refused forms store nothing and add no event; flagged text is stored and files a system report', async (_name, mutation, table) => {
    const room = await stagedRoom(api, `scr${table.slice(0, 4)}`, { listeners: [`scr${table.slice(0, 4)}-ann`] });
    const ann = room.tokens[`scr${table.slice(0, 4)}-ann`] as string;
    const versionBefore = await sql(api, `select version from room_streams where room_id = ?`, [room.roomId]);
    for (const text of REFUSED_FORMS) {
      const response = await refused(api, mutation, { r: room.roomId, t: text }, ann);
      expect({ text, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ text, code: 'BAD_USER_INPUT', field: 'text' });
    }
    expect(await sql(api, `select id from ${table}`)).toEqual([]);
    expect(await sql(api, `select version from room_streams where room_id = ?`, [room.roomId])).toEqual(versionBefore);
    await ok(api, mutation, { r: room.roomId, t: `Is this ${FLAGGED}?` }, ann);
    expect(await sql(api, `select id from ${table}`)).toHaveLength(1);
    const reports = await sql<{ reporter_id: string | null; reported_profile_id: string; room_id: string }>(api, `select reporter_id, reported_profile_id, room_id from reports`);
    expect(reports).toEqual([{ reporter_id: null, reported_profile_id: `scr${table.slice(0, 4)}-ann`, room_id: room.roomId }]);
  });

  // Kind: screened text whose flags are thrown away (a pinned link's title was screened, refused
  // forms stopped, but a flagged title was stored with no report).
  it('pinned link titles (issue 17): refused forms change nothing; a flagged title is stored and files a system report about the host who pinned it', async () => {
    const room = await stagedRoom(api, 'scrpin', { listeners: [] });
    const host = room.tokens['scrpin-host'] as string;
    const UPDATE = `mutation($input: UpdateRoomConversationInput!) { updateRoomConversation(input: $input) { pinnedLinks { title } } }`;
    const versionBefore = await sql(api, `select version from room_streams where room_id = ?`, [room.roomId]);
    for (const title of REFUSED_FORMS) {
      const response = await refused(api, UPDATE, { input: { roomId: room.roomId, pinnedLinks: [{ url: 'https://example.com/a', title: 'Slides' }, { url: 'https://example.com/b', title }] } }, host);
      expect({ title, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ title, code: 'BAD_USER_INPUT', field: 'pinnedLinks.1.title' });
    }
    expect(await sql(api, `select version from room_streams where room_id = ?`, [room.roomId])).toEqual(versionBefore);
    expect(await sql(api, `select id from reports`)).toEqual([]);
    // The variant: the flagged title second, after a clean one, so the flag's field is not the first.
    const pinned = await ok(api, UPDATE, { input: { roomId: room.roomId, pinnedLinks: [{ url: 'https://example.com/a', title: 'Slides' }, { url: 'https://example.com/b', title: `Notes, ${FLAGGED}` }] } }, host);
    expect((pinned['updateRoomConversation'] as { pinnedLinks: { title: string }[] }).pinnedLinks.map((link) => link.title)).toEqual(['Slides', `Notes, ${FLAGGED}`]);
    const reports = await sql<{ reporter_id: string | null; reported_profile_id: string; room_id: string }>(api, `select reporter_id, reported_profile_id, room_id from reports`);
    expect(reports).toEqual([{ reporter_id: null, reported_profile_id: 'scrpin-host', room_id: room.roomId }]);
  });

  // Kind: a link screened as its title only, never as the words its URL shows (`readableUrl`).
  it('pinned link URLs (issue 17): a slur in the path (the given case), percent-encoded in the query or as the host (variants) is refused naming the URL and changes nothing; a flagged slug files a system report', async () => {
    const room = await stagedRoom(api, 'scrurl', { listeners: [] });
    const host = room.tokens['scrurl-host'] as string;
    const UPDATE = `mutation($input: UpdateRoomConversationInput!) { updateRoomConversation(input: $input) { pinnedLinks { url } } }`;
    const versionBefore = await sql(api, `select version from room_streams where room_id = ?`, [room.roomId]);
    const linksBefore = await sql(api, `select pinned_links from rooms where id = ?`, [room.roomId]);
    for (const url of ['https://example.com/talks/n1gg3r', 'https://example.com/watch?v=n%69gg%65r', 'https://k1ke.example/', 'https://example.com/#%6B%69%6B%65']) {
      const response = await refused(api, UPDATE, { input: { roomId: room.roomId, pinnedLinks: [{ url: 'https://example.com/slides', title: 'Slides' }, { url, title: 'Notes' }] } }, host);
      expect({ url, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ url, code: 'BAD_USER_INPUT', field: 'pinnedLinks.1.url' });
    }
    expect(await sql(api, `select version from room_streams where room_id = ?`, [room.roomId])).toEqual(versionBefore);
    expect(await sql(api, `select pinned_links from rooms where id = ?`, [room.roomId])).toEqual(linksBefore);
    expect(await sql(api, `select id from reports`)).toEqual([]);
    const flaggedUrl = 'https://example.com/blog/what-the-f-u-c-k';
    const pinned = await ok(api, UPDATE, { input: { roomId: room.roomId, pinnedLinks: [{ url: 'https://example.com/slides' }, { url: flaggedUrl }] } }, host);
    expect((pinned['updateRoomConversation'] as { pinnedLinks: { url: string }[] }).pinnedLinks.map((link) => link.url)).toEqual(['https://example.com/slides', flaggedUrl]);
    const reports = await sql<{ reporter_id: string | null; reported_profile_id: string; room_id: string; details: string }>(api, `select reporter_id, reported_profile_id, room_id, details from reports`);
    expect(reports).toEqual([{ reporter_id: null, reported_profile_id: 'scrurl-host', room_id: room.roomId, details: expect.stringContaining('pinnedLinks.1.url') }]);
  });
});

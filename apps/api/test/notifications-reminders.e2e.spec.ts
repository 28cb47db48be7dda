// Issue 18, first slice: reminders on rooms and follow levels, through the API over real HTTP on
// the real PostgreSQL. Every refusal carries a contract code and changes nothing.
import { codeOf, okOn, sql, tracedStatements } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';

const FUTURE = () => new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString();

describe('reminders and follow levels (issue 18)', () => {
  const api = useTestApi();
  const ok = okOn(api);
  let host: string;
  let alice: string;
  let bob: string;

  beforeEach(async () => {
    await api.clear();
    host = await tokenFor('rem-host');
    alice = await tokenFor('rem-alice');
    bob = await tokenFor('rem-bob');
    for (const token of [host, alice, bob]) await ok(`{ viewer { id } }`, {}, token);
  });

  async function scheduledRoom(title = 'Scheduled', extra = ''): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      `mutation($at: DateTime!) { createRoom(input: { title: "${title}", scheduledFor: $at ${extra} }) { id } }`,
      { at: FUTURE() },
      host,
    );
    return createRoom.id;
  }

  const SET_REMINDER = `mutation($r: ID!, $remind: Boolean!) { setRoomReminder(roomId: $r, remind: $remind) { id reminderCount viewerWantsReminder } }`;

  it('setRoomReminder asks and stops asking, idempotently; reminderCount and viewerWantsReminder follow', async () => {
    const roomId = await scheduledRoom();
    const first = await ok<{ setRoomReminder: { reminderCount: number; viewerWantsReminder: boolean } }>(SET_REMINDER, { r: roomId, remind: true }, alice);
    expect(first.setRoomReminder).toMatchObject({ reminderCount: 1, viewerWantsReminder: true });
    const again = await ok<{ setRoomReminder: { reminderCount: number } }>(SET_REMINDER, { r: roomId, remind: true }, alice);
    expect(again.setRoomReminder.reminderCount).toBe(1);
    await ok(SET_REMINDER, { r: roomId, remind: true }, bob);
    const { room } = await ok<{ room: { reminderCount: number; viewerWantsReminder: boolean } }>(
      `query($r: ID!) { room(id: $r) { reminderCount viewerWantsReminder } }`,
      { r: roomId },
      host,
    );
    expect(room).toEqual({ reminderCount: 2, viewerWantsReminder: false });
    const off = await ok<{ setRoomReminder: { reminderCount: number; viewerWantsReminder: boolean } }>(SET_REMINDER, { r: roomId, remind: false }, alice);
    expect(off.setRoomReminder).toEqual({ id: roomId, reminderCount: 1, viewerWantsReminder: false });
  });

  it('reminderCount and viewerWantsReminder are batched: the same statements for 2 rooms and for 12', async () => {
    const QUERY = `{ rooms(first: 50) { edges { node { id reminderCount viewerWantsReminder } } } }`;
    const rooms = [await scheduledRoom('r0'), await scheduledRoom('r1')];
    for (const r of rooms) await ok(SET_REMINDER, { r, remind: true }, alice);
    const few = await tracedStatements<{ rooms: { edges: { node: { reminderCount: number; viewerWantsReminder: boolean } }[] } }>(api, QUERY, {}, alice);
    for (let i = 2; i < 12; i += 1) {
      const r = await scheduledRoom(`r${i}`);
      if (i % 2 === 0) await ok(SET_REMINDER, { r, remind: true }, alice);
    }
    const many = await tracedStatements<{ rooms: { edges: { node: { reminderCount: number; viewerWantsReminder: boolean } }[] } }>(api, QUERY, {}, alice);
    expect(many.data.rooms.edges).toHaveLength(12);
    expect(many.data.rooms.edges.filter((e) => e.node.viewerWantsReminder)).toHaveLength(7);
    expect(many.data.rooms.edges.reduce((sum, e) => sum + e.node.reminderCount, 0)).toBe(7);
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.filter((s) => /room_reminders/.test(s))).toHaveLength(2);
  });

  it('refuses a reminder with a contract code, and changes nothing', async () => {
    const privateRoom = await scheduledRoom('Private', ', visibility: PRIVATE');
    const ended = await scheduledRoom('Ended');
    await ok(`mutation($r: ID!) { cancelRoom(roomId: $r) { id } }`, { r: ended }, host);
    const blockedBy = await scheduledRoom('Host blocked bob');
    await ok(`mutation { block(profileId: "rem-bob") { id } }`, {}, host);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['not an id', alice, { r: 'nope', remind: true }, 'BAD_USER_INPUT'],
      ['unknown room', alice, { r: '00000000-0000-4000-8000-000000000000', remind: true }, 'NOT_FOUND'],
      ['a PRIVATE room one is not invited to', alice, { r: privateRoom, remind: true }, 'NOT_FOUND'],
      ['an ENDED room', alice, { r: ended, remind: true }, 'CONFLICT'],
      ['a room whose host blocked the viewer', bob, { r: blockedBy, remind: true }, 'FORBIDDEN'],
      ['signed out', '', { r: ended, remind: true }, 'UNAUTHENTICATED'],
    ];
    for (const [name, token, variables, code] of cases) {
      const response = await api.request(SET_REMINDER, variables, token || null);
      expect([name, codeOf(response)]).toEqual([name, code]);
    }
    expect(await sql(api, `select * from room_reminders`)).toEqual([]);
  });

  it('following starts at LIVE_ONLY; setFollowNotifications changes the level; viewerNotifications is null when not following', async () => {
    const LEVEL = `query { profile(id: "rem-host") { viewerFollows viewerNotifications } }`;
    expect((await ok<{ profile: unknown }>(LEVEL, {}, alice)).profile).toEqual({ viewerFollows: false, viewerNotifications: null });
    await ok(`mutation { follow(profileId: "rem-host") { id } }`, {}, alice);
    expect((await ok<{ profile: unknown }>(LEVEL, {}, alice)).profile).toEqual({ viewerFollows: true, viewerNotifications: 'LIVE_ONLY' });
    const { setFollowNotifications } = await ok<{ setFollowNotifications: { id: string; viewerNotifications: string } }>(
      `mutation { setFollowNotifications(profileId: "rem-host", level: ALL) { id viewerNotifications } }`,
      {},
      alice,
    );
    expect(setFollowNotifications).toEqual({ id: 'rem-host', viewerNotifications: 'ALL' });
    expect((await ok<{ profile: unknown }>(LEVEL, {}, bob)).profile).toEqual({ viewerFollows: false, viewerNotifications: null });
  });

  it('setFollowNotifications refuses with a contract code and changes nothing', async () => {
    await ok(`mutation { follow(profileId: "rem-host") { id } }`, {}, alice);
    const SET = `mutation($p: ID!, $l: FollowNotifications!) { setFollowNotifications(profileId: $p, level: $l) { id } }`;
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['a profile the viewer does not follow', bob, { p: 'rem-host', l: 'ALL' }, 'CONFLICT'],
      ['an unknown profile', alice, { p: 'rem-nobody', l: 'ALL' }, 'NOT_FOUND'],
      ['a malformed profile id', alice, { p: ' ', l: 'OFF' }, 'BAD_USER_INPUT'],
      ['signed out', '', { p: 'rem-host', l: 'OFF' }, 'UNAUTHENTICATED'],
    ];
    for (const [name, token, variables, code] of cases) {
      const response = await api.request(SET, variables, token || null);
      expect([name, codeOf(response)]).toEqual([name, code]);
    }
    expect(await sql(api, `select follower_id, followee_id, notifications from follows order by follower_id`)).toEqual([
      { follower_id: 'rem-alice', followee_id: 'rem-host', notifications: 'LIVE_ONLY' },
    ]);
  });
});

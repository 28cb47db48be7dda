// Issue 15: open sessions follow current rights. A socket subscription, a pending hand and a media
// grant never outlive a right that was lost; every such decision is the one access policy's
// (`libs/domain/src/rooms/room-access-policy.ts`, asked through `rooms/access/room-access.policy.ts`).
import { okOn, sql } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { Collector, roomSubscribersReach, tokenFor, useTestApi } from './support/test-api';

const EVENTS = `subscription($roomId: ID!) { roomEvents(roomId: $roomId) { __typename version } }`;
const JOIN = `mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`;
const RAISE = `mutation($id: ID!, $q: String) { raiseHand(roomId: $id, question: $q) { id } }`;
const REFRESH = `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token canPublish } }`;
const MOVE_BACK = `mutation($id: ID!, $p: ID!) { moveToAudience(roomId: $id, profileId: $p) { id role } }`;
const BLOCK = `mutation($p: ID!) { block(profileId: $p) { id } }`;
const HANDS = `query($id: ID!) { room(id: $id) { raisedHands { profile { id } handRaiseQuestion } } }`;
const INVITE = `mutation($id: ID!, $p: ID!) { inviteToStage(roomId: $id, profileId: $p) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptStageInvite(roomId: $id) { id role } }`;

type Hands = { room: { raisedHands: { profile: { id: string }; handRaiseQuestion: string | null }[] } };

describe('kind: a session outlives a right that was lost (issue 15)', () => {
  const api = useTestApi();
  const ok = okOn(api);
  let host: string;
  let xavi: string;

  beforeEach(async () => {
    await api.clear();
    [host, xavi] = await Promise.all([tokenFor('os-host', { name: 'Hana Host' }), tokenFor('os-xavi', { name: 'Xavi' })]);
  });

  async function liveRoomWithXavi(): Promise<string> {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      `mutation { createRoom(input: { title: "Rights follow sessions" }) { id } }`,
      {},
      host,
    );
    await ok(JOIN, { id: createRoom.id }, xavi);
    return createRoom.id;
  }

  it('given case: a host blocks a listener who watches, has a hand up and holds audio access: the stream ends, the hand goes, and media, hands and joins are refused', async () => {
    const roomId = await liveRoomWithXavi();
    await ok(RAISE, { id: roomId, q: 'May I ask about sharding?' }, xavi);
    const stream = new Collector<{ roomEvents: { __typename: string } }>();
    api.wsClient(xavi).subscribe({ query: EVENTS, variables: { roomId } }, stream.sink);
    await roomSubscribersReach(api, roomId, 1);

    await ok(BLOCK, { p: 'os-xavi' }, host);

    await stream.until(() => stream.completed || stream.errors.length > 0, "the blocked listener's stream to end");
    const hands = await ok<Hands>(HANDS, { id: roomId }, host);
    expect(hands.room.raisedHands.map((hand) => hand.profile.id)).not.toContain('os-xavi');
    expect(await sql(api, `select count(*)::int as n from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, 'os-xavi'])).toEqual([{ n: 0 }]);
    for (const [operation, variables] of [
      [REFRESH, { id: roomId }],
      [RAISE, { id: roomId, q: 'Again?' }],
      [JOIN, { id: roomId }],
    ] as const) {
      const refused = await api.request(operation, variables, xavi);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('variant: a speaker the host blocks leaves the stage, and a later token for them cannot publish or even listen', async () => {
    const roomId = await liveRoomWithXavi();
    await ok(INVITE, { id: roomId, p: 'os-xavi' }, host);
    await ok(ACCEPT, { id: roomId }, xavi);
    const speaking = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(REFRESH, { id: roomId }, xavi);
    expect(speaking.refreshAudioAccess).toMatchObject({ token: expect.any(String), canPublish: true });

    await ok(BLOCK, { p: 'os-xavi' }, host);

    const stage = await sql<{ role: string }>(api, `select role from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, 'os-xavi']);
    expect(stage).toEqual([]);
    const refreshed = await api.request(REFRESH, { id: roomId }, xavi);
    expect(refreshed.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Blocking someone who is in none of the blocker's rooms changes no room.
    const before = await sql(api, `select version from room_streams where room_id = ?`, [roomId]);
    await ok(`{ viewer { id } }`, {}, await tokenFor('os-someone'));
    await ok(BLOCK, { p: 'os-someone' }, host);
    expect(await sql(api, `select version from room_streams where room_id = ?`, [roomId])).toEqual(before);
  });

  it('a media grant follows the role it was asked with: a speaker moved back gets a token that cannot publish', async () => {
    const roomId = await liveRoomWithXavi();
    await ok(INVITE, { id: roomId, p: 'os-xavi' }, host);
    await ok(ACCEPT, { id: roomId }, xavi);
    expect((await ok<{ refreshAudioAccess: { canPublish: boolean } }>(REFRESH, { id: roomId }, xavi)).refreshAudioAccess.canPublish).toBe(true);
    await ok(MOVE_BACK, { id: roomId, p: 'os-xavi' }, host);
    expect((await ok<{ refreshAudioAccess: { canPublish: boolean } }>(REFRESH, { id: roomId }, xavi)).refreshAudioAccess.canPublish).toBe(false);
  });

  describe('leaving the group of a GROUP room (also found by the rights-lost-mid-session property)', () => {
    const GROUP_ROOM = `mutation($g: ID!) { createRoom(input: { title: "Guild room", visibility: GROUP, groupId: $g }) { id } }`;
    const JOIN_GROUP = `mutation($g: ID!) { joinGroup(groupId: $g) { id } }`;
    const LEAVE_GROUP = `mutation($g: ID!) { leaveGroup(groupId: $g) { id } }`;
    const JOIN_WITH_MEDIA = `mutation($id: ID!) { joinRoom(roomId: $id) { audio { token } } }`;

    async function guildRoomWithXavi(): Promise<{ roomId: string; groupId: string }> {
      const { createGroup } = await ok<{ createGroup: { id: string } }>(`mutation { createGroup(input: { name: "Guild" }) { id } }`, {}, host);
      await ok(JOIN_GROUP, { g: createGroup.id }, xavi);
      const { createRoom } = await ok<{ createRoom: { id: string } }>(GROUP_ROOM, { g: createGroup.id }, host);
      const joined = await ok<{ joinRoom: { audio: { token: string } } }>(JOIN_WITH_MEDIA, { id: createRoom.id }, xavi);
      await api.livekit.connectWithToken(joined.joinRoom.audio.token);
      return { roomId: createRoom.id, groupId: createGroup.id };
    }

    const mediaSettled = async () => expect(await pollUntil(() => api.api.outbox.pendingCount(), (n) => n === 0)).toBe(0);

    it('given case: a listener with a hand up, an open stream and a media connection leaves the group: the participation, the hand and the media go, the stream ends', async () => {
      const { roomId, groupId } = await guildRoomWithXavi();
      await ok(RAISE, { id: roomId, q: 'Is this members only?' }, xavi);
      const stream = new Collector<{ roomEvents: { __typename: string } }>();
      api.wsClient(xavi).subscribe({ query: EVENTS, variables: { roomId } }, stream.sink);
      await roomSubscribersReach(api, roomId, 1);

      await ok(LEAVE_GROUP, { g: groupId }, xavi);

      await stream.until(() => stream.completed || stream.errors.length > 0, "the leaver's stream to end");
      expect(await sql(api, `select count(*)::int as n from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, 'os-xavi'])).toEqual([{ n: 0 }]);
      const hands = await ok<Hands>(HANDS, { id: roomId }, host);
      expect(hands.room.raisedHands.map((hand) => hand.profile.id)).not.toContain('os-xavi');
      await mediaSettled();
      expect(api.livekit.identities(roomId)).not.toContain('os-xavi');
      expect((await api.request(REFRESH, { id: roomId }, xavi)).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    });

    it('variant: a speaker who leaves the group leaves the stage and the media room; the host leaving their own group keeps hosting', async () => {
      const { roomId, groupId } = await guildRoomWithXavi();
      await ok(INVITE, { id: roomId, p: 'os-xavi' }, host);
      await ok(ACCEPT, { id: roomId }, xavi);
      const speaking = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(REFRESH, { id: roomId }, xavi);
      await api.livekit.connectWithToken(speaking.refreshAudioAccess.token, { microphone: 'unmuted' });

      await ok(LEAVE_GROUP, { g: groupId }, xavi);
      await ok(LEAVE_GROUP, { g: groupId }, host);

      expect(await sql(api, `select profile_id, role from participants where room_id = ? and left_at is null order by profile_id`, [roomId])).toEqual([
        { profile_id: 'os-host', role: 'HOST' },
      ]);
      await mediaSettled();
      expect(api.livekit.identities(roomId)).not.toContain('os-xavi');
      // Out of the room and out of the group: leaving again is NOT_FOUND, as for a room never seen.
      const again = await api.request(`mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`, { id: roomId }, xavi);
      expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    });
  });
});

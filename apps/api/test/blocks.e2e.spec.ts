// Blocks: idempotent block/unblock; a blocked profile cannot join rooms the blocker hosts; rooms
// hosted by someone the viewer blocked leave the viewer's `rooms` and `recommendedRooms`.
import { createServer } from 'node:net';

import { wsExecute } from './support/graphql-helpers';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';
import { codeOf, moderationSnapshot, ok, OPS, refused, sql } from './support/trust-and-safety-operations';
import { staffTokenFor } from './support/staff';

/** A port nothing listens on: the recommender is "down", so the heuristic ranks (no model needed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('blocks', () => {
  let api: TestApi;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    api = await startTestApi({ RECOMMENDER_URL: `http://127.0.0.1:${await closedPort()}`, RECOMMENDER_TIMEOUT_MS: '200' });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
    ann = await tokenFor('blk-ann');
    bob = await tokenFor('blk-bob');
    await ok(api, OPS.viewer, {}, ann);
    await ok(api, OPS.viewer, {}, bob);
  });

  it('block and unblock are idempotent and show in Profile.viewerBlocks; blocking yourself or nobody is refused and changes nothing', async () => {
    expect((await ok<{ block: { viewerBlocks: boolean } }>(api, OPS.block, { p: 'blk-bob' }, ann)).block.viewerBlocks).toBe(true);
    expect((await ok<{ block: { viewerBlocks: boolean } }>(api, OPS.block, { p: 'blk-bob' }, ann)).block.viewerBlocks).toBe(true);
    expect(await sql(api, `select blocker_id, blocked_id from blocks`)).toEqual([{ blocker_id: 'blk-ann', blocked_id: 'blk-bob' }]);
    expect((await ok<{ profile: { viewerBlocks: boolean } }>(api, OPS.profileBlocks, { p: 'blk-bob' }, ann)).profile.viewerBlocks).toBe(true);
    expect((await ok<{ profile: { viewerBlocks: boolean } }>(api, OPS.profileBlocks, { p: 'blk-ann' }, bob)).profile.viewerBlocks).toBe(false);

    const before = await moderationSnapshot(api);
    const self = await refused(api, OPS.block, { p: 'blk-ann' }, ann);
    expect({ code: codeOf(self), field: self.errors?.[0]?.extensions?.['field'] }).toEqual({ code: 'BAD_USER_INPUT', field: 'profileId' });
    expect(codeOf(await refused(api, OPS.block, { p: 'blk-nobody' }, ann))).toBe('NOT_FOUND');
    expect(codeOf(await refused(api, OPS.block, { p: 'blk-bob' }, null))).toBe('UNAUTHENTICATED');
    expect(await moderationSnapshot(api)).toEqual(before);

    expect((await ok<{ unblock: { viewerBlocks: boolean } }>(api, OPS.unblock, { p: 'blk-bob' }, ann)).unblock.viewerBlocks).toBe(false);
    expect((await ok<{ unblock: { viewerBlocks: boolean } }>(api, OPS.unblock, { p: 'blk-bob' }, ann)).unblock.viewerBlocks).toBe(false);
    expect(await sql(api, `select * from blocks`)).toEqual([]);
  });

  it('a blocked profile cannot join or watch rooms the blocker hosts (FORBIDDEN, nothing changes); others and other rooms are unaffected', async () => {
    const { createRoom } = await ok<{ createRoom: { id: string } }>(api, OPS.createRoom, { title: "Ann's room" }, ann);
    await ok(api, OPS.block, { p: 'blk-bob' }, ann);
    const before = await moderationSnapshot(api);
    const join = await refused(api, OPS.joinRoom, { r: createRoom.id }, bob);
    expect(codeOf(join)).toBe('FORBIDDEN');
    expect(join.errors?.[0]?.message).toMatch(/blocked/);
    expect(await moderationSnapshot(api)).toEqual(before);
    // Nor watch it over graphql-ws.
    const watch = await wsExecute(api.wsClient(bob), `subscription($r: ID!) { roomEvents(roomId: $r) { version } }`, { r: createRoom.id });
    expect(codeOf(watch)).toBe('FORBIDDEN');
    await ok(api, OPS.joinRoom, { r: createRoom.id }, await tokenFor('blk-cat'));
    // The other way round is not a block: Ann may join Bob's room.
    const bobs = await ok<{ createRoom: { id: string } }>(api, OPS.createRoom, { title: "Bob's room" }, bob);
    await ok(api, OPS.joinRoom, { r: bobs.createRoom.id }, ann);
    await ok(api, OPS.unblock, { p: 'blk-bob' }, ann);
    await ok(api, OPS.joinRoom, { r: createRoom.id }, bob);
  });

  it("rooms hosted by someone the viewer blocked leave the viewer's rooms and recommendedRooms", async () => {
    const bobs = await ok<{ createRoom: { id: string } }>(api, OPS.createRoom, { title: 'Platform engineering with Bob' }, bob);
    const cats = await ok<{ createRoom: { id: string } }>(api, OPS.createRoom, { title: 'Platform engineering with Cat' }, await tokenFor('blk-cat'));
    const listed = async () => (await ok<{ rooms: { edges: { node: { id: string } }[] } }>(api, OPS.rooms, {}, ann)).rooms.edges.map((edge) => edge.node.id).sort();
    const recommended = async () =>
      (await ok<{ recommendedRooms: { items: { room: { id: string } }[] } }>(api, `{ recommendedRooms(first: 20) { items { room { id } } } }`, {}, ann)).recommendedRooms.items
        .map((item) => item.room.id)
        .sort();
    expect(await listed()).toEqual([bobs.createRoom.id, cats.createRoom.id].sort());
    expect(await recommended()).toEqual([bobs.createRoom.id, cats.createRoom.id].sort());
    await ok(api, OPS.block, { p: 'blk-bob' }, ann);
    expect(await listed()).toEqual([cats.createRoom.id]);
    expect(await recommended()).toEqual([cats.createRoom.id]);
    // Staff lists follow the same rule for the rooms they blocked.
    const staff = await staffTokenFor(api, 'blk-staff');
    await ok(api, OPS.block, { p: 'blk-cat' }, staff);
    expect((await ok<{ rooms: { edges: { node: { id: string } }[] } }>(api, OPS.rooms, {}, staff)).rooms.edges.map((edge) => edge.node.id)).toEqual([bobs.createRoom.id]);
  });
});

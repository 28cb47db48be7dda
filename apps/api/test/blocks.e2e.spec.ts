// Blocks: idempotent block/unblock; a blocked profile cannot join rooms the blocker hosts; rooms
// hosted by someone the viewer blocked leave the viewer's `rooms` and `recommendedRooms`.
import { createServer } from 'node:net';

import { untilLockWaiters, useLockClients } from './support/lock-waiters';

import { wsExecute } from './support/graphql-helpers';
import { type GraphQLResponse, startTestApi, type TestApi, tokenFor } from './support/test-api';
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

  /**
   * Kind: a right-loss lock that collides with the row locks of other writes between the same
   * people. The handshake with joins (rights-loss-lock.ts) first locked the blocked profile's
   * `profiles` row FOR UPDATE; a block row's foreign key then needs the blocker's row, so two blocks
   * crossing each other each held the row the other needed, and PostgreSQL failed one of them (the
   * same with a report, a follow or a ban between the two). The handshake now uses advisory locks
   * of its own. The `blocks` table is held from outside, so every block takes its locks and then
   * waits at its insert: the worst interleaving, every time.
   */
  describe('a block crossing other writes between the same people queues instead of deadlocking', () => {
    const locks = useLockClients();

    /** Sends every `[blocker, blocked]` block at once while inserts into `blocks` wait, then lets them go. */
    async function blockAllAtOnce(pairs: readonly (readonly [string, string])[]): Promise<GraphQLResponse[]> {
      await locks.holder.query('begin');
      let answers: Promise<GraphQLResponse[]> = Promise.resolve([]);
      try {
        await locks.holder.query('lock table blocks in share mode');
        answers = Promise.all(pairs.map(([blocker, blocked]) => api.request(OPS.block, { p: blocked }, blocker)));
        // Each block waits for a lock: at its insert, or at the handshake's lock of its blocked profile.
        await untilLockWaiters(locks.observer, pairs.length);
      } finally {
        await locks.holder.query('commit');
      }
      return answers;
    }

    it('given case: Ann blocks Bob while Bob blocks Ann: both blocks are made', async () => {
      const answers = await blockAllAtOnce([
        [ann, 'blk-bob'],
        [bob, 'blk-ann'],
      ]);
      expect(answers.map((answer) => answer.errors ?? [])).toEqual([[], []]);
      expect(await sql(api, `select blocker_id, blocked_id from blocks order by blocker_id`)).toEqual([
        { blocker_id: 'blk-ann', blocked_id: 'blk-bob' },
        { blocker_id: 'blk-bob', blocked_id: 'blk-ann' },
      ]);
    });

    it('variant: Bob follows Ann while Ann blocks Bob: the follow does not wait for the block, and both are made', async () => {
      await locks.holder.query('begin');
      let blocked: Promise<GraphQLResponse> | undefined;
      let followed: GraphQLResponse | undefined;
      try {
        await locks.holder.query('lock table blocks in share mode');
        blocked = api.request(OPS.block, { p: 'blk-bob' }, ann);
        await untilLockWaiters(locks.observer, 1);
        // The block holds its handshake lock on Bob and waits at its insert; Bob's follow of Ann
        // (a follows row, both follower counts) takes row locks only, so it is answered now.
        followed = await api.request(`mutation($p: ID!) { follow(profileId: $p) { id } }`, { p: 'blk-ann' }, bob);
      } finally {
        await locks.holder.query('commit');
      }
      expect(followed?.errors ?? []).toEqual([]);
      expect((await blocked)?.errors ?? []).toEqual([]);
      expect(await sql(api, `select blocker_id, blocked_id from blocks`)).toEqual([{ blocker_id: 'blk-ann', blocked_id: 'blk-bob' }]);
    });

    it('variant: three blocks in a cycle (Ann blocks Bob, Bob blocks Cat, Cat blocks Ann): all three are made', async () => {
      const cat = await tokenFor('blk-cat');
      await ok(api, OPS.viewer, {}, cat);
      const answers = await blockAllAtOnce([
        [ann, 'blk-bob'],
        [bob, 'blk-cat'],
        [cat, 'blk-ann'],
      ]);
      expect(answers.map((answer) => answer.errors ?? [])).toEqual([[], [], []]);
      expect(await sql(api, `select blocker_id, blocked_id from blocks order by blocker_id`)).toEqual([
        { blocker_id: 'blk-ann', blocked_id: 'blk-bob' },
        { blocker_id: 'blk-bob', blocked_id: 'blk-cat' },
        { blocker_id: 'blk-cat', blocked_id: 'blk-ann' },
      ]);
    });
  });
});

// The kind "a per-parent list resolved one query per parent": `viewerGroups` (and every other place
// a page of groups is reached, e.g. `rooms { group }`) let a client select `members(first, after)`
// and `rooms(status)` on each group, and each group ran its own SQL. They now go through the
// request's DataLoaders: one statement per distinct argument set, a LATERAL join giving each group
// its own keyset page and limit, under the same visibility rule as `rooms`. Counted over real HTTP
// from the ORM's query log, traced to the request by its X-Request-Id (as sql-count.e2e.spec.ts).
import { expectNoLeaks, okOn, tracedStatements } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';
import { staffTokenFor } from './support/staff';

const VIEWER_GROUPS_WITH_LISTS = `query {
  viewerGroups(first: 20) { edges { node { name members(first: 5) { edges { node { displayName } } pageInfo { hasNextPage } } rooms { title } } } }
}`;

interface GroupsWithLists {
  viewerGroups: {
    edges: { node: { name: string; members: { edges: { node: { displayName: string } }[]; pageInfo: { hasNextPage: boolean } }; rooms: { title: string }[] } }[];
  };
}

interface MembersPage {
  edges: { cursor: string; node: { displayName: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MEMBERS_PAGE = `members(first: 2, after: $after) { edges { cursor node { displayName } } pageInfo { hasNextPage endCursor } }`;

describe('a per-parent list resolved one query per parent', () => {
  const api = useTestApi();
  let viewer: string;
  let bystander: string;

  beforeEach(async () => {
    await api.clear();
    [viewer, bystander] = await Promise.all([tokenFor('kind-viewer', { name: 'Kind Viewer' }), tokenFor('kind-bystander', { name: 'Bystander' })]);
    await Promise.all([viewer, bystander].map((token) => ok(`{ viewer { id } }`, {}, token)));
  });

  const ok = okOn(api);

  /** The query's data and the SQL statements traced to its request id (the viewer signed in beforehand). */
  async function counted<T>(query: string, variables: Record<string, unknown>, token: string): Promise<{ data: T; statements: string[] }> {
    await ok(`{ viewer { id } }`, {}, token);
    return tracedStatements<T>(api, query, variables, token);
  }

  async function createGroup(token: string, name: string): Promise<string> {
    const data = await ok<{ createGroup: { id: string } }>(`mutation($name: String!) { createGroup(input: { name: $name }) { id } }`, { name }, token);
    return data.createGroup.id;
  }

  const joinGroup = (token: string, groupId: string) => ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, token);

  async function createRoom(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await ok<{ createRoom: { id: string } }>(`mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input }, token);
    return data.createRoom.id;
  }

  /**
   * Group g: created by "Owner g", joined in turn by "Member g.1" … "Member g.(g mod 5)" and then
   * by the viewer. The owner starts the GROUP room "Inner g"; Member g.1, if there is one, starts
   * "By member g", and for odd g the viewer blocks Member g.1 (their rooms leave the viewer's
   * lists). Everything through the API.
   */
  async function addGroups(from: number, to: number): Promise<string[]> {
    return Promise.all(
      Array.from({ length: to - from }, async (_, i) => {
        const g = from + i;
        const owner = await tokenFor(`kind-owner-${g}`, { name: `Owner ${g}` });
        const groupId = await createGroup(owner, `Group ${g}`);
        const members: string[] = [];
        for (let j = 1; j <= g % 5; j += 1) {
          members.push(await tokenFor(`kind-member-${g}-${j}`, { name: `Member ${g}.${j}` }));
          await joinGroup(members.at(-1)!, groupId);
        }
        await joinGroup(viewer, groupId);
        await createRoom(owner, { title: `Inner ${g}`, visibility: 'GROUP', groupId });
        if (members[0]) {
          await createRoom(members[0], { title: `By member ${g}`, visibility: 'GROUP', groupId });
          if (g % 2 === 1) await ok(`mutation($p: ID!) { block(profileId: $p) { id } }`, { p: `kind-member-${g}-1` }, viewer);
        }
        return groupId;
      }),
    );
  }

  const groupNumber = (name: string) => Number(name.replace('Group ', ''));
  const joinOrder = (g: number) => [`Owner ${g}`, ...Array.from({ length: g % 5 }, (_, j) => `Member ${g}.${j + 1}`), 'Kind Viewer'];
  /** Group g's rooms, newest first, for the viewer (`blocked`: the viewer blocked odd groups' Member g.1) or for staff. */
  const roomsOf = (g: number, blocked: boolean) => [...(g % 5 >= 1 && !(blocked && g % 2 === 1) ? [`By member ${g}`] : []), `Inner ${g}`];

  /** What group g's first members page and rooms must be for the viewer. */
  function expectGroupLists(node: GroupsWithLists['viewerGroups']['edges'][number]['node']): void {
    const g = groupNumber(node.name);
    expect(node.members.edges.map((e) => e.node.displayName)).toEqual(joinOrder(g).slice(0, 5));
    expect(node.members.pageInfo.hasNextPage).toBe(joinOrder(g).length > 5);
    expect(node.rooms.map((r) => r.title)).toEqual(roomsOf(g, true));
  }

  it('viewerGroups(first: 20) { members(first: 5) rooms }: the same number of statements for 3 groups and for 20, with complete answers', async () => {
    const groupIds = await addGroups(0, 3);
    const few = await counted<GroupsWithLists>(VIEWER_GROUPS_WITH_LISTS, {}, viewer);
    expect(few.data.viewerGroups.edges).toHaveLength(3);
    few.data.viewerGroups.edges.forEach(({ node }) => expectGroupLists(node));

    groupIds.push(...(await addGroups(3, 20)));
    const many = await counted<GroupsWithLists>(VIEWER_GROUPS_WITH_LISTS, {}, viewer);
    expect(many.data.viewerGroups.edges.map((e) => groupNumber(e.node.name)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, g) => g));
    many.data.viewerGroups.edges.forEach(({ node }) => expectGroupLists(node));

    expect(many.statements.length).toBe(few.statements.length);
    // The groups, one members statement, one rooms statement: nothing per group.
    expect(many.statements.length).toBeLessThanOrEqual(3);
    const membersStatements = (statements: string[]) => statements.filter((s) => /\bgroup_members\b/.test(s) && /\bprofiles\b/.test(s));
    const roomsStatements = (statements: string[]) => statements.filter((s) => /\bfrom rooms\b/.test(s));
    expect(membersStatements(many.statements)).toHaveLength(1);
    expect(roomsStatements(many.statements)).toHaveLength(1);

    // Room.group reaches the same batched lists: the rooms, their groups, the groups' lists.
    type RoomsWithGroups = { rooms: { edges: { node: { title: string; group: GroupsWithLists['viewerGroups']['edges'][number]['node'] } }[] } };
    const ROOMS_WITH_GROUPS = `query { rooms(first: 30) { edges { node { title group { name members(first: 5) { edges { node { displayName } } pageInfo { hasNextPage } } rooms { title } } } } } }`;
    const viaRooms = await counted<RoomsWithGroups>(ROOMS_WITH_GROUPS, {}, viewer);
    expect(viaRooms.data.rooms.edges.map((e) => e.node.title).sort()).toEqual(Array.from({ length: 20 }, (_, g) => roomsOf(g, true)).flat().sort());
    viaRooms.data.rooms.edges.forEach(({ node }) => expectGroupLists(node.group));
    // The rooms, their groups, the viewer's memberships (members are for members: issue 15, bug 7), the two lists.
    expect(viaRooms.statements.length).toBeLessThanOrEqual(5);
    expect(membersStatements(viaRooms.statements)).toHaveLength(1);

    // group(id) for every group in one request, by staff in none of them: members are listed and
    // every room is. (A bystander may not list members at all: group-join-policies.e2e.spec.ts.)
    const EVERY_GROUP = `query(${groupIds.map((_, i) => `$id${i}: ID!`).join(', ')}) {
      ${groupIds.map((_, i) => `g${i}: group(id: $id${i}) { name members(first: 5) { edges { node { displayName } } pageInfo { hasNextPage } } rooms { title } }`).join('\n')}
    }`;
    const ids = Object.fromEntries(groupIds.map((id, i) => [`id${i}`, id]));
    const staff = await staffTokenFor(api, 'kind-staff', { name: 'Staff' });
    const EVERY_GROUP_ROOMS = `query(${groupIds.map((_, i) => `$id${i}: ID!`).join(', ')}) {
      ${groupIds.map((_, i) => `g${i}: group(id: $id${i}) { name rooms { title } }`).join('\n')}
    }`;
    const seenByBystander = await counted<Record<string, { name: string; rooms: { title: string }[] }>>(EVERY_GROUP_ROOMS, ids, bystander);
    expect(Object.values(seenByBystander.data).every((node) => node.rooms.length === 0)).toBe(true);
    expect(roomsStatements(seenByBystander.statements)).toHaveLength(1);
    for (const [token, expectedRooms] of [[staff, (g: number) => roomsOf(g, false)]] as const) {
      const everyGroup = await counted<Record<string, GroupsWithLists['viewerGroups']['edges'][number]['node']>>(EVERY_GROUP, ids, token);
      expect(Object.keys(everyGroup.data)).toHaveLength(20);
      for (const node of Object.values(everyGroup.data)) {
        const g = groupNumber(node.name);
        expect(node.members.edges.map((e) => e.node.displayName)).toEqual(joinOrder(g).slice(0, 5));
        expect(node.rooms.map((r) => r.title)).toEqual(expectedRooms(g));
      }
      expect(membersStatements(everyGroup.statements)).toHaveLength(1);
      expect(roomsStatements(everyGroup.statements)).toHaveLength(1);
    }
  });

  it('members(first: 2, after) on several groups at once: each group gets its own next page', async () => {
    // Four groups whose members join in turn (Member 0.1, 1.1, 2.1, 3.1, Member 0.2, …), so a
    // page leaking across groups, or one limit shared by all groups, gives different answers.
    const owners = await Promise.all([0, 1, 2, 3].map((g) => tokenFor(`kind-owner-${g}`, { name: `Owner ${g}` })));
    const groupIds: string[] = [];
    for (const [g, owner] of owners.entries()) groupIds.push(await createGroup(owner, `Group ${g}`));
    for (let j = 1; j <= 5; j += 1) {
      for (const [g, groupId] of groupIds.entries()) await joinGroup(await tokenFor(`kind-member-${g}-${j}`, { name: `Member ${g}.${j}` }), groupId);
    }
    for (const groupId of groupIds) await joinGroup(viewer, groupId);
    const joinOrder = (g: number) => [`Owner ${g}`, ...[1, 2, 3, 4, 5].map((j) => `Member ${g}.${j}`), 'Kind Viewer'];
    const names = (page: MembersPage) => page.edges.map((e) => e.node.displayName);

    // First pages of all four groups in one statement.
    type FirstPages = { viewerGroups: { edges: { node: { id: string; name: string; members: MembersPage } }[] } };
    const FIRST_PAGES = `query($after: String) { viewerGroups(first: 20) { edges { node { id name ${MEMBERS_PAGE} } } } }`;
    const first = await counted<FirstPages>(FIRST_PAGES, {}, viewer);
    const pages = new Map(first.data.viewerGroups.edges.map(({ node }) => [Number(node.name.replace('Group ', '')), node]));
    expect([...pages.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const [g, node] of pages) {
      expect(names(node.members)).toEqual(joinOrder(g).slice(0, 2));
      expect(node.members.pageInfo).toEqual({ hasNextPage: true, endCursor: node.members.edges[1]!.cursor });
    }

    // Each group's own cursor in one request (aliases): every group moves on to its own next page.
    const NEXT_PAGES = `query(${[0, 1, 2, 3].map((g) => `$id${g}: ID!, $after${g}: String`).join(', ')}) {
      ${[0, 1, 2, 3].map((g) => `g${g}: group(id: $id${g}) { ${MEMBERS_PAGE.replace('$after', `$after${g}`)} }`).join('\n')}
    }`;
    let cursors = new Map([...pages].map(([g, node]) => [g, node.members.pageInfo.endCursor]));
    for (const expectedPage of [
      (g: number) => joinOrder(g).slice(2, 4),
      (g: number) => joinOrder(g).slice(4, 6),
      (g: number) => joinOrder(g).slice(6),
    ]) {
      const variables = Object.fromEntries([0, 1, 2, 3].flatMap((g) => [[`id${g}`, pages.get(g)!.id], [`after${g}`, cursors.get(g)]]));
      const next = await ok<Record<string, { members: MembersPage }>>(NEXT_PAGES, variables, viewer);
      for (const g of [0, 1, 2, 3]) expect(names(next[`g${g}`]!.members)).toEqual(expectedPage(g));
      cursors = new Map([0, 1, 2, 3].map((g) => [g, next[`g${g}`]!.members.pageInfo.endCursor]));
      const last = expectedPage(0).length < 2;
      for (const g of [0, 1, 2, 3]) expect(next[`g${g}`]!.members.pageInfo.hasNextPage).toBe(!last);
    }

    // One cursor for every group of the page (one argument set, one statement): each group still
    // keeps its own limit. The cursor is Member 0.2's; in the other groups, Member g.2 joined after.
    const member02 = (await ok<{ group: { members: MembersPage } }>(`query($id: ID!) { group(id: $id) { members(first: 3) { edges { cursor node { displayName } } pageInfo { hasNextPage endCursor } } } }`, { id: pages.get(0)!.id }, viewer)).group.members.edges[2]!;
    expect(member02.node.displayName).toBe('Member 0.2');
    const shared = await counted<FirstPages>(FIRST_PAGES, { after: member02.cursor }, viewer);
    const sharedPages = new Map(shared.data.viewerGroups.edges.map(({ node }) => [Number(node.name.replace('Group ', '')), node.members]));
    expect(names(sharedPages.get(0)!)).toEqual(['Member 0.3', 'Member 0.4']);
    for (const g of [1, 2, 3]) expect(names(sharedPages.get(g)!)).toEqual([`Member ${g}.2`, `Member ${g}.3`]);
    expect(shared.statements.length).toBe(first.statements.length);
    for (const statements of [first.statements, shared.statements]) {
      expect(statements.filter((s) => /\bgroup_members\b/.test(s) && /\bprofiles\b/.test(s))).toHaveLength(1);
    }

    // A bad cursor is still BAD_USER_INPUT naming `after`, for every group it was given to.
    const bad = await api.request(FIRST_PAGES, { after: 'garbage' }, viewer);
    expect(bad.errors?.length).toBeGreaterThan(0);
    for (const error of bad.errors ?? []) {
      expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(error.extensions?.['field']).toBe('after');
    }
    expectNoLeaks(bad.errors);
  });
});

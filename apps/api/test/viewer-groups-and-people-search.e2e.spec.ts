// The two reads the web client's pickers need (issue 10): `viewerGroups` (the groups the viewer
// belongs to) and `searchProfiles` (people by display name or headline, for private-room
// invitees). Over real HTTP against real PostgreSQL: pagination, bounds, authorization, blocks,
// the rate limit, and SQL statements that do not grow with the page (counted from the ORM's
// query log, as sql-count.e2e.spec.ts does).
import { codeOf, expectNoLeaks, type GraphQLErrorBody, okOn, sql, tracedStatements } from './support/graphql-helpers';
import { type GraphQLResponse, startTestApi, type TestApi, tokenFor, useTestApi } from './support/test-api';

const VIEWER_GROUPS = `query($first: Int, $after: String) {
  viewerGroups(first: $first, after: $after) { edges { cursor node { id name description memberCount viewerIsMember } } pageInfo { hasNextPage endCursor } }
}`;
const SEARCH = `query($query: String!, $first: Int, $after: String) {
  searchProfiles(query: $query, first: $first, after: $after) {
    totalCount edges { cursor node { id displayName headline viewerFollows } } pageInfo { hasNextPage endCursor }
  }
}`;

interface GroupsData {
  viewerGroups: {
    edges: { cursor: string; node: { id: string; name: string; description: string | null; memberCount: number; viewerIsMember: boolean } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface SearchData {
  searchProfiles: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; displayName: string; headline: string | null; viewerFollows: boolean } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('viewerGroups and searchProfiles', () => {
  const api = useTestApi();
  let ada: string;
  let bob: string;

  beforeEach(async () => {
    await api.clear();
    [ada, bob] = await Promise.all([tokenFor('vg-ada', { name: 'Ada Lovelace' }), tokenFor('vg-bob', { name: 'Bob Builder' })]);
    await Promise.all([ada, bob].map((token) => api.request(`{ viewer { id } }`, {}, token)));
  });

  const ok = okOn(api);

  function expectError(response: GraphQLResponse, code: string, field?: string): GraphQLErrorBody {
    expect(response.errors).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.extensions?.['code']).toBe(code);
    if (field !== undefined) expect(error.extensions?.['field']).toBe(field);
    expectNoLeaks(response.errors);
    return error;
  }

  async function createGroup(token: string, name: string): Promise<string> {
    const data = await ok<{ createGroup: { id: string } }>(`mutation($name: String!) { createGroup(input: { name: $name }) { id } }`, { name }, token);
    return data.createGroup.id;
  }

  const joinGroup = (token: string, groupId: string) => ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, token);

  /** Profiles straight into the table, named `${prefix} NN`, with a headline. */
  async function addPeople(prefix: string, from: number, to: number, headline = 'Engineer'): Promise<string[]> {
    const ids = Array.from({ length: to - from }, (_, i) => `vg-${prefix.toLowerCase()}-${String(from + i).padStart(2, '0')}`);
    for (const [i, id] of ids.entries()) {
      await sql(api, `insert into profiles (id, display_name, headline, created_at, updated_at) values (?, ?, ?, now(), now())`, [
        id,
        `${prefix} ${String(from + i).padStart(2, '0')}`,
        headline,
      ]);
    }
    return ids;
  }

  /** The query's data and the SQL traced to its request (the viewer is signed in beforehand). */
  async function counted<T>(query: string, variables: Record<string, unknown>, token: string): Promise<{ data: T; statements: string[] }> {
    await ok(`{ viewer { id } }`, {}, token);
    return tracedStatements<T>(api, query, variables, token);
  }

  const snapshot = async () => ({
    members: await sql(api, `select group_id, profile_id from group_members order by 1, 2`),
    profiles: await sql(api, `select id, display_name, headline from profiles order by id`),
    blocks: await sql(api, `select blocker_id, blocked_id from blocks order by 1, 2`),
  });

  describe('viewerGroups', () => {
    it('lists the groups the viewer created or joined, most recently joined first, in pages; leaving one removes it', async () => {
      const mine = await createGroup(ada, 'Ada first');
      const others = [await createGroup(bob, 'Bob one'), await createGroup(bob, 'Bob two'), await createGroup(bob, 'Bob three')];
      await joinGroup(ada, others[0]!);
      await joinGroup(ada, others[2]!);

      const first = await ok<GroupsData>(VIEWER_GROUPS, { first: 2 }, ada);
      expect(first.viewerGroups.edges.map((e) => e.node.name)).toEqual(['Bob three', 'Bob one']);
      expect(first.viewerGroups.edges.every((e) => e.node.viewerIsMember)).toBe(true);
      expect(first.viewerGroups.edges.map((e) => e.node.memberCount)).toEqual([2, 2]);
      expect(first.viewerGroups.pageInfo).toEqual({ hasNextPage: true, endCursor: first.viewerGroups.edges[1]!.cursor });
      const second = await ok<GroupsData>(VIEWER_GROUPS, { first: 2, after: first.viewerGroups.pageInfo.endCursor }, ada);
      expect(second.viewerGroups.edges.map((e) => e.node.id)).toEqual([mine]);
      expect(second.viewerGroups.pageInfo.hasNextPage).toBe(false);

      // Bob's list is his own: the three he created, not Ada's.
      const bobs = await ok<GroupsData>(VIEWER_GROUPS, {}, bob);
      expect(bobs.viewerGroups.edges.map((e) => e.node.name)).toEqual(['Bob three', 'Bob two', 'Bob one']);

      await ok(`mutation($id: ID!) { leaveGroup(groupId: $id) { id } }`, { id: others[2] }, ada);
      const after = await ok<GroupsData>(VIEWER_GROUPS, {}, ada);
      expect(after.viewerGroups.edges.map((e) => e.node.name)).toEqual(['Bob one', 'Ada first']);
      // first: 0 answers an empty page that still says whether there is more.
      const none = await ok<GroupsData>(VIEWER_GROUPS, { first: 0 }, ada);
      expect(none.viewerGroups).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    });

    it('a viewer in no group gets an empty list', async () => {
      await createGroup(bob, 'Not Ada’s');
      expect((await ok<GroupsData>(VIEWER_GROUPS, {}, ada)).viewerGroups).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('anonymous: UNAUTHENTICATED', async () => {
      expectError(await api.request(VIEWER_GROUPS, {}, null), 'UNAUTHENTICATED');
    });

    it('bad first or after: BAD_USER_INPUT naming the argument, and nothing changes', async () => {
      await createGroup(ada, 'Kept');
      const before = await snapshot();
      for (const first of [-1, 101]) expectError(await api.request(VIEWER_GROUPS, { first }, ada), 'BAD_USER_INPUT', 'first');
      const threeParts = Buffer.from(JSON.stringify([new Date().toISOString(), 'Ada', 'vg-ada'])).toString('base64url');
      const profileCursor = Buffer.from(JSON.stringify([new Date().toISOString(), 'vg-ada'])).toString('base64url');
      const farFuture = Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      const notAGroupId = Buffer.from(JSON.stringify([new Date().toISOString(), "x' or 1=1 --"])).toString('base64url');
      for (const after of ['garbage', threeParts, profileCursor, farFuture, notAGroupId]) {
        expectError(await api.request(VIEWER_GROUPS, { after }, ada), 'BAD_USER_INPUT', 'after');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('SQL statements: the same count for 3 groups and for 20, and at most 2 (profile check aside)', async () => {
      const bobsGroups: string[] = [];
      for (let i = 0; i < 20; i += 1) bobsGroups.push(await createGroup(bob, `Group ${String(i).padStart(2, '0')}`));
      for (const id of bobsGroups.slice(0, 3)) await joinGroup(ada, id);
      const few = await counted<GroupsData>(VIEWER_GROUPS, { first: 50 }, ada);
      expect(few.data.viewerGroups.edges).toHaveLength(3);
      for (const id of bobsGroups.slice(3)) await joinGroup(ada, id);
      const many = await counted<GroupsData>(VIEWER_GROUPS, { first: 50 }, ada);
      expect(many.data.viewerGroups.edges).toHaveLength(20);
      expect(many.data.viewerGroups.edges.every((e) => e.node.viewerIsMember && e.node.memberCount === 2)).toBe(true);
      expect(many.statements.length).toBe(few.statements.length);
      // One statement for the page; viewerIsMember is known from the list itself.
      expect(many.statements.filter((s) => /group_members/.test(s))).toHaveLength(1);
      expect(many.statements.length).toBeLessThanOrEqual(2);
    });
  });

  describe('searchProfiles', () => {
    it('matches display names and headlines, case-insensitively, every word; ordered by name; paginated with a total', async () => {
      await addPeople('Searcher', 0, 25);
      await sql(api, `update profiles set headline = 'Staff Engineer at Acme' where id = 'vg-bob'`);
      const page1 = await ok<SearchData>(SEARCH, { query: 'SEARCHER', first: 10 }, ada);
      expect(page1.searchProfiles.totalCount).toBe(25);
      const seen = page1.searchProfiles.edges.map((e) => e.node.displayName);
      let after = page1.searchProfiles.pageInfo.endCursor;
      let pages = 1;
      while (after) {
        const next = await ok<SearchData>(SEARCH, { query: 'searcher', first: 10, after }, ada);
        expect(next.searchProfiles.totalCount).toBe(25);
        seen.push(...next.searchProfiles.edges.map((e) => e.node.displayName));
        after = next.searchProfiles.pageInfo.hasNextPage ? next.searchProfiles.pageInfo.endCursor : null;
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Searcher ${String(i).padStart(2, '0')}`));

      // A headline matches; every word must match somewhere; words are found in any order.
      const byHeadline = await ok<SearchData>(SEARCH, { query: 'acme staff' }, ada);
      expect(byHeadline.searchProfiles.edges.map((e) => e.node.id)).toEqual(['vg-bob']);
      expect(byHeadline.searchProfiles.edges[0]!.node.headline).toBe('Staff Engineer at Acme');
      expect((await ok<SearchData>(SEARCH, { query: 'Bob Acme' }, ada)).searchProfiles.edges.map((e) => e.node.id)).toEqual(['vg-bob']);
      expect((await ok<SearchData>(SEARCH, { query: 'Bob Lovelace' }, ada)).searchProfiles).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('LIKE wildcards in the query match themselves: "%" and "_" are literal', async () => {
      await sql(api, `insert into profiles (id, display_name, created_at, updated_at) values ('vg-pct', 'Growth 100% Club', now(), now()), ('vg-zero', 'Growth 1000 Club', now(), now()), ('vg-under', 'snake_case fan', now(), now()), ('vg-x', 'snakeXcase fan', now(), now())`);
      expect((await ok<SearchData>(SEARCH, { query: '0%' }, ada)).searchProfiles.edges.map((e) => e.node.id)).toEqual(['vg-pct']);
      expect((await ok<SearchData>(SEARCH, { query: 'e_c' }, ada)).searchProfiles.edges.map((e) => e.node.id)).toEqual(['vg-under']);
      expect((await ok<SearchData>(SEARCH, { query: '%%' }, ada)).searchProfiles.totalCount).toBe(0);
    });

    it('leaves out people the viewer blocked and people who blocked the viewer, in both directions', async () => {
      const [blocked, blocker, other] = await addPeople('Blocky', 0, 3);
      await ok(`mutation($p: ID!) { block(profileId: $p) { id } }`, { p: blocked }, ada);
      await sql(api, `insert into blocks (blocker_id, blocked_id, created_at) values (?, 'vg-ada', now())`, [blocker]);
      const forAda = await ok<SearchData>(SEARCH, { query: 'blocky' }, ada);
      expect(forAda.searchProfiles.edges.map((e) => e.node.id)).toEqual([other]);
      expect(forAda.searchProfiles.totalCount).toBe(1);
      // Someone else still finds all three.
      expect((await ok<SearchData>(SEARCH, { query: 'blocky' }, bob)).searchProfiles.totalCount).toBe(3);
    });

    it('anonymous: UNAUTHENTICATED', async () => {
      expectError(await api.request(SEARCH, { query: 'Ada' }, null), 'UNAUTHENTICATED');
    });

    it('bad query, first or after: BAD_USER_INPUT naming the argument, and nothing changes', async () => {
      await addPeople('Bounded', 0, 3);
      const before = await snapshot();
      for (const query of ['', '   ', 'a', ' b ', 'x'.repeat(101)]) {
        expectError(await api.request(SEARCH, { query }, ada), 'BAD_USER_INPUT', 'query');
      }
      // 100 characters is the longest allowed; spaces around it do not count.
      expect((await ok<SearchData>(SEARCH, { query: ` ${'x'.repeat(100)} ` }, ada)).searchProfiles.totalCount).toBe(0);
      for (const first of [-1, 101]) expectError(await api.request(SEARCH, { query: 'bounded', first }, ada), 'BAD_USER_INPUT', 'first');
      const cursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
      const now = new Date().toISOString();
      for (const after of ['garbage', cursor(now, "'; drop table profiles; --"), cursor(now, 'vg-\u0000'), cursor('not a time', 'vg-bounded-00'), cursor(now, 'x'.repeat(129))]) {
        expectError(await api.request(SEARCH, { query: 'bounded', after }, ada), 'BAD_USER_INPUT', 'after');
      }
      // A well-formed cursor naming no profile is an empty page, not an error.
      expect((await ok<SearchData>(SEARCH, { query: 'bounded', after: cursor(now, 'vg-nobody') }, ada)).searchProfiles).toEqual({
        totalCount: 3,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
      // A NUL in the query itself is refused before it reaches SQL.
      expect(codeOf(await api.request(SEARCH, { query: 'Bo\u0000unded' }, ada))).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    });

    it('SQL statements: the same count for 3 matches and for 20, with viewerFollows on each', async () => {
      const people = await addPeople('Counted', 0, 20);
      await ok(`mutation($p: ID!) { follow(profileId: $p) { id } }`, { p: people[1] }, ada);
      await sql(api, `update profiles set display_name = 'Hidden ' || right(id, 2) where id in (${people.slice(3).map(() => '?').join(', ')})`, people.slice(3));
      const few = await counted<SearchData>(SEARCH, { query: 'counted', first: 50 }, ada);
      expect(few.data.searchProfiles.edges).toHaveLength(3);
      await sql(api, `update profiles set display_name = 'Counted ' || right(id, 2) where id in (${people.slice(3).map(() => '?').join(', ')})`, people.slice(3));
      const many = await counted<SearchData>(SEARCH, { query: 'counted', first: 50 }, ada);
      expect(many.data.searchProfiles.edges).toHaveLength(20);
      expect(many.data.searchProfiles.totalCount).toBe(20);
      expect(many.data.searchProfiles.edges.filter((e) => e.node.viewerFollows).map((e) => e.node.id)).toEqual([people[1]]);
      expect(many.statements.length).toBe(few.statements.length);
      // The page with its total, and one statement for viewerFollows.
      expect(many.statements.length).toBeLessThanOrEqual(3);
    });
  });

  describe('rate limit', () => {
    let limited: TestApi;
    beforeAll(async () => {
      limited = await startTestApi({ RATE_LIMIT_EXPENSIVE_READS: '3', RATE_LIMIT_KEY_PREFIX: `vg-${process.pid}-${Date.now()}` });
    });
    afterAll(async () => {
      await limited.stop();
    });

    it('searchProfiles counts against RATE_LIMIT_EXPENSIVE_READS per viewer (each alias counts); viewerGroups does not', async () => {
      const carol = await tokenFor('vg-carol', { name: 'Carol' });
      const dave = await tokenFor('vg-dave', { name: 'Dave' });
      const search = `query { searchProfiles(query: "Carol") { totalCount } }`;
      for (let i = 0; i < 3; i += 1) expect(codeOf(await limited.request(search, {}, carol))).toBeUndefined();
      expect(codeOf(await limited.request(search, {}, carol))).toBe('RATE_LIMITED');
      expect(codeOf(await limited.request(`query { a: searchProfiles(query: "Da") { totalCount } b: searchProfiles(query: "Da") { totalCount } c: searchProfiles(query: "Da") { totalCount } d: searchProfiles(query: "Da") { totalCount } }`, {}, dave))).toBe('RATE_LIMITED');
      for (let i = 0; i < 5; i += 1) expect(codeOf(await limited.request(`query { viewerGroups { edges { cursor } } }`, {}, carol))).toBeUndefined();
    });
  });
});

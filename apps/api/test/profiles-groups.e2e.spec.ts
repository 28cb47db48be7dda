// Profiles, follows, groups, room visibility, room lists, node(id), health endpoints and the
// offline GraphiQL page: everything around the rooms, over real HTTP against real PostgreSQL.
import { codeOf, type GraphQLErrorBody, okOn, sql } from './support/graphql-helpers';
import { type GraphQLResponse, tokenFor, useTestApi } from './support/test-api';
import { staffTokenFor } from './support/staff';

describe('profiles, groups, visibility and the HTTP surface', () => {
  const api = useTestApi();
  let ada: string;
  let bob: string;
  let cy: string;
  let staff: string;

  beforeEach(async () => {
    await api.clear();
    [ada, bob, cy, staff] = await Promise.all([
      tokenFor('pg-ada', { name: 'Ada Lovelace' }),
      tokenFor('pg-bob', { name: 'Bob Builder' }),
      tokenFor('pg-cy', { name: 'Cy Outsider' }),
      staffTokenFor(api, 'pg-staff', { name: 'Trust and Safety' }),
    ]);
    // Sign everyone in once, so their profiles exist.
    await Promise.all([ada, bob, cy, staff].map((token) => api.request(`{ viewer { id } }`, {}, token)));
  });

  const ok = okOn(api);

  function expectError(response: GraphQLResponse, code: string, field?: string): GraphQLErrorBody {
    expect(response.errors).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.extensions?.['code']).toBe(code);
    if (field !== undefined) expect(error.extensions?.['field']).toBe(field);
    return error;
  }

  async function createRoom(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await ok<{ createRoom: { id: string } }>(`mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input }, token);
    return data.createRoom.id;
  }

  async function createGroup(token: string, name: string): Promise<string> {
    const data = await ok<{ createGroup: { id: string } }>(`mutation($name: String!) { createGroup(input: { name: $name }) { id } }`, { name }, token);
    return data.createGroup.id;
  }

  const JOIN_ROOM = `mutation($id: ID!) { joinRoom(roomId: $id) { participant { role } } }`;
  const ROOM = `query($id: ID!) { room(id: $id) { id title } }`;
  const ROOM_IDS = `query($filter: RoomFilter, $first: Int, $after: String) {
    rooms(filter: $filter, first: $first, after: $after) { edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } }
  }`;

  interface RoomsPage {
    rooms: { edges: { cursor: string; node: { id: string; title: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  }

  /** Ids of the rooms the viewer may see, sorted (the order is checked separately, with ties in mind). */
  async function visibleRoomIds(token: string, filter: Record<string, unknown> = {}): Promise<string[]> {
    const data = await ok<RoomsPage>(ROOM_IDS, { filter, first: 100 }, token);
    return data.rooms.edges.map((edge) => edge.node.id).sort();
  }
  const sorted = (...ids: string[]) => ids.sort();

  describe('updateViewerProfile', () => {
    const UPDATE = `mutation($input: UpdateProfileInput!) {
      updateViewerProfile(input: $input) { displayName headline company industry seniority avatarUrl skills interests { slug name } }
    }`;

    it('saves normalised values: trimmed text, deduplicated skills, industry and interest names from the taxonomy', async () => {
      const data = await ok<{ updateViewerProfile: Record<string, unknown> }>(
        UPDATE,
        {
          input: {
            displayName: '  Ada King  ',
            headline: ' Staff Engineer at Acme ',
            company: 'Acme',
            industry: 'healthcare',
            seniority: 'SENIOR',
            avatarUrl: 'https://cdn.example.com/ada.png',
            skills: ['Go', 'go', ' Kubernetes '],
            interests: ['devops', 'backend-development', 'devops'],
          },
        },
        ada,
      );
      expect(data.updateViewerProfile).toEqual({
        displayName: 'Ada King',
        headline: 'Staff Engineer at Acme',
        company: 'Acme',
        industry: 'Healthcare',
        seniority: 'SENIOR',
        avatarUrl: 'https://cdn.example.com/ada.png',
        skills: ['Go', 'Kubernetes'],
        interests: [
          { slug: 'devops', name: 'DevOps' },
          { slug: 'backend-development', name: 'Backend Development' },
        ],
      });
      const viewer = await ok<{ viewer: { displayName: string; headline: string } }>(`{ viewer { displayName headline } }`, {}, ada);
      expect(viewer.viewer).toEqual({ displayName: 'Ada King', headline: 'Staff Engineer at Acme' });
    });

    // The error's `field` extension names the input field, so a form can show it in place.
    it.each([
      ['displayName', { displayName: '   ' }],
      ['displayName', { displayName: 'x'.repeat(81) }],
      ['headline', { headline: 'x'.repeat(161) }],
      ['company', { company: 'x'.repeat(121) }],
      ['industry', { industry: 'alchemy' }],
      ['avatarUrl', { avatarUrl: 'javascript:alert(1)' }],
      ['skills', { skills: ['Go', '   '] }],
      ['skills', { skills: Array.from({ length: 51 }, (_, i) => `Skill ${i}`) }],
      ['interests', { interests: ['not-a-topic'] }],
    ])('refuses an invalid %s with BAD_USER_INPUT naming the field, and changes nothing', async (field, input) => {
      const response = await api.request(UPDATE, { input: { headline: 'Should not be saved', ...input } }, ada);
      expectError(response, 'BAD_USER_INPUT', field);
      const viewer = await ok<{ viewer: { displayName: string; headline: string | null } }>(`{ viewer { displayName headline } }`, {}, ada);
      expect(viewer.viewer).toEqual({ displayName: 'Ada Lovelace', headline: null });
    });

    it('refuses an unknown seniority at the schema level with BAD_USER_INPUT naming it', async () => {
      const response = await api.request(`mutation { updateViewerProfile(input: { seniority: INTERN }) { seniority } }`, {}, ada);
      expect(expectError(response, 'BAD_USER_INPUT').message).toContain('INTERN');
    });
  });

  describe('follow and unfollow', () => {
    const FOLLOW = `mutation($p: ID!) { follow(profileId: $p) { id followerCount followingCount viewerFollows } }`;
    const UNFOLLOW = `mutation($p: ID!) { unfollow(profileId: $p) { id followerCount followingCount viewerFollows } }`;
    const counts = async (token: string) =>
      (await ok<{ viewer: { followerCount: number; followingCount: number } }>(`{ viewer { followerCount followingCount } }`, {}, token)).viewer;

    it('counts both sides, and following twice or unfollowing twice changes nothing', async () => {
      const first = await ok<{ follow: Record<string, unknown> }>(FOLLOW, { p: 'pg-bob' }, ada);
      expect(first.follow).toEqual({ id: 'pg-bob', followerCount: 1, followingCount: 0, viewerFollows: true });
      const again = await ok<{ follow: Record<string, unknown> }>(FOLLOW, { p: 'pg-bob' }, ada);
      expect(again.follow).toEqual(first.follow);
      await ok(FOLLOW, { p: 'pg-bob' }, cy);
      expect(await counts(bob)).toEqual({ followerCount: 2, followingCount: 0 });
      expect(await counts(ada)).toEqual({ followerCount: 0, followingCount: 1 });
      const seenByCy = await ok<{ profile: { viewerFollows: boolean } }>(`{ profile(id: "pg-bob") { viewerFollows } }`, {}, cy);
      expect(seenByCy.profile.viewerFollows).toBe(true);

      const unfollowed = await ok<{ unfollow: Record<string, unknown> }>(UNFOLLOW, { p: 'pg-bob' }, ada);
      expect(unfollowed.unfollow).toEqual({ id: 'pg-bob', followerCount: 1, followingCount: 0, viewerFollows: false });
      const unfollowedAgain = await ok<{ unfollow: Record<string, unknown> }>(UNFOLLOW, { p: 'pg-bob' }, ada);
      expect(unfollowedAgain.unfollow).toEqual(unfollowed.unfollow);
      expect(await counts(ada)).toEqual({ followerCount: 0, followingCount: 0 });
    });

    it('concurrent follows of one profile are all counted', async () => {
      const fans = await Promise.all(Array.from({ length: 8 }, (_, i) => tokenFor(`pg-fan-${i}`)));
      await Promise.all(fans.map((token) => ok(FOLLOW, { p: 'pg-bob' }, token)));
      expect((await counts(bob)).followerCount).toBe(8);
    });

    it('refuses following oneself (BAD_USER_INPUT, profileId) and unknown profiles (NOT_FOUND)', async () => {
      expectError(await api.request(FOLLOW, { p: 'pg-ada' }, ada), 'BAD_USER_INPUT', 'profileId');
      expectError(await api.request(FOLLOW, { p: 'pg-nobody' }, ada), 'NOT_FOUND');
      expectError(await api.request(FOLLOW, { p: 'not a valid id!' }, ada), 'BAD_USER_INPUT', 'profileId');
      expect(await counts(ada)).toEqual({ followerCount: 0, followingCount: 0 });
    });
  });

  describe('groups', () => {
    const GROUP = `query($id: ID!, $first: Int, $after: String) {
      group(id: $id) { id name memberCount viewerIsMember members(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
    }`;
    interface GroupData {
      group: {
        id: string;
        name: string;
        memberCount: number;
        viewerIsMember: boolean;
        members: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } | null;
    }

    it('create, join (idempotent), leave: memberCount and viewerIsMember follow', async () => {
      const created = await ok<{ createGroup: { name: string; description: string | null; memberCount: number; viewerIsMember: boolean } }>(
        `mutation { createGroup(input: { name: "  Platform Guild  ", description: "" }) { name description memberCount viewerIsMember } }`,
        {},
        ada,
      );
      expect(created.createGroup).toEqual({ name: 'Platform Guild', description: null, memberCount: 1, viewerIsMember: true });
      const groupId = await createGroup(ada, 'Second');
      const join = `mutation($id: ID!) { joinGroup(groupId: $id) { memberCount viewerIsMember } }`;
      const leave = `mutation($id: ID!) { leaveGroup(groupId: $id) { memberCount viewerIsMember } }`;
      expect((await ok<{ joinGroup: unknown }>(join, { id: groupId }, bob)).joinGroup).toEqual({ memberCount: 2, viewerIsMember: true });
      expect((await ok<{ joinGroup: unknown }>(join, { id: groupId }, bob)).joinGroup).toEqual({ memberCount: 2, viewerIsMember: true });
      // A non-member sees the group, not its members (issue 15, bug 7: group-join-policies.e2e.spec.ts).
      const seenByCy = await ok<GroupData>(`query($id: ID!) { group(id: $id) { memberCount viewerIsMember } }`, { id: groupId }, cy);
      expect(seenByCy.group).toMatchObject({ memberCount: 2, viewerIsMember: false });
      expect((await ok<{ leaveGroup: unknown }>(leave, { id: groupId }, bob)).leaveGroup).toEqual({ memberCount: 1, viewerIsMember: false });
      expect((await ok<{ leaveGroup: unknown }>(leave, { id: groupId }, bob)).leaveGroup).toEqual({ memberCount: 1, viewerIsMember: false });
    });

    it('refuses invalid input and unknown groups with contract codes', async () => {
      expectError(await api.request(`mutation { createGroup(input: { name: "   " }) { id } }`, {}, ada), 'BAD_USER_INPUT', 'name');
      expectError(await api.request(`mutation { createGroup(input: { name: "ok", description: "${'x'.repeat(1001)}" }) { id } }`, {}, ada), 'BAD_USER_INPUT', 'description');
      expectError(await api.request(`mutation { joinGroup(groupId: "00000000-0000-4000-8000-000000000000") { id } }`, {}, ada), 'NOT_FOUND');
      expectError(await api.request(`mutation { joinGroup(groupId: "nope") { id } }`, {}, ada), 'BAD_USER_INPUT', 'groupId');
      const missing = await ok<GroupData>(GROUP, { id: '00000000-0000-4000-8000-000000000000' }, ada);
      expect(missing.group).toBeNull();
    });

    it('pages through members with first/after, in join order, with hasNextPage and endCursor', async () => {
      const groupId = await createGroup(ada, 'Paged');
      const members = ['pg-ada'];
      for (let i = 0; i < 6; i += 1) {
        const id = `pg-member-${i}`;
        await ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, await tokenFor(id));
        members.push(id);
      }
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      for (;;) {
        const data: GroupData = await ok<GroupData>(GROUP, { id: groupId, first: 3, after }, ada);
        const connection = data.group!.members;
        expect(connection.totalCount).toBe(7);
        seen.push(...connection.edges.map((edge) => edge.node.id));
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
        pages.push(connection.pageInfo.hasNextPage);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(pages).toEqual([true, true, false]);
      expect(seen).toEqual(members);
      expectError(await api.request(GROUP, { id: groupId, first: 3, after: 'garbage' }, ada), 'BAD_USER_INPUT', 'after');
    });
  });

  describe('room visibility', () => {
    it('a GROUP room is visible to and joinable by members only; leaving the group hides it again', async () => {
      const groupId = await createGroup(ada, 'Insiders');
      await ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, bob);
      const roomId = await createRoom(ada, { title: 'Members only', visibility: 'GROUP', groupId });
      const publicRoom = await createRoom(ada, { title: 'Open to all' });

      expect(await visibleRoomIds(bob)).toEqual(sorted(publicRoom, roomId));
      expect((await ok<{ room: unknown }>(ROOM, { id: roomId }, bob)).room).toEqual({ id: roomId, title: 'Members only' });
      expect((await ok<{ joinRoom: unknown }>(JOIN_ROOM, { id: roomId }, bob)).joinRoom).toEqual({ participant: { role: 'LISTENER' } });
      const groupRooms = await ok<{ group: { rooms: { id: string }[] } }>(`query($id: ID!) { group(id: $id) { rooms { id } } }`, { id: groupId }, bob);
      expect(groupRooms.group.rooms).toEqual([{ id: roomId }]);

      // An outsider learns nothing: not in lists, null by id, NOT_FOUND on join, no group rooms.
      expect(await visibleRoomIds(cy)).toEqual([publicRoom]);
      expect((await ok<{ room: unknown }>(ROOM, { id: roomId }, cy)).room).toBeNull();
      expectError(await api.request(JOIN_ROOM, { id: roomId }, cy), 'NOT_FOUND');
      const outsiderGroupRooms = await ok<{ group: { rooms: unknown[] } }>(`query($id: ID!) { group(id: $id) { rooms { id } } }`, { id: groupId }, cy);
      expect(outsiderGroupRooms.group.rooms).toEqual([]);
      // Only members may start a room in a group.
      expectError(await api.request(`mutation($g: ID!) { createRoom(input: { title: "Sneaky", visibility: GROUP, groupId: $g }) { id } }`, { g: groupId }, cy), 'FORBIDDEN');

      await ok(`mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: groupId }, cy);
      expect(await visibleRoomIds(cy)).toEqual(sorted(publicRoom, roomId));
      await ok(`mutation($id: ID!) { leaveGroup(groupId: $id) { id } }`, { id: groupId }, cy);
      expect((await ok<{ room: unknown }>(ROOM, { id: roomId }, cy)).room).toBeNull();
    });

    it('a PRIVATE room is visible to the host and invitees only; staff can see it but not join it', async () => {
      const roomId = await createRoom(ada, { title: 'From a chat', visibility: 'PRIVATE', inviteeIds: ['pg-bob'] });
      expect(await visibleRoomIds(ada)).toEqual([roomId]);
      expect(await visibleRoomIds(bob)).toEqual([roomId]);
      expect((await ok<{ joinRoom: unknown }>(JOIN_ROOM, { id: roomId }, bob)).joinRoom).toEqual({ participant: { role: 'LISTENER' } });

      expect(await visibleRoomIds(cy)).toEqual([]);
      expect((await ok<{ room: unknown }>(ROOM, { id: roomId }, cy)).room).toBeNull();
      expectError(await api.request(JOIN_ROOM, { id: roomId }, cy), 'NOT_FOUND');

      expect(await visibleRoomIds(staff)).toEqual([roomId]);
      expectError(await api.request(JOIN_ROOM, { id: roomId }, staff), 'FORBIDDEN');
      expectError(await api.request(`mutation { createRoom(input: { title: "x", visibility: PRIVATE, inviteeIds: ["pg-nobody"] }) { id } }`, {}, ada), 'BAD_USER_INPUT', 'inviteeIds');
    });
  });

  describe('rooms(filter, first, after)', () => {
    it('filters by status, topic and group', async () => {
      const groupId = await createGroup(ada, 'Filters');
      const live = await createRoom(ada, { title: 'Live ML', topics: ['machine-learning'] });
      const scheduled = await createRoom(ada, { title: 'Later backend', topics: ['backend-development'], scheduledFor: new Date(Date.now() + 86_400_000).toISOString() });
      const ended = await createRoom(ada, { title: 'Done ML', topics: ['machine-learning', 'devops'] });
      await ok(`mutation($id: ID!) { endRoom(roomId: $id) { id } }`, { id: ended }, ada);
      const inGroup = await createRoom(ada, { title: 'Group devops', topics: ['devops'], visibility: 'GROUP', groupId });

      expect(await visibleRoomIds(ada, { status: 'LIVE' })).toEqual(sorted(inGroup, live));
      expect(await visibleRoomIds(ada, { status: 'SCHEDULED' })).toEqual([scheduled]);
      expect(await visibleRoomIds(ada, { status: 'ENDED' })).toEqual([ended]);
      expect(await visibleRoomIds(ada, { topic: 'machine-learning' })).toEqual(sorted(ended, live));
      expect(await visibleRoomIds(ada, { topic: 'devops', status: 'LIVE' })).toEqual([inGroup]);
      expect(await visibleRoomIds(ada, { groupId })).toEqual([inGroup]);
      expect(await visibleRoomIds(cy, { groupId })).toEqual([]);
      expect(await visibleRoomIds(ada, { topic: 'cybersecurity' })).toEqual([]);
      expectError(await api.request(ROOM_IDS, { filter: { groupId: 'not-a-uuid' } }, ada), 'BAD_USER_INPUT', 'filter.groupId');
    });

    it('pages newest first with hasNextPage/endCursor, without gaps or repeats; a bad cursor is BAD_USER_INPUT', async () => {
      const created: string[] = [];
      for (let i = 0; i < 7; i += 1) created.push(await createRoom(ada, { title: `Room ${i}` }));
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | null = null;
      for (;;) {
        const data: RoomsPage = await ok<RoomsPage>(ROOM_IDS, { first: 3, after }, bob);
        seen.push(...data.rooms.edges.map((edge) => edge.node.id));
        expect(data.rooms.pageInfo.endCursor).toBe(data.rooms.edges.at(-1)?.cursor ?? null);
        hasNext.push(data.rooms.pageInfo.hasNextPage);
        if (!data.rooms.pageInfo.hasNextPage) break;
        after = data.rooms.pageInfo.endCursor;
      }
      expect(hasNext).toEqual([true, true, false]);
      expect([...seen].sort()).toEqual([...created].sort());
      // Newest first, ties (same millisecond) by id: the keyset the cursors encode.
      const newestFirst = await sql<{ id: string }>(api, `select id from rooms order by created_at desc, id desc`);
      expect(seen).toEqual(newestFirst.map((row) => row.id));

      for (const bad of ['garbage', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
        expectError(await api.request(ROOM_IDS, { first: 3, after: bad }, bob), 'BAD_USER_INPUT', 'after');
      }
      expectError(await api.request(ROOM_IDS, { first: 101 }, bob), 'BAD_USER_INPUT', 'first');
      expectError(await api.request(ROOM_IDS, { first: -1 }, bob), 'BAD_USER_INPUT', 'first');
    });
  });

  describe('node(id)', () => {
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Room { title } ... on Profile { displayName } ... on Group { name } } }`;

    it('resolves a Room, a Profile and a Group, and hides rooms the viewer may not see', async () => {
      const roomId = await createRoom(ada, { title: 'Noded' });
      const groupId = await createGroup(ada, 'Node group');
      const privateRoom = await createRoom(ada, { title: 'Hidden', visibility: 'PRIVATE', inviteeIds: [] });
      expect((await ok<{ node: unknown }>(NODE, { id: roomId }, bob)).node).toEqual({ __typename: 'Room', id: roomId, title: 'Noded' });
      expect((await ok<{ node: unknown }>(NODE, { id: 'pg-ada' }, bob)).node).toEqual({ __typename: 'Profile', id: 'pg-ada', displayName: 'Ada Lovelace' });
      expect((await ok<{ node: unknown }>(NODE, { id: groupId }, bob)).node).toEqual({ __typename: 'Group', id: groupId, name: 'Node group' });
      expect((await ok<{ node: unknown }>(NODE, { id: privateRoom }, bob)).node).toBeNull();
      expect((await ok<{ node: unknown }>(NODE, { id: privateRoom }, ada)).node).toEqual({ __typename: 'Room', id: privateRoom, title: 'Hidden' });
      expect((await ok<{ node: unknown }>(NODE, { id: '00000000-0000-4000-8000-000000000000' }, bob)).node).toBeNull();
      expect(codeOf(await api.request(NODE, { id: roomId }, null))).toBe('UNAUTHENTICATED');
    });
  });

  describe('HTTP endpoints', () => {
    const base = () => new URL(api.url).origin;

    it('/healthz and /readyz answer 200 with JSON', async () => {
      const health = await fetch(`${base()}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base()}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up' });
    });

    it('GET /graphql from a browser is the local GraphiQL, whose scripts and styles all come from this server', async () => {
      const page = await fetch(api.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('GraphiQL');
      const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(assets.length).toBeGreaterThanOrEqual(3);
      expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
      // Nothing in the page points at another host (no CDN), so the explorer works offline.
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs|embeddable-sandbox|apollographql\.com/i);
      for (const asset of assets) {
        const url = new URL(asset, api.url);
        expect(url.origin).toBe(base());
        const response = await fetch(url);
        expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
        expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
        const text = await response.text();
        expect(text.length).toBeGreaterThan(1000);
        // Stylesheets pull in no fonts or other styles from elsewhere either.
        if (asset.endsWith('.css')) expect(text).not.toMatch(/@import|url\(\s*['"]?(?:https?:)?\/\//);
      }
      // A GraphQL client's GET (JSON, with a query) still reaches GraphQL rather than the page.
      const query = await fetch(`${api.url}?query=${encodeURIComponent('{ topics { slug } }')}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${ada}`, 'apollo-require-preflight': 'true' },
      });
      expect(query.status).toBe(200);
      const body = (await query.json()) as { data: { topics: { slug: string }[] } };
      expect(body.data.topics.length).toBeGreaterThanOrEqual(60);
    });
  });
});

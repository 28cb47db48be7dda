// Group join policies (issue 15, bug 7): OPEN or BY_REQUEST groups, join requests that admins
// approve or decline, invitations, members and GROUP rooms for members only, and the group
// directory. Real HTTP, real PostgreSQL.
import { GROUP_OPS, createGroup, groupStanding, requestToJoin } from './support/group-operations';
import { codeOf, expectNoLeaks, ok, sql, tracedStatements } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { type GraphQLResponse, tokenFor, useTestApi } from './support/test-api';

describe('group join policies', () => {
  const api = useTestApi();
  let ada: string; // creates groups: their admin
  let bob: string; // a member
  let cy: string; // an outsider who learns ids
  let dee: string; // another outsider

  beforeEach(async () => {
    await api.clear();
    [ada, bob, cy, dee] = await Promise.all([
      tokenFor('gj-ada', { name: 'Ada Admin' }),
      tokenFor('gj-bob', { name: 'Bob Member' }),
      tokenFor('gj-cy', { name: 'Cy Outsider' }),
      tokenFor('gj-dee', { name: 'Dee Outsider' }),
    ]);
    await Promise.all([ada, bob, cy, dee].map((token) => api.request(`{ viewer { id } }`, {}, token)));
  });

  const refusedWith = (response: GraphQLResponse, code: string): void => {
    expect(codeOf(response)).toBe(code);
    expectNoLeaks(response.errors);
  };

  /** A BY_REQUEST group of ada's with bob as a member (invited, then joined), a GROUP room in it, and a PUBLIC room. */
  async function closedGroupWithRooms(): Promise<{ groupId: string; groupRoom: string; publicRoom: string }> {
    const groupId = await createGroup(api, ada, 'Staff Engineers Circle', 'BY_REQUEST');
    await ok(api, GROUP_OPS.invite, { g: groupId, p: 'gj-bob' }, ada);
    await ok(api, GROUP_OPS.joinGroup, { g: groupId }, bob);
    const groupRoom = (await ok<{ createRoom: { id: string } }>(api, GROUP_OPS.createGroupRoom, { g: groupId, title: 'Members only' }, ada)).createRoom.id;
    const publicRoom = (await ok<{ createRoom: { id: string } }>(api, `mutation { createRoom(input: { title: "Open session" }) { id } }`, {}, ada)).createRoom.id;
    return { groupId, groupRoom, publicRoom };
  }

  const groupRoomIds = async (token: string, groupId: string): Promise<string[]> =>
    (await ok<{ group: { rooms: { id: string }[] } }>(api, GROUP_OPS.groupRooms, { g: groupId }, token)).group.rooms.map((r) => r.id);
  const roomById = async (token: string, roomId: string): Promise<unknown> => (await ok<{ room: unknown }>(api, GROUP_OPS.room, { r: roomId }, token)).room;

  describe('kind: a suspended account keeps staff powers (issue 15: one rule in the access tables)', () => {
    /** A suspension in force on `profileId`, as a staff decision writes it (a SUSPENDED notice). */
    const suspend = (profileId: string) =>
      sql(
        api,
        `insert into moderation_notices (id, subject_profile_id, action, category, reason, created_at, expires_at)
         values (gen_random_uuid(), ?, 'SUSPENDED', 'HARASSMENT', 'Suspended for the test', now() - interval '1 minute', now() + interval '1 day')`,
        [profileId],
      );

    it('given: staff see a group\'s members; suspended, the same staff member is FORBIDDEN like any non-member', async () => {
      const { groupId } = await closedGroupWithRooms();
      const staff = await staffTokenFor(api, 'gj-staff');
      const seen = await ok<{ group: { members: { edges: { node: { id: string } }[] } } }>(api, GROUP_OPS.members, { g: groupId }, staff);
      expect(seen.group.members.edges.map((e) => e.node.id)).toEqual(['gj-ada', 'gj-bob']);
      await suspend('gj-staff');
      const response = await api.request(GROUP_OPS.members, { g: groupId }, staff);
      refusedWith(response, 'FORBIDDEN');
      expect(JSON.stringify(response)).not.toContain('gj-bob');
    });

    it('variant: suspended staff no longer see a GROUP room they do not belong to, by room(id), rooms or group.rooms', async () => {
      const { groupId, groupRoom, publicRoom } = await closedGroupWithRooms();
      const staff = await staffTokenFor(api, 'gj-staff2');
      expect(await roomById(staff, groupRoom)).not.toBeNull();
      expect(await groupRoomIds(staff, groupId)).toContain(groupRoom);
      await suspend('gj-staff2');
      expect(await roomById(staff, groupRoom)).toBeNull();
      expect(await groupRoomIds(staff, groupId)).toEqual([]);
      const listed = (await ok<{ rooms: { edges: { node: { id: string } }[] } }>(api, `{ rooms(first: 50) { edges { node { id } } } }`, {}, staff)).rooms.edges.map((e) => e.node.id);
      expect(listed).toEqual([publicRoom]);
    });
  });

  describe('kind: knowing an id grants membership', () => {
    it("given: an outsider who learned a BY_REQUEST group's id cannot joinGroup it, and sees no GROUP room", async () => {
      const { groupId, groupRoom } = await closedGroupWithRooms();

      refusedWith(await api.request(GROUP_OPS.joinGroup, { g: groupId }, cy), 'FORBIDDEN');
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ memberCount: 2, viewerIsMember: false, viewerMembership: null, viewerJoinRequest: null });
      expect(await groupRoomIds(cy, groupId)).toEqual([]);
      expect(await roomById(cy, groupRoom)).toBeNull();
      refusedWith(await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: groupRoom }, cy), 'NOT_FOUND');
      refusedWith(await api.request(GROUP_OPS.createGroupRoom, { g: groupId, title: 'Sneaky' }, cy), 'FORBIDDEN');
      expect(await sql(api, `select profile_id from group_members where group_id = ? order by profile_id`, [groupId])).toEqual([
        { profile_id: 'gj-ada' },
        { profile_id: 'gj-bob' },
      ]);
    });

    it('variant: asking to join (even many times at once) files one PENDING request and admits nobody until an admin approves', async () => {
      const { groupId, groupRoom } = await closedGroupWithRooms();
      const answers = await Promise.all(Array.from({ length: 6 }, () => api.request(GROUP_OPS.requestToJoinGroup, { g: groupId }, cy)));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      expect(await sql(api, `select status from group_join_requests where group_id = ? and profile_id = 'gj-cy'`, [groupId])).toEqual([{ status: 'PENDING' }]);
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ memberCount: 2, viewerIsMember: false, viewerJoinRequest: { status: 'PENDING' } });
      expect(await roomById(cy, groupRoom)).toBeNull();
      // A member who is not an admin cannot approve, and the request stays as it was.
      const requestId = (await groupStanding(api, cy, groupId)).viewerJoinRequest!.id;
      refusedWith(await api.request(GROUP_OPS.approve, { r: requestId }, bob), 'FORBIDDEN');
      refusedWith(await api.request(GROUP_OPS.approve, { r: requestId }, cy), 'FORBIDDEN');
      refusedWith(await api.request(GROUP_OPS.invite, { g: groupId, p: 'gj-dee' }, bob), 'FORBIDDEN');
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ memberCount: 2, viewerIsMember: false, viewerJoinRequest: { status: 'PENDING' } });
      expect(await groupStanding(api, dee, groupId)).toMatchObject({ viewerIsInvited: false });
    });

    it('an OPEN group is joined at once, by joinGroup and by requestToJoinGroup alike', async () => {
      const groupId = await createGroup(api, ada, 'Open Guild', 'OPEN');
      expect((await ok<{ joinGroup: unknown }>(api, GROUP_OPS.joinGroup, { g: groupId }, cy)).joinGroup).toMatchObject({ memberCount: 2, viewerIsMember: true });
      const asked = await ok<{ requestToJoinGroup: unknown }>(api, GROUP_OPS.requestToJoinGroup, { g: groupId }, dee);
      expect(asked.requestToJoinGroup).toMatchObject({ memberCount: 3, viewerIsMember: true, viewerJoinRequest: null });
    });
  });

  describe("kind: a group's members are listed to non-members", () => {
    it('given: group(id) { members } is FORBIDDEN to a non-member, and names nobody', async () => {
      const { groupId } = await closedGroupWithRooms();
      const response = await api.request(GROUP_OPS.members, { g: groupId }, cy);
      refusedWith(response, 'FORBIDDEN');
      expect(JSON.stringify(response)).not.toContain('gj-bob');
      // Members see them; so does an OPEN group's member, and nobody outside an OPEN group.
      const seen = await ok<{ group: { members: { totalCount: number; edges: { node: { id: string } }[] } } }>(api, GROUP_OPS.members, { g: groupId }, bob);
      expect(seen.group.members.edges.map((e) => e.node.id)).toEqual(['gj-ada', 'gj-bob']);
      const open = await createGroup(api, ada, 'Open Guild', 'OPEN');
      refusedWith(await api.request(GROUP_OPS.members, { g: open }, cy), 'FORBIDDEN');
    });

    it('variant: reached through node(id) or the directory, or after leaving, members stay FORBIDDEN; join requests are for admins only', async () => {
      const { groupId } = await closedGroupWithRooms();
      const viaNode = await api.request(`query($g: ID!) { node(id: $g) { ... on Group { name members { edges { node { id } } } } } }`, { g: groupId }, cy);
      refusedWith(viaNode, 'FORBIDDEN');
      expect(JSON.stringify(viaNode.data)).not.toContain('gj-ada');
      const viaDirectory = await api.request(`{ groups(first: 5) { edges { node { name members { edges { node { id } } } } } } }`, {}, cy);
      refusedWith(viaDirectory, 'FORBIDDEN');
      expect(JSON.stringify(viaDirectory.data)).not.toContain('gj-bob');
      refusedWith(await api.request(GROUP_OPS.joinRequests, { g: groupId }, bob), 'FORBIDDEN');
      refusedWith(await api.request(GROUP_OPS.joinRequests, { g: groupId }, cy), 'FORBIDDEN');
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, bob);
      refusedWith(await api.request(GROUP_OPS.members, { g: groupId }, bob), 'FORBIDDEN');
    });
  });

  describe('kind: leaving a group keeps access to its GROUP rooms', () => {
    it('given: after leaveGroup, the GROUP room is gone from room(id), rooms, group.rooms and joinRoom', async () => {
      const { groupId, groupRoom, publicRoom } = await closedGroupWithRooms();
      expect(await roomById(bob, groupRoom)).toEqual({ id: groupRoom });
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, bob);
      expect(await roomById(bob, groupRoom)).toBeNull();
      expect(await groupRoomIds(bob, groupId)).toEqual([]);
      expect(await roomById(bob, publicRoom)).toEqual({ id: publicRoom });
      const listed = await ok<{ rooms: { edges: { node: { id: string } }[] } }>(api, `{ rooms(first: 50) { edges { node { id } } } }`, {}, bob);
      expect(listed.rooms.edges.map((e) => e.node.id)).not.toContain(groupRoom);
      refusedWith(await api.request(`mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: groupRoom }, bob), 'NOT_FOUND');
    });

    it('variant: a member admitted by request who leaves cannot walk back in: joinGroup is FORBIDDEN again', async () => {
      const { groupId, groupRoom } = await closedGroupWithRooms();
      await ok(api, GROUP_OPS.approve, { r: await requestToJoin(api, cy, groupId) }, ada);
      expect(await roomById(cy, groupRoom)).toEqual({ id: groupRoom });
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, cy);
      refusedWith(await api.request(GROUP_OPS.joinGroup, { g: groupId }, cy), 'FORBIDDEN');
      expect(await roomById(cy, groupRoom)).toBeNull();
    });
  });

  describe('join requests, approval and invitations', () => {
    it('request → the admin sees it → approve: the author is a member and sees the GROUP rooms; deciding again is idempotent or CONFLICT', async () => {
      const { groupId, groupRoom } = await closedGroupWithRooms();
      const requestId = await requestToJoin(api, cy, groupId);
      const pending = await ok<{ group: { joinRequests: { edges: { node: { id: string; status: string; profile: { id: string; displayName: string } } }[] } } }>(
        api,
        GROUP_OPS.joinRequests,
        { g: groupId },
        ada,
      );
      expect(pending.group.joinRequests.edges.map((e) => e.node)).toEqual([
        { id: requestId, status: 'PENDING', profile: { id: 'gj-cy', displayName: 'Cy Outsider' } },
      ]);
      const approved = await ok<{ approveGroupJoinRequest: { status: string; decidedAt: string | null; group: { memberCount: number } } }>(
        api,
        GROUP_OPS.approve,
        { r: requestId },
        ada,
      );
      expect(approved.approveGroupJoinRequest).toMatchObject({ status: 'APPROVED', group: { memberCount: 3 } });
      expect(approved.approveGroupJoinRequest.decidedAt).not.toBeNull();
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ viewerIsMember: true, viewerMembership: { role: 'MEMBER' }, viewerJoinRequest: { status: 'APPROVED' } });
      expect(await groupRoomIds(cy, groupId)).toContain(groupRoom);
      expect((await ok<{ approveGroupJoinRequest: { group: { memberCount: number } } }>(api, GROUP_OPS.approve, { r: requestId }, ada)).approveGroupJoinRequest.group.memberCount).toBe(3);
      refusedWith(await api.request(GROUP_OPS.decline, { r: requestId }, ada), 'CONFLICT');
      const empty = await ok<{ group: { joinRequests: { edges: unknown[] } } }>(api, GROUP_OPS.joinRequests, { g: groupId }, ada);
      expect(empty.group.joinRequests.edges).toEqual([]);
    });

    it('decline: the author is not a member, sees DECLINED, and may ask again', async () => {
      const { groupId } = await closedGroupWithRooms();
      const first = await requestToJoin(api, cy, groupId);
      expect((await ok<{ declineGroupJoinRequest: { status: string } }>(api, GROUP_OPS.decline, { r: first }, ada)).declineGroupJoinRequest.status).toBe('DECLINED');
      refusedWith(await api.request(GROUP_OPS.approve, { r: first }, ada), 'CONFLICT');
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ viewerIsMember: false, memberCount: 2, viewerJoinRequest: { id: first, status: 'DECLINED' } });
      const second = await requestToJoin(api, cy, groupId);
      expect(second).not.toBe(first);
    });

    it('concurrent approve and decline of one request: exactly one wins, and the count matches the members', async () => {
      const { groupId } = await closedGroupWithRooms();
      const requestId = await requestToJoin(api, cy, groupId);
      const [approve, decline] = await Promise.all([
        api.request(GROUP_OPS.approve, { r: requestId }, ada),
        api.request(GROUP_OPS.decline, { r: requestId }, ada),
      ]);
      expect([codeOf(approve) ?? 'ok', codeOf(decline) ?? 'ok'].sort()).toEqual(['CONFLICT', 'ok']);
      const [row] = await sql<{ member_count: number; members: string }>(
        api,
        `select member_count, (select count(*) from group_members where group_id = g.id) as members from groups g where id = ?`,
        [groupId],
      );
      expect(Number(row!.members)).toBe(row!.member_count);
    });

    it('an invitation admits to a BY_REQUEST group at once; inviting someone who asked admits them; bad targets are refused', async () => {
      const { groupId, groupRoom } = await closedGroupWithRooms();
      await ok(api, GROUP_OPS.invite, { g: groupId, p: 'gj-dee' }, ada);
      expect(await groupStanding(api, dee, groupId)).toMatchObject({ viewerIsInvited: true, viewerIsMember: false });
      await ok(api, GROUP_OPS.joinGroup, { g: groupId }, dee);
      expect(await groupStanding(api, dee, groupId)).toMatchObject({ viewerIsInvited: false, viewerIsMember: true });
      await requestToJoin(api, cy, groupId);
      expect((await ok<{ inviteToGroup: { memberCount: number } }>(api, GROUP_OPS.invite, { g: groupId, p: 'gj-cy' }, ada)).inviteToGroup.memberCount).toBe(4);
      expect(await roomById(cy, groupRoom)).toEqual({ id: groupRoom });
      const refusal = await api.request(GROUP_OPS.invite, { g: groupId, p: 'gj-nobody' }, ada);
      refusedWith(refusal, 'NOT_FOUND');
      const self = await api.request(GROUP_OPS.invite, { g: groupId, p: 'gj-ada' }, ada);
      refusedWith(self, 'BAD_USER_INPUT');
      expect(self.errors?.[0]?.extensions?.['field']).toBe('profileId');
      refusedWith(await api.request(GROUP_OPS.approve, { r: '00000000-0000-4000-8000-000000000000' }, ada), 'NOT_FOUND');
      refusedWith(await api.request(GROUP_OPS.approve, { r: 'nope' }, ada), 'BAD_USER_INPUT');
    });

    it('when the last admin leaves, the longest-standing member becomes admin and can decide requests', async () => {
      const { groupId } = await closedGroupWithRooms();
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, ada);
      expect(await groupStanding(api, bob, groupId)).toMatchObject({ memberCount: 1, viewerMembership: { role: 'ADMIN' } });
      const requestId = await requestToJoin(api, cy, groupId);
      await ok(api, GROUP_OPS.approve, { r: requestId }, bob);
      expect(await groupStanding(api, cy, groupId)).toMatchObject({ viewerIsMember: true, memberCount: 2 });
    });
  });

  describe('groups(search, first, after): the directory', () => {
    interface Directory {
      groups: { edges: { cursor: string; node: { id: string; name: string; joinPolicy: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }

    it('lists OPEN and BY_REQUEST groups by name, page by page, and finds them by words of the name', async () => {
      const names = ['beta Platform', 'Alpha Data', 'Gamma Platform Ops', 'delta Design'];
      for (const [i, name] of names.entries()) await createGroup(api, ada, name, i % 2 === 0 ? 'OPEN' : 'BY_REQUEST');
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Directory = await ok<Directory>(api, GROUP_OPS.directory, { first: 3, after }, cy);
        seen.push(...page.groups.edges.map((e) => e.node.name));
        if (!page.groups.pageInfo.hasNextPage) break;
        after = page.groups.pageInfo.endCursor;
      }
      expect(seen).toEqual(['Alpha Data', 'beta Platform', 'delta Design', 'Gamma Platform Ops']);
      const found = await ok<Directory>(api, GROUP_OPS.directory, { search: ' platform  ops ', first: 10 }, cy);
      expect(found.groups.edges.map((e) => [e.node.name, e.node.joinPolicy])).toEqual([['Gamma Platform Ops', 'OPEN']]);
      const literal = await ok<Directory>(api, GROUP_OPS.directory, { search: '%', first: 10 }, cy);
      expect(literal.groups.edges).toEqual([]);
    });

    it('refuses a bad cursor, an over-long search and an out-of-range first with BAD_USER_INPUT naming the argument', async () => {
      for (const [variables, field] of [
        [{ after: 'garbage' }, 'after'],
        [{ search: 'x'.repeat(81) }, 'search'],
        [{ first: 101 }, 'first'],
      ] as const) {
        const response = await api.request(GROUP_OPS.directory, variables, cy);
        refusedWith(response, 'BAD_USER_INPUT');
        expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
      }
      refusedWith(await api.request(GROUP_OPS.directory, {}, null), 'UNAUTHENTICATED');
    });
  });

  describe('SQL statements of the new lists', () => {
    it('groups(first: 20) with viewer fields: the same statements for 3 groups and for 20, one for the page', async () => {
      const DIRECTORY_WITH_STANDING = `query { groups(first: 20) { edges { node { name joinPolicy memberCount viewerIsMember viewerIsInvited
        viewerMembership { role } viewerJoinRequest { status } } } } }`;
      for (let i = 0; i < 3; i += 1) await createGroup(api, ada, `Few ${i}`, 'BY_REQUEST');
      const few = await tracedStatements<{ groups: { edges: unknown[] } }>(api, DIRECTORY_WITH_STANDING, {}, cy);
      for (let i = 3; i < 20; i += 1) await createGroup(api, ada, `Many ${i}`, i % 2 ? 'OPEN' : 'BY_REQUEST');
      const many = await tracedStatements<{ groups: { edges: unknown[] } }>(api, DIRECTORY_WITH_STANDING, {}, cy);
      expect(few.data.groups.edges).toHaveLength(3);
      expect(many.data.groups.edges).toHaveLength(20);
      expect(many.statements.length).toBe(few.statements.length);
      // The page, the memberships, the invitations and requests: three statements whatever the page size.
      expect(many.statements.length).toBeLessThanOrEqual(3);
    });

    it('joinRequests(first: 20) with profiles, on several groups at once: the same statements for 3 requests and for 20', async () => {
      const groupIds = [await createGroup(api, ada, 'One', 'BY_REQUEST'), await createGroup(api, ada, 'Two', 'BY_REQUEST')];
      const REQUESTS = `query($a: ID!, $b: ID!) {
        a: group(id: $a) { joinRequests(first: 20) { edges { node { status requestedAt profile { displayName } } } } }
        b: group(id: $b) { joinRequests(first: 20) { edges { node { status profile { displayName } } } } } }`;
      const askers = async (from: number, to: number): Promise<void> => {
        for (let i = from; i < to; i += 1) {
          const token = await tokenFor(`gj-asker-${i}`, { name: `Asker ${i}` });
          for (const groupId of groupIds) await requestToJoin(api, token, groupId);
        }
      };
      await askers(0, 3);
      const few = await tracedStatements<{ a: { joinRequests: { edges: unknown[] } } }>(api, REQUESTS, { a: groupIds[0], b: groupIds[1] }, ada);
      await askers(3, 20);
      const many = await tracedStatements<{ a: { joinRequests: { edges: unknown[] } } }>(api, REQUESTS, { a: groupIds[0], b: groupIds[1] }, ada);
      expect(few.data.a.joinRequests.edges).toHaveLength(3);
      expect(many.data.a.joinRequests.edges).toHaveLength(20);
      expect(many.statements.length).toBe(few.statements.length);
      expect(many.statements.filter((s) => /group_join_requests/.test(s))).toHaveLength(1);
    });
  });
});

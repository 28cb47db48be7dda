// Issue 15 — kind: a list restates the visibility rule. Room lists state the access policy's SEE
// as SQL (`roomsViewerMaySeeSql`); `room(id:)` asks the table itself (`findVisibleRoom`: SEE). For every
// viewer and every kind of room the two must agree: a list shows exactly the rooms `room(id:)`
// answers for that viewer.
import { randomUUID } from 'node:crypto';

import { decideRoomAccess, decideRoomStanding, RoomOperation, type RoomRelation, RoomStatus, RoomVisibility } from '@roundtable/domain';
import { AppealStatus, ModerationNoticeAction } from '@roundtable/moderation';
import fc from 'fast-check';

import type { AuthenticatedViewer } from '../src/auth/authenticator';
import type { Database } from '../src/database/orm';
import { RoomAccessPolicy } from '../src/rooms/access/room-access.policy';
import { findVisibleRoom, roomsViewerMayJoinSql, roomsViewerMaySeeSql } from '../src/rooms/room-visibility';
import { staffTokenFor } from './support/staff';
import { openTestDatabase } from './support/test-database';
import { ok } from './support/trust-and-safety-operations';
import { tokenFor, useTestApi } from './support/test-api';

const CREATE = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;
const LIST = `{ rooms(first: 100) { edges { node { id } } } }`;
const ROOM = `query($id: ID!) { room(id: $id) { id } }`;

describe('kind: a list restates the visibility rule (issue 15)', () => {
  const api = useTestApi();

  it('rooms(...) lists exactly the rooms room(id:) shows, for host, member, invitee, stranger and staff, across PUBLIC, GROUP and PRIVATE, live and scheduled', async () => {
    await api.clear();
    const host = await tokenFor('agree-host');
    const member = await tokenFor('agree-member');
    const invitee = await tokenFor('agree-invitee');
    const stranger = await tokenFor('agree-stranger');
    const staff = await staffTokenFor(api, 'agree-staff');
    for (const token of [member, invitee, stranger]) await ok(api, `{ viewer { id } }`, {}, token);
    const { createGroup } = await ok<{ createGroup: { id: string } }>(api, `mutation { createGroup(input: { name: "Agreement guild" }) { id } }`, {}, host);
    await ok(api, `mutation($id: ID!) { joinGroup(groupId: $id) { id } }`, { id: createGroup.id }, member);
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const inputs = [
      { title: 'Public live' },
      { title: 'Public scheduled', scheduledFor: later },
      { title: 'Group live', visibility: 'GROUP', groupId: createGroup.id },
      { title: 'Group scheduled', visibility: 'GROUP', groupId: createGroup.id, scheduledFor: later },
      { title: 'Private live', visibility: 'PRIVATE', inviteeIds: ['agree-invitee'] },
      { title: 'Private scheduled', visibility: 'PRIVATE', inviteeIds: ['agree-invitee'], scheduledFor: later },
    ];
    const roomIds: string[] = [];
    for (const input of inputs) roomIds.push((await ok<{ createRoom: { id: string } }>(api, CREATE, { input }, host)).createRoom.id);

    // The rooms each viewer sees differ, so agreement is not agreement on everything.
    const expectedCounts: Record<string, number> = { host: 6, member: 4, invitee: 4, stranger: 2, staff: 6 };
    for (const [name, token] of Object.entries({ host, member, invitee, stranger, staff })) {
      const listed = (await ok<{ rooms: { edges: { node: { id: string } }[] } }>(api, LIST, {}, token)).rooms.edges.map((edge) => edge.node.id);
      const shown: string[] = [];
      for (const id of roomIds) if ((await ok<{ room: { id: string } | null }>(api, ROOM, { id }, token)).room) shown.push(id);
      expect({ name, listed: [...listed].sort() }).toEqual({ name, listed: [...shown].sort() });
      expect({ name, count: shown.length }).toEqual({ name, count: expectedCounts[name] });
    }
  });
});

// The same kind, checked where it lives: the SQL restatements themselves (`roomsViewerMaySeeSql` for
// `rooms`, `Group.rooms` and node lists; `roomsViewerMayJoinSql` for recommendations), the SQL that
// gathers a viewer's relation (`RoomAccessPolicy.relationsOf`) and `findVisibleRoom` (`room(id:)`),
// against the table (`decideRoomAccess`), over generated relations written as real rows.
describe('kind: a list restates the visibility rule — over generated relations on PostgreSQL (issue 15)', () => {
  let db: Database;
  let serial = 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    // Only the tables written here (this describe runs no API of its own).
    await db.orm.em
      .fork()
      .getConnection()
      .execute('truncate table moderation_notices, blocks, room_bans, room_invitees, group_members, rooms, groups, profiles cascade');
  });
  afterAll(async () => {
    await db.close();
  });

  type SuspensionKind = 'none' | 'in force' | 'without end' | 'expired' | 'reversed on appeal' | 'not begun';
  /** One viewer and one room, as rows will say it; `viewerBlockedHost` is the list preference. */
  interface Case {
    readonly visibility: RoomVisibility;
    readonly status: RoomStatus;
    readonly isHost: boolean;
    readonly isGroupMember: boolean;
    readonly isInvitee: boolean;
    readonly isBanned: boolean;
    readonly isStaff: boolean;
    readonly suspension: SuspensionKind;
    readonly hostBlockedViewer: boolean;
    readonly viewerBlockedHost: boolean;
  }
  const SUSPENSIONS: readonly SuspensionKind[] = ['none', 'in force', 'without end', 'expired', 'reversed on appeal', 'not begun'];
  const caseArbitrary = fc.record<Case>({
    visibility: fc.constantFrom(...Object.values(RoomVisibility)),
    status: fc.constantFrom(...Object.values(RoomStatus)),
    isHost: fc.boolean(),
    isGroupMember: fc.boolean(),
    isInvitee: fc.boolean(),
    isBanned: fc.boolean(),
    isStaff: fc.boolean(),
    suspension: fc.constantFrom(...SUSPENSIONS),
    hostBlockedViewer: fc.boolean(),
    viewerBlockedHost: fc.boolean(),
  });

  /** The relation the table is asked about: what the rows say (membership only counts in a GROUP room, an invitation only in a PRIVATE one). */
  function relationOf(c: Case): RoomRelation {
    const isSuspended = c.suspension === 'in force' || c.suspension === 'without end';
    return {
      visibility: c.visibility,
      status: c.status,
      isHost: c.isHost,
      role: null,
      isGroupMember: c.visibility === RoomVisibility.Group && c.isGroupMember,
      isInvitee: c.visibility === RoomVisibility.Private && c.isInvitee,
      isBanned: c.isBanned,
      isBlockedByHost: !c.isHost && c.hostBlockedViewer,
      isSuspended,
      isStaff: c.isStaff && !isSuspended,
    };
  }

  /** Writes each case as rows (a host, a viewer, a group, a room, and what the case says), in one statement per table. */
  async function write(cases: readonly Case[]): Promise<{ c: Case; viewer: AuthenticatedViewer; roomId: string }[]> {
    const em = db.orm.em.fork();
    const now = Date.now();
    const written = cases.map((c) => {
      serial += 1;
      const viewerId = `gen-viewer-${serial}`;
      return { c, viewer: { profileId: viewerId, name: null, isStaff: c.isStaff }, hostId: c.isHost ? viewerId : `gen-host-${serial}`, roomId: randomUUID(), groupId: randomUUID() };
    });
    const rows = (table: string, columns: string, values: unknown[][]) =>
      values.length === 0
        ? Promise.resolve()
        : em.execute(`insert into ${table} (${columns}) values ${values.map((v) => `(${v.map(() => '?').join(', ')})`).join(', ')}`, values.flat());
    const profiles = new Set(written.flatMap((w) => [w.viewer.profileId, w.hostId]));
    await rows('profiles', 'id, display_name', [...profiles].map((id) => [id, id]));
    await rows('groups', 'id, name, created_by_id', written.map((w) => [w.groupId, `Group of ${w.roomId}`, w.hostId]));
    await rows(
      'rooms',
      'id, title, status, visibility, host_id, max_speakers, group_id',
      written.map((w) => [w.roomId, 'Generated', w.c.status, w.c.visibility, w.hostId, 10, w.c.visibility === RoomVisibility.Group ? w.groupId : null]),
    );
    await rows('group_members', 'group_id, profile_id', written.filter((w) => w.c.isGroupMember).map((w) => [w.groupId, w.viewer.profileId]));
    await rows('room_invitees', 'room_id, profile_id', written.filter((w) => w.c.isInvitee && w.c.visibility === RoomVisibility.Private).map((w) => [w.roomId, w.viewer.profileId]));
    await rows('room_bans', 'room_id, profile_id, banned_by_id', written.filter((w) => w.c.isBanned).map((w) => [w.roomId, w.viewer.profileId, w.hostId]));
    const blocks = [
      ...written.filter((w) => w.c.hostBlockedViewer && !w.c.isHost).map((w) => [w.hostId, w.viewer.profileId, new Date(now)]),
      ...written.filter((w) => w.c.viewerBlockedHost && !w.c.isHost).map((w) => [w.viewer.profileId, w.hostId, new Date(now)]),
    ];
    await rows('blocks', 'blocker_id, blocked_id, created_at', blocks);
    const hour = 3_600_000;
    const notice = (w: (typeof written)[number]): unknown[] | null => {
      const base = (createdAt: number, expiresAt: number | null, appeal: string | null) => [
        randomUUID(),
        w.viewer.profileId,
        ModerationNoticeAction.Suspended,
        'HARASSMENT',
        'Generated',
        new Date(createdAt),
        expiresAt === null ? null : new Date(expiresAt),
        appeal,
      ];
      switch (w.c.suspension) {
        case 'none':
          return null;
        case 'in force':
          return base(now - hour, now + hour, null);
        case 'without end':
          return base(now - hour, null, AppealStatus.Open);
        case 'expired':
          return base(now - 2 * hour, now - hour, null);
        case 'reversed on appeal':
          return base(now - hour, now + hour, AppealStatus.Reversed);
        case 'not begun':
          return base(now + hour, now + 2 * hour, null);
      }
    };
    await rows(
      'moderation_notices',
      'id, subject_profile_id, action, category, reason, created_at, expires_at, appeal_status',
      written.map(notice).filter((v): v is unknown[] => v !== null),
    );
    return written;
  }

  /** Every restatement's answer for one case, next to the table's. */
  async function answers(w: { c: Case; viewer: AuthenticatedViewer; roomId: string }) {
    const em = db.orm.em.fork();
    const see = roomsViewerMaySeeSql(w.viewer);
    const join = roomsViewerMayJoinSql(w.viewer.profileId);
    const [row] = await em.execute<{ listed: boolean; recommendable: boolean }[]>(
      `select exists (select 1 from rooms r where r.id = ? and ${see.sql}) as listed,
              exists (select 1 from rooms r where r.id = ? and ${join.sql}) as recommendable`,
      [w.roomId, ...see.params, w.roomId, ...join.params],
    );
    const gathered = await new RoomAccessPolicy().relationTo(em, w.viewer, w.roomId);
    const shown = (await findVisibleRoom(em, w.viewer, w.roomId)) !== null;
    const relation = relationOf(w.c);
    const sees = decideRoomAccess(RoomOperation.See, relation).allowed;
    const viewerBlocksHost = w.c.viewerBlockedHost && !w.c.isHost; // nobody blocks themself
    return {
      actual: { relation: gathered?.relation, listed: row?.listed, recommendable: row?.recommendable, shown },
      expected: {
        relation,
        // Lists leave out rooms whose host the viewer blocked (a preference; the room still opens).
        listed: sees && !viewerBlocksHost,
        recommendable: decideRoomStanding(RoomOperation.Join, relation).allowed && !viewerBlocksHost,
        shown: sees,
      },
    };
  }

  async function check(cases: readonly Case[]): Promise<void> {
    for (const w of await write(cases)) {
      const { actual, expected } = await answers(w);
      expect({ case: w.c, ...actual }).toEqual({ case: w.c, ...expected });
    }
  }

  it('every combination of visibility, hosting, membership, invitation, staff rights and suspension (a LIVE room, no ban, no block)', async () => {
    const cases: Case[] = [];
    for (const visibility of Object.values(RoomVisibility))
      for (const isHost of [false, true])
        for (const isGroupMember of [false, true])
          for (const isInvitee of [false, true])
            for (const isStaff of [false, true])
              for (const suspension of SUSPENSIONS)
                cases.push({ visibility, status: RoomStatus.Live, isHost, isGroupMember, isInvitee, isBanned: false, isStaff, suspension, hostBlockedViewer: false, viewerBlockedHost: false });
    expect(cases).toHaveLength(288);
    await check(cases);
    // Not agreement on everything: the combinations split both ways, for lists and recommendations.
    const listed = cases.map((c) => decideRoomAccess(RoomOperation.See, relationOf(c)).allowed);
    expect(new Set(listed)).toEqual(new Set([true, false]));
  });

  it('generated relations, statuses, bans and blocks both ways (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArbitrary, { minLength: 1, maxLength: 8 }), async (cases) => {
        await check(cases);
      }),
      { numRuns: 120 },
    );
  });
});

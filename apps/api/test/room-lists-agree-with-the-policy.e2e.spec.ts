// Issue 15 — kind: a list restates the visibility rule. Room lists state the access policy's SEE
// as SQL (`roomsViewerMaySeeSql`); `room(id:)` asks the table itself (`canSeeRoom`). For every
// viewer and every kind of room the two must agree: a list shows exactly the rooms `room(id:)`
// answers for that viewer.
import { staffTokenFor } from './support/staff';
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

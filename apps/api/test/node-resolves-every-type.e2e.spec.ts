// Issue 15, bug 9 — kind: a Node type `node(id:)` cannot resolve. Every type that implements Node
// resolves through `node(id:)`, under the rules of its own queries, and is null alike for anyone
// who may not see it (no existence oracle).
import { staffTokenFor } from './support/staff';
import { OPS, ok, sql, stagedRoom } from './support/trust-and-safety-operations';
import { fanoutsSettled } from './support/notification-operations';
import { tokenFor, useTestApi } from './support/test-api';

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

describe('kind: a Node type node(id:) cannot resolve (issue 15, bug 9)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });

  const nodeOf = async (id: string, token: string) => (await ok<{ node: { __typename: string; id: string } | null }>(api, NODE, { id }, token)).node;

  it('given case: Report, ModerationNotice, ModerationAppeal and ModerationLogEntry resolve for staff and for their owner, and are null for anyone else', async () => {
    await api.clear();
    const staff = await staffTokenFor(api, 'node-staff');
    const { roomId, tokens } = await stagedRoom(api, 'node', { speakers: ['node-sam'], listeners: ['node-rita'] });
    const bystander = await tokenFor('node-bystander');
    const { reportAbuse } = await ok<{ reportAbuse: { id: string } }>(
      api,
      OPS.reportAbuse,
      { input: { roomId, profileId: 'node-sam', category: 'HARASSMENT', details: 'node check' } },
      tokens['node-rita']!,
    );
    await ok(api, OPS.resolveReport, { input: { reportId: reportAbuse.id, action: 'WARN', note: 'node check' } }, staff);
    const [notice] = await sql<{ id: string }>(api, `select id from moderation_notices where subject_profile_id = 'node-sam'`);
    await ok(api, OPS.appeal, { input: { noticeId: notice!.id, statement: 'I was quoting the question back' } }, tokens['node-sam']!);
    const [entry] = await sql<{ id: string }>(api, `select id from moderation_log order by at limit 1`);
    const appealId = `appeal:${notice!.id}`;

    // Staff see all four.
    expect(await nodeOf(reportAbuse.id, staff)).toEqual({ __typename: 'Report', id: reportAbuse.id });
    expect(await nodeOf(notice!.id, staff)).toEqual({ __typename: 'ModerationNotice', id: notice!.id });
    expect(await nodeOf(appealId, staff)).toEqual({ __typename: 'ModerationAppeal', id: appealId });
    expect(await nodeOf(entry!.id, staff)).toEqual({ __typename: 'ModerationLogEntry', id: entry!.id });
    // The notice's owner sees the notice and its appeal; the reporter sees their report.
    expect(await nodeOf(notice!.id, tokens['node-sam']!)).toEqual({ __typename: 'ModerationNotice', id: notice!.id });
    expect(await nodeOf(appealId, tokens['node-sam']!)).toEqual({ __typename: 'ModerationAppeal', id: appealId });
    expect(await nodeOf(reportAbuse.id, tokens['node-rita']!)).toEqual({ __typename: 'Report', id: reportAbuse.id });
    // Nobody else sees any of them: null, as for an id that names nothing.
    for (const id of [reportAbuse.id, notice!.id, appealId, entry!.id, '00000000-0000-4000-8000-000000000000', 'appeal:00000000-0000-4000-8000-000000000000']) {
      expect({ id, node: await nodeOf(id, bystander) }).toEqual({ id, node: null });
    }
    expect(await nodeOf(reportAbuse.id, tokens['node-sam']!)).toBeNull();
    expect(await nodeOf(entry!.id, tokens['node-sam']!)).toBeNull();
  });

  it('variant: the types that resolved before still do, and a room the viewer may not see is null like an unknown id', async () => {
    await api.clear();
    const { roomId, tokens } = await stagedRoom(api, 'nodev', { listeners: ['nodev-lee'] });
    const host = tokens['nodev-host']!;
    const [participant] = await sql<{ id: string }>(api, `select id from participants where room_id = ? and profile_id = 'nodev-lee'`, [roomId]);
    const { createGroup } = await ok<{ createGroup: { id: string } }>(api, OPS.createGroup, { name: 'Node guild' }, host);
    expect(await nodeOf(roomId, host)).toEqual({ __typename: 'Room', id: roomId });
    expect(await nodeOf(participant!.id, host)).toEqual({ __typename: 'Participant', id: participant!.id });
    expect(await nodeOf(createGroup.id, host)).toEqual({ __typename: 'Group', id: createGroup.id });
    expect(await nodeOf('nodev-lee', host)).toEqual({ __typename: 'Profile', id: 'nodev-lee' });
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      api,
      `mutation { createRoom(input: { title: "Private node", visibility: PRIVATE }) { id } }`,
      {},
      host,
    );
    expect(await nodeOf(createRoom.id, tokens['nodev-lee']!)).toBeNull();
  });

  it('variant: a Notification (issue 18) resolves for its recipient only, and is null for anyone else', async () => {
    await api.clear();
    const host = await tokenFor('noden-host');
    const fan = await tokenFor('noden-fan');
    const other = await tokenFor('noden-other');
    for (const token of [host, fan, other]) await ok(api, `{ viewer { id } }`, {}, token);
    await ok(api, `mutation { follow(profileId: "noden-host") { id } }`, {}, fan);
    await ok(api, `mutation { setFollowNotifications(profileId: "noden-host", level: ALL) { id } }`, {}, fan);
    await ok(api, `mutation($at: DateTime!) { createRoom(input: { title: "Soon", scheduledFor: $at }) { id } }`, { at: new Date(Date.now() + 3_600_000).toISOString() }, host);
    await fanoutsSettled(api);
    const [notification] = await sql<{ id: string }>(api, `select id from notifications where recipient_id = 'noden-fan'`);
    expect(await nodeOf(notification!.id, fan)).toEqual({ __typename: 'Notification', id: notification!.id });
    expect(await nodeOf(notification!.id, other)).toBeNull();
    expect(await nodeOf(notification!.id, host)).toBeNull();
  });
});

// The authorization matrix of every staff-only field and mutation of the trust-and-safety
// contract, for seven roles (anonymous included), over HTTP and graphql-ws: only staff pass,
// and every refusal changes nothing.
import { codeOf, wsExecute } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';
import { moderationSnapshot, ok, OPS, sql, stagedRoom } from './support/trust-and-safety-operations';
import { staffTokenFor } from './support/staff';

type Role = 'anonymous' | 'member' | 'reporter' | 'reported' | 'host' | 'moderator' | 'staff';
const ROLES: readonly Role[] = ['anonymous', 'member', 'reporter', 'reported', 'host', 'moderator', 'staff'];

describe('trust and safety: authorization matrix', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  let tokens: Record<Role, string | null>;
  let openReportId: string;
  let appealedNoticeId: string;


  beforeEach(async () => {
    await api.clear();
    const room = await stagedRoom(api, 'authz', { speakers: ['authz-mod', 'authz-sam'], listeners: ['authz-rep'] });
    await ok(api, `mutation($r: ID!) { setModerator(roomId: $r, profileId: "authz-mod", moderator: true) { role } }`, { r: room.roomId }, room.tokens[room.host] as string);
    const staff = await staffTokenFor(api, 'authz-staff');
    const member = await tokenFor('authz-member');
    tokens = {
      anonymous: null,
      member,
      reporter: room.tokens['authz-rep'] as string,
      reported: room.tokens['authz-sam'] as string,
      host: room.tokens[room.host] as string,
      moderator: room.tokens['authz-mod'] as string,
      staff,
    };
    await ok(api, OPS.viewer, {}, member);
    // A decided report with an open appeal, and an open report.
    const decided = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'authz-sam', category: 'SPAM' } }, tokens.reporter as string);
    await ok(api, OPS.resolveReport, { input: { reportId: decided.reportAbuse.id, action: 'WARN', note: 'Spam' } }, staff);
    appealedNoticeId = (await sql<{ id: string }>(api, `select id from moderation_notices`))[0]?.id as string;
    await ok(api, OPS.appeal, { input: { noticeId: appealedNoticeId, statement: 'Not spam' } }, tokens.reported as string);
    const open = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId: room.roomId, profileId: 'authz-sam', category: 'HARASSMENT' } }, tokens.reporter as string);
    openReportId = open.reportAbuse.id;
  });

  const staffOnly: Record<string, () => [string, Record<string, unknown>]> = {
    'Query.moderationQueue': () => [OPS.queue, {}],
    'Query.moderationLog': () => [OPS.log, {}],
    'Query.moderationAppeals': () => [OPS.appeals, {}],
    'Mutation.resolveReport': () => [OPS.resolveReport, { input: { reportId: openReportId, action: 'SUSPEND', note: 'x' } }],
    'Mutation.resolveAppeal': () => [OPS.resolveAppeal, { input: { noticeId: appealedNoticeId, upheld: false, note: 'x' } }],
  };

  for (const [coordinate, operation] of Object.entries(staffOnly)) {
    it(`${coordinate}: staff only — anonymous UNAUTHENTICATED, everyone else FORBIDDEN, and a refusal changes nothing`, async () => {
      for (const role of ROLES.filter((candidate) => candidate !== 'staff')) {
        const before = await moderationSnapshot(api);
        const [query, variables] = operation();
        const response = await api.request(query, variables, tokens[role]);
        expect({ role, code: codeOf(response), data: response.data ?? null }).toEqual({
          role,
          code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          data: null,
        });
        expect(await moderationSnapshot(api)).toEqual(before);
      }
      const [query, variables] = operation();
      const response = await api.request(query, variables, tokens.staff);
      expect(response.errors).toBeUndefined();
    });
  }

  it('over graphql-ws too: a non-staff socket is FORBIDDEN from the queue and from deciding', async () => {
    const client = api.wsClient(tokens.moderator);
    expect(codeOf(await wsExecute(client, OPS.queue, {}))).toBe('FORBIDDEN');
    const before = await moderationSnapshot(api);
    expect(codeOf(await wsExecute(client, OPS.resolveReport, { input: { reportId: openReportId, action: 'DISMISS' } }))).toBe('FORBIDDEN');
    expect(await moderationSnapshot(api)).toEqual(before);
    const staffClient = api.wsClient(tokens.staff);
    expect((await wsExecute(staffClient, OPS.queue, {})).errors).toBeUndefined();
  });

  it('Report.evidence: staff only, null for everyone else (the reporter reads their report without it)', async () => {
    const room = (await sql<{ room_id: string }>(api, `select room_id from reports limit 1`))[0]?.room_id;
    const filed = await ok<{ reportAbuse: { evidence: unknown } }>(api, OPS.reportAbuse, { input: { roomId: room, profileId: 'authz-mod', category: 'OTHER' } }, tokens.reporter as string);
    expect(filed.reportAbuse.evidence).toBeNull();
    const queue = await ok<{ moderationQueue: { edges: { node: { evidence: { roomTitle: string } | null } }[] } }>(api, OPS.queue, {}, tokens.staff as string);
    for (const edge of queue.moderationQueue.edges) expect(edge.node.evidence?.roomTitle).toBe('authz room');
  });

  it('a person reads only their own notices; staff-only fields are not reachable through them', async () => {
    const reported = await ok<{ viewerModerationNotices: { edges: unknown[] } }>(api, OPS.notices, {}, tokens.reported as string);
    expect(reported.viewerModerationNotices.edges).toHaveLength(1);
    for (const role of ['member', 'reporter', 'host', 'moderator', 'staff'] as const) {
      const other = await ok<{ viewerModerationNotices: { edges: unknown[] } }>(api, OPS.notices, {}, tokens[role] as string);
      expect({ role, notices: other.viewerModerationNotices.edges }).toEqual({ role, notices: [] });
    }
    expect(codeOf(await api.request(OPS.notices, {}, null))).toBe('UNAUTHENTICATED');
  });
});

// Issue 15, item 9 — kind: an id of one type accepted as another. A token whose `sub` was a
// room's UUID signed in as a profile with that id (created on the spot), so one id named a room
// and a profile at once. A token's subject is now checked to name no other object in the same
// statement that creates a new profile (no SQL at all for a profile already known); an id
// argument of one type given another type's id is refused like an unknown id.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, getNamedType, type GraphQLInputType, type GraphQLNamedType, isEnumType, isInputObjectType, isLeafType, isNonNullType } from 'graphql';

import { codeOf, moderationSnapshot, OPS, ok, sql, stagedRoom } from './support/trust-and-safety-operations';
import { wsExecute } from './support/graphql-helpers';
import { staffTokenFor } from './support/staff';
import { tokenFor, useTestApi } from './support/test-api';

const VIEWER = `{ viewer { id } }`;
const ALLOWED_REFUSALS = ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT'];
/** The ID arguments the queries' variant gives another type's id. */
const QUERY_VARIANT_COVERS = ['Query.profile.id', 'Query.group.id', 'Query.room.id', 'Query.node.id'];

/**
 * Every ID argument (and ID field of an input, at any depth) of the served schema
 * (`apps/web/schema.graphql`, printed from the API) except those named `roomId`, whose wrong-type
 * case is a group's id (the queries' variant): `Type.field.argument[.inputField]`.
 */
function nonRoomIdArguments(): string[] {
  const schema = buildSchema(readFileSync(join(__dirname, '../../web/schema.graphql'), 'utf8'));
  const coordinates: string[] = [];
  const walk = (path: string, type: GraphQLInputType, seen: ReadonlySet<string>): void => {
    const named = getNamedType(type);
    if (named.name === 'ID') coordinates.push(path);
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const field of Object.values(named.getFields())) walk(`${path}.${field.name}`, field.type, new Set([...seen, named.name]));
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) for (const arg of field.args) walk(`${root!.name}.${field.name}.${arg.name}`, arg.type, new Set());
  }
  return coordinates.filter((coordinate) => !coordinate.endsWith('.roomId')).sort();
}

describe('kind: an id of one type accepted as another (issue 15, item 9)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });

  /** A live room with a listener, a group, a report, a notice (with its appeal) and a join request. */
  async function world(prefix: string) {
    await api.clear();
    const staff = await staffTokenFor(api, `${prefix}-staff`);
    const { roomId, tokens } = await stagedRoom(api, prefix, { listeners: [`${prefix}-lee`] });
    const host = tokens[`${prefix}-host`]!;
    const lee = tokens[`${prefix}-lee`]!;
    const { createGroup } = await ok<{ createGroup: { id: string } }>(
      api,
      `mutation { createGroup(input: { name: "${prefix} guild", joinPolicy: BY_REQUEST }) { id } }`,
      {},
      host,
    );
    const { requestToJoinGroup } = await ok<{ requestToJoinGroup: { viewerJoinRequest: { id: string } } }>(
      api,
      `mutation($g: ID!) { requestToJoinGroup(groupId: $g) { viewerJoinRequest { id } } }`,
      { g: createGroup.id },
      lee,
    );
    const { reportAbuse } = await ok<{ reportAbuse: { id: string } }>(
      api,
      OPS.reportAbuse,
      { input: { roomId, profileId: `${prefix}-host`, category: 'HARASSMENT', details: 'ids check' } },
      lee,
    );
    await ok(api, OPS.resolveReport, { input: { reportId: reportAbuse.id, action: 'WARN', note: 'ids check' } }, staff);
    const [notice] = await sql<{ id: string }>(api, `select id from moderation_notices`);
    const [participant] = await sql<{ id: string }>(api, `select id from participants where room_id = ? and profile_id = ?`, [roomId, `${prefix}-lee`]);
    return {
      staff,
      host,
      lee,
      roomId,
      groupId: createGroup.id,
      requestId: requestToJoinGroup.viewerJoinRequest.id,
      reportId: reportAbuse.id,
      noticeId: notice!.id,
      participantId: participant!.id,
    };
  }

  const profileRows = (id: string) => sql<{ id: string }>(api, `select id from profiles where lower(id) = lower(?)`, [id]);

  async function expectTokenRefused(sub: string): Promise<void> {
    const token = await tokenFor(sub, { name: 'Not a person' });
    const statements: string[][] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const traced: string[] = [];
      const stop = api.api.db.onQuery((statement) => traced.push(statement));
      const response = await api.request(VIEWER, {}, token).finally(stop);
      statements.push(traced.filter((statement) => /insert into profiles/.test(statement)));
      expect({ sub, status: response.status, code: codeOf(response), data: response.data ?? null }).toEqual({
        sub,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: null,
      });
    }
    // A UUID subject is checked once (one statement); refused again from memory. `appeal:` needs none.
    expect({ sub, statements: statements.map((list) => list.length) }).toEqual({ sub, statements: [sub.startsWith('appeal:') ? 0 : 1, 0] });
    expect({ sub, ws: (await wsExecute(api.wsClient(token), VIEWER)).closeCode }).toEqual({ sub, ws: 4401 });
    expect({ sub, profiles: await profileRows(sub) }).toEqual({ sub, profiles: [] });
  }

  it("given case: a token whose sub is a room's UUID is refused over HTTP and WebSocket (UNAUTHENTICATED, 4401), and no profile is made", async () => {
    const { roomId } = await world('idg');
    await expectTokenRefused(roomId);
    // The same UUID written in capitals names the same room (UUIDs are compared lower-cased).
    await expectTokenRefused(roomId.toUpperCase());
  });

  it("variant: a group's, participant's, join request's, report's, notice's, appeal's or question's id as sub is refused the same way; a fresh UUID signs in", async () => {
    const w = await world('idv');
    // A question (no GraphQL type yet, no ORM entity): any table keyed by a UUID id counts.
    const questionId = randomUUID();
    await sql(api, `insert into room_questions (id, room_id, asker_id, text, status) values (?, ?, ?, 'Sharding?', 'OPEN')`, [questionId, w.roomId, 'idv-lee']);
    for (const sub of [w.groupId, w.participantId, w.requestId, w.reportId, w.noticeId, `appeal:${w.noticeId}`, questionId]) await expectTokenRefused(sub);
    // An identity provider's UUID subject that names nothing else is a profile like any other.
    const person = randomUUID();
    expect((await ok<{ viewer: { id: string } }>(api, VIEWER, {}, await tokenFor(person))).viewer.id).toBe(person);
  });

  it('variant: a profile that a room id signed in as before the check existed is refused too', async () => {
    const { roomId } = await world('idold');
    await sql(api, `insert into profiles (id, display_name, created_at, updated_at) values (?, 'Made by the bug', now(), now())`, [roomId]);
    api.api.server.services.profiles.forgetKnownProfiles();
    const response = await api.request(VIEWER, {}, await tokenFor(roomId));
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('the check costs no SQL statement once the profile is known: one statement (check and create together) on first sign-in, none after', async () => {
    await api.clear();
    const person = randomUUID();
    const token = await tokenFor(person);
    const traced: string[] = [];
    const stop = api.api.db.onQuery((statement) => traced.push(statement));
    try {
      await ok(api, VIEWER, {}, token);
      const first = traced.filter((statement) => /\bprofiles\b/.test(statement) && /insert/i.test(statement));
      expect(first).toHaveLength(1);
      expect(first[0]).toMatch(/"rooms"/);
      expect(first[0]).toMatch(/"room_questions"/);
      traced.length = 0;
      await ok(api, VIEWER, {}, token);
      expect(traced.filter((statement) => /insert into profiles|"rooms" where id/.test(statement))).toEqual([]);
    } finally {
      stop();
    }
  });

  it('given case: a room id given where a profile, group, report, notice or join request id is expected is refused like an unknown id, and changes nothing', async () => {
    const w = await world('idarg');
    const before = await moderationSnapshot(api);
    const beforeGroups = await sql(api, `select group_id, profile_id, status from group_join_requests order by 1, 2`);
    const wrong = w.roomId;
    const unknown = randomUUID();
    const cases: [string, string, (id: string) => Record<string, unknown>, string][] = [
      ['Mutation.follow.profileId', `mutation($p: ID!) { follow(profileId: $p) { id } }`, (id) => ({ p: id }), w.lee],
      ['Mutation.unfollow.profileId', `mutation($p: ID!) { unfollow(profileId: $p) { id } }`, (id) => ({ p: id }), w.lee],
      ['Mutation.block.profileId', OPS.block, (id) => ({ p: id }), w.host],
      ['Mutation.unblock.profileId', OPS.unblock, (id) => ({ p: id }), w.host],
      ['Mutation.inviteToStage.profileId', OPS.inviteToStage, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.moveToAudience.profileId', `mutation($r: ID!, $p: ID!) { moveToAudience(roomId: $r, profileId: $p) { id } }`, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.setModerator.profileId', `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { id } }`, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.muteParticipant.profileId', `mutation($r: ID!, $p: ID!) { muteParticipant(roomId: $r, profileId: $p) { id } }`, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.dismissHand.profileId', `mutation($r: ID!, $p: ID!) { dismissHand(roomId: $r, profileId: $p) { id } }`, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.removeParticipant.profileId', `mutation($r: ID!, $p: ID!) { removeParticipant(roomId: $r, profileId: $p, ban: true) { id } }`, (id) => ({ r: w.roomId, p: id }), w.host],
      ['Mutation.inviteToGroup.profileId', `mutation($g: ID!, $p: ID!) { inviteToGroup(groupId: $g, profileId: $p) { id } }`, (id) => ({ g: w.groupId, p: id }), w.host],
      ['Mutation.joinGroup.groupId', `mutation($g: ID!) { joinGroup(groupId: $g) { id } }`, (id) => ({ g: id }), w.lee],
      ['Mutation.requestToJoinGroup.groupId', `mutation($g: ID!) { requestToJoinGroup(groupId: $g) { id } }`, (id) => ({ g: id }), w.lee],
      ['Mutation.leaveGroup.groupId', `mutation($g: ID!) { leaveGroup(groupId: $g) { id } }`, (id) => ({ g: id }), w.lee],
      ['Mutation.approveGroupJoinRequest.requestId', `mutation($r: ID!) { approveGroupJoinRequest(requestId: $r) { id } }`, (id) => ({ r: id }), w.host],
      ['Mutation.declineGroupJoinRequest.requestId', `mutation($r: ID!) { declineGroupJoinRequest(requestId: $r) { id } }`, (id) => ({ r: id }), w.host],
      ['Mutation.reportAbuse.input.profileId', OPS.reportAbuse, (id) => ({ input: { roomId: w.roomId, profileId: id, category: 'SPAM', details: 'x' } }), w.lee],
      ['Mutation.reportAbuse.input.questionId', OPS.reportAbuse, (id) => ({ input: { roomId: w.roomId, questionId: id, category: 'SPAM', details: 'x' } }), w.lee],
      ['Mutation.reportAbuse.input.chatMessageId', OPS.reportAbuse, (id) => ({ input: { roomId: w.roomId, chatMessageId: id, category: 'SPAM', details: 'x' } }), w.lee],
      ['Mutation.resolveReport.input.reportId', OPS.resolveReport, (id) => ({ input: { reportId: id, action: 'DISMISS', note: 'x' } }), w.staff],
      ['Mutation.appealModerationDecision.input.noticeId', OPS.appeal, (id) => ({ input: { noticeId: id, statement: 'x' } }), w.host],
      ['Mutation.resolveAppeal.input.noticeId', OPS.resolveAppeal, (id) => ({ input: { noticeId: id, upheld: false, note: 'x' } }), w.staff],
      ['Mutation.createRoom.input.groupId', `mutation($g: ID!) { createRoom(input: { title: "t", visibility: GROUP, groupId: $g }) { id } }`, (id) => ({ g: id }), w.host],
      ['Mutation.createRoom.input.inviteeIds', `mutation($p: ID!) { createRoom(input: { title: "t", visibility: PRIVATE, inviteeIds: [$p] }) { id } }`, (id) => ({ p: id }), w.host],
      ['Mutation.inviteToGroup.groupId', `mutation($g: ID!) { inviteToGroup(groupId: $g, profileId: "idarg-lee") { id } }`, (id) => ({ g: id }), w.host],
      ['Query.rooms.filter.groupId', `query($g: ID!) { rooms(filter: { groupId: $g }) { edges { node { id } } } }`, (id) => ({ g: id }), w.lee],
      // The question queue (issue 16): a room id where a question id is expected names no question.
      ...(['upvoteQuestion', 'removeQuestionUpvote', 'withdrawQuestion', 'markQuestionAnswered', 'dismissQuestion'] as const).map(
        (field): [string, string, (id: string) => Record<string, unknown>, string] => [
          `Mutation.${field}.questionId`,
          `mutation($q: ID!) { ${field}(questionId: $q) { id } }`,
          (id) => ({ q: id }),
          w.host,
        ],
      ),
      ['Mutation.screenQuestion.questionId', `mutation($q: ID!) { screenQuestion(questionId: $q, approve: true) { id } }`, (id) => ({ q: id }), w.host],
      ['Mutation.answerQuestion.questionId', `mutation($q: ID!) { answerQuestion(questionId: $q, inviteAsker: true) { id } }`, (id) => ({ q: id }), w.host],
      ['Mutation.mergeQuestions.intoId', `mutation($q: ID!) { mergeQuestions(intoId: $q, questionIds: []) { id } }`, (id) => ({ q: id }), w.host],
      ['Mutation.mergeQuestions.questionIds', `mutation($q: ID!) { mergeQuestions(intoId: $q, questionIds: [$q]) { id } }`, (id) => ({ q: id }), w.host],
      // The chat (issue 17): a room id where a message id is expected names no message.
      ['Mutation.deleteChatMessage.messageId', `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id } }`, (id) => ({ m: id }), w.host],
      // Not interested (issue 19): a room id where a host is expected names no host.
      ['Mutation.hideRecommendation.input.hostId', `mutation($h: ID!) { hideRecommendation(input: { hostId: $h }) { kind } }`, (id) => ({ h: id }), w.lee],
      ['Mutation.unhideRecommendation.input.hostId', `mutation($h: ID!) { unhideRecommendation(input: { hostId: $h }) }`, (id) => ({ h: id }), w.lee],
      // Notifications (issue 18): a room id where a profile or a notification id is expected names neither.
      ['Mutation.setFollowNotifications.profileId', `mutation($p: ID!) { setFollowNotifications(profileId: $p, level: ALL) { id } }`, (id) => ({ p: id }), w.lee],
      ['Mutation.markNotificationsRead.upToId', `mutation($n: ID!) { markNotificationsRead(upToId: $n) }`, (id) => ({ n: id }), w.lee],
    ];
    // Refused exactly as the same call with an id that names nothing (a fresh UUID): same code,
    // same message. Most are NOT_FOUND or BAD_USER_INPUT; a stage command naming someone who is
    // not in the room is CONFLICT for any id, so it is CONFLICT here too.
    const differ: Record<string, unknown> = {};
    for (const [name, query, variables, token] of cases) {
      const answer = await api.request(query, variables(wrong), token);
      const unknownAnswer = await api.request(query, variables(unknown), token);
      const outcome = { code: codeOf(answer), message: answer.errors?.[0]?.message.split(wrong).join('<id>'), data: answer.data ?? null };
      const unknownOutcome = { code: codeOf(unknownAnswer), message: unknownAnswer.errors?.[0]?.message.split(unknown).join('<id>'), data: unknownAnswer.data ?? null };
      // A query may answer (empty, as for the unknown id); a mutation must be refused.
      const answeredOrRefused = name.startsWith('Query.') ? outcome.code === undefined || ALLOWED_REFUSALS.includes(outcome.code) : ALLOWED_REFUSALS.includes(outcome.code ?? 'none');
      if (!answeredOrRefused || JSON.stringify(outcome) !== JSON.stringify(unknownOutcome)) {
        differ[name] = { outcome, unknownOutcome };
      }
    }
    expect(differ).toEqual({});
    // Every ID argument of the served schema that names something other than a room is here, or in
    // the queries' variant below: a new one fails this test until it is checked too.
    const covered = new Set([...cases.map(([name]) => name), ...QUERY_VARIANT_COVERS]);
    const inSchema = nonRoomIdArguments();
    expect(inSchema.length).toBeGreaterThanOrEqual(cases.length);
    expect(inSchema.filter((coordinate) => !covered.has(coordinate))).toEqual([]);
    expect(await moderationSnapshot(api)).toEqual(before);
    expect(await sql(api, `select group_id, profile_id, status from group_join_requests order by 1, 2`)).toEqual(beforeGroups);
    expect(await sql(api, `select count(*)::int as n from rooms`)).toEqual([{ n: 1 }]);
    expect(await sql(api, `select count(*)::int as n from follows`)).toEqual([{ n: 0 }]);
  });

  it('variant: queries given another type\'s id answer as for an unknown id (null), node(id:) names the one object the id is, and every room operation given a group\'s id is NOT_FOUND', async () => {
    const w = await world('idq');
    const data = await ok<Record<string, { __typename?: string; id: string } | null>>(
      api,
      `query($room: ID!, $group: ID!, $report: ID!) {
        profileByRoom: profile(id: $room) { id }
        groupByRoom: group(id: $room) { id }
        roomByGroup: room(id: $group) { id }
        profileByReport: profile(id: $report) { id }
        nodeOfRoom: node(id: $room) { __typename id }
      }`,
      { room: w.roomId, group: w.groupId, report: w.reportId },
      w.lee,
    );
    expect(data).toEqual({ profileByRoom: null, groupByRoom: null, roomByGroup: null, profileByReport: null, nodeOfRoom: { __typename: 'Room', id: w.roomId } });
    // Every mutation taking a roomId, given a group's id (as the room's host, who may do most):
    // NOT_FOUND with the message an unknown id gets; and the room's event stream likewise.
    const schema = buildSchema(readFileSync(join(__dirname, '../../web/schema.graphql'), 'utf8'));
    const roomMutations = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((field) => field.args.some((arg) => arg.name === 'roomId'));
    expect(roomMutations.length).toBeGreaterThanOrEqual(10);
    const unknown = randomUUID();
    for (const field of roomMutations) {
      // Every other required argument gets a valid value of its type (a person in the room, a word, true, an enum's first value).
      const extra = field.args
        .filter((arg) => arg.name !== 'roomId' && isNonNullType(arg.type) && arg.defaultValue === undefined)
        .map((arg) => `, ${arg.name}: ${validLiteral(arg.name, getNamedType(arg.type))}`)
        .join('');
      // A mutation answering a scalar (react's Boolean) takes no selection.
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const query = `mutation($r: ID!) { ${field.name}(roomId: $r${extra})${selection} }`;
      const [asGroup, asUnknown] = [await api.request(query, { r: w.groupId }, w.host), await api.request(query, { r: unknown }, w.host)];
      const outcome = (response: typeof asGroup) => ({ code: codeOf(response), message: response.errors?.[0]?.message });
      expect({ field: field.name, ...outcome(asGroup) }).toEqual({ field: field.name, ...outcome(asUnknown), code: 'NOT_FOUND' });
    }
    const stream = await wsExecute(api.wsClient(w.lee), `subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }`, { r: w.groupId });
    expect(codeOf(stream)).toBe('NOT_FOUND');
    const conversation = await wsExecute(api.wsClient(w.lee), `subscription($r: ID!) { roomConversation(roomId: $r) { __typename } }`, { r: w.groupId });
    expect(codeOf(conversation)).toBe('NOT_FOUND');
  });
});

/** A valid literal for a required argument of a room mutation (the kind test only varies the room id). */
function validLiteral(name: string, type: GraphQLNamedType): string {
  if (name === 'profileId') return '"idq-lee"';
  if (isEnumType(type)) return type.getValues()[0]?.name ?? '';
  if (type.name === 'Boolean') return 'true';
  if (type.name === 'Int') return '1';
  if (type.name === 'DateTime') return `"${new Date(Date.now() + 86_400_000).toISOString()}"`;
  return '"hi"';
}

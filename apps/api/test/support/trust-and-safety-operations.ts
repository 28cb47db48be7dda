// Shared operations and set-ups of the trust-and-safety suites (one place, not pasted per suite).
import { codeOf, ok, refused, sql } from './graphql-helpers';
import { type TestApi, tokenFor } from './test-api';

export const OPS = {
  viewer: `{ viewer { id displayName } }`,
  createRoom: `mutation($title: String!, $description: String) { createRoom(input: { title: $title, description: $description }) { id title } }`,
  joinRoom: `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id role } audio { token } } }`,
  leaveRoom: `mutation($r: ID!) { leaveRoom(roomId: $r) { id } }`,
  inviteToStage: `mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`,
  acceptStageInvite: `mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`,
  raiseHand: `mutation($r: ID!, $q: String) { raiseHand(roomId: $r, question: $q) { handRaiseQuestion } }`,
  unmuteSelf: `mutation($r: ID!) { unmuteSelf(roomId: $r) { muted } }`,
  refreshAudioAccess: `mutation($r: ID!) { refreshAudioAccess(roomId: $r) { token } }`,
  updateProfile: `mutation($input: UpdateProfileInput!) { updateViewerProfile(input: $input) { displayName headline } }`,
  createGroup: `mutation($name: String!) { createGroup(input: { name: $name }) { id name } }`,
  reportAbuse: `mutation($input: ReportAbuseInput!) { reportAbuse(input: $input) { id status category distinctReporters evidence { roomTitle questionText } reportedProfile { id } room { id } } }`,
  queue: `query($status: ReportStatus, $first: Int, $after: String) {
    moderationQueue(status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id category status details distinctReporters resolutionNote action resolvedAt
        room { id title } reportedProfile { id displayName }
        evidence { capturedAt roomVersion roomTitle reporterRole reportedRole reportedHandQuestion reportedJoinedAt questionText
          chatContext { messageId authorId text at reported deleted author { id displayName } }
          stage { profileId displayName role muted } recentEvents { version type profileId at } } } } } }`,
  resolveReport: `mutation($input: ResolveReportInput!) { resolveReport(input: $input) { id status action resolutionNote resolvedAt } }`,
  notices: `query($first: Int, $after: String) { viewerModerationNotices(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id action category reason createdAt expiresAt room { id } appeal { id statement status decidedAt decisionNote } } } } }`,
  appeal: `mutation($input: AppealInput!) { appealModerationDecision(input: $input) { id appeal { status statement } } }`,
  appeals: `query($first: Int, $after: String) { moderationAppeals(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id action appeal { statement status } } } } }`,
  resolveAppeal: `mutation($input: ResolveAppealInput!) { resolveAppeal(input: $input) { id expiresAt appeal { status decisionNote decidedAt } } }`,
  log: `query($first: Int, $after: String) { moderationLog(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id action reportIds note at actor { id } subject { id } room { id } } } } }`,
  block: `mutation($p: ID!) { block(profileId: $p) { id viewerBlocks } }`,
  unblock: `mutation($p: ID!) { unblock(profileId: $p) { id viewerBlocks } }`,
  profileBlocks: `query($p: ID!) { profile(id: $p) { id viewerBlocks } }`,
  rooms: `{ rooms(first: 50) { edges { node { id } } } }`,
  recommended: `{ recommendedRooms(first: 50) { edges { node { room { id } } } } }`,
} as const;

export { codeOf, ok, refused, sql };

export interface StagedRoom {
  readonly roomId: string;
  readonly host: string;
  /** Tokens by profile id. */
  readonly tokens: Record<string, string>;
}

/**
 * A LIVE room hosted by `${prefix}-host`, with speakers on stage and listeners in the audience,
 * all through the API.
 */
export async function stagedRoom(api: TestApi, prefix: string, cast: { speakers?: string[]; listeners?: string[] }): Promise<StagedRoom> {
  const host = `${prefix}-host`;
  const tokens: Record<string, string> = { [host]: await tokenFor(host) };
  for (const id of [...(cast.speakers ?? []), ...(cast.listeners ?? [])]) tokens[id] = await tokenFor(id);
  const { createRoom } = await ok<{ createRoom: { id: string } }>(api, OPS.createRoom, { title: `${prefix} room` }, tokens[host] as string);
  const roomId = createRoom.id;
  for (const id of [...(cast.speakers ?? []), ...(cast.listeners ?? [])]) await ok(api, OPS.joinRoom, { r: roomId }, tokens[id] as string);
  for (const id of cast.speakers ?? []) {
    await ok(api, OPS.inviteToStage, { r: roomId, p: id }, tokens[host] as string);
    await ok(api, OPS.acceptStageInvite, { r: roomId }, tokens[id] as string);
  }
  return { roomId, host, tokens };
}

/** Every trust-and-safety row, to prove a refused request changed nothing. */
export async function moderationSnapshot(api: TestApi): Promise<unknown> {
  const [reports, notices, log, blocks, participants, bans] = await Promise.all([
    sql(api, `select id, status, action, resolution_note from reports order by id`),
    sql(api, `select id, expires_at, appeal_status, appeal_statement from moderation_notices order by id`),
    sql(api, `select id from moderation_log order by id`),
    sql(api, `select blocker_id, blocked_id from blocks order by 1, 2`),
    sql(api, `select id, role, muted, left_at from participants order by id`),
    sql(api, `select room_id, profile_id from room_bans order by 1, 2`),
  ]);
  return { reports, notices, log, blocks, participants, bans };
}

/**
 * Makes the accounts established for the automatic mute (issue 15, bug 1): their profiles were
 * created 30 days ago, past the default `AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS` (168 h). Accounts made
 * by a test a moment ago are exactly the fresh accounts a brigade uses, and never count.
 */
export async function establishAccounts(api: TestApi, profileIds: readonly string[]): Promise<void> {
  await sql(api, `update profiles set created_at = now() - interval '30 days' where id in (?)`, [profileIds]);
}

/** Moves the open participations of `profileIds` in `roomId` back in time, as if they had joined `seconds` ago. */
export async function presentFor(api: TestApi, roomId: string, profileIds: readonly string[], seconds: number): Promise<void> {
  await sql(api, `update participants set joined_at = now() - interval '1 second' * ? where room_id = ? and profile_id in (?) and left_at is null`, [seconds, roomId, profileIds]);
}

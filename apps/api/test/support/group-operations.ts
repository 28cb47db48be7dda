// Group operations, typed, for the suites that exercise groups (one place, not pasted per suite).
import { ok } from './graphql-helpers';
import type { TestApi } from './test-api';

export const GROUP_OPS = {
  createGroup: `mutation($name: String!, $policy: GroupJoinPolicy) { createGroup(input: { name: $name, joinPolicy: $policy }) { id joinPolicy memberCount } }`,
  joinGroup: `mutation($g: ID!) { joinGroup(groupId: $g) { id memberCount viewerIsMember } }`,
  requestToJoinGroup: `mutation($g: ID!) { requestToJoinGroup(groupId: $g) { id memberCount viewerIsMember viewerJoinRequest { id status } } }`,
  leaveGroup: `mutation($g: ID!) { leaveGroup(groupId: $g) { id memberCount viewerIsMember } }`,
  approve: `mutation($r: ID!) { approveGroupJoinRequest(requestId: $r) { id status decidedAt profile { id } group { id memberCount } } }`,
  decline: `mutation($r: ID!) { declineGroupJoinRequest(requestId: $r) { id status decidedAt profile { id } } }`,
  invite: `mutation($g: ID!, $p: ID!) { inviteToGroup(groupId: $g, profileId: $p) { id memberCount } }`,
  standing: `query($g: ID!) { group(id: $g) { id name joinPolicy memberCount viewerIsMember viewerIsInvited
    viewerMembership { role } viewerJoinRequest { id status } } }`,
  members: `query($g: ID!) { group(id: $g) { members(first: 50) { totalCount edges { node { id } } } } }`,
  groupRooms: `query($g: ID!) { group(id: $g) { rooms { id visibility } } }`,
  joinRequests: `query($g: ID!, $first: Int, $after: String) { group(id: $g) { joinRequests(first: $first, after: $after) {
    edges { cursor node { id status profile { id displayName } } } pageInfo { hasNextPage endCursor } } } }`,
  directory: `query($search: String, $first: Int, $after: String) { groups(search: $search, first: $first, after: $after) {
    edges { cursor node { id name joinPolicy memberCount } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
  createGroupRoom: `mutation($g: ID!, $title: String!) { createRoom(input: { title: $title, visibility: GROUP, groupId: $g }) { id } }`,
  room: `query($r: ID!) { room(id: $r) { id } }`,
} as const;

export interface GroupStanding {
  id: string;
  name: string;
  joinPolicy: 'OPEN' | 'BY_REQUEST';
  memberCount: number;
  viewerIsMember: boolean;
  viewerIsInvited: boolean;
  viewerMembership: { role: 'MEMBER' | 'ADMIN' } | null;
  viewerJoinRequest: { id: string; status: 'PENDING' | 'APPROVED' | 'DECLINED' } | null;
}

/** Creates a group as `token` with the given policy; returns its id. */
export async function createGroup(api: TestApi, token: string, name: string, policy: 'OPEN' | 'BY_REQUEST'): Promise<string> {
  const data = await ok<{ createGroup: { id: string } }>(api, GROUP_OPS.createGroup, { name, policy }, token);
  return data.createGroup.id;
}

/** Where the viewer stands with the group. */
export async function groupStanding(api: TestApi, token: string, groupId: string): Promise<GroupStanding> {
  return (await ok<{ group: GroupStanding }>(api, GROUP_OPS.standing, { g: groupId }, token)).group;
}

/** Files a join request as `token` and returns its id. */
export async function requestToJoin(api: TestApi, token: string, groupId: string): Promise<string> {
  const data = await ok<{ requestToJoinGroup: { viewerJoinRequest: { id: string } | null } }>(api, GROUP_OPS.requestToJoinGroup, { g: groupId }, token);
  const request = data.requestToJoinGroup.viewerJoinRequest;
  if (!request) throw new Error('requestToJoinGroup filed no request');
  return request.id;
}

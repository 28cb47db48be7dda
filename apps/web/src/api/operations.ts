// Every operation this client sends. Selections stay small: the API prices lists by page size.

const PROFILE = 'id displayName headline';
const PARTICIPANT = `id role handRaisedAt handRaiseQuestion invitedToStageAt muted connected joinedAt profile { ${PROFILE} }`;
const ROOM_CARD = `id title status scheduledFor startedAt listenerCount topics { slug name } host { ${PROFILE} }`;
const ROOM_DETAIL = `id title description status visibility scheduledFor startedAt endedAt maxSpeakers version listenerCount
  topics { slug name } host { ${PROFILE} }
  stage { ${PARTICIPANT} }
  audience(first: $audienceFirst) { edges { node { ${PARTICIPANT} } } pageInfo { hasNextPage endCursor } totalCount }
  raisedHands { ${PARTICIPANT} }
  viewerParticipant { ${PARTICIPANT} }`;
const AUDIO = 'serverUrl expiresAt canPublish';

export const AUDIENCE_PAGE = 50;

export const VIEWER_QUERY = `query Viewer { viewer { ${PROFILE} } }`;

export const HOME_QUERY = `query Home {
  recommendedRooms(first: 10) { modelVersion items { score reasons room { ${ROOM_CARD} } } }
}`;

export const ROOMS_QUERY = `query Rooms($filter: RoomFilter, $after: String) {
  rooms(filter: $filter, first: 20, after: $after) { edges { cursor node { ${ROOM_CARD} } } pageInfo { hasNextPage endCursor } }
}`;

export const TOPICS_QUERY = `query Topics { topics { slug name } }`;

export const ROOM_QUERY = `query Room($id: ID!, $audienceFirst: Int!) { room(id: $id) { ${ROOM_DETAIL} } }`;

export const AUDIENCE_QUERY = `query Audience($id: ID!, $after: String) {
  room(id: $id) { id audience(first: ${AUDIENCE_PAGE}, after: $after) { edges { node { ${PARTICIPANT} } } pageInfo { hasNextPage endCursor } totalCount } }
}`;

export const CREATE_ROOM = `mutation CreateRoom($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;

export const JOIN_ROOM = `mutation JoinRoom($roomId: ID!) { joinRoom(roomId: $roomId) { participant { ${PARTICIPANT} } audio { ${AUDIO} } } }`;
export const REFRESH_AUDIO = `mutation RefreshAudio($roomId: ID!) { refreshAudioAccess(roomId: $roomId) { ${AUDIO} } }`;
export const LEAVE_ROOM = `mutation LeaveRoom($roomId: ID!) { leaveRoom(roomId: $roomId) { id } }`;
export const START_ROOM = `mutation StartRoom($roomId: ID!) { startRoom(roomId: $roomId) { id status } }`;
export const END_ROOM = `mutation EndRoom($roomId: ID!) { endRoom(roomId: $roomId) { id status } }`;

export const RAISE_HAND = `mutation RaiseHand($roomId: ID!, $question: String) { raiseHand(roomId: $roomId, question: $question) { ${PARTICIPANT} } }`;
export const LOWER_HAND = `mutation LowerHand($roomId: ID!) { lowerHand(roomId: $roomId) { ${PARTICIPANT} } }`;
export const ACCEPT_INVITE = `mutation AcceptInvite($roomId: ID!) { acceptStageInvite(roomId: $roomId) { ${PARTICIPANT} } }`;
export const DECLINE_INVITE = `mutation DeclineInvite($roomId: ID!) { declineStageInvite(roomId: $roomId) { ${PARTICIPANT} } }`;

export const INVITE_TO_STAGE = `mutation InviteToStage($roomId: ID!, $profileId: ID!) { inviteToStage(roomId: $roomId, profileId: $profileId) { ${PARTICIPANT} } }`;
export const MOVE_TO_AUDIENCE = `mutation MoveToAudience($roomId: ID!, $profileId: ID!) { moveToAudience(roomId: $roomId, profileId: $profileId) { ${PARTICIPANT} } }`;
export const MUTE = `mutation Mute($roomId: ID!, $profileId: ID!) { muteParticipant(roomId: $roomId, profileId: $profileId) { ${PARTICIPANT} } }`;
export const SET_MODERATOR = `mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {
  setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) { ${PARTICIPANT} }
}`;
export const REMOVE_PARTICIPANT = `mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {
  removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) { id }
}`;

export const ROOM_EVENTS = `subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {
  roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {
    __typename roomId version previousVersion at
    ... on ParticipantJoined { participant { ${PARTICIPANT} } }
    ... on ParticipantLeft { profileId }
    ... on AudienceChanged { listenerCount joined { ${PARTICIPANT} } leftProfileIds }
    ... on HandRaised { participant { ${PARTICIPANT} } }
    ... on HandLowered { participant { ${PARTICIPANT} } }
    ... on StageInvitation { participant { ${PARTICIPANT} } }
    ... on RoleChanged { participant { ${PARTICIPANT} } previousRole }
    ... on ParticipantMuted { participant { ${PARTICIPANT} } }
    ... on ParticipantRemoved { profileId banned }
    ... on RoomStatusChanged { status }
  }
}`;

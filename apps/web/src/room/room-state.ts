import { ParticipantRole, type RoomStatus, STAGE_ROLES } from '@roundtable/domain';

import type { PageInfo, Participant, ProfileSummary, RoomDetail, RoomEvent, Topic } from '../api/types';

/** The room as the page shows it: what was fetched, then every live event applied in order. */
export interface RoomState {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: RoomStatus;
  readonly scheduledFor: string | null;
  readonly startedAt: string | null;
  readonly maxSpeakers: number;
  readonly topics: readonly Topic[];
  readonly host: ProfileSummary;
  /** Version of the last event applied (or of the fetched room). */
  readonly version: number;
  readonly listenerCount: number;
  /** Everyone on stage, in the order they came up. Always complete. */
  readonly stage: readonly Participant[];
  /** The listeners loaded so far (the audience is paged). */
  readonly audience: readonly Participant[];
  readonly audiencePage: PageInfo;
  /** Open requests to speak, oldest first (only host and moderators are sent them). */
  readonly raisedHands: readonly Participant[];
  readonly viewerParticipant: Participant | null;
  /** Set when the viewer was removed from the room by a moderator. */
  readonly viewerRemoved: { readonly banned: boolean } | null;
}

export function roomStateFrom(room: RoomDetail): RoomState {
  return {
    id: room.id,
    title: room.title,
    description: room.description,
    status: room.status,
    scheduledFor: room.scheduledFor,
    startedAt: room.startedAt,
    maxSpeakers: room.maxSpeakers,
    topics: room.topics,
    host: room.host,
    version: room.version,
    listenerCount: room.listenerCount,
    stage: room.stage,
    audience: room.audience.edges.map((edge) => edge.node),
    audiencePage: room.audience.pageInfo,
    raisedHands: room.raisedHands,
    viewerParticipant: room.viewerParticipant,
    viewerRemoved: null,
  };
}

/** What to do with an incoming event, given the last version this client saw. */
export type EventDisposition = 'apply' | 'ignore' | 'refetch';

/**
 * The contract's rule: an event whose previousVersion is not the last version seen means
 * something was missed, so the room is refetched. Events at or below the last version are
 * replays of what the fetched room already contains.
 */
export function dispositionOf(lastSeenVersion: number, event: Pick<RoomEvent, 'version' | 'previousVersion'>): EventDisposition {
  if (event.version <= lastSeenVersion) return 'ignore';
  return event.previousVersion === lastSeenVersion ? 'apply' : 'refetch';
}

const isOnStage = (role: ParticipantRole) => STAGE_ROLES.has(role);
const byProfile = (profileId: string) => (participant: Participant) => participant.profile.id === profileId;
const without = (list: readonly Participant[], profileId: string) => list.filter((p) => p.profile.id !== profileId);

function replaceOrAppend(list: readonly Participant[], participant: Participant): Participant[] {
  const index = list.findIndex(byProfile(participant.profile.id));
  if (index === -1) return [...list, participant];
  return list.map((existing, i) => (i === index ? participant : existing));
}

function sortedHands(hands: readonly Participant[]): Participant[] {
  return [...hands].sort((a, b) => (a.handRaisedAt ?? '').localeCompare(b.handRaisedAt ?? ''));
}

/** Where a profile is now: on stage, in the loaded audience, or (beyond the loaded page) unknown. */
function placeOf(state: RoomState, profileId: string): 'stage' | 'audience' | 'absent-or-unloaded' {
  if (state.stage.some(byProfile(profileId))) return 'stage';
  if (state.audience.some(byProfile(profileId))) return 'audience';
  return 'absent-or-unloaded';
}

/**
 * Puts a participant's latest state in place: on stage or in the audience by role, in or out of
 * the raised-hands queue, and as the viewer's own participation. Idempotent, so a mutation's
 * result and the event announcing the same change may both be applied.
 */
export function upsertParticipant(state: RoomState, participant: Participant, viewerId: string | null, knownNew = false): RoomState {
  const profileId = participant.profile.id;
  const before = placeOf(state, profileId);
  const onStage = isOnStage(participant.role);
  const stage = onStage ? replaceOrAppend(state.stage, participant) : without(state.stage, profileId);
  // A listener past the loaded page stays unloaded; "load more" will bring them in order.
  const audience = onStage
    ? without(state.audience, profileId)
    : before === 'audience' || knownNew || !state.audiencePage.hasNextPage
      ? replaceOrAppend(state.audience, participant)
      : state.audience;
  const wantsToSpeak = participant.role === ParticipantRole.Listener && participant.handRaisedAt !== null;
  const raisedHands = wantsToSpeak ? sortedHands(replaceOrAppend(state.raisedHands, participant)) : without(state.raisedHands, profileId);
  // Absent from the loaded lists and not known to be new: a listener beyond the loaded page.
  const wasListener = before === 'audience' || (before === 'absent-or-unloaded' && !knownNew);
  const listenerCount = state.listenerCount + (onStage ? 0 : 1) - (wasListener ? 1 : 0);
  return {
    ...state,
    stage,
    audience,
    raisedHands,
    listenerCount: Math.max(0, listenerCount),
    viewerParticipant: profileId === viewerId ? participant : state.viewerParticipant,
  };
}

/** Takes a profile out of the room (left, removed, or folded into AudienceChanged). */
export function removeParticipant(state: RoomState, profileId: string, viewerId: string | null): RoomState {
  // The stage is always complete, so anyone not on it was a listener, loaded or not.
  const wasListener = placeOf(state, profileId) !== 'stage';
  return {
    ...state,
    stage: without(state.stage, profileId),
    audience: without(state.audience, profileId),
    raisedHands: without(state.raisedHands, profileId),
    listenerCount: wasListener ? Math.max(0, state.listenerCount - 1) : state.listenerCount,
    viewerParticipant: profileId === viewerId ? null : state.viewerParticipant,
  };
}

/** Applies one event (already checked with `dispositionOf`) and advances the version. */
export function applyRoomEvent(state: RoomState, event: RoomEvent, viewerId: string | null): RoomState {
  const next = applyChange(state, event, viewerId);
  return { ...next, version: event.version };
}

function applyChange(state: RoomState, event: RoomEvent, viewerId: string | null): RoomState {
  switch (event.__typename) {
    case 'ParticipantJoined': {
      const isNew = placeOf(state, event.participant.profile.id) === 'absent-or-unloaded';
      return upsertParticipant(state, event.participant, viewerId, isNew);
    }
    case 'ParticipantLeft':
      return removeParticipant(state, event.profileId, viewerId);
    case 'AudienceChanged': {
      let next = state;
      for (const profileId of event.leftProfileIds) next = removeParticipant(next, profileId, viewerId);
      for (const participant of event.joined) next = upsertParticipant(next, participant, viewerId, true);
      // The server's count is the truth; the folded joins and leaves may include unloaded listeners.
      return { ...next, listenerCount: event.listenerCount };
    }
    case 'HandRaised':
    case 'HandLowered':
    case 'StageInvitation':
    case 'RoleChanged':
    case 'ParticipantMuted':
      return upsertParticipant(state, event.participant, viewerId);
    case 'ParticipantRemoved': {
      const next = removeParticipant(state, event.profileId, viewerId);
      return event.profileId === viewerId ? { ...next, viewerRemoved: { banned: event.banned } } : next;
    }
    case 'RoomStatusChanged':
      return {
        ...state,
        status: event.status,
        startedAt: event.status === 'LIVE' && state.startedAt === null ? event.at : state.startedAt,
      };
    default:
      return assertUnreachable(event);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled room event: ${JSON.stringify(value)}`);
}

/** Appends a further page of listeners, skipping any that events already brought in. */
export function appendAudiencePage(state: RoomState, page: readonly Participant[], pageInfo: PageInfo): RoomState {
  const known = new Set(state.audience.map((p) => p.profile.id));
  return { ...state, audience: [...state.audience, ...page.filter((p) => !known.has(p.profile.id))], audiencePage: pageInfo };
}

import type { PageInfo } from '../gql/graphql';

/** What the room page reads of an audience page: whether more follow, and where. */
export type AudiencePageInfo = Pick<PageInfo, '__typename' | 'hasNextPage' | 'endCursor'>;
import { assertUnreachable } from './assert-unreachable';
import {
  type ChatMode,
  type Participant,
  type PinnedLink,
  type ProfileSummary,
  type RoomDetail,
  type RoomEvent,
  type RoomEventTypename,
  type RoomStatus,
  STAGE_ROLES,
  type UnknownRoomEvent,
} from './room-types';

/** The room as the server last told it: the fetched room, then every live event applied in version order. */
export interface RoomSnapshot {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: RoomStatus;
  readonly visibility: RoomDetail['visibility'];
  readonly scheduledFor: string | null;
  /** The room's iCalendar event (absolute; signed for the viewer unless PUBLIC). */
  readonly calendarUrl: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly maxSpeakers: number;
  readonly topics: RoomDetail['topics'];
  /** Follows hand-overs: a RoleChanged to HOST makes that person the host. */
  readonly host: ProfileSummary;
  /** Version of the last event applied (or of the fetched room). */
  readonly version: number;
  /** The server's count of listeners (the loaded audience may be a page of it). */
  readonly listenerCount: number;
  /** New questions wait for a moderator (PENDING) before the room sees them. */
  readonly screensQuestions: boolean;
  /** Who may write in the chat now (RoomConversationChanged keeps it current). */
  readonly chatMode: ChatMode;
  /** SLOW mode: seconds between two messages of one person off stage. */
  readonly chatSlowModeSeconds: number;
  /** Links the host and moderators pinned, newest first (at most 5). */
  readonly pinnedLinks: readonly PinnedLink[];
  /** Everyone on stage, in the order they came up. Always complete. */
  readonly stage: readonly Participant[];
  /** The listeners loaded so far (the audience is paged). */
  readonly audience: readonly Participant[];
  readonly audiencePage: AudiencePageInfo;
  /** Open requests to speak, oldest first (only host and moderators are sent them). */
  readonly raisedHands: readonly Participant[];
  readonly viewerParticipant: Participant | null;
}

/** A mutation's result shown before its event arrives; the event replaces it (never adds to it). */
export type PendingChange = { readonly kind: 'upsert'; readonly participant: Participant } | { readonly kind: 'removed' };

export interface LiveRoomState {
  readonly viewerId: string;
  /** Only fetches and events change this, so an event is counted exactly once. */
  readonly confirmed: RoomSnapshot;
  /** Per profile id: what this page's own mutations changed and no event has confirmed yet. */
  readonly pending: Readonly<Record<string, PendingChange>>;
  /** A version gap or an event type this build does not know: the page must refetch the room. */
  readonly refetchNeeded: boolean;
  /** Set when a moderator removed the viewer; cleared when the viewer joins again. */
  readonly viewerRemoved: { readonly banned: boolean } | null;
}

export type RoomAction =
  | { readonly type: 'roomLoaded'; readonly room: RoomDetail }
  | { readonly type: 'eventReceived'; readonly event: RoomEvent | UnknownRoomEvent }
  /** A mutation returned this participant (join, raise hand, invite, mute, ...). */
  | { readonly type: 'participantChanged'; readonly participant: Participant }
  /** A mutation took this profile out of the room (leave, remove). */
  | { readonly type: 'participantRemoved'; readonly profileId: string }
  | { readonly type: 'audiencePageLoaded'; readonly participants: readonly Participant[]; readonly pageInfo: AudiencePageInfo };

/** Every RoomEvent implementation this build handles; `Record` makes a missing one a compile error. */
export const HANDLED_EVENT_TYPES: Readonly<Record<RoomEventTypename, true>> = {
  ParticipantJoined: true,
  ParticipantLeft: true,
  AudienceChanged: true,
  HandRaised: true,
  HandLowered: true,
  StageInvitation: true,
  StageInvitationDeclined: true,
  RoleChanged: true,
  ParticipantMuted: true,
  ParticipantUnmuted: true,
  ParticipantConnectionChanged: true,
  ParticipantRemoved: true,
  RoomStatusChanged: true,
  // The question queue's events move the version chain; the questions panel reads them itself.
  QuestionChanged: true,
  RoomConversationChanged: true,
};

export function isKnownRoomEvent(event: RoomEvent | UnknownRoomEvent): event is RoomEvent {
  return Object.prototype.hasOwnProperty.call(HANDLED_EVENT_TYPES, event.__typename);
}

export function snapshotOf(room: RoomDetail): RoomSnapshot {
  return {
    id: room.id,
    title: room.title,
    description: room.description,
    status: room.status,
    visibility: room.visibility,
    scheduledFor: room.scheduledFor,
    calendarUrl: room.calendarUrl,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    maxSpeakers: room.maxSpeakers,
    topics: room.topics,
    host: room.host,
    version: room.version,
    listenerCount: room.listenerCount,
    screensQuestions: room.screensQuestions,
    chatMode: room.chatMode,
    chatSlowModeSeconds: room.chatSlowModeSeconds,
    pinnedLinks: room.pinnedLinks,
    stage: room.stage,
    audience: room.audience.edges.map((edge) => edge.node),
    audiencePage: room.audience.pageInfo,
    raisedHands: room.raisedHands,
    viewerParticipant: room.viewerParticipant,
  };
}

/** The first state of a room page, or the state after a refetch (`previous` keeps the removal notice). */
export function createLiveRoomState(room: RoomDetail, viewerId: string, previous: LiveRoomState | null = null): LiveRoomState {
  return {
    viewerId,
    confirmed: snapshotOf(room),
    pending: {},
    refetchNeeded: false,
    // A refetch cannot tell a removal from a leave; keep the notice until the viewer is back in.
    viewerRemoved: room.viewerParticipant === null ? (previous?.viewerRemoved ?? null) : null,
  };
}

/** What to do with an incoming event, given the last version this page applied. */
export type EventDisposition = 'apply' | 'ignore' | 'refetch';

/**
 * The contract's rule: an event whose previousVersion is not the last version seen means something
 * was missed, so the room is refetched. Events at or below the last version are replays of what
 * the fetched room already contains.
 */
export function dispositionOf(lastSeenVersion: number, event: Pick<RoomEvent, 'version' | 'previousVersion'>): EventDisposition {
  if (event.version <= lastSeenVersion) return 'ignore';
  return event.previousVersion === lastSeenVersion ? 'apply' : 'refetch';
}

export function roomReducer(state: LiveRoomState, action: RoomAction): LiveRoomState {
  switch (action.type) {
    case 'roomLoaded':
      return createLiveRoomState(action.room, state.viewerId, state);
    case 'eventReceived':
      return receiveEvent(state, action.event);
    case 'participantChanged': {
      const profileId = action.participant.profile.id;
      const pending = { ...state.pending, [profileId]: { kind: 'upsert' as const, participant: action.participant } };
      const rejoined = profileId === state.viewerId;
      return { ...state, pending, viewerRemoved: rejoined ? null : state.viewerRemoved };
    }
    case 'participantRemoved':
      return { ...state, pending: { ...state.pending, [action.profileId]: { kind: 'removed' } } };
    case 'audiencePageLoaded':
      return { ...state, confirmed: appendAudiencePage(state.confirmed, action.participants, action.pageInfo) };
    default:
      return assertUnreachable(action, 'room action');
  }
}

function receiveEvent(state: LiveRoomState, event: RoomEvent | UnknownRoomEvent): LiveRoomState {
  const disposition = dispositionOf(state.confirmed.version, event);
  if (disposition === 'ignore') return state;
  // A type this build does not know (a newer server) is never applied and never throws: the
  // refetched room contains its effect.
  if (disposition === 'refetch' || !isKnownRoomEvent(event)) return state.refetchNeeded ? state : { ...state, refetchNeeded: true };
  const confirmed = { ...applyEvent(state.confirmed, event, state.viewerId), version: event.version };
  const removedViewer = event.__typename === 'ParticipantRemoved' && event.profileId === state.viewerId;
  return {
    ...state,
    confirmed,
    pending: withoutPendingFor(state.pending, event),
    viewerRemoved: removedViewer ? { banned: event.banned } : state.viewerRemoved,
  };
}

/** The profiles an event is about: their pending changes are now confirmed (or overtaken). */
function profilesIn(event: RoomEvent): readonly string[] | 'all' {
  switch (event.__typename) {
    case 'ParticipantJoined':
    case 'HandRaised':
    case 'HandLowered':
    case 'StageInvitation':
    case 'StageInvitationDeclined':
    case 'RoleChanged':
    case 'ParticipantMuted':
    case 'ParticipantUnmuted':
    case 'ParticipantConnectionChanged':
      return [event.participant.profile.id];
    case 'ParticipantLeft':
    case 'ParticipantRemoved':
      return [event.profileId];
    case 'AudienceChanged':
      return [...event.joined.map((p) => p.profile.id), ...event.leftProfileIds];
    case 'RoomStatusChanged':
      return 'all';
    // About questions and settings, not people: no participant's pending change is confirmed.
    case 'QuestionChanged':
    case 'RoomConversationChanged':
      return [];
    default:
      return assertUnreachable(event, 'room event');
  }
}

function withoutPendingFor(pending: LiveRoomState['pending'], event: RoomEvent): LiveRoomState['pending'] {
  const profiles = profilesIn(event);
  if (profiles === 'all') return {};
  if (!profiles.some((id) => id in pending)) return pending;
  const next = { ...pending };
  for (const id of profiles) delete next[id];
  return next;
}

const isOnStage = (participant: Participant) => STAGE_ROLES.has(participant.role);
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

/**
 * Where a profile is now. The stage is complete and the viewer's own participation is always
 * known; another profile outside the loaded audience page is 'unknown' (maybe a listener further
 * down), or 'absent' when every listener is loaded.
 */
type Place = 'stage' | 'audience' | 'absent' | 'unknown';

function placeOf(room: RoomSnapshot, profileId: string, viewerId: string): Place {
  if (room.stage.some(byProfile(profileId))) return 'stage';
  if (room.audience.some(byProfile(profileId))) return 'audience';
  if (profileId === viewerId) return room.viewerParticipant && !isOnStage(room.viewerParticipant) ? 'audience' : 'absent';
  return room.audiencePage.hasNextPage ? 'unknown' : 'absent';
}

/**
 * Puts a participant's latest state in place: on stage or in the audience by role, in or out of
 * the raised-hands queue, and as the viewer's own participation. `joined` says the server just
 * added them to the room; otherwise an unknown profile is a listener beyond the loaded page.
 * Idempotent: applying the same participant twice changes nothing the second time.
 */
export function upsertParticipant(room: RoomSnapshot, participant: Participant, viewerId: string, joined: boolean): RoomSnapshot {
  const profileId = participant.profile.id;
  const before = placeOf(room, profileId, viewerId);
  const onStage = isOnStage(participant);
  const stage = onStage ? replaceOrAppend(room.stage, participant) : without(room.stage, profileId);
  // A listener past the loaded page stays unloaded (paging brings them in order); newcomers show.
  const show = before !== 'unknown' || joined || profileId === viewerId;
  const audience = onStage ? without(room.audience, profileId) : show ? replaceOrAppend(room.audience, participant) : room.audience;
  const wantsToSpeak = participant.role === 'LISTENER' && participant.handRaisedAt !== null;
  const raisedHands = wantsToSpeak ? sortedHands(replaceOrAppend(room.raisedHands, participant)) : without(room.raisedHands, profileId);
  const wasListener = before === 'audience' || (before === 'unknown' && !joined);
  const listenerCount = room.listenerCount + (onStage ? 0 : 1) - (wasListener ? 1 : 0);
  return {
    ...room,
    stage,
    audience,
    raisedHands,
    listenerCount: Math.max(0, listenerCount),
    host: participant.role === 'HOST' ? participant.profile : room.host,
    viewerParticipant: profileId === viewerId ? participant : room.viewerParticipant,
  };
}

/**
 * Takes a profile out of the room. `inRoomForSure` is true for events (the server says they were
 * in the room, so anyone not on the complete stage was a listener, loaded or not) and false for
 * this page's own mutations, which only count someone it has loaded.
 */
export function removeParticipant(room: RoomSnapshot, profileId: string, viewerId: string, inRoomForSure: boolean): RoomSnapshot {
  const place = placeOf(room, profileId, viewerId);
  const wasListener = place === 'audience' || (place === 'unknown' && inRoomForSure);
  return {
    ...room,
    stage: without(room.stage, profileId),
    audience: without(room.audience, profileId),
    raisedHands: without(room.raisedHands, profileId),
    listenerCount: wasListener ? Math.max(0, room.listenerCount - 1) : room.listenerCount,
    viewerParticipant: profileId === viewerId ? null : room.viewerParticipant,
  };
}

/** Applies one event the disposition check let through. Every RoomEvent implementation has a case. */
export function applyEvent(room: RoomSnapshot, event: RoomEvent, viewerId: string): RoomSnapshot {
  switch (event.__typename) {
    case 'ParticipantJoined':
      return upsertParticipant(room, event.participant, viewerId, true);
    case 'ParticipantLeft':
    case 'ParticipantRemoved':
      return removeParticipant(room, event.profileId, viewerId, true);
    case 'AudienceChanged': {
      // Listener joins and leaves folded together (issue 9): the absolute count is the truth, the
      // lists say who to show or take away.
      let next = room;
      for (const profileId of event.leftProfileIds) next = removeParticipant(next, profileId, viewerId, true);
      for (const participant of event.joined) next = upsertParticipant(next, participant, viewerId, true);
      return { ...next, listenerCount: event.listenerCount };
    }
    case 'HandRaised':
    case 'HandLowered':
    case 'StageInvitation':
    case 'StageInvitationDeclined':
    case 'RoleChanged':
    case 'ParticipantMuted':
    case 'ParticipantUnmuted':
    case 'ParticipantConnectionChanged': // a speaker's audio connection came or went
      return upsertParticipant(room, event.participant, viewerId, false);
    case 'RoomStatusChanged': {
      const ended = event.status === 'ENDED';
      return {
        ...room,
        status: event.status,
        startedAt: event.status === 'LIVE' && room.startedAt === null ? event.at : room.startedAt,
        endedAt: ended ? event.at : room.endedAt,
        // Ending disconnects everyone: nobody is on stage, waiting or in the room any more.
        raisedHands: ended ? [] : room.raisedHands,
        viewerParticipant: ended ? null : room.viewerParticipant,
      };
    }
    // The question list keeps its own state from these events (questions/question-list.ts); the
    // room only moves its version past them, so the chain stays unbroken.
    case 'QuestionChanged':
      return room;
    // Every conversation setting travels in the event, so the page needs nothing else.
    case 'RoomConversationChanged':
      return {
        ...room,
        screensQuestions: event.screensQuestions,
        chatMode: event.chatMode,
        chatSlowModeSeconds: event.chatSlowModeSeconds,
        pinnedLinks: event.pinnedLinks,
      };
    default:
      return assertUnreachable(event, 'room event');
  }
}

/** Appends a further page of listeners, skipping any that events already brought in. */
export function appendAudiencePage(room: RoomSnapshot, page: readonly Participant[], pageInfo: AudiencePageInfo): RoomSnapshot {
  const known = new Set([...room.audience, ...room.stage].map((p) => p.profile.id));
  return { ...room, audience: [...room.audience, ...page.filter((p) => !known.has(p.profile.id))], audiencePage: pageInfo };
}

/** What the page shows: the confirmed room with this page's not-yet-confirmed changes on top. */
export function visibleRoom(state: LiveRoomState): RoomSnapshot {
  let room = state.confirmed;
  for (const [profileId, change] of Object.entries(state.pending)) {
    room =
      change.kind === 'upsert'
        ? upsertParticipant(room, change.participant, state.viewerId, false)
        : removeParticipant(room, profileId, state.viewerId, false);
  }
  return room;
}

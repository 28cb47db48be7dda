import { textLength } from '../common/text';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { decideRoomPosition, roomAccessRefusalMessage, roomCommandOperation, roomPositionOf } from './room-access-policy';
import type { ModerationEnforcement, RoomCommand } from './room.commands';
import type { Decision, RoomEvent } from './room.events';
import {
  ParticipantRole,
  type ParticipantState,
  ROOM_LIMITS,
  type RoomState,
  RoomStatus,
  STAGE_ROLES,
} from './room.types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a rule produces it; `decide` stamps the room id, versions and time on it. */
type EventBody = DistributiveOmit<RoomEvent, 'roomId' | 'version' | 'previousVersion' | 'at'>;

/** What one command changes: the fields it replaces and the events that describe the change. */
interface Outcome {
  readonly changes: Partial<Omit<RoomState, 'id' | 'version'>>;
  readonly events: readonly EventBody[];
}

const NO_CHANGE: Outcome = { changes: {}, events: [] };

/**
 * Applies one command to a room: returns the new state and the events that lead to it, or
 * throws a {@link DomainError} when a rule forbids the command. Pure: `state` is never
 * mutated, and idempotent no-ops (joining twice, lowering a lowered hand) return the same
 * state object with no events.
 *
 * Every event's `version` is one more than its `previousVersion`; the first event continues
 * from `state.version` and the returned state's version is the last event's.
 */
export function decide(state: RoomState, command: RoomCommand, now: Date): Decision {
  assertPositionAllows(state, command);
  const outcome = decideOutcome(state, command, now);
  if (outcome.events.length === 0) return { state, events: [] };
  const events = outcome.events.map(
    (body, index): RoomEvent => ({
      ...body,
      roomId: state.id,
      previousVersion: state.version + index,
      version: state.version + index + 1,
      at: now,
    }),
  );
  return {
    state: { ...state, ...outcome.changes, version: state.version + events.length },
    events,
  };
}

/**
 * Who may give the command, as far as the room's state tells: the access policy's position rules
 * for the command's operation (`ROOM_ACCESS_TABLE`: the room live or not ended, in the room, on
 * stage, moderating, hosting). The rules below judge only the state ("hand already raised",
 * "stage full", "the host is protected"); none restates who may.
 */
function assertPositionAllows(state: RoomState, command: RoomCommand): void {
  const decision = decideRoomPosition(roomCommandOperation(command), roomPositionOf(state, command.actorId));
  if (!decision.allowed) throw new DomainError(decision.code, roomAccessRefusalMessage(decision));
}

function decideOutcome(state: RoomState, command: RoomCommand, now: Date): Outcome {
  switch (command.type) {
    case 'StartRoom':
      return startRoom(state, command.actorId, now);
    case 'EndRoom':
      return endRoom(state, command.actorId, now);
    case 'JoinRoom':
      return joinRoom(state, command.actorId, now);
    case 'LeaveRoom':
      return leaveRoom(state, command.actorId, now);
    case 'RaiseHand':
      return raiseHand(state, command.actorId, command.question, now);
    case 'LowerHand':
      return lowerHand(state, command.actorId);
    case 'DismissHand':
      return dismissHand(state, command.targetId);
    case 'InviteToStage':
      return inviteToStage(state, command.targetId, now);
    case 'AcceptStageInvite':
      return acceptStageInvite(state, command.actorId, now);
    case 'DeclineStageInvite':
      return declineStageInvite(state, command.actorId);
    case 'MoveToAudience':
      return moveToAudience(state, command.targetId);
    case 'SetModerator':
      return setModerator(state, command.targetId, command.moderator);
    case 'MuteParticipant':
      return muteParticipant(state, command.actorId, command.targetId);
    case 'UnmuteSelf':
      return unmuteSelf(state, command.actorId);
    case 'RemoveParticipant':
      return removeParticipant(state, command.actorId, command.targetId, command.ban);
    case 'RecordMediaConnection':
      return recordMediaConnection(state, command.actorId, command.connected);
    case 'EnforceModeration':
      return enforceModeration(state, command.targetId, command.enforcement);
    default:
      return assertUnreachable(command);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled room command: ${JSON.stringify(value)}`);
}

// --- Commands ----------------------------------------------------------------------------

function startRoom(state: RoomState, actorId: string, now: Date): Outcome {
  if (state.status === RoomStatus.Live) {
    throw DomainError.conflict(DomainErrorCode.RoomAlreadyLive, 'The room is already live');
  }
  const host = newParticipant(state.hostId, ParticipantRole.Host, now);
  return {
    // A scheduled room has no participants (an invariant), so the host is the whole room.
    changes: { status: RoomStatus.Live, startedAt: now, participants: new Map([[host.profileId, host]]) },
    events: [
      { type: 'RoomStatusChanged', status: RoomStatus.Live },
      { type: 'ParticipantJoined', participant: host },
    ],
  };
}

function endRoom(state: RoomState, actorId: string, now: Date): Outcome {
  return {
    changes: endedChanges(now),
    events: [{ type: 'RoomStatusChanged', status: RoomStatus.Ended }],
  };
}

function joinRoom(state: RoomState, actorId: string, now: Date): Outcome {
  if (state.bannedIds.has(actorId)) {
    throw DomainError.conflict(DomainErrorCode.Banned, 'You are banned from this room');
  }
  // Reconnecting clients re-send JoinRoom; that must not reset their role or hand.
  if (state.participants.has(actorId)) return NO_CHANGE;
  const joinsAsHost = actorId === state.hostId && findHost(state) === undefined;
  const participant = newParticipant(actorId, joinsAsHost ? ParticipantRole.Host : ParticipantRole.Listener, now);
  return {
    changes: { participants: withParticipant(state, participant) },
    events: [{ type: 'ParticipantJoined', participant }],
  };
}

function leaveRoom(state: RoomState, actorId: string, now: Date): Outcome {
  const leaver = requireParticipant(state, actorId);
  const participants = withoutParticipant(state, actorId);
  const left: EventBody = { type: 'ParticipantLeft', profileId: actorId };
  if (leaver.role !== ParticipantRole.Host) return { changes: { participants }, events: [left] };

  // The longest-serving moderator takes over, so a room survives its host dropping out.
  const successor = stageOrder([...participants.values()]).find((p) => p.role === ParticipantRole.Moderator);
  if (successor === undefined) {
    return {
      changes: endedChanges(now),
      events: [left, { type: 'RoomStatusChanged', status: RoomStatus.Ended }],
    };
  }
  const newHost: ParticipantState = { ...successor, role: ParticipantRole.Host };
  participants.set(newHost.profileId, newHost);
  return {
    changes: { participants, hostId: newHost.profileId },
    events: [left, { type: 'RoleChanged', participant: newHost, previousRole: ParticipantRole.Moderator }],
  };
}

function raiseHand(state: RoomState, actorId: string, rawQuestion: string | null, now: Date): Outcome {
  const question = normalizeHandRaiseQuestion(rawQuestion);
  const participant = requireParticipant(state, actorId);
  if (isOnStage(participant)) {
    throw DomainError.conflict(DomainErrorCode.AlreadyOnStage, 'You are already on stage');
  }
  if (participant.handRaisedAt !== null) {
    throw DomainError.conflict(DomainErrorCode.HandAlreadyRaised, 'Your hand is already raised');
  }
  const updated: ParticipantState = { ...participant, handRaisedAt: now, handRaiseQuestion: question };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'HandRaised', participant: updated }],
  };
}

function lowerHand(state: RoomState, actorId: string): Outcome {
  const participant = requireParticipant(state, actorId);
  if (participant.handRaisedAt === null) return NO_CHANGE;
  const updated: ParticipantState = { ...participant, handRaisedAt: null, handRaiseQuestion: null };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'HandLowered', participant: updated }],
  };
}

function dismissHand(state: RoomState, targetId: string): Outcome {
  requireParticipant(state, targetId);
  // Lowering what is already down is a no-op, as for the hand's owner.
  return lowerHand(state, targetId);
}

function inviteToStage(state: RoomState, targetId: string, now: Date): Outcome {
  const target = requireParticipant(state, targetId);
  if (isOnStage(target)) {
    throw DomainError.conflict(DomainErrorCode.AlreadyOnStage, 'The participant is already on stage');
  }
  if (target.invitedToStageAt !== null) {
    throw DomainError.conflict(DomainErrorCode.AlreadyInvited, 'The participant is already invited');
  }
  // Refuse now rather than let an invitation wait for a seat that does not exist.
  assertStageHasRoom(state);
  const updated: ParticipantState = { ...target, invitedToStageAt: now };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'StageInvitation', participant: updated }],
  };
}

function acceptStageInvite(state: RoomState, actorId: string, now: Date): Outcome {
  const participant = requirePendingInvitation(state, actorId);
  // The stage may have filled since the invitation; it stays so they can accept later.
  assertStageHasRoom(state);
  const speaker = toStage(participant, ParticipantRole.Speaker, now);
  return {
    changes: { participants: withParticipant(state, speaker) },
    events: [{ type: 'RoleChanged', participant: speaker, previousRole: participant.role }],
  };
}

function declineStageInvite(state: RoomState, actorId: string): Outcome {
  const participant = requirePendingInvitation(state, actorId);
  const updated: ParticipantState = { ...participant, invitedToStageAt: null };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'StageInvitationDeclined', participant: updated }],
  };
}

function moveToAudience(state: RoomState, targetId: string): Outcome {
  assertNotHost(state, targetId, 'The host cannot be moved to the audience');
  const target = requireParticipant(state, targetId);
  if (!isOnStage(target)) throw DomainError.conflict(DomainErrorCode.NotOnStage, 'The participant is not on stage');
  const listener: ParticipantState = { ...target, role: ParticipantRole.Listener, stageSince: null, muted: false };
  return {
    changes: { participants: withParticipant(state, listener) },
    events: [{ type: 'RoleChanged', participant: listener, previousRole: target.role }],
  };
}

function setModerator(state: RoomState, targetId: string, moderator: boolean): Outcome {
  assertNotHost(state, targetId, "The host's role cannot be changed");
  const target = requireParticipant(state, targetId);

  let updated: ParticipantState;
  if (moderator) {
    if (target.role === ParticipantRole.Moderator) return NO_CHANGE;
    if (target.role === ParticipantRole.Listener) {
      // Moderators sit on the stage, and nobody goes on stage without accepting: the one way up
      // is an invitation the listener accepts (InviteToStage, AcceptStageInvite).
      throw DomainError.conflict(
        DomainErrorCode.NotOnStage,
        'Invite the listener to the stage first: they become a moderator only after accepting',
      );
    }
    updated = { ...target, role: ParticipantRole.Moderator };
  } else {
    if (target.role !== ParticipantRole.Moderator) return NO_CHANGE;
    updated = { ...target, role: ParticipantRole.Speaker };
  }
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'RoleChanged', participant: updated, previousRole: target.role }],
  };
}

function muteParticipant(state: RoomState, actorId: string, targetId: string): Outcome {
  // Muting oneself is a step down (the host may mute their own microphone); others' is moderation.
  if (actorId !== targetId) assertNotHost(state, targetId, 'The host cannot be muted by others');
  const target = requireParticipant(state, targetId);
  // Listeners cannot publish audio, so there is nothing to mute.
  if (!isOnStage(target)) throw DomainError.conflict(DomainErrorCode.NotOnStage, 'The participant is not on stage');
  if (target.muted) return NO_CHANGE;
  const updated: ParticipantState = { ...target, muted: true };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'ParticipantMuted', participant: updated }],
  };
}

function unmuteSelf(state: RoomState, actorId: string): Outcome {
  const participant = requireParticipant(state, actorId);
  if (!isOnStage(participant)) throw DomainError.conflict(DomainErrorCode.NotOnStage, 'You are not on stage');
  if (!participant.muted) return NO_CHANGE;
  const updated: ParticipantState = { ...participant, muted: false };
  return {
    changes: { participants: withParticipant(state, updated) },
    events: [{ type: 'ParticipantUnmuted', participant: updated }],
  };
}

function removeParticipant(state: RoomState, actorId: string, targetId: string, ban: boolean): Outcome {
  assertNotHost(state, targetId, 'The host cannot be removed');
  if (actorId === targetId) throw DomainError.notAllowed('You cannot remove yourself; leave the room instead');

  const bannedIds = ban ? new Set([...state.bannedIds, targetId]) : state.bannedIds;
  const removed: EventBody = { type: 'ParticipantRemoved', profileId: targetId, banned: ban };
  if (state.participants.has(targetId)) {
    return { changes: { participants: withoutParticipant(state, targetId), bannedIds }, events: [removed] };
  }
  // Someone who misbehaved and left must still be keepable out: ban them pre-emptively.
  if (!ban) throw DomainError.conflict(DomainErrorCode.NotAParticipant, 'The profile is not in the room');
  if (state.bannedIds.has(targetId)) return NO_CHANGE;
  return { changes: { bannedIds }, events: [removed] };
}

/**
 * Trust and safety's own path: no room role is needed (the API only issues it from its
 * moderation service), but the host stays protected and the target must be there to be muted.
 * The automatic mute changes no role (a cheap signal must not buy a costly action): it only mutes.
 */
function enforceModeration(state: RoomState, targetId: string, enforcement: ModerationEnforcement): Outcome {
  switch (enforcement) {
    case 'Mute': {
      assertNotHost(state, targetId, 'The host cannot be muted by trust and safety automatically');
      const target = requireParticipant(state, targetId);
      if (!isOnStage(target)) throw DomainError.conflict(DomainErrorCode.NotOnStage, 'The participant is not on stage');
      if (target.muted) return NO_CHANGE;
      const muted: ParticipantState = { ...target, muted: true };
      return { changes: { participants: withParticipant(state, muted) }, events: [{ type: 'ParticipantMuted', participant: muted }] };
    }
    case 'RemoveAndBan': {
      assertNotHost(state, targetId, 'The host cannot be removed from their own room');
      const bannedIds = new Set([...state.bannedIds, targetId]);
      const removed: EventBody = { type: 'ParticipantRemoved', profileId: targetId, banned: true };
      if (state.participants.has(targetId)) {
        return { changes: { participants: withoutParticipant(state, targetId), bannedIds }, events: [removed] };
      }
      if (state.bannedIds.has(targetId)) return NO_CHANGE;
      return { changes: { bannedIds }, events: [removed] };
    }
    default:
      return assertUnreachable(enforcement);
  }
}

function recordMediaConnection(state: RoomState, actorId: string, connected: boolean): Outcome {
  const participant = state.participants.get(actorId);
  // Someone not in the room (or in the audience) changes nothing the room shows everyone.
  if (participant === undefined || !isOnStage(participant)) return NO_CHANGE;
  return { changes: {}, events: [{ type: 'ParticipantConnectionChanged', participant, connected }] };
}

// --- Helpers -----------------------------------------------------------------------------

/**
 * The question given with a raised hand: trimmed, null when empty. Throws
 * `InvalidInput` (field `question`) when longer than {@link ROOM_LIMITS}.questionMax.
 */
export function normalizeHandRaiseQuestion(raw: string | null): string | null {
  const question = raw?.trim() ?? '';
  if (question === '') return null;
  if (textLength(question) > ROOM_LIMITS.questionMax) {
    throw DomainError.invalidInput('question', `The question must be at most ${ROOM_LIMITS.questionMax} characters`);
  }
  return question;
}

function newParticipant(profileId: string, role: ParticipantRole, now: Date): ParticipantState {
  return {
    profileId,
    role,
    joinedAt: now,
    stageSince: STAGE_ROLES.has(role) ? now : null,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
  };
}

/** Brings a listener on stage; a raised hand and an invitation are answered by coming up. */
function toStage(participant: ParticipantState, role: ParticipantRole, now: Date): ParticipantState {
  return {
    ...participant,
    role,
    stageSince: now,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
  };
}

function endedChanges(now: Date): Outcome['changes'] {
  return { status: RoomStatus.Ended, endedAt: now, participants: new Map() };
}

function withParticipant(state: RoomState, participant: ParticipantState): Map<string, ParticipantState> {
  return new Map(state.participants).set(participant.profileId, participant);
}

function withoutParticipant(state: RoomState, profileId: string): Map<string, ParticipantState> {
  const participants = new Map(state.participants);
  participants.delete(profileId);
  return participants;
}

function findHost(state: RoomState): ParticipantState | undefined {
  return [...state.participants.values()].find((p) => p.role === ParticipantRole.Host);
}

function isOnStage(participant: ParticipantState): boolean {
  return STAGE_ROLES.has(participant.role);
}

function requireParticipant(state: RoomState, profileId: string): ParticipantState {
  const participant = state.participants.get(profileId);
  if (participant === undefined) {
    throw DomainError.conflict(DomainErrorCode.NotAParticipant, 'The profile is not in the room');
  }
  return participant;
}

function requirePendingInvitation(state: RoomState, actorId: string): ParticipantState {
  const participant = state.participants.get(actorId);
  if (participant === undefined || participant.invitedToStageAt === null) {
    throw DomainError.conflict(DomainErrorCode.NoPendingInvitation, 'You have no pending invitation to the stage');
  }
  return participant;
}

function assertNotHost(state: RoomState, targetId: string, message: string): void {
  if (targetId === state.hostId || state.participants.get(targetId)?.role === ParticipantRole.Host) {
    throw DomainError.conflict(DomainErrorCode.HostIsProtected, message);
  }
}

function assertStageHasRoom(state: RoomState): void {
  if (stageCount(state) >= state.maxSpeakers) {
    throw DomainError.conflict(DomainErrorCode.StageFull, `The stage is full (${state.maxSpeakers} speakers)`);
  }
}

function compareDates(a: Date | null, b: Date | null): number {
  return (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
}

function stageOrder(participants: readonly ParticipantState[]): ParticipantState[] {
  return participants
    .filter(isOnStage)
    .sort((a, b) => compareDates(a.stageSince, b.stageSince) || compareIds(a.profileId, b.profileId));
}

/** Code-unit order, not locale order, so every server sorts ties identically. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- Queries -----------------------------------------------------------------------------

/** Everyone on stage (host, moderators, speakers) in the order they came on stage; ties by profile id. */
export function stageOf(state: RoomState): ParticipantState[] {
  return stageOrder([...state.participants.values()]);
}

/** How many seats on the stage are taken; compared against `maxSpeakers`. */
export function stageCount(state: RoomState): number {
  let count = 0;
  for (const participant of state.participants.values()) if (isOnStage(participant)) count += 1;
  return count;
}

/** Listeners in the order they joined; ties by profile id. */
export function audienceOf(state: RoomState): ParticipantState[] {
  return [...state.participants.values()]
    .filter((p) => p.role === ParticipantRole.Listener)
    .sort((a, b) => compareDates(a.joinedAt, b.joinedAt) || compareIds(a.profileId, b.profileId));
}

/** Open requests to speak, oldest first; ties by profile id. */
export function raisedHandsOf(state: RoomState): ParticipantState[] {
  return [...state.participants.values()]
    .filter((p) => p.handRaisedAt !== null)
    .sort((a, b) => compareDates(a.handRaisedAt, b.handRaisedAt) || compareIds(a.profileId, b.profileId));
}

/**
 * The rules' invariants, as human-readable violations; empty when the state is consistent.
 * `decide` keeps every invariant, so tests and the API (after loading a room) can assert it.
 */
export function checkInvariants(state: RoomState): string[] {
  const violations: string[] = [];
  const participants = [...state.participants.values()];

  if (state.status === RoomStatus.Live) {
    const hosts = participants.filter((p) => p.role === ParticipantRole.Host);
    if (hosts.length !== 1) violations.push(`A live room must have exactly one HOST, found ${hosts.length}`);
    for (const host of hosts) {
      if (host.profileId !== state.hostId) {
        violations.push(`HOST participant ${host.profileId} is not the room's host ${state.hostId}`);
      }
    }
  } else if (participants.length > 0) {
    violations.push(`A ${state.status} room must have no participants, found ${participants.length}`);
  }

  const seats = stageCount(state);
  if (seats > state.maxSpeakers) violations.push(`Stage has ${seats} participants, more than ${state.maxSpeakers}`);

  for (const [key, p] of state.participants) {
    const who = `Participant ${p.profileId}`;
    if (key !== p.profileId) violations.push(`${who} is stored under key ${key}`);
    if (state.bannedIds.has(p.profileId)) violations.push(`${who} is banned but in the room`);
    const listener = p.role === ParticipantRole.Listener;
    if (!listener && (p.handRaisedAt !== null || p.handRaiseQuestion !== null)) {
      violations.push(`${who} is ${p.role} but has a raised hand`);
    }
    if (p.handRaisedAt === null && p.handRaiseQuestion !== null) {
      violations.push(`${who} has a question without a raised hand`);
    }
    if (!listener && p.invitedToStageAt !== null) violations.push(`${who} is ${p.role} but has a stage invitation`);
    if (!listener && p.stageSince === null) violations.push(`${who} is ${p.role} but has no stageSince`);
    if (listener && p.stageSince !== null) violations.push(`${who} is a LISTENER but has stageSince`);
  }
  return violations;
}

import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { decideRoomAccess, mayAccessRoom, RoomOperation, type RoomRelation } from './room-access-policy';
import type { RoomAccessFacts, Viewer } from './room.types';

/**
 * Whether the viewer may know the room exists: PUBLIC rooms are visible to everyone, GROUP
 * rooms to the group's members, PRIVATE rooms to the invitees, and every room to its host and
 * to trust-and-safety staff. Bans do not hide a room (the banned person learns why they cannot
 * join instead of seeing it vanish).
 */
export function canSeeRoom(facts: RoomAccessFacts, viewer: Viewer): boolean {
  return mayAccessRoom(RoomOperation.See, relationOf(facts, viewer));
}

/** The codes {@link joinRefusal} can answer with. */
export type JoinRefusal =
  | DomainErrorCode.RoomNotFound
  | DomainErrorCode.NotInvited
  | DomainErrorCode.Banned
  | DomainErrorCode.RoomEnded
  | DomainErrorCode.RoomNotLive;

/**
 * Why the viewer may not join the room right now, or null when they may: the access policy's
 * JOIN for these facts (`ROOM_ACCESS_TABLE`). Checked in this order: `RoomNotFound` (cannot see it: existence is not revealed), `NotInvited` (staff can see
 * a GROUP or PRIVATE room but must be a member or invitee to enter it, so staff cannot listen in
 * unannounced), `Banned`, `RoomEnded`, `RoomNotLive`.
 */
export function joinRefusal(facts: RoomAccessFacts, viewer: Viewer): JoinRefusal | null {
  const decision = decideRoomAccess(RoomOperation.Join, relationOf(facts, viewer));
  return decision.allowed ? null : (decision.code as JoinRefusal);
}

/** Throws the {@link joinRefusal} as a {@link DomainError} when the viewer may not join. */
export function assertCanJoin(facts: RoomAccessFacts, viewer: Viewer): void {
  const refusal = joinRefusal(facts, viewer);
  if (refusal !== null) throw new DomainError(refusal, joinRefusalMessage(refusal));
}

/** A user-facing message for a {@link joinRefusal}; never reveals that a hidden room exists. */
export function joinRefusalMessage(refusal: JoinRefusal): string {
  return JOIN_REFUSAL_MESSAGES[refusal];
}

/** Whether the viewer may subscribe to the room's events: exactly when they may join it. */
export function canSubscribe(facts: RoomAccessFacts, viewer: Viewer): boolean {
  return joinRefusal(facts, viewer) === null;
}

/**
 * The access policy's relation for what these facts say: the host block and suspension are not
 * among them (their guards ask the policy with a whole {@link RoomRelation}), nor is the viewer's
 * participation.
 */
function relationOf(facts: RoomAccessFacts, viewer: Viewer): RoomRelation {
  return {
    visibility: facts.visibility,
    status: facts.status,
    isHost: viewer.profileId === facts.hostId,
    role: null,
    isGroupMember: facts.viewerIsGroupMember,
    isInvitee: facts.viewerIsInvitee,
    isBanned: facts.viewerIsBanned,
    isBlockedByHost: false,
    isSuspended: false,
    isStaff: viewer.isStaff,
  };
}

const JOIN_REFUSAL_MESSAGES: Readonly<Record<JoinRefusal, string>> = {
  [DomainErrorCode.RoomNotFound]: 'Room not found',
  [DomainErrorCode.NotInvited]: 'Only members or invitees can join this room',
  [DomainErrorCode.Banned]: 'You are banned from this room',
  [DomainErrorCode.RoomEnded]: 'The room has ended',
  [DomainErrorCode.RoomNotLive]: 'The room has not started yet',
};

import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { type RoomAccessFacts, RoomStatus, RoomVisibility, type Viewer } from './room.types';

/**
 * Whether the viewer may know the room exists: PUBLIC rooms are visible to everyone, GROUP
 * rooms to the group's members, PRIVATE rooms to the invitees, and every room to its host and
 * to trust-and-safety staff. Bans do not hide a room (the banned person learns why they cannot
 * join instead of seeing it vanish).
 */
export function canSeeRoom(facts: RoomAccessFacts, viewer: Viewer): boolean {
  return viewer.isStaff || belongsToRoom(facts, viewer);
}

/** The codes {@link joinRefusal} can answer with. */
export type JoinRefusal =
  | DomainErrorCode.RoomNotFound
  | DomainErrorCode.NotInvited
  | DomainErrorCode.Banned
  | DomainErrorCode.RoomEnded
  | DomainErrorCode.RoomNotLive;

/**
 * Why the viewer may not join the room right now, or null when they may. Checked in this
 * order: `RoomNotFound` (cannot see it: existence is not revealed), `NotInvited` (staff can see
 * a GROUP or PRIVATE room but must be a member or invitee to enter it, so staff cannot listen in
 * unannounced), `Banned`, `RoomEnded`, `RoomNotLive`.
 */
export function joinRefusal(facts: RoomAccessFacts, viewer: Viewer): JoinRefusal | null {
  if (!canSeeRoom(facts, viewer)) return DomainErrorCode.RoomNotFound;
  if (!belongsToRoom(facts, viewer)) return DomainErrorCode.NotInvited;
  if (facts.viewerIsBanned) return DomainErrorCode.Banned;
  if (facts.status === RoomStatus.Ended) return DomainErrorCode.RoomEnded;
  if (facts.status === RoomStatus.Scheduled) return DomainErrorCode.RoomNotLive;
  return null;
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

/** Visibility through membership alone, without the staff override. */
function belongsToRoom(facts: RoomAccessFacts, viewer: Viewer): boolean {
  if (viewer.profileId === facts.hostId) return true;
  switch (facts.visibility) {
    case RoomVisibility.Public:
      return true;
    case RoomVisibility.Group:
      return facts.viewerIsGroupMember;
    case RoomVisibility.Private:
      return facts.viewerIsInvitee;
  }
}

const JOIN_REFUSAL_MESSAGES: Readonly<Record<JoinRefusal, string>> = {
  [DomainErrorCode.RoomNotFound]: 'Room not found',
  [DomainErrorCode.NotInvited]: 'Only members or invitees can join this room',
  [DomainErrorCode.Banned]: 'You are banned from this room',
  [DomainErrorCode.RoomEnded]: 'The room has ended',
  [DomainErrorCode.RoomNotLive]: 'The room has not started yet',
};

/**
 * Every rule the domain enforces fails with one of these codes. The API maps each code to a
 * contract `extensions.code` in one exhaustive switch, so adding a code here fails to compile
 * until it is mapped.
 */
export enum DomainErrorCode {
  /** Input failed validation; `field` names the argument. */
  InvalidInput = 'INVALID_INPUT',
  /** The room (or profile) does not exist or the viewer may not see it. */
  RoomNotFound = 'ROOM_NOT_FOUND',
  ProfileNotFound = 'PROFILE_NOT_FOUND',
  GroupNotFound = 'GROUP_NOT_FOUND',
  /** Anything else that does not exist or that the viewer may not see (reports, participants). */
  NotFound = 'NOT_FOUND',
  /** The action needs a signed-in viewer, and there is none. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The actor's role does not allow the command. */
  NotAllowed = 'NOT_ALLOWED',
  /** The actor may see the room but not join it (group/private room they are not part of). */
  NotInvited = 'NOT_INVITED',
  /** The actor or target is banned from the room. */
  Banned = 'BANNED',
  RoomNotLive = 'ROOM_NOT_LIVE',
  RoomEnded = 'ROOM_ENDED',
  RoomAlreadyLive = 'ROOM_ALREADY_LIVE',
  StageFull = 'STAGE_FULL',
  AlreadyOnStage = 'ALREADY_ON_STAGE',
  NotOnStage = 'NOT_ON_STAGE',
  NotAParticipant = 'NOT_A_PARTICIPANT',
  HandAlreadyRaised = 'HAND_ALREADY_RAISED',
  NoPendingInvitation = 'NO_PENDING_INVITATION',
  AlreadyInvited = 'ALREADY_INVITED',
  /** The host cannot be the target of moderation (moved, muted by others, removed, demoted). */
  HostIsProtected = 'HOST_IS_PROTECTED',
  /** A group join request was already approved or declined the other way. */
  JoinRequestAlreadyDecided = 'JOIN_REQUEST_ALREADY_DECIDED',
  /** A question's status does not allow the command (voting on a pending one, answering a closed one). */
  QuestionStateConflict = 'QUESTION_STATE_CONFLICT',
  /** The asker already has as many questions waiting as a room allows. */
  QuestionLimitReached = 'QUESTION_LIMIT_REACHED',
  /** The room's chat mode does not let this person write now (OFF, or STAGE_ONLY off stage). */
  ChatClosed = 'CHAT_CLOSED',
  /** A follow setting for a profile the viewer does not follow (`setFollowNotifications`). */
  NotFollowing = 'NOT_FOLLOWING',
}

/** A broken room rule, with a code from {@link DomainErrorCode} and, for bad input, the field. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  static invalidInput(field: string, message: string): DomainError {
    return new DomainError(DomainErrorCode.InvalidInput, message, field);
  }

  /** `what` names the missing thing ("Room", "Profile", "Group", or any other noun). */
  static notFound(what: string): DomainError {
    const code =
      what === 'Room'
        ? DomainErrorCode.RoomNotFound
        : what === 'Profile'
          ? DomainErrorCode.ProfileNotFound
          : what === 'Group'
            ? DomainErrorCode.GroupNotFound
            : DomainErrorCode.NotFound;
    return new DomainError(code, `${what} not found`);
  }

  static unauthenticated(message = 'Sign in: send a valid bearer token'): DomainError {
    return new DomainError(DomainErrorCode.Unauthenticated, message);
  }

  static notAllowed(message: string): DomainError {
    return new DomainError(DomainErrorCode.NotAllowed, message);
  }

  static conflict(code: DomainErrorCode, message: string): DomainError {
    return new DomainError(code, message);
  }
}

import { DomainErrorCode } from '../errors/domain-error';
import type { RoomCommandType } from './room.commands';
import { MODERATING_ROLES, type ParticipantRole, RoomStatus, RoomVisibility, STAGE_ROLES } from './room.types';

/**
 * THE ROOM ACCESS POLICY: one table that answers "may this viewer do X in this room" for every
 * place that asks (resolvers, command guards, room lists, the subscription's delivery re-check and
 * its fan-out class, media grants, reporting). A change to {@link ROOM_ACCESS_TABLE} is a
 * permission change: its snapshot (`room-access-policy.spec.ts`) shows it in review.
 *
 * The table is pure: operation × the viewer's {@link RoomRelation} → allowed, or the first
 * refused rule with its code. The API gathers the relation (one statement per room) and asks.
 */

/** What a viewer may ask to do with one room. */
export enum RoomOperation {
  /** Know the room exists: `room(id)`, `node(id)`, lists, recommendations, notifications. */
  See = 'SEE',
  /** `joinRoom`. */
  Join = 'JOIN',
  /** `roomEvents`: opening the stream, and every delivery while it stays open. */
  Watch = 'WATCH',
  /** `raiseHand`, and a raised hand staying in the queue. */
  RaiseHand = 'RAISE_HAND',
  /** Going on stage: accepting a stage invitation. */
  TakeStage = 'TAKE_STAGE',
  /** A media token that may subscribe to the room's audio (`refreshAudioAccess`, webhooks). */
  ListenMedia = 'LISTEN_MEDIA',
  /** A media token that may publish audio. */
  PublishMedia = 'PUBLISH_MEDIA',
  /** Commands on other participants: invite up, move back, mute, remove, ban, dismiss a hand. */
  Moderate = 'MODERATE',
  /** Commands only the host gives: start and end the room, make and unmake moderators. */
  Host = 'HOST',
  /** Field visibility: the questions on raised hands, and who raised them first. */
  SeeHandQuestions = 'SEE_HAND_QUESTIONS',
  /** `reportAbuse` about someone in this room. */
  Report = 'REPORT',
}

/**
 * Everything the policy knows about one viewer and one room. Booleans are about the viewer:
 * `isBlockedByHost` is "the room's host has blocked the viewer".
 */
export interface RoomRelation {
  readonly visibility: RoomVisibility;
  readonly status: RoomStatus;
  /** The viewer hosts the room. */
  readonly isHost: boolean;
  /** The viewer's role while in the room; null when not in it. */
  readonly role: ParticipantRole | null;
  readonly isGroupMember: boolean;
  readonly isInvitee: boolean;
  readonly isBanned: boolean;
  readonly isBlockedByHost: boolean;
  /** A suspension is in force on the viewer's account. */
  readonly isSuspended: boolean;
  /** The viewer holds trust-and-safety staff rights in the server's record (and is not suspended). */
  readonly isStaff: boolean;
}

/** The named rules of the table; each refuses with one code. */
export enum RoomAccessRule {
  /** Staff, or {@link RoomAccessRule.Belongs}; otherwise the room does not exist for the viewer. */
  Visible = 'VISIBLE',
  /** Host, PUBLIC, a GROUP room's member, or a PRIVATE room's invitee (staff are not enough). */
  Belongs = 'BELONGS',
  NotBanned = 'NOT_BANNED',
  NotBlockedByHost = 'NOT_BLOCKED_BY_HOST',
  NotSuspended = 'NOT_SUSPENDED',
  /** The room is LIVE. */
  Live = 'LIVE',
  /** The room has not ended (SCHEDULED or LIVE): a stream may wait for the start. */
  NotEnded = 'NOT_ENDED',
  /** The viewer is in the room (any role). */
  InRoom = 'IN_ROOM',
  /** The viewer sits on the stage (host, moderator or speaker). */
  OnStage = 'ON_STAGE',
  /** The viewer hosts or moderates the room. */
  Moderates = 'MODERATES',
  /** The viewer hosts the room. */
  Hosts = 'HOSTS',
}

interface RuleDefinition {
  readonly holds: (relation: RoomRelation) => boolean;
  /** The refusal when the rule does not hold; `Live` picks its code from the status. */
  readonly refusal: (relation: RoomRelation) => DomainErrorCode;
}

const belongs = (relation: RoomRelation): boolean => {
  if (relation.isHost) return true;
  switch (relation.visibility) {
    case RoomVisibility.Public:
      return true;
    case RoomVisibility.Group:
      return relation.isGroupMember;
    case RoomVisibility.Private:
      return relation.isInvitee;
  }
};

const RULES: Readonly<Record<RoomAccessRule, RuleDefinition>> = {
  [RoomAccessRule.Visible]: { holds: (r) => r.isStaff || belongs(r), refusal: () => DomainErrorCode.RoomNotFound },
  [RoomAccessRule.Belongs]: { holds: belongs, refusal: () => DomainErrorCode.NotInvited },
  [RoomAccessRule.NotBanned]: { holds: (r) => !r.isBanned, refusal: () => DomainErrorCode.Banned },
  [RoomAccessRule.NotBlockedByHost]: { holds: (r) => r.isHost || !r.isBlockedByHost, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.NotSuspended]: { holds: (r) => !r.isSuspended, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.Live]: {
    holds: (r) => r.status === RoomStatus.Live,
    refusal: (r) => (r.status === RoomStatus.Ended ? DomainErrorCode.RoomEnded : DomainErrorCode.RoomNotLive),
  },
  [RoomAccessRule.NotEnded]: { holds: (r) => r.status !== RoomStatus.Ended, refusal: () => DomainErrorCode.RoomEnded },
  [RoomAccessRule.InRoom]: { holds: (r) => r.role !== null, refusal: () => DomainErrorCode.NotAParticipant },
  [RoomAccessRule.OnStage]: { holds: (r) => r.role !== null && STAGE_ROLES.has(r.role), refusal: () => DomainErrorCode.NotOnStage },
  [RoomAccessRule.Moderates]: { holds: (r) => r.role !== null && MODERATING_ROLES.has(r.role), refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.Hosts]: { holds: (r) => r.isHost, refusal: () => DomainErrorCode.NotAllowed },
};

/** Rules every operation on a live room's people checks: visible, belongs, not banned, not blocked. */
const MEMBER_OF_LIVE_ROOM = [
  RoomAccessRule.Visible,
  RoomAccessRule.Belongs,
  RoomAccessRule.NotBanned,
  RoomAccessRule.NotBlockedByHost,
  RoomAccessRule.NotSuspended,
  RoomAccessRule.Live,
] as const;

/**
 * The table: for each operation, the rules that must all hold, in the order they are checked
 * (the first that fails answers). Order matters for what a refusal reveals: `Visible` comes
 * first everywhere, so a room the viewer may not see is NOT_FOUND whatever else is true.
 */
export const ROOM_ACCESS_TABLE: Readonly<Record<RoomOperation, readonly RoomAccessRule[]>> = {
  [RoomOperation.See]: [RoomAccessRule.Visible],
  [RoomOperation.Join]: [...MEMBER_OF_LIVE_ROOM],
  [RoomOperation.Watch]: [
    RoomAccessRule.Visible,
    RoomAccessRule.Belongs,
    RoomAccessRule.NotBanned,
    RoomAccessRule.NotBlockedByHost,
    RoomAccessRule.NotSuspended,
    RoomAccessRule.NotEnded,
  ],
  [RoomOperation.RaiseHand]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.TakeStage]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.ListenMedia]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.PublishMedia]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom, RoomAccessRule.OnStage],
  [RoomOperation.Moderate]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom, RoomAccessRule.Moderates],
  [RoomOperation.Host]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended, RoomAccessRule.Hosts],
  [RoomOperation.SeeHandQuestions]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom, RoomAccessRule.Moderates],
  [RoomOperation.Report]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended],
};

/** The policy's answer: allowed, or the first rule that failed with its contract code. */
export type RoomAccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly rule: RoomAccessRule; readonly code: DomainErrorCode };

const ALLOWED: RoomAccessDecision = { allowed: true };

/**
 * Decides one operation for one relation: the first rule of {@link ROOM_ACCESS_TABLE} that does
 * not hold refuses, with its code (ROOM_NOT_FOUND, NOT_INVITED, BANNED, NOT_ALLOWED, ROOM_ENDED,
 * ROOM_NOT_LIVE, NOT_A_PARTICIPANT or NOT_ON_STAGE). Pure and total.
 */
export function decideRoomAccess(operation: RoomOperation, relation: RoomRelation): RoomAccessDecision {
  for (const rule of ROOM_ACCESS_TABLE[operation]) {
    const definition = RULES[rule];
    if (!definition.holds(relation)) return { allowed: false, rule, code: definition.refusal(relation) };
  }
  return ALLOWED;
}

/** Whether {@link decideRoomAccess} allows the operation. */
export function mayAccessRoom(operation: RoomOperation, relation: RoomRelation): boolean {
  return decideRoomAccess(operation, relation).allowed;
}

/**
 * The operations a relation allows: what an open session may keep. A session's rights after a
 * change (block, demotion, removal, suspension, leaving a group, losing staff rights) are this
 * set for the new relation; anything it held outside it must end.
 */
export function allowedRoomOperations(relation: RoomRelation): ReadonlySet<RoomOperation> {
  return new Set(Object.values(RoomOperation).filter((operation) => mayAccessRoom(operation, relation)));
}

/**
 * Operations that decide which fields of a room's data a viewer reads, not whether they may act:
 * what differs between two viewers of one room event (the fan-out's shared-execution class).
 */
export const FIELD_OPERATIONS: readonly RoomOperation[] = [RoomOperation.SeeHandQuestions];

/** A viewer watching a LIVE room they belong to, with nothing against them: every rule but the role's holds. */
const WATCHING: Omit<RoomRelation, 'role'> = {
  visibility: RoomVisibility.Public,
  status: RoomStatus.Live,
  isHost: false,
  isGroupMember: false,
  isInvitee: false,
  isBanned: false,
  isBlockedByHost: false,
  isSuspended: false,
  isStaff: false,
};

const fieldAccessByRole = new Map<ParticipantRole | null, ReadonlySet<RoomOperation>>();

/**
 * The {@link FIELD_OPERATIONS} the policy allows a viewer whose room stream is open (WATCH holds)
 * in a LIVE room, by their role there (null: not in the room): the table's answer, memoised per
 * role. Field resolvers and the subscription fan-out's visibility class ask this, never a copy of
 * the role rule.
 */
export function fieldAccessOfRole(role: ParticipantRole | null): ReadonlySet<RoomOperation> {
  let access = fieldAccessByRole.get(role);
  if (!access) {
    const relation: RoomRelation = { ...WATCHING, role };
    access = new Set(FIELD_OPERATIONS.filter((operation) => mayAccessRoom(operation, relation)));
    fieldAccessByRole.set(role, access);
  }
  return access;
}

/** A stable key of {@link fieldAccessOfRole}: viewers with equal keys read the same fields. */
export function fieldAccessClassOfRole(role: ParticipantRole | null): string {
  return [...fieldAccessOfRole(role)].sort().join('+') || 'none';
}

/**
 * The operation each room command asks the policy for; null for commands that only step back
 * (leave, lower one's hand, decline an invitation, end one's own room) or that the system issues
 * (media connections, trust-and-safety enforcement): those stay open to a suspended or blocked
 * account. The command pipeline's guards read which rules apply from here (see
 * {@link commandChecksRule}); the room rules (`decide`) still judge roles and state.
 */
export const ROOM_COMMAND_OPERATIONS: Readonly<Record<RoomCommandType, RoomOperation | null>> = {
  StartRoom: RoomOperation.Host,
  EndRoom: null,
  JoinRoom: RoomOperation.Join,
  LeaveRoom: null,
  RaiseHand: RoomOperation.RaiseHand,
  LowerHand: null,
  DismissHand: RoomOperation.Moderate,
  InviteToStage: RoomOperation.Moderate,
  AcceptStageInvite: RoomOperation.TakeStage,
  DeclineStageInvite: null,
  MoveToAudience: RoomOperation.Moderate,
  SetModerator: RoomOperation.Host,
  MuteParticipant: RoomOperation.Moderate,
  UnmuteSelf: RoomOperation.PublishMedia,
  RecordMediaConnection: null,
  RemoveParticipant: RoomOperation.Moderate,
  EnforceModeration: null,
};

/** Whether the table checks `rule` for what `command` asks (false for commands that ask nothing). */
export function commandChecksRule(command: RoomCommandType, rule: RoomAccessRule): boolean {
  const operation = ROOM_COMMAND_OPERATIONS[command];
  return operation !== null && ROOM_ACCESS_TABLE[operation].includes(rule);
}

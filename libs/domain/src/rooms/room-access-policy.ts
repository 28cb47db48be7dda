import { DomainErrorCode } from '../errors/domain-error';
import type { RoomCommand, RoomCommandType } from './room.commands';
import { MODERATING_ROLES, ParticipantRole, type RoomState, RoomStatus, RoomVisibility, STAGE_ROLES } from './room.types';
import { firstRefusal, type RuleDecision, type RuleDefinition as SharedRuleDefinition } from '../common/rule-table';

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
  /** `roomEvents` and `roomConversation`: opening the stream, and every delivery while it stays open. */
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
  /** Commands only the host gives in a live room: make and unmake moderators. */
  Host = 'HOST',
  /** `StartRoom`: the host opens their scheduled room. */
  Start = 'START',
  /** `EndRoom`: the host ends (or cancels) their room; stays open to a suspended or blocked host. */
  End = 'END',
  /**
   * Steps back that only give something up: leave the room, lower one's own hand, decline a stage
   * invitation. Open to a suspended or blocked account (being in the room is a state rule of each).
   */
  StepBack = 'STEP_BACK',
  /** Steps back on the stage: move oneself to the audience, mute oneself. Open like {@link StepBack}. */
  StepDown = 'STEP_DOWN',
  /** `EnforceModeration`: trust and safety act on a participant without being in the room. */
  Enforce = 'ENFORCE',
  /** `RecordMediaConnection`: the media server reports the actor's own audio connection. */
  RecordMediaConnection = 'RECORD_MEDIA_CONNECTION',
  /** Field visibility: the questions on raised hands, and who raised them first. */
  SeeHandQuestions = 'SEE_HAND_QUESTIONS',
  /** `reportAbuse` about someone in this room. */
  Report = 'REPORT',
  /** `askQuestion` (issue 16): someone in a live room asks the stage. */
  AskQuestion = 'ASK_QUESTION',
  /** `upvoteQuestion` / `removeQuestionUpvote`: someone in a live room votes. */
  VoteQuestion = 'VOTE_QUESTION',
  /**
   * `withdrawQuestion`: the asker takes their own question back. Open like {@link StepBack} to a
   * suspended or blocked account and to someone who left (being the asker is a state rule).
   */
  WithdrawQuestion = 'WITHDRAW_QUESTION',
  /** Host and moderators work the queue: screen, answer, mark answered, dismiss, merge. */
  ManageQuestions = 'MANAGE_QUESTIONS',
  /**
   * `dismissQuestion`: host and moderators take a question out of view; the host also after the
   * room ended, while its questions stay readable (a reported question stays removable).
   */
  ModerateQuestions = 'MODERATE_QUESTIONS',
  /** `updateRoomConversation`: host and moderators set question screening (and, later, chat). */
  ConfigureConversation = 'CONFIGURE_CONVERSATION',
  /** Field visibility: PENDING questions of others and the askers of anonymous questions. */
  SeeAllQuestions = 'SEE_ALL_QUESTIONS',
  /** `sendChatMessage` (issue 17): someone in a live room writes (the chat mode is a state rule). */
  WriteChat = 'WRITE_CHAT',
  /** Host and moderators delete any chat message; the host also after the room ended. */
  ModerateChat = 'MODERATE_CHAT',
  /**
   * The author deletes their own message: open like {@link StepBack} to a suspended or blocked
   * account and to someone who left (being the author is a state rule).
   */
  DeleteOwnChatMessage = 'DELETE_OWN_CHAT_MESSAGE',
  /** `Room.chatMessages`: the history, readable after the room ended; not by the banned or blocked. */
  ReadChat = 'READ_CHAT',
  /**
   * `react` (issue 17): someone in a live room reacts. Reactions beyond the person's rate are
   * dropped, not refused; this row is what refuses.
   */
  React = 'REACT',
  /**
   * `Room.insights` (issue 19): the host, and the room's moderators while they are in it, read who
   * listened, in groups of at least k. Everyone else reads null, never an error.
   */
  SeeInsights = 'SEE_INSIGHTS',
  /**
   * `setRoomReminder(remind: true)` (issue 18): ask to be reminded of a SCHEDULED or LIVE room one
   * may join (JOIN's standing rules; a room that has not ended).
   */
  Remind = 'REMIND',
  /** `rescheduleRoom` (issue 18): the host moves their SCHEDULED room to another time. */
  Reschedule = 'RESCHEDULE',
  /** `cancelRoom` (issue 18): the host cancels their SCHEDULED room; open to a suspended host, like END. */
  Cancel = 'CANCEL',
  /**
   * Being told about the room (issue 18's notifications and their live delivery): JOIN's standing
   * rules whatever the room's status (a cancelled room is ENDED). A notification is written, listed
   * and delivered only while this holds.
   */
  Notify = 'NOTIFY',
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
  /** The viewer has a stage place to give up (host, moderator or speaker); refuses NOT_ALLOWED. */
  HoldsStagePlace = 'HOLDS_STAGE_PLACE',
  /** The viewer holds trust-and-safety staff rights now (not suspended). */
  Staff = 'STAFF',
  /** The viewer hosts the room (in it or not, even after it ended), or moderates it while in it. */
  HostsOrModerates = 'HOSTS_OR_MODERATES',
  /** The room is SCHEDULED (not started, not ended); refuses ROOM_ALREADY_LIVE or ROOM_ENDED. */
  Scheduled = 'SCHEDULED',
}

/** What the position rules read: the part of a {@link RoomRelation} a room's state determines. */
export type RoomPosition = Pick<RoomRelation, 'status' | 'isHost' | 'role'>;

/** A rule over a whole relation; `Live`'s refusal picks its code from the status. */
type RuleDefinition = SharedRuleDefinition<RoomRelation, DomainErrorCode>;

/** A position rule reads only the {@link RoomPosition} (the compiler holds it to that). */
type PositionRuleDefinition = SharedRuleDefinition<RoomPosition, DomainErrorCode>;

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

const onStage = (r: RoomPosition): boolean => r.role !== null && STAGE_ROLES.has(r.role);

const POSITION_RULE_DEFINITIONS: Readonly<Record<string, PositionRuleDefinition>> = {
  [RoomAccessRule.Live]: {
    holds: (r) => r.status === RoomStatus.Live,
    refusal: (r) => (r.status === RoomStatus.Ended ? DomainErrorCode.RoomEnded : DomainErrorCode.RoomNotLive),
  },
  [RoomAccessRule.NotEnded]: { holds: (r) => r.status !== RoomStatus.Ended, refusal: () => DomainErrorCode.RoomEnded },
  [RoomAccessRule.InRoom]: { holds: (r) => r.role !== null, refusal: () => DomainErrorCode.NotAParticipant },
  [RoomAccessRule.OnStage]: { holds: onStage, refusal: () => DomainErrorCode.NotOnStage },
  [RoomAccessRule.Moderates]: { holds: (r) => r.role !== null && MODERATING_ROLES.has(r.role), refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.Hosts]: { holds: (r) => r.isHost, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.HoldsStagePlace]: { holds: onStage, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.HostsOrModerates]: {
    holds: (r) => r.isHost || (r.role !== null && MODERATING_ROLES.has(r.role)),
    refusal: () => DomainErrorCode.NotAllowed,
  },
  [RoomAccessRule.Scheduled]: {
    holds: (r) => r.status === RoomStatus.Scheduled,
    refusal: (r) => (r.status === RoomStatus.Ended ? DomainErrorCode.RoomEnded : DomainErrorCode.RoomAlreadyLive),
  },
};

/**
 * The rules about where the viewer stands in the room's own state (status, host, role): the only
 * ones the pure room rules (`decide`) can judge from a {@link RoomState}. Every other rule is about
 * the viewer's standing (visibility, belonging, ban, block, suspension, staff rights), which the
 * API gathers. In every row of {@link ROOM_ACCESS_TABLE} the standing rules come first (a spec
 * checks it), so checking the standing part and then the position part answers as the whole row.
 */
export const POSITION_RULES: ReadonlySet<RoomAccessRule> = new Set(Object.keys(POSITION_RULE_DEFINITIONS) as RoomAccessRule[]);


const positionRule = (rule: RoomAccessRule): PositionRuleDefinition => {
  const definition = POSITION_RULE_DEFINITIONS[rule];
  if (!definition) throw new Error(`${rule} is not a position rule`);
  return definition;
};

const RULES: Readonly<Record<RoomAccessRule, RuleDefinition>> = {
  [RoomAccessRule.Visible]: { holds: (r) => r.isStaff || belongs(r), refusal: () => DomainErrorCode.RoomNotFound },
  [RoomAccessRule.Belongs]: { holds: belongs, refusal: () => DomainErrorCode.NotInvited },
  [RoomAccessRule.NotBanned]: { holds: (r) => !r.isBanned, refusal: () => DomainErrorCode.Banned },
  [RoomAccessRule.NotBlockedByHost]: { holds: (r) => r.isHost || !r.isBlockedByHost, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.NotSuspended]: { holds: (r) => !r.isSuspended, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.Staff]: { holds: (r) => r.isStaff, refusal: () => DomainErrorCode.NotAllowed },
  [RoomAccessRule.Live]: positionRule(RoomAccessRule.Live),
  [RoomAccessRule.NotEnded]: positionRule(RoomAccessRule.NotEnded),
  [RoomAccessRule.InRoom]: positionRule(RoomAccessRule.InRoom),
  [RoomAccessRule.OnStage]: positionRule(RoomAccessRule.OnStage),
  [RoomAccessRule.Moderates]: positionRule(RoomAccessRule.Moderates),
  [RoomAccessRule.Hosts]: positionRule(RoomAccessRule.Hosts),
  [RoomAccessRule.HoldsStagePlace]: positionRule(RoomAccessRule.HoldsStagePlace),
  [RoomAccessRule.HostsOrModerates]: positionRule(RoomAccessRule.HostsOrModerates),
  [RoomAccessRule.Scheduled]: positionRule(RoomAccessRule.Scheduled),
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
 * Taking content out of view (MODERATE_CHAT, MODERATE_QUESTIONS), at any status: what stays
 * readable after the room ended stays removable, by the host then (moderators have left by then).
 */
const MODERATES_AT_ANY_STATUS = [
  RoomAccessRule.Visible,
  RoomAccessRule.Belongs,
  RoomAccessRule.NotBanned,
  RoomAccessRule.NotBlockedByHost,
  RoomAccessRule.NotSuspended,
  RoomAccessRule.HostsOrModerates,
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
  // Accepting needs a pending invitation, which only someone in the room has (a state rule).
  [RoomOperation.TakeStage]: [...MEMBER_OF_LIVE_ROOM],
  [RoomOperation.ListenMedia]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.PublishMedia]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom, RoomAccessRule.OnStage],
  // MODERATES implies being in the room; someone outside it is refused NOT_ALLOWED like a listener.
  [RoomOperation.Moderate]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.Moderates],
  [RoomOperation.Host]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended, RoomAccessRule.Live, RoomAccessRule.Hosts],
  [RoomOperation.Start]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended, RoomAccessRule.NotEnded, RoomAccessRule.Hosts],
  [RoomOperation.End]: [RoomAccessRule.Visible, RoomAccessRule.NotEnded, RoomAccessRule.Hosts],
  [RoomOperation.StepBack]: [RoomAccessRule.Visible, RoomAccessRule.Live],
  [RoomOperation.StepDown]: [RoomAccessRule.Visible, RoomAccessRule.Live, RoomAccessRule.HoldsStagePlace],
  [RoomOperation.Enforce]: [RoomAccessRule.Visible, RoomAccessRule.Staff, RoomAccessRule.Live],
  [RoomOperation.RecordMediaConnection]: [RoomAccessRule.Visible, RoomAccessRule.Live],
  [RoomOperation.SeeHandQuestions]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.Moderates],
  [RoomOperation.Report]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended],
  [RoomOperation.AskQuestion]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.VoteQuestion]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.WithdrawQuestion]: [RoomAccessRule.Visible],
  [RoomOperation.ManageQuestions]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.Moderates],
  [RoomOperation.ModerateQuestions]: MODERATES_AT_ANY_STATUS,
  [RoomOperation.ConfigureConversation]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.Moderates],
  [RoomOperation.SeeAllQuestions]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.Moderates],
  [RoomOperation.WriteChat]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  [RoomOperation.ModerateChat]: MODERATES_AT_ANY_STATUS,
  [RoomOperation.DeleteOwnChatMessage]: [RoomAccessRule.Visible],
  [RoomOperation.ReadChat]: [RoomAccessRule.Visible, RoomAccessRule.Belongs, RoomAccessRule.NotBanned, RoomAccessRule.NotBlockedByHost],
  [RoomOperation.React]: [...MEMBER_OF_LIVE_ROOM, RoomAccessRule.InRoom],
  // Any status: the host reads the final figures after the room ended (moderators have left by then).
  [RoomOperation.SeeInsights]: [RoomAccessRule.Visible, RoomAccessRule.NotBanned, RoomAccessRule.HostsOrModerates],
  [RoomOperation.Remind]: [
    RoomAccessRule.Visible,
    RoomAccessRule.Belongs,
    RoomAccessRule.NotBanned,
    RoomAccessRule.NotBlockedByHost,
    RoomAccessRule.NotSuspended,
    RoomAccessRule.NotEnded,
  ],
  [RoomOperation.Reschedule]: [RoomAccessRule.Visible, RoomAccessRule.NotSuspended, RoomAccessRule.Hosts, RoomAccessRule.Scheduled],
  [RoomOperation.Cancel]: [RoomAccessRule.Visible, RoomAccessRule.Hosts, RoomAccessRule.Scheduled],
  [RoomOperation.Notify]: [
    RoomAccessRule.Visible,
    RoomAccessRule.Belongs,
    RoomAccessRule.NotBanned,
    RoomAccessRule.NotBlockedByHost,
    RoomAccessRule.NotSuspended,
  ],
};

/** The policy's answer: allowed, or the first rule that failed with its contract code. */
export type RoomAccessDecision = RuleDecision<RoomAccessRule, DomainErrorCode>;

/**
 * Decides one operation for one relation: the first rule of {@link ROOM_ACCESS_TABLE} that does
 * not hold refuses, with its code (ROOM_NOT_FOUND, NOT_INVITED, BANNED, NOT_ALLOWED, ROOM_ENDED,
 * ROOM_NOT_LIVE, NOT_A_PARTICIPANT or NOT_ON_STAGE). Pure and total.
 */
export function decideRoomAccess(operation: RoomOperation, relation: RoomRelation): RoomAccessDecision {
  return firstRefusal(ROOM_ACCESS_TABLE[operation], (rule) => RULES[rule], relation);
}

/**
 * {@link decideRoomAccess} with only the standing rules of the operation's row (every rule not in
 * {@link POSITION_RULES}): what the API checks before the room's own rules run. The position
 * fields of `relation` are not read.
 */
export function decideRoomStanding(operation: RoomOperation, relation: RoomRelation): RoomAccessDecision {
  return firstRefusal(ROOM_ACCESS_TABLE[operation], (rule) => RULES[rule], relation, (rule) => !POSITION_RULES.has(rule));
}

/**
 * {@link decideRoomAccess} with only the position rules of the operation's row, read from the
 * room's state: what the pure room rules (`decide`) check first for every command. Since the
 * standing rules come first in every row, a standing decision that allows followed by this one
 * answers exactly as the whole row.
 */
export function decideRoomPosition(operation: RoomOperation, position: RoomPosition): RoomAccessDecision {
  return firstRefusal(ROOM_ACCESS_TABLE[operation], positionRule, position, (rule) => POSITION_RULES.has(rule));
}

/** The {@link RoomPosition} of `profileId` in a room's state: its status, whether they host it, their role. */
export function roomPositionOf(state: RoomState, profileId: string): RoomPosition {
  return { status: state.status, isHost: profileId === state.hostId, role: state.participants.get(profileId)?.role ?? null };
}

/**
 * Whether the position rules of `operation` hold for a participant with `role` in a LIVE room
 * (hosting exactly when the role is HOST): the table's answer to "does this role publish?" for the
 * media sync, which holds no relation (the standing rules were asked when the media token was
 * granted, and a lost right ends the participation).
 */
export function roleAllowsInLiveRoom(operation: RoomOperation, role: ParticipantRole): boolean {
  return decideRoomPosition(operation, { status: RoomStatus.Live, isHost: role === ParticipantRole.Host, role }).allowed;
}

/** The user-facing message of each refusing rule; none reveals a room the viewer may not see. */
export const ROOM_ACCESS_REFUSAL_MESSAGES: Readonly<Record<RoomAccessRule, string>> = {
  [RoomAccessRule.Visible]: 'Room not found',
  [RoomAccessRule.Belongs]: 'Only members or invitees can join this room',
  [RoomAccessRule.NotBanned]: 'You are banned from this room',
  [RoomAccessRule.NotBlockedByHost]: 'You cannot take part in this room: its host has blocked you',
  [RoomAccessRule.NotSuspended]: 'Your account is suspended',
  [RoomAccessRule.Staff]: 'Only trust and safety can do this',
  [RoomAccessRule.Live]: 'The room is not live',
  [RoomAccessRule.NotEnded]: 'The room has ended',
  [RoomAccessRule.InRoom]: 'Join the room first',
  [RoomAccessRule.OnStage]: 'Only people on the stage can do this',
  [RoomAccessRule.Moderates]: 'Only the host and moderators can do this',
  [RoomAccessRule.Hosts]: 'Only the host can do this',
  [RoomAccessRule.HoldsStagePlace]: 'Only people on the stage can step down from it',
  [RoomAccessRule.HostsOrModerates]: 'Only the host and moderators can do this',
  [RoomAccessRule.Scheduled]: 'Only a scheduled room that has not started can be changed',
};

/** The message of a refusal: the rule's, except `Live`, which says whether the room ended or has not started. */
export function roomAccessRefusalMessage(decision: Extract<RoomAccessDecision, { allowed: false }>): string {
  if (decision.rule === RoomAccessRule.Live) return decision.code === DomainErrorCode.RoomEnded ? 'The room has ended' : 'The room has not started yet';
  return ROOM_ACCESS_REFUSAL_MESSAGES[decision.rule];
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
export const FIELD_OPERATIONS: readonly RoomOperation[] = [RoomOperation.SeeHandQuestions, RoomOperation.SeeAllQuestions];

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
 * The operation each room command asks the policy for: who may give it is the table's row for
 * that operation, nowhere else. Moving or muting oneself is a step down ({@link RoomOperation.StepDown}),
 * the same command aimed at someone else is moderation. The API checks the row's standing rules
 * ({@link decideRoomStanding}) and the room rules (`decide`) its position rules
 * ({@link decideRoomPosition}) before their own state rules ("hand already raised", "stage full").
 */
export function roomCommandOperation(command: RoomCommand): RoomOperation {
  switch (command.type) {
    case 'StartRoom':
      return RoomOperation.Start;
    case 'EndRoom':
      return command.cancel ? RoomOperation.Cancel : RoomOperation.End;
    case 'JoinRoom':
      return RoomOperation.Join;
    case 'LeaveRoom':
    case 'LowerHand':
    case 'DeclineStageInvite':
      return RoomOperation.StepBack;
    case 'RaiseHand':
      return RoomOperation.RaiseHand;
    case 'AcceptStageInvite':
      return RoomOperation.TakeStage;
    case 'MoveToAudience':
    case 'MuteParticipant':
      return command.targetId === command.actorId ? RoomOperation.StepDown : RoomOperation.Moderate;
    case 'DismissHand':
    case 'InviteToStage':
    case 'RemoveParticipant':
      return RoomOperation.Moderate;
    case 'SetModerator':
      return RoomOperation.Host;
    case 'UnmuteSelf':
      return RoomOperation.PublishMedia;
    case 'RecordMediaConnection':
      return RoomOperation.RecordMediaConnection;
    case 'EnforceModeration':
      return RoomOperation.Enforce;
  }
}

/** For review (the snapshot): each command type's operation, aimed at someone else and at oneself. */
export function roomCommandOperations(): Readonly<Record<RoomCommandType, string>> {
  const described: Partial<Record<RoomCommandType, string>> = {};
  const other = { actorId: 'actor', targetId: 'other' };
  const self = { actorId: 'actor', targetId: 'actor' };
  const commands: readonly RoomCommand[] = [
    { type: 'StartRoom', actorId: 'actor' },
    { type: 'EndRoom', actorId: 'actor' },
    { type: 'JoinRoom', actorId: 'actor' },
    { type: 'LeaveRoom', actorId: 'actor' },
    { type: 'RaiseHand', actorId: 'actor', question: null },
    { type: 'LowerHand', actorId: 'actor' },
    { type: 'DismissHand', ...other },
    { type: 'InviteToStage', ...other },
    { type: 'AcceptStageInvite', actorId: 'actor' },
    { type: 'DeclineStageInvite', actorId: 'actor' },
    { type: 'MoveToAudience', ...other },
    { type: 'SetModerator', ...other, moderator: true },
    { type: 'MuteParticipant', ...other },
    { type: 'UnmuteSelf', actorId: 'actor' },
    { type: 'RecordMediaConnection', actorId: 'actor', connected: true },
    { type: 'RemoveParticipant', ...other, ban: false },
    { type: 'EnforceModeration', ...other, enforcement: 'Mute' },
  ];
  for (const command of commands) {
    const onOther = roomCommandOperation(command);
    const onSelf = 'targetId' in command ? roomCommandOperation({ ...command, ...self }) : onOther;
    described[command.type] = onSelf === onOther ? onOther : `${onOther} (on oneself: ${onSelf})`;
  }
  return described as Record<RoomCommandType, string>;
}

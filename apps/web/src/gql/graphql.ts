import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

export type AppealConnection = {
  __typename: 'AppealConnection';
  edges: Array<AppealEdge>;
  pageInfo: PageInfo;
};

export type AppealEdge = {
  __typename: 'AppealEdge';
  cursor: Scalars['String']['output'];
  node: ModerationNotice;
};

export type AppealInput = {
  noticeId: Scalars['ID']['input'];
  statement: Scalars['String']['input'];
};

export type AppealStatus =
  | 'OPEN'
  | 'REVERSED'
  | 'UPHELD';

export type AskQuestionInput = {
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** Also raise a hand to ask it in person (the hand's question is this text). */
  askInPerson?: InputMaybe<Scalars['Boolean']['input']>;
  roomId: Scalars['ID']['input'];
  /** 1–500 characters once trimmed; screened like every user text. */
  text: Scalars['String']['input'];
};

/** Listener joins and leaves, coalesced. In a large room the server may fold many joins and leaves into one event (then previousVersion < version - 1). */
export type AudienceChanged = RoomEvent & {
  __typename: 'AudienceChanged';
  at: Scalars['DateTime']['output'];
  joined: Array<Participant>;
  leftProfileIds: Array<Scalars['ID']['output']>;
  listenerCount: Scalars['Int']['output'];
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

/** What a client needs to connect to the room's audio on the media server. */
export type AudioAccess = {
  __typename: 'AudioAccess';
  canPublish: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  serverUrl: Scalars['String']['output'];
  token: Scalars['String']['output'];
};

export type ChatMessage = Node & {
  __typename: 'ChatMessage';
  author: Profile;
  createdAt: Scalars['DateTime']['output'];
  deleted: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Profiles mentioned with @ in the text, resolved when it was sent. */
  mentions: Array<Profile>;
  room: Room;
  /** Empty once a moderator deleted the message. */
  text: Scalars['String']['output'];
};

export type ChatMessageConnection = {
  __typename: 'ChatMessageConnection';
  edges: Array<ChatMessageEdge>;
  pageInfo: PageInfo;
};

export type ChatMessageEdge = {
  __typename: 'ChatMessageEdge';
  cursor: Scalars['String']['output'];
  node: ChatMessage;
};

export type ChatMode =
  /** No one writes; history stays readable. */
  | 'OFF'
  /** Anyone in the room may write. */
  | 'OPEN'
  /** Anyone may write, at most one message per chatSlowModeSeconds. */
  | 'SLOW'
  /** Only the stage (host, moderators, speakers) may write; everyone reads. */
  | 'STAGE_ONLY';

/** What happened in the room's conversation since the viewer's previous tick. A subscriber gets at most one tick per tick interval (a second by default), and none when nothing happened. */
export type ConversationTick = {
  __typename: 'ConversationTick';
  at: Scalars['DateTime']['output'];
  /** Messages a moderator deleted in this interval. */
  deletedMessageIds: Array<Scalars['ID']['output']>;
  /** New chat messages, oldest first. */
  messages: Array<ChatMessage>;
  /** Questions whose upvote count changed in this interval, with the new count. */
  questionVotes: Array<QuestionVotes>;
  /** Reactions of this interval by kind; kinds nobody used are left out. */
  reactions: Array<ReactionCount>;
  roomId: Scalars['ID']['output'];
  /** Messages of this interval that were not sent to this viewer: in a large room listeners receive a sample of listeners' messages. Messages from the stage and moderators, the viewer's own, and those that mention the viewer are never left out. */
  sampledOut: Scalars['Int']['output'];
};

export type CreateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** How people become members; OPEN when omitted (what every group was before join policies). */
  joinPolicy?: InputMaybe<GroupJoinPolicy>;
  name: Scalars['String']['input'];
};

export type CreateRoomInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** Profiles that may join a PRIVATE room. */
  inviteeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  maxSpeakers?: InputMaybe<Scalars['Int']['input']>;
  /** A room with a time in the future is SCHEDULED; without one it goes LIVE at once. */
  scheduledFor?: InputMaybe<Scalars['DateTime']['input']>;
  title: Scalars['String']['input'];
  /** Topic slugs. */
  topics?: Array<Scalars['String']['input']>;
  visibility?: RoomVisibility;
};

/** A chat message as it was when a report was filed. */
export type EvidenceChatMessage = {
  __typename: 'EvidenceChatMessage';
  /** When it was sent. */
  at: Scalars['DateTime']['output'];
  /** The message's author (authorId), by name; null once the profile is gone. */
  author: Maybe<Profile>;
  authorId: Scalars['ID']['output'];
  /** True when the message had been deleted before the report (readers saw it with empty text; its text is kept here for staff). */
  deleted: Scalars['Boolean']['output'];
  messageId: Scalars['ID']['output'];
  /** True for the message the report is about. */
  reported: Scalars['Boolean']['output'];
  /** The text as written, also when the message had been deleted before the report. */
  text: Scalars['String']['output'];
};

export type EvidenceEvent = {
  __typename: 'EvidenceEvent';
  at: Scalars['DateTime']['output'];
  /** The profile the event is about (profileId), by name; null when none. */
  profile: Maybe<Profile>;
  /** The profile the event is about, when it is about one. */
  profileId: Maybe<Scalars['ID']['output']>;
  /** The event's GraphQL type name, e.g. HandRaised. */
  type: Scalars['String']['output'];
  /** The event's room version. */
  version: Scalars['Int']['output'];
};

export type EvidenceParticipant = {
  __typename: 'EvidenceParticipant';
  displayName: Scalars['String']['output'];
  muted: Scalars['Boolean']['output'];
  profileId: Scalars['ID']['output'];
  role: ParticipantRole;
};

export type FeedMode =
  /** Not based on profiling: rooms of the viewer's groups and of those they follow by start time, then the most popular public rooms. */
  | 'NOT_PERSONALISED'
  /** Ranked for the viewer's professional interests by the model. */
  | 'PERSONALISED';

export type FollowNotifications =
  /** Scheduled rooms, their changes, and going live. */
  | 'ALL'
  /** Only when a room goes live. */
  | 'LIVE_ONLY'
  | 'OFF';

export type Group = Node & {
  __typename: 'Group';
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** How a signed-in viewer becomes a member. */
  joinPolicy: GroupJoinPolicy;
  /** Pending join requests, oldest first. FORBIDDEN to anyone but the group's admins. */
  joinRequests: GroupJoinRequestConnection;
  memberCount: Scalars['Int']['output'];
  /** Members in join order. FORBIDDEN to anyone but members (and trust and safety staff). */
  members: ProfileConnection;
  name: Scalars['String']['output'];
  /** Rooms in the group the viewer may see (GROUP rooms for members only), newest first (at most 100). */
  rooms: Array<Room>;
  /** Whether one of the group's admins invited the viewer (joinGroup then admits at once). */
  viewerIsInvited: Scalars['Boolean']['output'];
  viewerIsMember: Scalars['Boolean']['output'];
  /** The viewer's latest request to join (PENDING, APPROVED or DECLINED); null when they never asked. */
  viewerJoinRequest: Maybe<GroupJoinRequest>;
  /** The viewer's role in the group; null when not a member. */
  viewerMembership: Maybe<GroupMembership>;
};


export type GroupJoinRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type GroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type GroupRoomsArgs = {
  status?: InputMaybe<RoomStatus>;
};

export type GroupConnection = {
  __typename: 'GroupConnection';
  edges: Array<GroupEdge>;
  pageInfo: PageInfo;
};

export type GroupEdge = {
  __typename: 'GroupEdge';
  cursor: Scalars['String']['output'];
  node: Group;
};

export type GroupJoinPolicy =
  /** People ask to join (requestToJoinGroup); one of the group's admins approves or declines. An admin's invitation admits at once. */
  | 'BY_REQUEST'
  /** Anyone signed in may join at once. */
  | 'OPEN';

/** A request to join a BY_REQUEST group, seen by its author and the group's admins. */
export type GroupJoinRequest = {
  __typename: 'GroupJoinRequest';
  /** When an admin approved or declined it; null while PENDING. */
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  group: Group;
  id: Scalars['ID']['output'];
  /** Who asked to join. */
  profile: Profile;
  requestedAt: Scalars['DateTime']['output'];
  status: GroupJoinRequestStatus;
};

export type GroupJoinRequestConnection = {
  __typename: 'GroupJoinRequestConnection';
  edges: Array<GroupJoinRequestEdge>;
  pageInfo: PageInfo;
};

export type GroupJoinRequestEdge = {
  __typename: 'GroupJoinRequestEdge';
  cursor: Scalars['String']['output'];
  node: GroupJoinRequest;
};

export type GroupJoinRequestStatus =
  | 'APPROVED'
  | 'DECLINED'
  | 'PENDING';

/** The viewer's membership of a group. */
export type GroupMembership = {
  __typename: 'GroupMembership';
  joinedAt: Scalars['DateTime']['output'];
  role: GroupRole;
};

export type GroupRole =
  /** A member who also decides join requests and invites people. The group's creator is its first admin. */
  | 'ADMIN'
  /** A member: sees the members and the GROUP rooms, may start rooms in the group. */
  | 'MEMBER';

export type HandLowered = RoomEvent & {
  __typename: 'HandLowered';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type HandRaised = RoomEvent & {
  __typename: 'HandRaised';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type HiddenKind =
  | 'HOST'
  | 'ROOM'
  | 'TOPIC';

/** Something the viewer asked not to be recommended. */
export type HiddenRecommendation = {
  __typename: 'HiddenRecommendation';
  createdAt: Scalars['DateTime']['output'];
  /** Pass as viewerHiddenRecommendations(after:) to continue after this item. */
  cursor: Scalars['String']['output'];
  /** The hidden host (kind HOST). */
  host: Maybe<Profile>;
  kind: HiddenKind;
  /** The hidden room (kind ROOM), while the viewer may still see it. */
  room: Maybe<Room>;
  /** The hidden topic (kind TOPIC). */
  topic: Maybe<Topic>;
};

export type HideRecommendationInput = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
  /** Exactly one of roomId, hostId, topicSlug. */
  roomId?: InputMaybe<Scalars['ID']['input']>;
  topicSlug?: InputMaybe<Scalars['String']['input']>;
};

/** One group of listeners. Groups of fewer than minimumGroupSize distinct listeners are folded into the label 'Other'. */
export type InsightGroup = {
  __typename: 'InsightGroup';
  label: Scalars['String']['output'];
  listeners: Scalars['Int']['output'];
  /** Share of the room's distinct listeners, 0–1. */
  share: Scalars['Float']['output'];
};

export type InsightPoint = {
  __typename: 'InsightPoint';
  /** Start of the window. */
  at: Scalars['DateTime']['output'];
  listeners: Scalars['Int']['output'];
};

export type JoinRoomPayload = {
  __typename: 'JoinRoomPayload';
  audio: AudioAccess;
  participant: Participant;
};

export type ModerationAction =
  | 'DISMISS'
  | 'REMOVE_FROM_ROOM'
  | 'SUSPEND'
  | 'WARN';

export type ModerationAppeal = Node & {
  __typename: 'ModerationAppeal';
  createdAt: Scalars['DateTime']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  /** Staff's answer to the appeal. */
  decisionNote: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  statement: Scalars['String']['output'];
  status: AppealStatus;
};

export type ModerationLogConnection = {
  __typename: 'ModerationLogConnection';
  edges: Array<ModerationLogEntryEdge>;
  pageInfo: PageInfo;
};

/** One entry of the audit log: every moderation action, automatic or by staff. */
export type ModerationLogEntry = Node & {
  __typename: 'ModerationLogEntry';
  action: Scalars['String']['output'];
  /** Who acted; null for an automatic action. */
  actor: Maybe<Profile>;
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  reportIds: Array<Scalars['ID']['output']>;
  room: Maybe<Room>;
  subject: Maybe<Profile>;
};

export type ModerationLogEntryEdge = {
  __typename: 'ModerationLogEntryEdge';
  cursor: Scalars['String']['output'];
  node: ModerationLogEntry;
};

/** A decision that affects the viewer: a warning, a removal, a suspension, or an automatic mute pending review. */
export type ModerationNotice = Node & {
  __typename: 'ModerationNotice';
  action: ModerationNoticeAction;
  appeal: Maybe<ModerationAppeal>;
  /** The policy category the decision is based on. */
  category: ReportCategory;
  createdAt: Scalars['DateTime']['output'];
  /** Set while the decision is in force and has an end; null when it has none or is over. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The statement of reasons, in plain words. */
  reason: Scalars['String']['output'];
  room: Maybe<Room>;
  /** Who the decision is about: the viewer on their own notices; on staff pages, the person who may appeal. Null once the profile is gone. */
  subject: Maybe<Profile>;
};

export type ModerationNoticeAction =
  | 'AUTO_MUTED_PENDING_REVIEW'
  | 'REMOVED_FROM_ROOM'
  | 'SUSPENDED'
  | 'WARNED';

export type ModerationNoticeConnection = {
  __typename: 'ModerationNoticeConnection';
  edges: Array<ModerationNoticeEdge>;
  pageInfo: PageInfo;
};

export type ModerationNoticeEdge = {
  __typename: 'ModerationNoticeEdge';
  cursor: Scalars['String']['output'];
  node: ModerationNotice;
};

export type Mutation = {
  __typename: 'Mutation';
  acceptStageInvite: Participant;
  /** Host and moderators: the question is being answered now (the previous ANSWERING one becomes ANSWERED). With inviteAsker, its asker is invited to the stage and must still accept. */
  answerQuestion: Question;
  /** Appeal a decision that affects the viewer; one appeal per notice. Allowed while suspended. */
  appealModerationDecision: ModerationNotice;
  /** Group admins only: approves a pending join request, and its author becomes a member. CONFLICT for a declined request. */
  approveGroupJoinRequest: GroupJoinRequest;
  /** Ask the stage a question; PENDING in a room that screens questions, else OPEN. */
  askQuestion: Question;
  /** The viewer blocks a profile: it cannot join rooms the viewer hosts, and their rooms leave the viewer's lists. */
  block: Profile;
  /** Host only: a SCHEDULED room is cancelled (it becomes ENDED and never starts). */
  cancelRoom: Room;
  /** Creates a group; the viewer becomes its first member and admin. */
  createGroup: Group;
  createRoom: Room;
  /** Group admins only: declines a pending join request (its author may ask again). CONFLICT for an approved request. */
  declineGroupJoinRequest: GroupJoinRequest;
  declineStageInvite: Participant;
  /** Host and moderators (and the author, for their own message). */
  deleteChatMessage: ChatMessage;
  /** Host and moderators: take down a listener's raised hand (and its question). */
  dismissHand: Participant;
  /** Host and moderators; the host also after the room ended. */
  dismissQuestion: Question;
  /** Host only: everyone is disconnected and the room is ENDED. */
  endRoom: Room;
  follow: Profile;
  /** Not interested: the room, every room of the host, or every room with the topic leaves the viewer's recommendations for good, in both feed modes, until unhidden. */
  hideRecommendation: HiddenRecommendation;
  /** Group admins only: invites a profile, who may then join at once (joinGroup) whatever the policy; someone who had asked to join becomes a member now. */
  inviteToGroup: Group;
  /** Host and moderators: invite a participant onto the stage. */
  inviteToStage: Participant;
  /** Joins an OPEN group, or a BY_REQUEST group the viewer was invited to (joining again changes nothing). A BY_REQUEST group without an invitation is FORBIDDEN: ask with requestToJoinGroup. */
  joinGroup: Group;
  joinRoom: JoinRoomPayload;
  /** Leaves a group (again changes nothing); its GROUP rooms are no longer visible. When the last admin leaves, the longest-standing member becomes admin. */
  leaveGroup: Group;
  leaveRoom: Room;
  lowerHand: Participant;
  /** Marks the viewer's notifications up to and including this one as read; returns how many changed. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Host and moderators. */
  markQuestionAnswered: Question;
  /** Host and moderators: the duplicates become CLOSED and merged into intoId; votes and askers move over. */
  mergeQuestions: Question;
  /** Host and moderators move anyone but the host; a speaker may move themself. */
  moveToAudience: Participant;
  /** Host and moderators: mute a participant's microphone. */
  muteParticipant: Participant;
  /** Request to speak, optionally with the question to ask. */
  raiseHand: Participant;
  /** Counted into the room's next tick; a person's reactions beyond the server's rate are dropped, not refused. True when counted; false when dropped (over REACTIONS_PER_10S), which is no error. */
  react: Scalars['Boolean']['output'];
  /** Fresh audio access after the viewer's role changed. */
  refreshAudioAccess: AudioAccess;
  /** Host and moderators: remove a participant; a banned one cannot join again. */
  removeParticipant: Room;
  removeQuestionUpvote: Question;
  reportAbuse: Report;
  /** Asks to join: files a PENDING request (see viewerJoinRequest) for the admins of a BY_REQUEST group; asking again while one is pending changes nothing. An OPEN group, or one the viewer was invited to, is joined at once. */
  requestToJoinGroup: Group;
  /** Host only: move a SCHEDULED room to another future time; reminders follow it. */
  rescheduleRoom: Room;
  /** Staff only. */
  resolveAppeal: ModerationNotice;
  /** Trust and safety staff only. */
  resolveReport: Report;
  /** A new feed URL; the old one stops working at once. */
  rotateCalendarFeed: Scalars['String']['output'];
  /** Host and moderators: a PENDING question becomes OPEN (approve) or CLOSED. */
  screenQuestion: Question;
  /** 1–1000 characters once trimmed; screened; follows the room's chat mode and the sender's rate. */
  sendChatMessage: ChatMessage;
  /** The viewer's feed mode from now on, until changed. */
  setFeedMode: FeedMode;
  /** The viewer must follow profileId. */
  setFollowNotifications: Profile;
  /** Host only. Appoints a speaker or revokes a moderator; a listener must accept a stage invitation first. */
  setModerator: Participant;
  /** Ask (or stop asking) to be reminded of a SCHEDULED or LIVE room the viewer may join. */
  setRoomReminder: Room;
  /** Host only: a SCHEDULED room goes LIVE. */
  startRoom: Room;
  unblock: Profile;
  unfollow: Profile;
  /** Undoes hideRecommendation; true when the item was hidden, false when it was not. */
  unhideRecommendation: Scalars['Boolean']['output'];
  /** A participant on stage unmutes their own microphone. */
  unmuteSelf: Participant;
  /** Host and moderators. */
  updateRoomConversation: Room;
  updateViewerProfile: Profile;
  /** Idempotent: one vote per profile per question. Not on PENDING or CLOSED questions. */
  upvoteQuestion: Question;
  /** The asker withdraws their own question (it becomes CLOSED). */
  withdrawQuestion: Question;
};


export type MutationAcceptStageInviteArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationAnswerQuestionArgs = {
  inviteAsker?: InputMaybe<Scalars['Boolean']['input']>;
  questionId: Scalars['ID']['input'];
};


export type MutationAppealModerationDecisionArgs = {
  input: AppealInput;
};


export type MutationApproveGroupJoinRequestArgs = {
  requestId: Scalars['ID']['input'];
};


export type MutationAskQuestionArgs = {
  input: AskQuestionInput;
};


export type MutationBlockArgs = {
  profileId: Scalars['ID']['input'];
};


export type MutationCancelRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateRoomArgs = {
  input: CreateRoomInput;
};


export type MutationDeclineGroupJoinRequestArgs = {
  requestId: Scalars['ID']['input'];
};


export type MutationDeclineStageInviteArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationDeleteChatMessageArgs = {
  messageId: Scalars['ID']['input'];
};


export type MutationDismissHandArgs = {
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationDismissQuestionArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationEndRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationFollowArgs = {
  profileId: Scalars['ID']['input'];
};


export type MutationHideRecommendationArgs = {
  input: HideRecommendationInput;
};


export type MutationInviteToGroupArgs = {
  groupId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
};


export type MutationInviteToStageArgs = {
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationJoinGroupArgs = {
  groupId: Scalars['ID']['input'];
};


export type MutationJoinRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationLeaveGroupArgs = {
  groupId: Scalars['ID']['input'];
};


export type MutationLeaveRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationLowerHandArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationMarkNotificationsReadArgs = {
  upToId: Scalars['ID']['input'];
};


export type MutationMarkQuestionAnsweredArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationMergeQuestionsArgs = {
  intoId: Scalars['ID']['input'];
  questionIds: Array<Scalars['ID']['input']>;
};


export type MutationMoveToAudienceArgs = {
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationMuteParticipantArgs = {
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationRaiseHandArgs = {
  question?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};


export type MutationReactArgs = {
  reaction: Reaction;
  roomId: Scalars['ID']['input'];
};


export type MutationRefreshAudioAccessArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationRemoveParticipantArgs = {
  ban?: InputMaybe<Scalars['Boolean']['input']>;
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationRemoveQuestionUpvoteArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationReportAbuseArgs = {
  input: ReportAbuseInput;
};


export type MutationRequestToJoinGroupArgs = {
  groupId: Scalars['ID']['input'];
};


export type MutationRescheduleRoomArgs = {
  roomId: Scalars['ID']['input'];
  scheduledFor: Scalars['DateTime']['input'];
};


export type MutationResolveAppealArgs = {
  input: ResolveAppealInput;
};


export type MutationResolveReportArgs = {
  input: ResolveReportInput;
};


export type MutationScreenQuestionArgs = {
  approve: Scalars['Boolean']['input'];
  questionId: Scalars['ID']['input'];
};


export type MutationSendChatMessageArgs = {
  roomId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationSetFeedModeArgs = {
  mode: FeedMode;
};


export type MutationSetFollowNotificationsArgs = {
  level: FollowNotifications;
  profileId: Scalars['ID']['input'];
};


export type MutationSetModeratorArgs = {
  moderator: Scalars['Boolean']['input'];
  profileId: Scalars['ID']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationSetRoomReminderArgs = {
  remind: Scalars['Boolean']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationStartRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationUnblockArgs = {
  profileId: Scalars['ID']['input'];
};


export type MutationUnfollowArgs = {
  profileId: Scalars['ID']['input'];
};


export type MutationUnhideRecommendationArgs = {
  input: HideRecommendationInput;
};


export type MutationUnmuteSelfArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationUpdateRoomConversationArgs = {
  input: UpdateRoomConversationInput;
};


export type MutationUpdateViewerProfileArgs = {
  input: UpdateProfileInput;
};


export type MutationUpvoteQuestionArgs = {
  questionId: Scalars['ID']['input'];
};


export type MutationWithdrawQuestionArgs = {
  questionId: Scalars['ID']['input'];
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type Notification = Node & {
  __typename: 'Notification';
  /** Who caused it (the host who went live, the inviter); null for the system. */
  actor: Maybe<Profile>;
  /** Notifications this one stands for (1 unless kind is DIGEST). */
  count: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  readAt: Maybe<Scalars['DateTime']['output']>;
  room: Maybe<Room>;
};

export type NotificationConnection = {
  __typename: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
  /** The viewer's unread notifications (all of them, not only this page's). */
  unreadCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  __typename: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type NotificationKind =
  /**
   * Several notifications folded into one: a host's go-live notifications beyond the daily budget,
   * or a burst of the same kind. count says how many.
   */
  | 'DIGEST'
  /** A room the viewer asked to be reminded of was cancelled. */
  | 'ROOM_CANCELLED'
  /** The viewer was invited to a PRIVATE room. */
  | 'ROOM_INVITATION'
  /** A room went live: one the viewer asked to be reminded of, or one hosted by someone they follow. */
  | 'ROOM_LIVE'
  /** A room the viewer asked to be reminded of moved to another time. */
  | 'ROOM_RESCHEDULED'
  /** Someone followed by the viewer scheduled a room (FollowNotifications ALL). */
  | 'ROOM_SCHEDULED'
  /** A room the viewer asked to be reminded of starts soon. */
  | 'ROOM_STARTING_SOON';

export type PageInfo = {
  __typename: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page was asked for with `after` and items come before it. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Participant = Node & {
  __typename: 'Participant';
  /** True while the participant's audio connection to the media server is up. */
  connected: Scalars['Boolean']['output'];
  /** What the participant wants to ask or say, given with the raised hand; host and moderators see it. */
  handRaiseQuestion: Maybe<Scalars['String']['output']>;
  handRaisedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Set while a moderator's invitation to the stage waits for an answer. */
  invitedToStageAt: Maybe<Scalars['DateTime']['output']>;
  joinedAt: Scalars['DateTime']['output'];
  muted: Scalars['Boolean']['output'];
  profile: Profile;
  role: ParticipantRole;
  room: Room;
};

export type ParticipantConnection = {
  __typename: 'ParticipantConnection';
  edges: Array<ParticipantEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A participant on stage connected to or dropped off the room's audio (media server). Listeners' connections are not room events. */
export type ParticipantConnectionChanged = RoomEvent & {
  __typename: 'ParticipantConnectionChanged';
  at: Scalars['DateTime']['output'];
  connected: Scalars['Boolean']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type ParticipantEdge = {
  __typename: 'ParticipantEdge';
  cursor: Scalars['String']['output'];
  node: Participant;
};

export type ParticipantJoined = RoomEvent & {
  __typename: 'ParticipantJoined';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type ParticipantLeft = RoomEvent & {
  __typename: 'ParticipantLeft';
  at: Scalars['DateTime']['output'];
  previousVersion: Scalars['Int']['output'];
  profileId: Scalars['ID']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type ParticipantMuted = RoomEvent & {
  __typename: 'ParticipantMuted';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type ParticipantRemoved = RoomEvent & {
  __typename: 'ParticipantRemoved';
  at: Scalars['DateTime']['output'];
  banned: Scalars['Boolean']['output'];
  previousVersion: Scalars['Int']['output'];
  profileId: Scalars['ID']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type ParticipantRole =
  | 'HOST'
  | 'LISTENER'
  | 'MODERATOR'
  | 'SPEAKER';

/** A speaker unmuted themself. */
export type ParticipantUnmuted = RoomEvent & {
  __typename: 'ParticipantUnmuted';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type PinnedLink = {
  __typename: 'PinnedLink';
  pinnedAt: Scalars['DateTime']['output'];
  pinnedBy: Profile;
  title: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type PinnedLinkInput = {
  title?: InputMaybe<Scalars['String']['input']>;
  /** An http or https URL. */
  url: Scalars['String']['input'];
};

export type Profile = Node & {
  __typename: 'Profile';
  avatarUrl: Maybe<Scalars['String']['output']>;
  company: Maybe<Scalars['String']['output']>;
  displayName: Scalars['String']['output'];
  followerCount: Scalars['Int']['output'];
  followingCount: Scalars['Int']['output'];
  /** e.g. 'Staff Engineer at Acme' */
  headline: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Industry name from the taxonomy. */
  industry: Maybe<Scalars['String']['output']>;
  interests: Array<Topic>;
  seniority: Maybe<Seniority>;
  skills: Array<Scalars['String']['output']>;
  /** True when the viewer has blocked this profile. */
  viewerBlocks: Scalars['Boolean']['output'];
  viewerFollows: Scalars['Boolean']['output'];
  /** The viewer's notification level for this profile; null unless the viewer follows it. */
  viewerNotifications: Maybe<FollowNotifications>;
};

export type ProfileConnection = {
  __typename: 'ProfileConnection';
  edges: Array<ProfileEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProfileEdge = {
  __typename: 'ProfileEdge';
  cursor: Scalars['String']['output'];
  node: Profile;
};

export type Query = {
  __typename: 'Query';
  /** Any group, by id: its name, description, policy and member count. Members and GROUP rooms are for members only. */
  group: Maybe<Group>;
  /** The group directory: OPEN and BY_REQUEST groups by name (case-insensitive A to Z), optionally those whose name contains every word of `search` (at most 80 characters). One SQL statement per page. */
  groups: GroupConnection;
  /** Staff only: notices with an OPEN appeal, oldest first. */
  moderationAppeals: AppealConnection;
  /** Staff only: every moderation action, newest first. */
  moderationLog: ModerationLogConnection;
  /** Trust and safety staff only. */
  moderationQueue: ReportConnection;
  node: Maybe<Node>;
  profile: Maybe<Profile>;
  /** How recommendations are made; readable without signing in. */
  rankingTransparency: RankingTransparency;
  /** Live and upcoming rooms the viewer may join, best first for the viewer's professional interests (or, in NOT_PERSONALISED mode, without profiling). */
  recommendedRooms: RoomRecommendations;
  room: Maybe<Room>;
  /** Rooms the viewer may see, newest first. */
  rooms: RoomConnection;
  /** People whose display name or headline contains every word of the query (2 to 100 characters, case-insensitive), by display name. Profiles the viewer blocked or that blocked the viewer are left out. Counts against RATE_LIMIT_EXPENSIVE_READS. */
  searchProfiles: ProfileConnection;
  topics: Array<Topic>;
  viewer: Maybe<Profile>;
  /** A private iCalendar feed URL of the rooms the viewer asked to be reminded of and, at level ALL, the scheduled rooms of those they follow. Anyone with the URL can read it: rotate it with rotateCalendarFeed. */
  viewerCalendarFeedUrl: Scalars['String']['output'];
  /** The viewer's chosen feed mode (PERSONALISED until they choose). */
  viewerFeedMode: FeedMode;
  /** Groups the viewer belongs to, most recently joined first. */
  viewerGroups: GroupConnection;
  /** What the viewer asked not to be recommended, newest first. */
  viewerHiddenRecommendations: Array<HiddenRecommendation>;
  /** Whether the viewer holds the trust_safety role in the server's staff record (false when signed out). A token's `roles` claim grants nothing; a token issued for longer than the staff token lifetime carries no staff rights. */
  viewerIsStaff: Scalars['Boolean']['output'];
  /** The viewer's own moderation notices, newest first; readable even while suspended. */
  viewerModerationNotices: ModerationNoticeConnection;
  /** The viewer's notifications, newest first. */
  viewerNotifications: NotificationConnection;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryModerationAppealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryModerationLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryModerationQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReportStatus>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProfileArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRecommendedRoomsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRoomArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoomsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RoomFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchProfilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryViewerGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryViewerHiddenRecommendationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryViewerModerationNoticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryViewerNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A question for the stage. A raised hand with a question is a Question too: the host works one queue. Host and moderators see every question and its asker; everyone else sees OPEN, ANSWERING and ANSWERED questions, and their own in any status. */
export type Question = Node & {
  __typename: 'Question';
  anonymous: Scalars['Boolean']['output'];
  answeredAt: Maybe<Scalars['DateTime']['output']>;
  /** True while the asker has a raised hand to ask it in person on stage. */
  askInPerson: Scalars['Boolean']['output'];
  /** Null for everyone but host, moderators and the asker when the asker chose to stay anonymous. */
  asker: Maybe<Profile>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Set on a question that was merged into another. */
  mergedInto: Maybe<Question>;
  /** Duplicates a moderator merged into this question; their votes and askers count here. */
  mergedQuestions: Array<Question>;
  room: Room;
  status: QuestionStatus;
  text: Scalars['String']['output'];
  /** Distinct profiles who upvoted this question or a question merged into it. */
  upvoteCount: Scalars['Int']['output'];
  viewerHasUpvoted: Scalars['Boolean']['output'];
};

/** A question was asked, screened, answered, closed or merged, or its asker raised or lowered a hand to ask it in person. */
export type QuestionChanged = RoomEvent & {
  __typename: 'QuestionChanged';
  at: Scalars['DateTime']['output'];
  previousVersion: Scalars['Int']['output'];
  /** Null for a viewer who may not see the question (a PENDING question of someone else, for a listener). */
  question: Maybe<Question>;
  /** The question's id, also when `question` is null for this viewer: a client drops a question it may no longer see (dismissed, or refused in screening) without reading the list again. */
  questionId: Scalars['ID']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type QuestionConnection = {
  __typename: 'QuestionConnection';
  edges: Array<QuestionEdge>;
  pageInfo: PageInfo;
  /** Questions in the whole list (every page), as the viewer may see them. */
  totalCount: Scalars['Int']['output'];
};

export type QuestionEdge = {
  __typename: 'QuestionEdge';
  cursor: Scalars['String']['output'];
  node: Question;
};

export type QuestionOrder =
  | 'NEWEST'
  /** Most upvotes first; ties oldest first. */
  | 'TOP';

export type QuestionStatus =
  | 'ANSWERED'
  /** Being answered now: at most one question per room at a time. */
  | 'ANSWERING'
  /** Dismissed by a moderator, withdrawn by the asker, or merged into another question. */
  | 'CLOSED'
  /** Visible to the room and open to votes. */
  | 'OPEN'
  /** Waiting for screening (rooms with screensQuestions): seen only by host, moderators and the asker. */
  | 'PENDING';

export type QuestionVotes = {
  __typename: 'QuestionVotes';
  questionId: Scalars['ID']['output'];
  upvoteCount: Scalars['Int']['output'];
};

/** One main parameter of the recommender, in plain words. */
export type RankingParameter = {
  __typename: 'RankingParameter';
  description: Scalars['String']['output'];
  /** Relative importance in the served model, 0–1; the parameters' importances add up to 1. */
  importance: Scalars['Float']['output'];
  name: Scalars['String']['output'];
};

/** What decides the order of recommendedRooms, and what the viewer can change. */
export type RankingTransparency = {
  __typename: 'RankingTransparency';
  /** Why the parameters weigh as they do, in plain words. */
  explanation: Scalars['String']['output'];
  modelVersion: Scalars['String']['output'];
  options: Array<FeedMode>;
  parameters: Array<RankingParameter>;
};

export type Reaction =
  | 'CLAP'
  | 'HEART'
  | 'INSIGHTFUL'
  | 'LAUGH'
  | 'PLUS_ONE';

export type ReactionCount = {
  __typename: 'ReactionCount';
  count: Scalars['Int']['output'];
  reaction: Reaction;
};

export type Report = Node & {
  __typename: 'Report';
  action: Maybe<ModerationAction>;
  category: ReportCategory;
  createdAt: Scalars['DateTime']['output'];
  details: Maybe<Scalars['String']['output']>;
  /** Staff: distinct reporters of the same profile in the same room, this report included. Anyone else: 1 for their own report, else 0. */
  distinctReporters: Scalars['Int']['output'];
  /** Staff only; null for everyone else. */
  evidence: Maybe<ReportEvidence>;
  id: Scalars['ID']['output'];
  /** The person reported (a question's asker, a chat message's author); null for a report on the room, and for anyone but staff when the report is on an anonymous question. */
  reportedProfile: Maybe<Profile>;
  /** Why staff decided as they did: shown to the reported person with the decision. */
  resolutionNote: Maybe<Scalars['String']['output']>;
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  room: Room;
  status: ReportStatus;
};

export type ReportAbuseInput = {
  category: ReportCategory;
  /** Report a chat message: its text and the messages around it are kept as evidence. The report names the message's author; give neither profileId nor questionId with it. A message the viewer may not read (READ_CHAT) is NOT_FOUND, as an unknown id; a deleted message is still reportable, its text kept for staff. */
  chatMessageId?: InputMaybe<Scalars['ID']['input']>;
  details?: InputMaybe<Scalars['String']['input']>;
  /** The participant reported; none when the report is about the room itself. */
  profileId?: InputMaybe<Scalars['ID']['input']>;
  /** Report a question: its text is kept as evidence. The report names the question's asker (whom only staff see when the question is anonymous); give no profileId with it. A question the viewer may not see is NOT_FOUND, as an unknown id. */
  questionId?: InputMaybe<Scalars['ID']['input']>;
  roomId: Scalars['ID']['input'];
};

export type ReportCategory =
  | 'HARASSMENT'
  | 'HATE_SPEECH'
  | 'IMPERSONATION'
  | 'OTHER'
  | 'SEXUAL_CONTENT'
  | 'SPAM'
  | 'VIOLENCE';

export type ReportConnection = {
  __typename: 'ReportConnection';
  edges: Array<ReportEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReportEdge = {
  __typename: 'ReportEdge';
  cursor: Scalars['String']['output'];
  node: Report;
};

/** What the room looked like when a report was filed, kept with the report for review. */
export type ReportEvidence = {
  __typename: 'ReportEvidence';
  capturedAt: Scalars['DateTime']['output'];
  /** The reported message with up to 10 messages before and after it, oldest first, as they were when reported; empty for any other report. */
  chatContext: Array<EvidenceChatMessage>;
  /** The reported question's text when reported; null for a report on a person or a room. */
  questionText: Maybe<Scalars['String']['output']>;
  recentEvents: Array<EvidenceEvent>;
  reportedHandQuestion: Maybe<Scalars['String']['output']>;
  reportedJoinedAt: Maybe<Scalars['DateTime']['output']>;
  reportedRole: Maybe<ParticipantRole>;
  reporterRole: Maybe<ParticipantRole>;
  roomTitle: Scalars['String']['output'];
  /** The room's version when the report was filed. */
  roomVersion: Scalars['Int']['output'];
  stage: Array<EvidenceParticipant>;
};

export type ReportStatus =
  | 'ACTIONED'
  | 'DISMISSED'
  | 'OPEN';

export type ResolveAppealInput = {
  note: Scalars['String']['input'];
  noticeId: Scalars['ID']['input'];
  /** true keeps the decision, false reverses it (a reversed suspension ends at once). */
  upheld: Scalars['Boolean']['input'];
};

export type ResolveReportInput = {
  action: ModerationAction;
  note?: InputMaybe<Scalars['String']['input']>;
  reportId: Scalars['ID']['input'];
};

export type RoleChanged = RoomEvent & {
  __typename: 'RoleChanged';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousRole: ParticipantRole;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type Room = Node & {
  __typename: 'Room';
  /** Listeners, in the order they joined. */
  audience: ParticipantConnection;
  /** URL of this room as an iCalendar (RFC 5545) event, with a UID that never changes and a SEQUENCE that grows with every change of time, title or status (a cancelled room is STATUS:CANCELLED). Absolute; for a GROUP or PRIVATE room it is signed for the viewer, whose right to see the room is asked again at every fetch. */
  calendarUrl: Scalars['String']['output'];
  /** Chat history the viewer may see, newest first; deleted messages keep their place with empty text. */
  chatMessages: ChatMessageConnection;
  chatMode: ChatMode;
  /** Seconds between two messages of one person in SLOW mode. */
  chatSlowModeSeconds: Scalars['Int']['output'];
  description: Maybe<Scalars['String']['output']>;
  endedAt: Maybe<Scalars['DateTime']['output']>;
  group: Maybe<Group>;
  host: Profile;
  id: Scalars['ID']['output'];
  /** Host and moderators of the room; null for everyone else. */
  insights: Maybe<RoomInsights>;
  listenerCount: Scalars['Int']['output'];
  /** Most participants that may be on stage at once, host and moderators included. */
  maxSpeakers: Scalars['Int']['output'];
  participantCount: Scalars['Int']['output'];
  /** Links the host and moderators pinned, newest first (at most 5). */
  pinnedLinks: Array<PinnedLink>;
  /** The questions the viewer may see (see Question). status defaults to every status the viewer may see. */
  questions: QuestionConnection;
  /** Open requests to speak, oldest first. Host and moderators see them; others get an empty list. */
  raisedHands: Array<Participant>;
  /** Profiles who asked to be reminded of this room. */
  reminderCount: Scalars['Int']['output'];
  scheduledFor: Maybe<Scalars['DateTime']['output']>;
  /** Whether new questions wait for a moderator (PENDING) before the room sees them. */
  screensQuestions: Scalars['Boolean']['output'];
  /** Everyone on stage (host, moderators, speakers), in the order they came on stage. */
  stage: Array<Participant>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: RoomStatus;
  title: Scalars['String']['output'];
  topics: Array<Topic>;
  /** Version of the room's state: the version of the latest RoomEvent. */
  version: Scalars['Int']['output'];
  /** The viewer's own participation, while the viewer is in the room. */
  viewerParticipant: Maybe<Participant>;
  viewerWantsReminder: Scalars['Boolean']['output'];
  visibility: RoomVisibility;
};


export type RoomAudienceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomChatMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type RoomQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<QuestionOrder>;
  status?: InputMaybe<Array<QuestionStatus>>;
};

export type RoomConnection = {
  __typename: 'RoomConnection';
  edges: Array<RoomEdge>;
  pageInfo: PageInfo;
};

/** Chat mode, slow mode, question screening or pinned links changed. */
export type RoomConversationChanged = RoomEvent & {
  __typename: 'RoomConversationChanged';
  at: Scalars['DateTime']['output'];
  chatMode: ChatMode;
  chatSlowModeSeconds: Scalars['Int']['output'];
  pinnedLinks: Array<PinnedLink>;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  screensQuestions: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
};

export type RoomEdge = {
  __typename: 'RoomEdge';
  cursor: Scalars['String']['output'];
  node: Room;
};

/** One change to a room. version goes up with every event of the room; previousVersion is the version before this event. A client that last saw version V and receives an event whose previousVersion is not V has missed something and refetches the room. */
export type RoomEvent = {
  at: Scalars['DateTime']['output'];
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type RoomFilter = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** Words to find in the title or the host's display name (case-insensitive; every word must match; at most 100 characters). */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<RoomStatus>;
  /** Topic slug. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** Who listened, for the host and moderators, without ever revealing one person: figures refresh at most once per refresh window while the room is LIVE (never per join), and every group has at least minimumGroupSize distinct listeners. */
export type RoomInsights = {
  __typename: 'RoomInsights';
  byIndustry: Array<InsightGroup>;
  bySeniority: Array<InsightGroup>;
  chatMessages: Scalars['Int']['output'];
  /** The moment the figures describe: the end of the window they were computed for. */
  computedAt: Scalars['DateTime']['output'];
  /** Median seconds a listener stayed; null below minimumGroupSize listeners. */
  medianListenSeconds: Maybe<Scalars['Int']['output']>;
  /** k: the smallest group ever shown. */
  minimumGroupSize: Scalars['Int']['output'];
  /** When the figures may change next; null once the room has ENDED and they are final. */
  nextRefreshAt: Maybe<Scalars['DateTime']['output']>;
  peakListeners: Scalars['Int']['output'];
  questionsAnswered: Scalars['Int']['output'];
  questionsAsked: Scalars['Int']['output'];
  reactions: Array<ReactionCount>;
  /** Listeners per refresh window, oldest first. */
  timeline: Array<InsightPoint>;
  /** Distinct listeners so far (the host and stage excluded). */
  uniqueListeners: Scalars['Int']['output'];
};

export type RoomRecommendation = {
  __typename: 'RoomRecommendation';
  /** Why this room, for the viewer, e.g. 'Matches your skills: Kubernetes, Go'. */
  reasons: Array<Scalars['String']['output']>;
  room: Room;
  score: Scalars['Float']['output'];
};

export type RoomRecommendations = {
  __typename: 'RoomRecommendations';
  items: Array<RoomRecommendation>;
  /** The mode this list was made in. */
  mode: FeedMode;
  /** Identifies the ranking model that produced this list. */
  modelVersion: Scalars['String']['output'];
};

export type RoomStatus =
  | 'ENDED'
  | 'LIVE'
  | 'SCHEDULED';

export type RoomStatusChanged = RoomEvent & {
  __typename: 'RoomStatusChanged';
  at: Scalars['DateTime']['output'];
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  status: RoomStatus;
  version: Scalars['Int']['output'];
};

export type RoomVisibility =
  /** Only members of the room's group may find and join it. */
  | 'GROUP'
  /** Only the host's invitees (for example the members of a chat) may find and join it. */
  | 'PRIVATE'
  /** Anyone signed in may find and join it. */
  | 'PUBLIC';

export type Seniority =
  | 'DIRECTOR'
  | 'ENTRY'
  | 'EXECUTIVE'
  | 'LEAD'
  | 'MANAGER'
  | 'MID'
  | 'SENIOR';

export type StageInvitation = RoomEvent & {
  __typename: 'StageInvitation';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

/** The invited participant declined; their invitation is withdrawn. */
export type StageInvitationDeclined = RoomEvent & {
  __typename: 'StageInvitationDeclined';
  at: Scalars['DateTime']['output'];
  participant: Participant;
  previousVersion: Scalars['Int']['output'];
  roomId: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type Subscription = {
  __typename: 'Subscription';
  /** The room's conversation as ticks (see ConversationTick). Same access as roomEvents. */
  roomConversation: ConversationTick;
  /** Every change to one room, in version order. Only viewers who may join the room may subscribe. */
  roomEvents: RoomEvent;
  /** The viewer's moderation notices as they are created or change (an appeal decided); null-free: each is the notice as the viewer may read it now. */
  viewerModerationNoticeChanged: ModerationNotice;
  /** The viewer's new notifications, as they are created. */
  viewerNotificationAdded: Notification;
};


export type SubscriptionRoomConversationArgs = {
  roomId: Scalars['ID']['input'];
};


export type SubscriptionRoomEventsArgs = {
  roomId: Scalars['ID']['input'];
  sinceVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** A professional interest, e.g. slug 'machine-learning', name 'Machine Learning'. */
export type Topic = {
  __typename: 'Topic';
  /** Taxonomy category, e.g. "Data & AI". */
  category: Scalars['String']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type UpdateProfileInput = {
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  headline?: InputMaybe<Scalars['String']['input']>;
  /** Industry slug or name from the taxonomy. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Topic slugs. */
  interests?: InputMaybe<Array<Scalars['String']['input']>>;
  seniority?: InputMaybe<Seniority>;
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateRoomConversationInput = {
  chatMode?: InputMaybe<ChatMode>;
  /** 1–3600. */
  chatSlowModeSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the room's pinned links (at most 5). */
  pinnedLinks?: InputMaybe<Array<PinnedLinkInput>>;
  roomId: Scalars['ID']['input'];
  screensQuestions?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ProfileSummaryFragment = { __typename: 'Profile', id: string, displayName: string, headline: string | null };

export type ParticipantFieldsFragment = { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } };

export type RoomCardFieldsFragment = { __typename: 'Room', id: string, title: string, status: RoomStatus, visibility: RoomVisibility, scheduledFor: string | null, calendarUrl: string, startedAt: string | null, listenerCount: number, reminderCount: number, viewerWantsReminder: boolean, topics: Array<{ __typename: 'Topic', slug: string, name: string }>, host: { __typename: 'Profile', id: string, displayName: string, headline: string | null } };

export type AudioAccessFieldsFragment = { __typename: 'AudioAccess', serverUrl: string, token: string, expiresAt: string, canPublish: boolean };

export type ProfileFieldsFragment = { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewerIsStaff: boolean, viewer: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { __typename: 'Query', recommendedRooms: { __typename: 'RoomRecommendations', modelVersion: string, mode: FeedMode, items: Array<{ __typename: 'RoomRecommendation', score: number, reasons: Array<string>, room: { __typename: 'Room', id: string, title: string, status: RoomStatus, visibility: RoomVisibility, scheduledFor: string | null, calendarUrl: string, startedAt: string | null, listenerCount: number, reminderCount: number, viewerWantsReminder: boolean, topics: Array<{ __typename: 'Topic', slug: string, name: string }>, host: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } }> } };

export type RoomsQueryVariables = Exact<{
  filter?: InputMaybe<RoomFilter>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RoomsQuery = { __typename: 'Query', rooms: { __typename: 'RoomConnection', edges: Array<{ __typename: 'RoomEdge', cursor: string, node: { __typename: 'Room', id: string, title: string, status: RoomStatus, visibility: RoomVisibility, scheduledFor: string | null, calendarUrl: string, startedAt: string | null, listenerCount: number, reminderCount: number, viewerWantsReminder: boolean, topics: Array<{ __typename: 'Topic', slug: string, name: string }>, host: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type TopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type TopicsQuery = { __typename: 'Query', topics: Array<{ __typename: 'Topic', slug: string, name: string }> };

export type RoomQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  audienceFirst: Scalars['Int']['input'];
}>;


export type RoomQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, title: string, description: string | null, status: RoomStatus, visibility: RoomVisibility, scheduledFor: string | null, calendarUrl: string, startedAt: string | null, endedAt: string | null, maxSpeakers: number, version: number, listenerCount: number, screensQuestions: boolean, chatMode: ChatMode, chatSlowModeSeconds: number, pinnedLinks: Array<{ __typename: 'PinnedLink', url: string, title: string | null, pinnedAt: string, pinnedBy: { __typename: 'Profile', id: string, displayName: string } }>, topics: Array<{ __typename: 'Topic', slug: string, name: string }>, host: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, stage: Array<{ __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }>, audience: { __typename: 'ParticipantConnection', totalCount: number, edges: Array<{ __typename: 'ParticipantEdge', node: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } }, raisedHands: Array<{ __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }>, viewerParticipant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } | null } | null };

export type AudienceQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AudienceQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, audience: { __typename: 'ParticipantConnection', totalCount: number, edges: Array<{ __typename: 'ParticipantEdge', node: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type ProfilePageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProfilePageQuery = { __typename: 'Query', profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } | null };

export type UpdateViewerProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateViewerProfileMutation = { __typename: 'Mutation', updateViewerProfile: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type FollowMutationVariables = Exact<{
  profileId: Scalars['ID']['input'];
}>;


export type FollowMutation = { __typename: 'Mutation', follow: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type UnfollowMutationVariables = Exact<{
  profileId: Scalars['ID']['input'];
}>;


export type UnfollowMutation = { __typename: 'Mutation', unfollow: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type GroupStandingFieldsFragment = { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean, viewerIsInvited: boolean, viewerMembership: { __typename: 'GroupMembership', role: GroupRole } | null, viewerJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } | null };

export type GroupPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupPageQuery = { __typename: 'Query', group: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean, viewerIsInvited: boolean, rooms: Array<{ __typename: 'Room', id: string, title: string, status: RoomStatus, visibility: RoomVisibility, scheduledFor: string | null, calendarUrl: string, startedAt: string | null, listenerCount: number, reminderCount: number, viewerWantsReminder: boolean, topics: Array<{ __typename: 'Topic', slug: string, name: string }>, host: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }>, viewerMembership: { __typename: 'GroupMembership', role: GroupRole } | null, viewerJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } | null } | null };

export type GroupJoinRequestsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupJoinRequestsQuery = { __typename: 'Query', group: { __typename: 'Group', id: string, joinRequests: { __typename: 'GroupJoinRequestConnection', edges: Array<{ __typename: 'GroupJoinRequestEdge', node: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus, requestedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type GroupDirectoryQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupDirectoryQuery = { __typename: 'Query', groups: { __typename: 'GroupConnection', edges: Array<{ __typename: 'GroupEdge', node: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type RequestToJoinGroupMutationVariables = Exact<{
  groupId: Scalars['ID']['input'];
}>;


export type RequestToJoinGroupMutation = { __typename: 'Mutation', requestToJoinGroup: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean, viewerIsInvited: boolean, viewerMembership: { __typename: 'GroupMembership', role: GroupRole } | null, viewerJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } | null } };

export type ApproveGroupJoinRequestMutationVariables = Exact<{
  requestId: Scalars['ID']['input'];
}>;


export type ApproveGroupJoinRequestMutation = { __typename: 'Mutation', approveGroupJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus, group: { __typename: 'Group', id: string, memberCount: number } } };

export type DeclineGroupJoinRequestMutationVariables = Exact<{
  requestId: Scalars['ID']['input'];
}>;


export type DeclineGroupJoinRequestMutation = { __typename: 'Mutation', declineGroupJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } };

export type LeaveGroupMutationVariables = Exact<{
  groupId: Scalars['ID']['input'];
}>;


export type LeaveGroupMutation = { __typename: 'Mutation', leaveGroup: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean, viewerIsInvited: boolean, viewerMembership: { __typename: 'GroupMembership', role: GroupRole } | null, viewerJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } | null } };

export type InviteToGroupMutationVariables = Exact<{
  groupId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
}>;


export type InviteToGroupMutation = { __typename: 'Mutation', inviteToGroup: { __typename: 'Group', id: string, memberCount: number } };

export type ViewerGroupsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ViewerGroupsQuery = { __typename: 'Query', viewerGroups: { __typename: 'GroupConnection', edges: Array<{ __typename: 'GroupEdge', node: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type SearchProfilesQueryVariables = Exact<{
  query: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchProfilesQuery = { __typename: 'Query', searchProfiles: { __typename: 'ProfileConnection', totalCount: number, edges: Array<{ __typename: 'ProfileEdge', node: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupMutation = { __typename: 'Mutation', createGroup: { __typename: 'Group', id: string, name: string } };

export type JoinGroupMutationVariables = Exact<{
  groupId: Scalars['ID']['input'];
}>;


export type JoinGroupMutation = { __typename: 'Mutation', joinGroup: { __typename: 'Group', id: string, name: string, description: string | null, memberCount: number, joinPolicy: GroupJoinPolicy, viewerIsMember: boolean, viewerIsInvited: boolean, viewerMembership: { __typename: 'GroupMembership', role: GroupRole } | null, viewerJoinRequest: { __typename: 'GroupJoinRequest', id: string, status: GroupJoinRequestStatus } | null } };

export type CreateRoomMutationVariables = Exact<{
  input: CreateRoomInput;
}>;


export type CreateRoomMutation = { __typename: 'Mutation', createRoom: { __typename: 'Room', id: string } };

export type JoinRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type JoinRoomMutation = { __typename: 'Mutation', joinRoom: { __typename: 'JoinRoomPayload', participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }, audio: { __typename: 'AudioAccess', serverUrl: string, token: string, expiresAt: string, canPublish: boolean } } };

export type RefreshAudioMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type RefreshAudioMutation = { __typename: 'Mutation', refreshAudioAccess: { __typename: 'AudioAccess', serverUrl: string, token: string, expiresAt: string, canPublish: boolean } };

export type LeaveRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type LeaveRoomMutation = { __typename: 'Mutation', leaveRoom: { __typename: 'Room', id: string } };

export type StartRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type StartRoomMutation = { __typename: 'Mutation', startRoom: { __typename: 'Room', id: string, status: RoomStatus } };

export type EndRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type EndRoomMutation = { __typename: 'Mutation', endRoom: { __typename: 'Room', id: string, status: RoomStatus } };

export type RaiseHandMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  question?: InputMaybe<Scalars['String']['input']>;
}>;


export type RaiseHandMutation = { __typename: 'Mutation', raiseHand: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type LowerHandMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type LowerHandMutation = { __typename: 'Mutation', lowerHand: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type AcceptInviteMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type AcceptInviteMutation = { __typename: 'Mutation', acceptStageInvite: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type DeclineInviteMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type DeclineInviteMutation = { __typename: 'Mutation', declineStageInvite: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type UnmuteSelfMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type UnmuteSelfMutation = { __typename: 'Mutation', unmuteSelf: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type InviteToStageMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
}>;


export type InviteToStageMutation = { __typename: 'Mutation', inviteToStage: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type MoveToAudienceMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
}>;


export type MoveToAudienceMutation = { __typename: 'Mutation', moveToAudience: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type MuteMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
}>;


export type MuteMutation = { __typename: 'Mutation', muteParticipant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type SetModeratorMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
  moderator: Scalars['Boolean']['input'];
}>;


export type SetModeratorMutation = { __typename: 'Mutation', setModerator: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type RemoveMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
  ban?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type RemoveMutation = { __typename: 'Mutation', removeParticipant: { __typename: 'Room', id: string } };

export type QuestionFieldsFragment = { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> };

export type RoomQuestionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  status?: InputMaybe<Array<QuestionStatus> | QuestionStatus>;
  order: QuestionOrder;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RoomQuestionsQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, version: number, screensQuestions: boolean, questions: { __typename: 'QuestionConnection', totalCount: number, edges: Array<{ __typename: 'QuestionEdge', node: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type AskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type AskQuestionMutation = { __typename: 'Mutation', askQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type UpvoteQuestionMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
}>;


export type UpvoteQuestionMutation = { __typename: 'Mutation', upvoteQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type RemoveQuestionUpvoteMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
}>;


export type RemoveQuestionUpvoteMutation = { __typename: 'Mutation', removeQuestionUpvote: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type WithdrawQuestionMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
}>;


export type WithdrawQuestionMutation = { __typename: 'Mutation', withdrawQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type ScreenQuestionMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
  approve: Scalars['Boolean']['input'];
}>;


export type ScreenQuestionMutation = { __typename: 'Mutation', screenQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type AnswerQuestionMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
  inviteAsker?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type AnswerQuestionMutation = { __typename: 'Mutation', answerQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type MarkQuestionAnsweredMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
}>;


export type MarkQuestionAnsweredMutation = { __typename: 'Mutation', markQuestionAnswered: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type DismissQuestionMutationVariables = Exact<{
  questionId: Scalars['ID']['input'];
}>;


export type DismissQuestionMutation = { __typename: 'Mutation', dismissQuestion: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type MergeQuestionsMutationVariables = Exact<{
  intoId: Scalars['ID']['input'];
  questionIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type MergeQuestionsMutation = { __typename: 'Mutation', mergeQuestions: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } };

export type SetQuestionScreeningMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  screensQuestions: Scalars['Boolean']['input'];
}>;


export type SetQuestionScreeningMutation = { __typename: 'Mutation', updateRoomConversation: { __typename: 'Room', id: string, screensQuestions: boolean } };

export type PinnedLinkFieldsFragment = { __typename: 'PinnedLink', url: string, title: string | null, pinnedAt: string, pinnedBy: { __typename: 'Profile', id: string, displayName: string } };

export type ChatMessageFieldsFragment = { __typename: 'ChatMessage', id: string, text: string, deleted: boolean, createdAt: string, author: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, mentions: Array<{ __typename: 'Profile', id: string, displayName: string }> };

export type RoomChatQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RoomChatQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, chatMessages: { __typename: 'ChatMessageConnection', edges: Array<{ __typename: 'ChatMessageEdge', node: { __typename: 'ChatMessage', id: string, text: string, deleted: boolean, createdAt: string, author: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, mentions: Array<{ __typename: 'Profile', id: string, displayName: string }> } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type SendChatMessageMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
}>;


export type SendChatMessageMutation = { __typename: 'Mutation', sendChatMessage: { __typename: 'ChatMessage', id: string, text: string, deleted: boolean, createdAt: string, author: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, mentions: Array<{ __typename: 'Profile', id: string, displayName: string }> } };

export type DeleteChatMessageMutationVariables = Exact<{
  messageId: Scalars['ID']['input'];
}>;


export type DeleteChatMessageMutation = { __typename: 'Mutation', deleteChatMessage: { __typename: 'ChatMessage', id: string, text: string, deleted: boolean, createdAt: string, author: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, mentions: Array<{ __typename: 'Profile', id: string, displayName: string }> } };

export type RoomConversationSubscriptionVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type RoomConversationSubscription = { __typename: 'Subscription', roomConversation: { __typename: 'ConversationTick', roomId: string, at: string, sampledOut: number, deletedMessageIds: Array<string>, messages: Array<{ __typename: 'ChatMessage', id: string, text: string, deleted: boolean, createdAt: string, author: { __typename: 'Profile', id: string, displayName: string, headline: string | null }, mentions: Array<{ __typename: 'Profile', id: string, displayName: string }> }>, reactions: Array<{ __typename: 'ReactionCount', reaction: Reaction, count: number }>, questionVotes: Array<{ __typename: 'QuestionVotes', questionId: string, upvoteCount: number }> } };

export type ReactMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  reaction: Reaction;
}>;


export type ReactMutation = { __typename: 'Mutation', react: boolean };

export type UpdateRoomConversationMutationVariables = Exact<{
  input: UpdateRoomConversationInput;
}>;


export type UpdateRoomConversationMutation = { __typename: 'Mutation', updateRoomConversation: { __typename: 'Room', id: string, chatMode: ChatMode, chatSlowModeSeconds: number, screensQuestions: boolean, pinnedLinks: Array<{ __typename: 'PinnedLink', url: string, title: string | null, pinnedAt: string, pinnedBy: { __typename: 'Profile', id: string, displayName: string } }> } };

export type RoomEventsSubscriptionVariables = Exact<{
  roomId: Scalars['ID']['input'];
  sinceVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RoomEventsSubscription = { __typename: 'Subscription', roomEvents: { __typename: 'AudienceChanged', listenerCount: number, leftProfileIds: Array<string>, roomId: string, version: number, previousVersion: number, at: string, joined: Array<{ __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } }> } | { __typename: 'HandLowered', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'HandRaised', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'ParticipantConnectionChanged', connected: boolean, roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'ParticipantJoined', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'ParticipantLeft', profileId: string, roomId: string, version: number, previousVersion: number, at: string } | { __typename: 'ParticipantMuted', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'ParticipantRemoved', profileId: string, banned: boolean, roomId: string, version: number, previousVersion: number, at: string } | { __typename: 'ParticipantUnmuted', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'QuestionChanged', questionId: string, roomId: string, version: number, previousVersion: number, at: string, question: { __typename: 'Question', id: string, text: string, status: QuestionStatus, anonymous: boolean, askInPerson: boolean, upvoteCount: number, viewerHasUpvoted: boolean, createdAt: string, answeredAt: string | null, asker: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, mergedQuestions: Array<{ __typename: 'Question', id: string, text: string }> } | null } | { __typename: 'RoleChanged', previousRole: ParticipantRole, roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'RoomConversationChanged', screensQuestions: boolean, chatMode: ChatMode, chatSlowModeSeconds: number, roomId: string, version: number, previousVersion: number, at: string, pinnedLinks: Array<{ __typename: 'PinnedLink', url: string, title: string | null, pinnedAt: string, pinnedBy: { __typename: 'Profile', id: string, displayName: string } }> } | { __typename: 'RoomStatusChanged', status: RoomStatus, roomId: string, version: number, previousVersion: number, at: string } | { __typename: 'StageInvitation', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } | { __typename: 'StageInvitationDeclined', roomId: string, version: number, previousVersion: number, at: string, participant: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } } };

export type DismissHandMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  profileId: Scalars['ID']['input'];
}>;


export type DismissHandMutation = { __typename: 'Mutation', dismissHand: { __typename: 'Participant', id: string, role: ParticipantRole, handRaisedAt: string | null, handRaiseQuestion: string | null, invitedToStageAt: string | null, muted: boolean, connected: boolean, joinedAt: string, profile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } } };

export type ReportAbuseMutationVariables = Exact<{
  input: ReportAbuseInput;
}>;


export type ReportAbuseMutation = { __typename: 'Mutation', reportAbuse: { __typename: 'Report', id: string, status: ReportStatus } };

export type BlockMutationVariables = Exact<{
  profileId: Scalars['ID']['input'];
}>;


export type BlockMutation = { __typename: 'Mutation', block: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type UnblockMutationVariables = Exact<{
  profileId: Scalars['ID']['input'];
}>;


export type UnblockMutation = { __typename: 'Mutation', unblock: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type NoticeFieldsFragment = { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null };

export type ViewerNoticesQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ViewerNoticesQuery = { __typename: 'Query', viewerModerationNotices: { __typename: 'ModerationNoticeConnection', edges: Array<{ __typename: 'ModerationNoticeEdge', node: { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null } }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type AppealDecisionMutationVariables = Exact<{
  input: AppealInput;
}>;


export type AppealDecisionMutation = { __typename: 'Mutation', appealModerationDecision: { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null } };

export type ModerationQueueQueryVariables = Exact<{
  status?: InputMaybe<ReportStatus>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ModerationQueueQuery = { __typename: 'Query', moderationQueue: { __typename: 'ReportConnection', totalCount: number, edges: Array<{ __typename: 'ReportEdge', node: { __typename: 'Report', id: string, category: ReportCategory, details: string | null, status: ReportStatus, action: ModerationAction | null, createdAt: string, resolvedAt: string | null, resolutionNote: string | null, distinctReporters: number, room: { __typename: 'Room', id: string, title: string }, reportedProfile: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, evidence: { __typename: 'ReportEvidence', capturedAt: string, roomTitle: string, roomVersion: number, reporterRole: ParticipantRole | null, reportedRole: ParticipantRole | null, reportedHandQuestion: string | null, reportedJoinedAt: string | null, questionText: string | null, chatContext: Array<{ __typename: 'EvidenceChatMessage', messageId: string, at: string, text: string, reported: boolean, deleted: boolean, author: { __typename: 'Profile', id: string, displayName: string } | null }>, stage: Array<{ __typename: 'EvidenceParticipant', profileId: string, displayName: string, role: ParticipantRole, muted: boolean }>, recentEvents: Array<{ __typename: 'EvidenceEvent', type: string, version: number, at: string, profileId: string | null, profile: { __typename: 'Profile', id: string, displayName: string } | null }> } | null } }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type ResolveReportMutationVariables = Exact<{
  input: ResolveReportInput;
}>;


export type ResolveReportMutation = { __typename: 'Mutation', resolveReport: { __typename: 'Report', id: string, status: ReportStatus, action: ModerationAction | null, resolutionNote: string | null, resolvedAt: string | null } };

export type ModerationAppealsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ModerationAppealsQuery = { __typename: 'Query', moderationAppeals: { __typename: 'AppealConnection', edges: Array<{ __typename: 'AppealEdge', node: { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null } }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type ResolveAppealMutationVariables = Exact<{
  input: ResolveAppealInput;
}>;


export type ResolveAppealMutation = { __typename: 'Mutation', resolveAppeal: { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null } };

export type ModerationLogQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ModerationLogQuery = { __typename: 'Query', moderationLog: { __typename: 'ModerationLogConnection', edges: Array<{ __typename: 'ModerationLogEntryEdge', node: { __typename: 'ModerationLogEntry', id: string, action: string, at: string, note: string | null, reportIds: Array<string>, actor: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, subject: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null, room: { __typename: 'Room', id: string, title: string } | null } }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type HasNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type HasNoticesQuery = { __typename: 'Query', viewerModerationNotices: { __typename: 'ModerationNoticeConnection', edges: Array<{ __typename: 'ModerationNoticeEdge', node: { __typename: 'ModerationNotice', id: string } }> } };

export type InsightGroupFieldsFragment = { __typename: 'InsightGroup', label: string, listeners: number, share: number };

export type RoomInsightsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomInsightsQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, insights: { __typename: 'RoomInsights', uniqueListeners: number, peakListeners: number, medianListenSeconds: number | null, questionsAsked: number, questionsAnswered: number, chatMessages: number, minimumGroupSize: number, computedAt: string, nextRefreshAt: string | null, byIndustry: Array<{ __typename: 'InsightGroup', label: string, listeners: number, share: number }>, bySeniority: Array<{ __typename: 'InsightGroup', label: string, listeners: number, share: number }>, timeline: Array<{ __typename: 'InsightPoint', at: string, listeners: number }>, reactions: Array<{ __typename: 'ReactionCount', reaction: Reaction, count: number }> } | null } | null };

export type SetFeedModeMutationVariables = Exact<{
  mode: FeedMode;
}>;


export type SetFeedModeMutation = { __typename: 'Mutation', setFeedMode: FeedMode };

export type HiddenRecommendationFieldsFragment = { __typename: 'HiddenRecommendation', kind: HiddenKind, cursor: string, createdAt: string, room: { __typename: 'Room', id: string, title: string } | null, host: { __typename: 'Profile', id: string, displayName: string } | null, topic: { __typename: 'Topic', slug: string, name: string } | null };

export type HideRecommendationMutationVariables = Exact<{
  input: HideRecommendationInput;
}>;


export type HideRecommendationMutation = { __typename: 'Mutation', hideRecommendation: { __typename: 'HiddenRecommendation', kind: HiddenKind, cursor: string, createdAt: string, room: { __typename: 'Room', id: string, title: string } | null, host: { __typename: 'Profile', id: string, displayName: string } | null, topic: { __typename: 'Topic', slug: string, name: string } | null } };

export type UnhideRecommendationMutationVariables = Exact<{
  input: HideRecommendationInput;
}>;


export type UnhideRecommendationMutation = { __typename: 'Mutation', unhideRecommendation: boolean };

export type HiddenRecommendationsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type HiddenRecommendationsQuery = { __typename: 'Query', viewerHiddenRecommendations: Array<{ __typename: 'HiddenRecommendation', kind: HiddenKind, cursor: string, createdAt: string, room: { __typename: 'Room', id: string, title: string } | null, host: { __typename: 'Profile', id: string, displayName: string } | null, topic: { __typename: 'Topic', slug: string, name: string } | null }> };

export type RankingTransparencyQueryVariables = Exact<{ [key: string]: never; }>;


export type RankingTransparencyQuery = { __typename: 'Query', rankingTransparency: { __typename: 'RankingTransparency', modelVersion: string, explanation: string, options: Array<FeedMode>, parameters: Array<{ __typename: 'RankingParameter', name: string, description: string, importance: number }> } };

export type RoomScheduleFieldsFragment = { __typename: 'Room', id: string, status: RoomStatus, scheduledFor: string | null, reminderCount: number, viewerWantsReminder: boolean, calendarUrl: string };

export type RoomScheduleQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RoomScheduleQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, status: RoomStatus, scheduledFor: string | null, reminderCount: number, viewerWantsReminder: boolean, calendarUrl: string } | null };

export type SetRoomReminderMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  remind: Scalars['Boolean']['input'];
}>;


export type SetRoomReminderMutation = { __typename: 'Mutation', setRoomReminder: { __typename: 'Room', id: string, status: RoomStatus, scheduledFor: string | null, reminderCount: number, viewerWantsReminder: boolean, calendarUrl: string } };

export type RescheduleRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
  scheduledFor: Scalars['DateTime']['input'];
}>;


export type RescheduleRoomMutation = { __typename: 'Mutation', rescheduleRoom: { __typename: 'Room', id: string, status: RoomStatus, scheduledFor: string | null, reminderCount: number, viewerWantsReminder: boolean, calendarUrl: string } };

export type CancelRoomMutationVariables = Exact<{
  roomId: Scalars['ID']['input'];
}>;


export type CancelRoomMutation = { __typename: 'Mutation', cancelRoom: { __typename: 'Room', id: string, status: RoomStatus, scheduledFor: string | null, reminderCount: number, viewerWantsReminder: boolean, calendarUrl: string } };

export type SetFollowNotificationsMutationVariables = Exact<{
  profileId: Scalars['ID']['input'];
  level: FollowNotifications;
}>;


export type SetFollowNotificationsMutation = { __typename: 'Mutation', setFollowNotifications: { __typename: 'Profile', id: string, displayName: string, headline: string | null, company: string | null, industry: string | null, seniority: Seniority | null, skills: Array<string>, followerCount: number, followingCount: number, viewerFollows: boolean, viewerBlocks: boolean, viewerNotifications: FollowNotifications | null, interests: Array<{ __typename: 'Topic', slug: string, name: string }> } };

export type NotificationFieldsFragment = { __typename: 'Notification', id: string, kind: NotificationKind, count: number, createdAt: string, readAt: string | null, room: { __typename: 'Room', id: string, title: string, status: RoomStatus, scheduledFor: string | null } | null, actor: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null };

export type ViewerNotificationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ViewerNotificationsQuery = { __typename: 'Query', viewerNotifications: { __typename: 'NotificationConnection', unreadCount: number, edges: Array<{ __typename: 'NotificationEdge', node: { __typename: 'Notification', id: string, kind: NotificationKind, count: number, createdAt: string, readAt: string | null, room: { __typename: 'Room', id: string, title: string, status: RoomStatus, scheduledFor: string | null } | null, actor: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null } }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type UnreadNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationsQuery = { __typename: 'Query', viewerNotifications: { __typename: 'NotificationConnection', unreadCount: number } };

export type MarkNotificationsReadMutationVariables = Exact<{
  upToId: Scalars['ID']['input'];
}>;


export type MarkNotificationsReadMutation = { __typename: 'Mutation', markNotificationsRead: number };

export type ViewerNotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerNotificationAddedSubscription = { __typename: 'Subscription', viewerNotificationAdded: { __typename: 'Notification', id: string, kind: NotificationKind, count: number, createdAt: string, readAt: string | null, room: { __typename: 'Room', id: string, title: string, status: RoomStatus, scheduledFor: string | null } | null, actor: { __typename: 'Profile', id: string, displayName: string, headline: string | null } | null } };

export type ViewerModerationNoticeChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerModerationNoticeChangedSubscription = { __typename: 'Subscription', viewerModerationNoticeChanged: { __typename: 'ModerationNotice', id: string, action: ModerationNoticeAction, category: ReportCategory, reason: string, createdAt: string, expiresAt: string | null, subject: { __typename: 'Profile', id: string, displayName: string } | null, room: { __typename: 'Room', id: string, title: string } | null, appeal: { __typename: 'ModerationAppeal', id: string, status: AppealStatus, statement: string, createdAt: string, decidedAt: string | null, decisionNote: string | null } | null } };

export type CalendarFeedUrlQueryVariables = Exact<{ [key: string]: never; }>;


export type CalendarFeedUrlQuery = { __typename: 'Query', viewerCalendarFeedUrl: string };

export type RotateCalendarFeedMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateCalendarFeedMutation = { __typename: 'Mutation', rotateCalendarFeed: string };

export const ProfileSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ProfileSummaryFragment, unknown>;
export const ParticipantFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ParticipantFieldsFragment, unknown>;
export const RoomCardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<RoomCardFieldsFragment, unknown>;
export const AudioAccessFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"canPublish"}}]}}]} as unknown as DocumentNode<AudioAccessFieldsFragment, unknown>;
export const ProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<ProfileFieldsFragment, unknown>;
export const GroupStandingFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupStandingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsInvited"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerJoinRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<GroupStandingFieldsFragment, unknown>;
export const QuestionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<QuestionFieldsFragment, unknown>;
export const PinnedLinkFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PinnedLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PinnedLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<PinnedLinkFieldsFragment, unknown>;
export const ChatMessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ChatMessageFieldsFragment, unknown>;
export const NoticeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<NoticeFieldsFragment, unknown>;
export const InsightGroupFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InsightGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsightGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"listeners"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]} as unknown as DocumentNode<InsightGroupFieldsFragment, unknown>;
export const HiddenRecommendationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HiddenRecommendationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HiddenRecommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HiddenRecommendationFieldsFragment, unknown>;
export const RoomScheduleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}}]}}]} as unknown as DocumentNode<RoomScheduleFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<NotificationFieldsFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsStaff"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendedRooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomCardFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const RoomsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rooms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RoomFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomCardFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}}]}}]} as unknown as DocumentNode<RoomsQuery, RoomsQueryVariables>;
export const TopicsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TopicsQuery, TopicsQueryVariables>;
export const RoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Room"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audienceFirst"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxSpeakers"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"screensQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"chatMode"}},{"kind":"Field","name":{"kind":"Name","value":"chatSlowModeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PinnedLinkFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audience"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audienceFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raisedHands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerParticipant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PinnedLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PinnedLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<RoomQuery, RoomQueryVariables>;
export const AudienceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Audience"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"audience"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<AudienceQuery, AudienceQueryVariables>;
export const ProfilePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfilePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<ProfilePageQuery, ProfilePageQueryVariables>;
export const UpdateViewerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateViewerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateViewerProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<UpdateViewerProfileMutation, UpdateViewerProfileMutationVariables>;
export const FollowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Follow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"follow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<FollowMutation, FollowMutationVariables>;
export const UnfollowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Unfollow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unfollow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<UnfollowMutation, UnfollowMutationVariables>;
export const GroupPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupStandingFields"}},{"kind":"Field","name":{"kind":"Name","value":"rooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupStandingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsInvited"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerJoinRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}}]}}]} as unknown as DocumentNode<GroupPageQuery, GroupPageQueryVariables>;
export const GroupJoinRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupJoinRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"joinRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<GroupJoinRequestsQuery, GroupJoinRequestsQueryVariables>;
export const GroupDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GroupDirectoryQuery, GroupDirectoryQueryVariables>;
export const RequestToJoinGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestToJoinGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestToJoinGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupStandingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupStandingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsInvited"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerJoinRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RequestToJoinGroupMutation, RequestToJoinGroupMutationVariables>;
export const ApproveGroupJoinRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveGroupJoinRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveGroupJoinRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveGroupJoinRequestMutation, ApproveGroupJoinRequestMutationVariables>;
export const DeclineGroupJoinRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineGroupJoinRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineGroupJoinRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeclineGroupJoinRequestMutation, DeclineGroupJoinRequestMutationVariables>;
export const LeaveGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupStandingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupStandingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsInvited"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerJoinRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<LeaveGroupMutation, LeaveGroupMutationVariables>;
export const InviteToGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteToGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteToGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<InviteToGroupMutation, InviteToGroupMutationVariables>;
export const ViewerGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerGroupsQuery, ViewerGroupsQueryVariables>;
export const SearchProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchProfiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchProfilesQuery, SearchProfilesQueryVariables>;
export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const JoinGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupStandingFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupStandingFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"joinPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsMember"}},{"kind":"Field","name":{"kind":"Name","value":"viewerIsInvited"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerJoinRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<JoinGroupMutation, JoinGroupMutationVariables>;
export const CreateRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateRoomMutation, CreateRoomMutationVariables>;
export const JoinRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAccessFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"canPublish"}}]}}]} as unknown as DocumentNode<JoinRoomMutation, JoinRoomMutationVariables>;
export const RefreshAudioDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshAudio"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshAudioAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AudioAccessFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AudioAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudioAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"canPublish"}}]}}]} as unknown as DocumentNode<RefreshAudioMutation, RefreshAudioMutationVariables>;
export const LeaveRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LeaveRoomMutation, LeaveRoomMutationVariables>;
export const StartRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartRoomMutation, StartRoomMutationVariables>;
export const EndRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EndRoomMutation, EndRoomMutationVariables>;
export const RaiseHandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RaiseHand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"question"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"raiseHand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"question"},"value":{"kind":"Variable","name":{"kind":"Name","value":"question"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<RaiseHandMutation, RaiseHandMutationVariables>;
export const LowerHandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LowerHand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowerHand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<LowerHandMutation, LowerHandMutationVariables>;
export const AcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptStageInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const DeclineInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineStageInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<DeclineInviteMutation, DeclineInviteMutationVariables>;
export const UnmuteSelfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnmuteSelf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmuteSelf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<UnmuteSelfMutation, UnmuteSelfMutationVariables>;
export const InviteToStageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteToStage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteToStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<InviteToStageMutation, InviteToStageMutationVariables>;
export const MoveToAudienceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveToAudience"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveToAudience"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<MoveToAudienceMutation, MoveToAudienceMutationVariables>;
export const MuteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Mute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"muteParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<MuteMutation, MuteMutationVariables>;
export const SetModeratorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetModerator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"moderator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModerator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}},{"kind":"Argument","name":{"kind":"Name","value":"moderator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"moderator"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<SetModeratorMutation, SetModeratorMutationVariables>;
export const RemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Remove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ban"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ban"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ban"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RemoveMutation, RemoveMutationVariables>;
export const RoomQuestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomQuestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuestionStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuestionOrder"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"screensQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<RoomQuestionsQuery, RoomQuestionsQueryVariables>;
export const AskQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AskQuestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"askQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<AskQuestionMutation, AskQuestionMutationVariables>;
export const UpvoteQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpvoteQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upvoteQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<UpvoteQuestionMutation, UpvoteQuestionMutationVariables>;
export const RemoveQuestionUpvoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveQuestionUpvote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeQuestionUpvote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<RemoveQuestionUpvoteMutation, RemoveQuestionUpvoteMutationVariables>;
export const WithdrawQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<WithdrawQuestionMutation, WithdrawQuestionMutationVariables>;
export const ScreenQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScreenQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screenQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<ScreenQuestionMutation, ScreenQuestionMutationVariables>;
export const AnswerQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inviteAsker"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"inviteAsker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inviteAsker"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<AnswerQuestionMutation, AnswerQuestionMutationVariables>;
export const MarkQuestionAnsweredDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkQuestionAnswered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markQuestionAnswered"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<MarkQuestionAnsweredMutation, MarkQuestionAnsweredMutationVariables>;
export const DismissQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DismissQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"questionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<DismissQuestionMutation, DismissQuestionMutationVariables>;
export const MergeQuestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeQuestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"intoId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"questionIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeQuestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"intoId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"intoId"}}},{"kind":"Argument","name":{"kind":"Name","value":"questionIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"questionIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]} as unknown as DocumentNode<MergeQuestionsMutation, MergeQuestionsMutationVariables>;
export const SetQuestionScreeningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetQuestionScreening"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"screensQuestions"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRoomConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"screensQuestions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"screensQuestions"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"screensQuestions"}}]}}]}}]} as unknown as DocumentNode<SetQuestionScreeningMutation, SetQuestionScreeningMutationVariables>;
export const RoomChatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomChat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RoomChatQuery, RoomChatQueryVariables>;
export const SendChatMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendChatMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendChatMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SendChatMessageMutation, SendChatMessageMutationVariables>;
export const DeleteChatMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteChatMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteChatMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"messageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"messageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<DeleteChatMessageMutation, DeleteChatMessageMutationVariables>;
export const RoomConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RoomConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"sampledOut"}},{"kind":"Field","name":{"kind":"Name","value":"deletedMessageIds"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reaction"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questionVotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionId"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RoomConversationSubscription, RoomConversationSubscriptionVariables>;
export const ReactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"React"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reaction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Reaction"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"react"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reaction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reaction"}}}]}]}}]} as unknown as DocumentNode<ReactMutation, ReactMutationVariables>;
export const UpdateRoomConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRoomConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRoomConversationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRoomConversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chatMode"}},{"kind":"Field","name":{"kind":"Name","value":"chatSlowModeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"screensQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PinnedLinkFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PinnedLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PinnedLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<UpdateRoomConversationMutation, UpdateRoomConversationMutationVariables>;
export const RoomEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RoomEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sinceVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roomId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"previousVersion"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantJoined"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantLeft"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AudienceChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listenerCount"}},{"kind":"Field","name":{"kind":"Name","value":"joined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leftProfileIds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandRaised"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandLowered"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StageInvitation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StageInvitationDeclined"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousRole"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantMuted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantUnmuted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantConnectionChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"connected"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantRemoved"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileId"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoomStatusChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QuestionChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionId"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuestionFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoomConversationChanged"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"screensQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"chatMode"}},{"kind":"Field","name":{"kind":"Name","value":"chatSlowModeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PinnedLinkFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Question"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"askInPerson"}},{"kind":"Field","name":{"kind":"Name","value":"upvoteCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerHasUpvoted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"asker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mergedQuestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PinnedLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PinnedLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RoomEventsSubscription, RoomEventsSubscriptionVariables>;
export const DismissHandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DismissHand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissHand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipantFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipantFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"handRaisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"handRaiseQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"invitedToStageAt"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"connected"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<DismissHandMutation, DismissHandMutationVariables>;
export const ReportAbuseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportAbuse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportAbuseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportAbuse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReportAbuseMutation, ReportAbuseMutationVariables>;
export const BlockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Block"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"block"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<BlockMutation, BlockMutationVariables>;
export const UnblockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Unblock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unblock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<UnblockMutation, UnblockMutationVariables>;
export const ViewerNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerModerationNotices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NoticeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<ViewerNoticesQuery, ViewerNoticesQueryVariables>;
export const AppealDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AppealDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AppealInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appealModerationDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<AppealDecisionMutation, AppealDecisionMutationVariables>;
export const ModerationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModerationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionNote"}},{"kind":"Field","name":{"kind":"Name","value":"distinctReporters"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capturedAt"}},{"kind":"Field","name":{"kind":"Name","value":"roomTitle"}},{"kind":"Field","name":{"kind":"Name","value":"roomVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reporterRole"}},{"kind":"Field","name":{"kind":"Name","value":"reportedRole"}},{"kind":"Field","name":{"kind":"Name","value":"reportedHandQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"reportedJoinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionText"}},{"kind":"Field","name":{"kind":"Name","value":"chatContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"profileId"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const ResolveReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionNote"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]}}]} as unknown as DocumentNode<ResolveReportMutation, ResolveReportMutationVariables>;
export const ModerationAppealsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModerationAppeals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationAppeals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NoticeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<ModerationAppealsQuery, ModerationAppealsQueryVariables>;
export const ResolveAppealDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveAppeal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveAppealInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveAppeal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<ResolveAppealMutation, ResolveAppealMutationVariables>;
export const ModerationLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModerationLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reportIds"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}}]} as unknown as DocumentNode<ModerationLogQuery, ModerationLogQueryVariables>;
export const HasNoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HasNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerModerationNotices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HasNoticesQuery, HasNoticesQueryVariables>;
export const RoomInsightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomInsights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"insights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uniqueListeners"}},{"kind":"Field","name":{"kind":"Name","value":"peakListeners"}},{"kind":"Field","name":{"kind":"Name","value":"medianListenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"byIndustry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InsightGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySeniority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InsightGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"listeners"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questionsAsked"}},{"kind":"Field","name":{"kind":"Name","value":"questionsAnswered"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessages"}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reaction"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumGroupSize"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRefreshAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InsightGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsightGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"listeners"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]} as unknown as DocumentNode<RoomInsightsQuery, RoomInsightsQueryVariables>;
export const SetFeedModeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFeedMode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FeedMode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFeedMode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}}]}]}}]} as unknown as DocumentNode<SetFeedModeMutation, SetFeedModeMutationVariables>;
export const HideRecommendationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HideRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HideRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hideRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HiddenRecommendationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HiddenRecommendationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HiddenRecommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HideRecommendationMutation, HideRecommendationMutationVariables>;
export const UnhideRecommendationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnhideRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HideRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unhideRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<UnhideRecommendationMutation, UnhideRecommendationMutationVariables>;
export const HiddenRecommendationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HiddenRecommendations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerHiddenRecommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HiddenRecommendationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HiddenRecommendationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HiddenRecommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HiddenRecommendationsQuery, HiddenRecommendationsQueryVariables>;
export const RankingTransparencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RankingTransparency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rankingTransparency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"importance"}}]}}]}}]}}]} as unknown as DocumentNode<RankingTransparencyQuery, RankingTransparencyQueryVariables>;
export const RoomScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}}]}}]} as unknown as DocumentNode<RoomScheduleQuery, RoomScheduleQueryVariables>;
export const SetRoomReminderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRoomReminder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoomReminder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"remind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}}]}}]} as unknown as DocumentNode<SetRoomReminderMutation, SetRoomReminderMutationVariables>;
export const RescheduleRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RescheduleRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheduledFor"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rescheduleRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"scheduledFor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheduledFor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}}]}}]} as unknown as DocumentNode<RescheduleRoomMutation, RescheduleRoomMutationVariables>;
export const CancelRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoomScheduleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoomScheduleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Room"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"reminderCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerWantsReminder"}},{"kind":"Field","name":{"kind":"Name","value":"calendarUrl"}}]}}]} as unknown as DocumentNode<CancelRoomMutation, CancelRoomMutationVariables>;
export const SetFollowNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFollowNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowNotifications"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setFollowNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"profileId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"profileId"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"interests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followerCount"}},{"kind":"Field","name":{"kind":"Name","value":"followingCount"}},{"kind":"Field","name":{"kind":"Name","value":"viewerFollows"}},{"kind":"Field","name":{"kind":"Name","value":"viewerBlocks"}},{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"}}]}}]} as unknown as DocumentNode<SetFollowNotificationsMutation, SetFollowNotificationsMutationVariables>;
export const ViewerNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<ViewerNotificationsQuery, ViewerNotificationsQueryVariables>;
export const UnreadNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<UnreadNotificationsQuery, UnreadNotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upToId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upToId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upToId"}}}]}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const ViewerNotificationAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerNotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerNotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Profile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileSummary"}}]}}]}}]} as unknown as DocumentNode<ViewerNotificationAddedSubscription, ViewerNotificationAddedSubscriptionVariables>;
export const ViewerModerationNoticeChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerModerationNoticeChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerModerationNoticeChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NoticeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NoticeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationNotice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appeal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]} as unknown as DocumentNode<ViewerModerationNoticeChangedSubscription, ViewerModerationNoticeChangedSubscriptionVariables>;
export const CalendarFeedUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalendarFeedUrl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCalendarFeedUrl"}}]}}]} as unknown as DocumentNode<CalendarFeedUrlQuery, CalendarFeedUrlQueryVariables>;
export const RotateCalendarFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateCalendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateCalendarFeed"}}]}}]} as unknown as DocumentNode<RotateCalendarFeedMutation, RotateCalendarFeedMutationVariables>;
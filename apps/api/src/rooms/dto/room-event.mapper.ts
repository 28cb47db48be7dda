import type { ChatMode, ParticipantRole, ParticipantState, QuestionSnapshot, RoomStatus } from '@roundtable/domain';

import type { ParticipantJson, QuestionJson, RoomEventJson, RoomStreamItem } from '../../events/room-event-message';

/**
 * What Participant field resolvers read: a ParticipantEntity, or a participant revived from an
 * event. `connected` is absent on revived ones; its field resolver reads the row.
 */
export interface ParticipantRecord extends ParticipantState {
  readonly id: string;
  readonly roomId: string;
  readonly connected?: boolean;
}

/** A room event as the GraphQL RoomEvent types resolve it; `type` names the GraphQL type. */
export interface GraphQLRoomEvent {
  readonly type: RoomEventJson['type'] | 'AudienceChanged';
  readonly roomId: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly at: Date;
  readonly participant?: ParticipantRecord;
  readonly profileId?: string;
  readonly banned?: boolean;
  readonly previousRole?: ParticipantRole;
  readonly status?: RoomStatus;
  readonly connected?: boolean;
  readonly listenerCount?: number;
  readonly joined?: readonly ParticipantRecord[];
  readonly leftProfileIds?: readonly string[];
  /** `QuestionChanged`: the question as the event carries it; its field resolver decides per viewer. */
  readonly question?: QuestionRecord;
  /** `RoomConversationChanged`: every conversation setting, as it is after the change. */
  readonly screensQuestions?: boolean;
  readonly chatMode?: ChatMode;
  readonly chatSlowModeSeconds?: number;
  readonly pinnedLinks?: readonly PinnedLinkRecord[];
}

/** What PinnedLink field resolvers read. */
export interface PinnedLinkRecord {
  readonly url: string;
  readonly title: string | null;
  readonly pinnedById: string;
  readonly pinnedAt: Date;
}

/** A stored pinned link (`rooms.pinned_links`, or an event's) as a record. */
export function pinnedLinkRecord(link: { readonly url: string; readonly title: string | null; readonly pinnedById: string; readonly pinnedAt: string }): PinnedLinkRecord {
  return { url: link.url, title: link.title, pinnedById: link.pinnedById, pinnedAt: new Date(link.pinnedAt) };
}

/** What Question field resolvers read: a stored row, or a question revived from an event. */
export interface QuestionRecord extends QuestionSnapshot {
  readonly roomId: string;
}

/** A question carried by `QuestionChanged`, revived (dates back to `Date`). */
export function questionRecord(roomId: string, question: QuestionJson): QuestionRecord {
  return { ...question, roomId, createdAt: new Date(question.createdAt), answeredAt: date(question.answeredAt) };
}

function participantRecord(roomId: string, participantId: string | null, participant: ParticipantJson): ParticipantRecord {
  return {
    id: participantId ?? '',
    roomId,
    profileId: participant.profileId,
    role: participant.role,
    joinedAt: new Date(participant.joinedAt),
    stageSince: date(participant.stageSince),
    handRaisedAt: date(participant.handRaisedAt),
    handRaiseQuestion: participant.handRaiseQuestion,
    invitedToStageAt: date(participant.invitedToStageAt),
    muted: participant.muted,
  };
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The edge: a stored/bus message becomes the GraphQL object (dates revived, participant records). */
export function toGraphQLRoomEvent(item: RoomStreamItem): GraphQLRoomEvent {
  const { event } = item;
  const base = { type: event.type, roomId: event.roomId, version: event.version, previousVersion: event.previousVersion, at: new Date(event.at) };
  if (event.type === 'AudienceChanged') {
    return {
      ...base,
      listenerCount: event.listenerCount,
      joined: event.joined.map((entry) => participantRecord(event.roomId, entry.participantId, entry.participant)),
      leftProfileIds: event.leftProfileIds,
    };
  }
  const message = item as Extract<RoomStreamItem, { participantId: string | null }>;
  switch (event.type) {
    case 'ParticipantLeft':
      return { ...base, profileId: event.profileId };
    case 'ParticipantRemoved':
      return { ...base, profileId: event.profileId, banned: event.banned };
    case 'RoomStatusChanged':
      return { ...base, status: event.status };
    case 'QuestionChanged':
      return { ...base, question: questionRecord(event.roomId, event.question) };
    case 'RoomConversationChanged':
      return { ...base, ...event.settings, pinnedLinks: event.settings.pinnedLinks.map(pinnedLinkRecord) };
    default: {
      const participant = participantRecord(event.roomId, message.participantId, event.participant);
      if (event.type === 'RoleChanged') return { ...base, participant, previousRole: event.previousRole };
      // The event says what the connection became; the participant shows the same.
      if (event.type === 'ParticipantConnectionChanged') return { ...base, participant: { ...participant, connected: event.connected }, connected: event.connected };
      return { ...base, participant };
    }
  }
}

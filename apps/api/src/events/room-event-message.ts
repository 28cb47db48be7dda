import { ChatMode, ParticipantRole, type ParticipantState, QuestionStatus, type QuestionSnapshot, type RoomEvent, RoomStatus } from '@roundtable/domain';
import { z } from 'zod';

/**
 * A room event as stored in `room_events.payload` and carried on the bus: the domain event (dates
 * as ISO-8601 strings) in an envelope with what only the API knows — the participant row the
 * event carries and who caused it. Never the GraphQL shape: that is made at the edge
 * (`rooms/dto/room-event.mapper.ts`). Validated whenever it is read back (database or Redis).
 */
export interface RoomEventMessage {
  /** Envelope format; 2 since the migration that moved stored events off the wire format. */
  readonly schema: 2;
  readonly event: RoomEventJson;
  /** Id of the participant row of `event.participant`, for events that carry a participant. */
  readonly participantId: string | null;
  /** Profile whose command produced the event; null for system actions. */
  readonly actorId: string | null;
  /**
   * For `ParticipantLeft` / `ParticipantRemoved`: the role the profile had until this event (null
   * when they were not in the room, or for events stored before this field existed). Delivery
   * uses it to tell an audience change from a stage change without reading the database.
   */
  readonly subjectRole?: ParticipantRole | null;
}

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO-8601 date');

const participantJson = z.object({
  profileId: z.string().min(1),
  role: z.nativeEnum(ParticipantRole),
  joinedAt: isoDate,
  stageSince: isoDate.nullable(),
  handRaisedAt: isoDate.nullable(),
  handRaiseQuestion: z.string().nullable(),
  invitedToStageAt: isoDate.nullable(),
  muted: z.boolean(),
});

const questionJson = z.object({
  id: z.string().uuid(),
  askerId: z.string().min(1),
  text: z.string(),
  anonymous: z.boolean(),
  status: z.nativeEnum(QuestionStatus),
  askInPerson: z.boolean(),
  upvoteCount: z.number().int().nonnegative(),
  mergedIntoId: z.string().uuid().nullable(),
  createdAt: isoDate,
  answeredAt: isoDate.nullable(),
});

/** A question as `QuestionChanged` carries it: the domain's snapshot, dates as ISO strings. */
export type QuestionJson = z.infer<typeof questionJson>;

const base = {
  roomId: z.string().uuid(),
  version: z.number().int().positive(),
  previousVersion: z.number().int().nonnegative(),
  at: isoDate,
};

const withParticipant = <T extends string>(type: T) => z.object({ ...base, type: z.literal(type), participant: participantJson });

const roomEventJson = z.discriminatedUnion('type', [
  withParticipant('ParticipantJoined'),
  z.object({ ...base, type: z.literal('ParticipantLeft'), profileId: z.string().min(1) }),
  withParticipant('HandRaised'),
  withParticipant('HandLowered'),
  withParticipant('StageInvitation'),
  withParticipant('StageInvitationDeclined'),
  z.object({ ...base, type: z.literal('RoleChanged'), participant: participantJson, previousRole: z.nativeEnum(ParticipantRole) }),
  withParticipant('ParticipantMuted'),
  withParticipant('ParticipantUnmuted'),
  z.object({ ...base, type: z.literal('ParticipantRemoved'), profileId: z.string().min(1), banned: z.boolean() }),
  z.object({ ...base, type: z.literal('RoomStatusChanged'), status: z.nativeEnum(RoomStatus) }),
  z.object({ ...base, type: z.literal('ParticipantConnectionChanged'), participant: participantJson, connected: z.boolean() }),
  z.object({ ...base, type: z.literal('QuestionChanged'), question: questionJson }),
  z.object({
    ...base,
    type: z.literal('RoomConversationChanged'),
    settings: z.object({
      screensQuestions: z.boolean(),
      chatMode: z.nativeEnum(ChatMode),
      chatSlowModeSeconds: z.number().int().positive(),
      pinnedLinks: z.array(z.object({ url: z.string(), title: z.string().nullable(), pinnedById: z.string().min(1), pinnedAt: isoDate })),
    }),
  }),
]);

/** The domain event as JSON: a discriminated union on `type`, dates as ISO-8601 strings. */
export type RoomEventJson = z.infer<typeof roomEventJson>;

const roomEventMessage = z.object({
  schema: z.literal(2),
  event: roomEventJson,
  participantId: z.string().uuid().nullable(),
  actorId: z.string().nullable(),
  subjectRole: z.nativeEnum(ParticipantRole).nullable().optional(),
});

/** A stored or published room event that does not have the shape of {@link RoomEventMessage}. */
export class InvalidRoomEventMessageError extends Error {
  override readonly name = 'InvalidRoomEventMessageError';

  static fromIssues(source: string, issues: string): InvalidRoomEventMessageError {
    return new InvalidRoomEventMessageError(`invalid room event message from ${source}: ${issues}`);
  }
}

/**
 * Validates a message read from the database or the bus.
 * @throws InvalidRoomEventMessageError naming the source and the first problems found.
 */
export function parseRoomEventMessage(raw: unknown, source: 'database' | 'bus'): RoomEventMessage {
  const parsed = roomEventMessage.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw InvalidRoomEventMessageError.fromIssues(source, issues);
  }
  return parsed.data as RoomEventMessage;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function participantToJson(state: ParticipantState): z.infer<typeof participantJson> {
  return {
    profileId: state.profileId,
    role: state.role,
    joinedAt: state.joinedAt.toISOString(),
    stageSince: iso(state.stageSince),
    handRaisedAt: iso(state.handRaisedAt),
    handRaiseQuestion: state.handRaiseQuestion,
    invitedToStageAt: iso(state.invitedToStageAt),
    muted: state.muted,
  };
}

function questionToJson(question: QuestionSnapshot): QuestionJson {
  return { ...question, createdAt: question.createdAt.toISOString(), answeredAt: iso(question.answeredAt) };
}

/** The domain event as JSON (dates to ISO strings). */
export function roomEventToJson(event: RoomEvent): RoomEventJson {
  const base = { roomId: event.roomId, version: event.version, previousVersion: event.previousVersion, at: event.at.toISOString() };
  switch (event.type) {
    case 'ParticipantLeft':
      return { ...base, type: event.type, profileId: event.profileId };
    case 'ParticipantRemoved':
      return { ...base, type: event.type, profileId: event.profileId, banned: event.banned };
    case 'RoomStatusChanged':
      return { ...base, type: event.type, status: event.status };
    case 'RoleChanged':
      return { ...base, type: event.type, participant: participantToJson(event.participant), previousRole: event.previousRole };
    case 'ParticipantConnectionChanged':
      return { ...base, type: event.type, participant: participantToJson(event.participant), connected: event.connected };
    case 'QuestionChanged':
      return { ...base, type: event.type, question: questionToJson(event.question) };
    case 'RoomConversationChanged':
      return { ...base, type: event.type, settings: { ...event.settings, pinnedLinks: [...event.settings.pinnedLinks] } };
    default:
      return { ...base, type: event.type, participant: participantToJson(event.participant) };
  }
}

/** The envelope for one event of a command. */
export function toRoomEventMessage(
  event: RoomEvent,
  participantId: string | null,
  actorId: string | null,
  subjectRole: ParticipantRole | null = null,
): RoomEventMessage {
  const message: RoomEventMessage = { schema: 2, event: roomEventToJson(event), participantId, actorId };
  return event.type === 'ParticipantLeft' || event.type === 'ParticipantRemoved' ? { ...message, subjectRole } : message;
}

/** A participant as it travels in events: the rules' state (dates as ISO strings). */
export type ParticipantJson = z.infer<typeof participantJson>;

/**
 * Listener joins and leaves of a room, folded for delivery (never stored): `previousVersion` is
 * the version before the first folded event, `version` the last one's, so the version chain
 * still holds. `listenerCount` is absolute; `joined` has at most {@link AUDIENCE_JOINED_MAX}.
 */
export interface AudienceChangedJson {
  readonly type: 'AudienceChanged';
  readonly roomId: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly at: string;
  readonly listenerCount: number;
  readonly joined: readonly { readonly participantId: string | null; readonly participant: ParticipantJson }[];
  readonly leftProfileIds: readonly string[];
}

/** Most joined participants one AudienceChanged carries; the count is always exact. */
export const AUDIENCE_JOINED_MAX = 50;

/** What a room event stream delivers: a stored event, or audience changes folded into one. */
export type RoomStreamItem = RoomEventMessage | { readonly schema: 2; readonly event: AudienceChangedJson };

/** The profile an event is about, when it is about one (the participant, or the one who left). */
export function subjectOf(event: RoomEventJson | AudienceChangedJson): string | null {
  if (event.type === 'AudienceChanged') return null;
  // A question's asker reads it in every status: the asker's class differs from everyone else's.
  if (event.type === 'QuestionChanged') return event.question.askerId;
  if ('participant' in event) return event.participant.profileId;
  if ('profileId' in event) return event.profileId;
  return null;
}

/** Whether the event ends the stream for `viewerId`: the room ended, or the viewer was banned. */
export function endsStreamFor(event: RoomEventJson | AudienceChangedJson, viewerId: string): boolean {
  return (
    (event.type === 'RoomStatusChanged' && event.status === RoomStatus.Ended) ||
    (event.type === 'ParticipantRemoved' && event.banned && event.profileId === viewerId)
  );
}

export enum RoomStatus {
  Scheduled = 'SCHEDULED',
  Live = 'LIVE',
  Ended = 'ENDED',
}

export enum RoomVisibility {
  /** Anyone signed in may find and join it. */
  Public = 'PUBLIC',
  /** Only members of the room's group may find and join it. */
  Group = 'GROUP',
  /** Only the host's invitees (for example the members of a chat) may find and join it. */
  Private = 'PRIVATE',
}

export enum ParticipantRole {
  Host = 'HOST',
  Moderator = 'MODERATOR',
  Speaker = 'SPEAKER',
  Listener = 'LISTENER',
}

/** Roles that sit on the stage and count against `maxSpeakers`. */
export const STAGE_ROLES: ReadonlySet<ParticipantRole> = new Set([
  ParticipantRole.Host,
  ParticipantRole.Moderator,
  ParticipantRole.Speaker,
]);

/** Roles that may moderate: invite, move back, mute and remove. */
export const MODERATING_ROLES: ReadonlySet<ParticipantRole> = new Set([
  ParticipantRole.Host,
  ParticipantRole.Moderator,
]);

export const ROOM_LIMITS = {
  titleMin: 1,
  titleMax: 120,
  descriptionMax: 2000,
  topicsMax: 10,
  maxSpeakersMin: 2,
  maxSpeakersMax: 50,
  maxSpeakersDefault: 10,
  /** A raised hand's question is a question of the queue: the same limit as `QUESTION_LIMITS.textMax`. */
  questionMax: 500,
  inviteesMax: 500,
} as const;

export interface ParticipantState {
  readonly profileId: string;
  readonly role: ParticipantRole;
  readonly joinedAt: Date;
  /** When the participant last came on stage; orders the stage. Null for listeners. */
  readonly stageSince: Date | null;
  readonly handRaisedAt: Date | null;
  readonly handRaiseQuestion: string | null;
  readonly invitedToStageAt: Date | null;
  readonly muted: boolean;
}

/**
 * The state the room rules decide on. The API may pass a projection: all stage participants
 * plus every participant a command names (actor, target) is enough for every command, since
 * no rule reads the rest of the audience.
 */
export interface RoomState {
  readonly id: string;
  readonly hostId: string;
  readonly status: RoomStatus;
  readonly visibility: RoomVisibility;
  readonly groupId: string | null;
  readonly maxSpeakers: number;
  readonly scheduledFor: Date | null;
  readonly startedAt: Date | null;
  readonly endedAt: Date | null;
  readonly version: number;
  /** Keyed by profile id. */
  readonly participants: ReadonlyMap<string, ParticipantState>;
  /** Banned profile ids (at least those the command names). */
  readonly bannedIds: ReadonlySet<string>;
}

import { dedupeBy, optionalText, requiredText } from '../common/validation';
import { DomainError } from '../errors/domain-error';
import { isTopicSlug } from '../taxonomy/topics';
import { ParticipantRole, type ParticipantState, ROOM_LIMITS, type RoomState, RoomStatus, RoomVisibility } from './room.types';

/** How far ahead a room may be scheduled. */
export const ROOM_SCHEDULE_MAX_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a host asks for when creating a room (the contract's CreateRoomInput plus ids). */
export interface CreateRoomSpec {
  id: string;
  hostId: string;
  title: string;
  description?: string | null;
  /** Topic slugs. */
  topics?: readonly string[];
  visibility?: RoomVisibility;
  groupId?: string | null;
  inviteeIds?: readonly string[] | null;
  scheduledFor?: Date | null;
  maxSpeakers?: number | null;
}

/** A validated new room: the rules' state plus the descriptive fields the rules do not read. */
export interface CreatedRoom {
  readonly state: RoomState;
  readonly title: string;
  readonly description: string | null;
  readonly topics: string[];
  readonly inviteeIds: string[];
}

/**
 * Validates and normalises a new room; throws `InvalidInput` naming the offending field.
 *
 * - title trimmed, 1–120 characters; description trimmed, blank → null, at most 2000;
 * - topics: known slugs, deduplicated, at most 10;
 * - maxSpeakers: integer 2–50, default 10;
 * - GROUP rooms need a `groupId`, other rooms must not have one;
 * - only PRIVATE rooms take `inviteeIds` (deduplicated, host dropped, at most 500); an empty
 *   list on another visibility is accepted as "none", since clients often send `[]`;
 * - `scheduledFor` in the past (or now) is ignored and the room goes LIVE at once; in the future
 *   the room is SCHEDULED, at most {@link ROOM_SCHEDULE_MAX_DAYS} days ahead.
 *
 * The result has version 0 and no events; a LIVE room starts with the host on stage.
 */
export function createRoom(spec: CreateRoomSpec, now: Date): CreatedRoom {
  const title = requiredText('title', spec.title, ROOM_LIMITS.titleMin, ROOM_LIMITS.titleMax);
  const description = optionalText('description', spec.description, ROOM_LIMITS.descriptionMax);
  const topics = validateTopics(spec.topics ?? []);
  const visibility = spec.visibility ?? RoomVisibility.Public;
  const groupId = validateGroupId(visibility, spec.groupId);
  const inviteeIds = validateInvitees(visibility, spec.hostId, spec.inviteeIds);
  const scheduledFor = validateSchedule(spec.scheduledFor, now);
  const maxSpeakers = validateMaxSpeakers(spec.maxSpeakers);

  const live = scheduledFor === null;
  const host: ParticipantState = {
    profileId: spec.hostId,
    role: ParticipantRole.Host,
    joinedAt: now,
    stageSince: now,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
  };
  const state: RoomState = {
    id: spec.id,
    hostId: spec.hostId,
    status: live ? RoomStatus.Live : RoomStatus.Scheduled,
    visibility,
    groupId,
    maxSpeakers,
    scheduledFor,
    startedAt: live ? now : null,
    endedAt: null,
    version: 0,
    participants: live ? new Map([[host.profileId, host]]) : new Map(),
    bannedIds: new Set(),
  };
  return { state, title, description, topics, inviteeIds };
}

function validateTopics(raw: readonly string[]): string[] {
  const topics = dedupeBy(
    raw.map((slug) => slug.trim()),
    (slug) => slug,
  );
  if (topics.length > ROOM_LIMITS.topicsMax) {
    throw DomainError.invalidInput('topics', `A room can have at most ${ROOM_LIMITS.topicsMax} topics`);
  }
  const unknown = topics.find((slug) => !isTopicSlug(slug));
  if (unknown !== undefined) throw DomainError.invalidInput('topics', `Unknown topic: ${unknown}`);
  return topics;
}

function validateGroupId(visibility: RoomVisibility, raw: string | null | undefined): string | null {
  const groupId = raw?.trim() || null;
  if (visibility === RoomVisibility.Group && groupId === null) {
    throw DomainError.invalidInput('groupId', 'A GROUP room needs a groupId');
  }
  if (visibility !== RoomVisibility.Group && groupId !== null) {
    throw DomainError.invalidInput('groupId', 'Only GROUP rooms belong to a group');
  }
  return groupId;
}

function validateInvitees(visibility: RoomVisibility, hostId: string, raw: readonly string[] | null | undefined): string[] {
  const given = raw ?? [];
  if (visibility !== RoomVisibility.Private) {
    if (given.length > 0) throw DomainError.invalidInput('inviteeIds', 'Only PRIVATE rooms have invitees');
    return [];
  }
  const invitees = dedupeBy(
    given.map((id) => id.trim()).filter((id) => id !== '' && id !== hostId),
    (id) => id,
  );
  if (invitees.length > ROOM_LIMITS.inviteesMax) {
    throw DomainError.invalidInput('inviteeIds', `A room can have at most ${ROOM_LIMITS.inviteesMax} invitees`);
  }
  return invitees;
}

function validateSchedule(raw: Date | null | undefined, now: Date): Date | null {
  if (raw === null || raw === undefined) return null;
  if (Number.isNaN(raw.getTime())) throw DomainError.invalidInput('scheduledFor', 'scheduledFor is not a valid date');
  // A time that has already passed (clock skew, a slow form) means "now", not an error.
  if (raw.getTime() <= now.getTime()) return null;
  if (raw.getTime() - now.getTime() > ROOM_SCHEDULE_MAX_DAYS * DAY_MS) {
    throw DomainError.invalidInput('scheduledFor', `A room can be scheduled at most ${ROOM_SCHEDULE_MAX_DAYS} days ahead`);
  }
  return new Date(raw.getTime());
}

function validateMaxSpeakers(raw: number | null | undefined): number {
  const maxSpeakers = raw ?? ROOM_LIMITS.maxSpeakersDefault;
  if (
    !Number.isInteger(maxSpeakers) ||
    maxSpeakers < ROOM_LIMITS.maxSpeakersMin ||
    maxSpeakers > ROOM_LIMITS.maxSpeakersMax
  ) {
    throw DomainError.invalidInput(
      'maxSpeakers',
      `maxSpeakers must be a whole number from ${ROOM_LIMITS.maxSpeakersMin} to ${ROOM_LIMITS.maxSpeakersMax}`,
    );
  }
  return maxSpeakers;
}

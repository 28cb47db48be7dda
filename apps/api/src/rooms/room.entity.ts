import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { CHAT_LIMITS, ChatMode, type ParticipantRole, type RoomStatus, type RoomVisibility } from '@roundtable/domain';

import { TextArrayType } from '../database/text-array.type';

/** A pinned link as `rooms.pinned_links` stores it. */
export interface StoredPinnedLink {
  readonly url: string;
  readonly title: string | null;
  readonly pinnedById: string;
  /** ISO-8601. */
  readonly pinnedAt: string;
}

@Entity({ tableName: 'rooms' })
export class RoomEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 120 })
  title!: string;

  @Property({ type: 'string', nullable: true })
  description: string | null = null;

  @Property({ type: TextArrayType, columnType: 'text[]' })
  topics: string[] = [];

  @Property({ type: 'string' })
  status!: RoomStatus;

  @Property({ type: 'string' })
  visibility!: RoomVisibility;

  @Property({ type: 'uuid', nullable: true })
  groupId: string | null = null;

  @Property({ type: 'string' })
  hostId!: string;

  @Property({ type: 'integer' })
  maxSpeakers!: number;

  /** `Room.screensQuestions`: new questions wait as PENDING for the host or a moderator (issue 16). */
  @Property({ type: 'boolean', default: false })
  screensQuestions = false;

  /** `Room.chatMode` (issue 17). */
  @Property({ type: 'string', default: 'OPEN' })
  chatMode: ChatMode = ChatMode.Open;

  /** `Room.chatSlowModeSeconds`: seconds between two messages of one person in SLOW mode. */
  @Property({ type: 'integer', default: CHAT_LIMITS.slowModeSecondsDefault })
  chatSlowModeSeconds: number = CHAT_LIMITS.slowModeSecondsDefault;

  /** `Room.pinnedLinks`, newest first (at most 5). */
  @Property({ type: 'json', columnType: 'jsonb' })
  pinnedLinks: StoredPinnedLink[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  scheduledFor: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

/**
 * `room_streams`: the head of one room's event stream, one row per room, created with the room.
 * Every room command locks this row (`SELECT … FOR UPDATE`), so commands on a room are totally
 * ordered here: versions never skip or repeat and the counters stay exact. It lives apart from
 * `rooms` so that audience commands (a listener joining or leaving) need not lock the room row
 * that stage commands hold (see `RoomRepository.lockForCommand` and docs/scaling.md).
 */
@Entity({ tableName: 'room_streams' })
export class RoomStreamEntity {
  @PrimaryKey({ type: 'uuid' })
  roomId!: string;

  /** The version of the room's latest event (0 before the first); `room_events` has 1..version. */
  @Property({ type: 'integer' })
  version = 0;

  /** Active listeners; kept by the command pipeline (RoomCountersProjection). */
  @Property({ type: 'integer' })
  listenerCount = 0;

  /** Everyone in the room, stage included; kept by the command pipeline. */
  @Property({ type: 'integer' })
  participantCount = 0;
}

@Entity({ tableName: 'participants' })
export class ParticipantEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  roomId!: string;

  @Property({ type: 'string' })
  profileId!: string;

  @Property({ type: 'string' })
  role!: ParticipantRole;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  joinedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  stageSince: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  handRaisedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  handRaiseQuestion: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  invitedToStageAt: Date | null = null;

  @Property({ type: 'boolean' })
  muted = false;

  @Property({ type: 'boolean' })
  connected = false;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  leftAt: Date | null = null;
}

@Entity({ tableName: 'room_invitees' })
export class RoomInviteeEntity {
  @PrimaryKey({ type: 'uuid' })
  roomId!: string;

  @PrimaryKey({ type: 'string' })
  profileId!: string;
}

@Entity({ tableName: 'room_bans' })
export class RoomBanEntity {
  @PrimaryKey({ type: 'uuid' })
  roomId!: string;

  @PrimaryKey({ type: 'string' })
  profileId!: string;

  @Property({ type: 'string' })
  bannedById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'room_events' })
export class RoomEventEntity {
  @PrimaryKey({ type: 'uuid' })
  roomId!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'string' })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;
}

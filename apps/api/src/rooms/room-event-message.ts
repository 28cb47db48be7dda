import type { ParticipantRole, ParticipantState, RoomEvent, RoomEventType, RoomStatus } from '@roundtable/domain';

import type { ParticipantEntity } from './room.entity';

/** A participant as it travels in events: JSON-safe (ISO dates) and with its row id. */
export interface ParticipantSnapshot {
  readonly id: string;
  readonly roomId: string;
  readonly profileId: string;
  readonly role: ParticipantRole;
  readonly joinedAt: string;
  readonly stageSince: string | null;
  readonly handRaisedAt: string | null;
  readonly handRaiseQuestion: string | null;
  readonly invitedToStageAt: string | null;
  readonly muted: boolean;
  readonly connected: boolean;
}

/**
 * A room event as stored in `room_events.payload` and published on the bus. Field names match
 * the GraphQL RoomEvent types; `type` is the GraphQL type name.
 */
export interface RoomEventMessage {
  readonly type: RoomEventType | 'AudienceChanged';
  readonly roomId: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly at: string;
  readonly participant?: ParticipantSnapshot;
  readonly profileId?: string;
  readonly banned?: boolean;
  readonly previousRole?: ParticipantRole;
  readonly status?: RoomStatus;
}

/** What Participant field resolvers read: a ParticipantEntity or a revived snapshot. */
export interface ParticipantRecord extends ParticipantState {
  readonly id: string;
  readonly roomId: string;
  readonly connected: boolean;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
const date = (value: string | null): Date | null => (value ? new Date(value) : null);

export function snapshotParticipant(
  row: Pick<ParticipantEntity, 'id' | 'roomId' | 'connected'>,
  state: ParticipantState,
): ParticipantSnapshot {
  return {
    id: row.id,
    roomId: row.roomId,
    profileId: state.profileId,
    role: state.role,
    joinedAt: state.joinedAt.toISOString(),
    stageSince: iso(state.stageSince),
    handRaisedAt: iso(state.handRaisedAt),
    handRaiseQuestion: state.handRaiseQuestion,
    invitedToStageAt: iso(state.invitedToStageAt),
    muted: state.muted,
    connected: row.connected,
  };
}

export function reviveParticipant(snapshot: ParticipantSnapshot): ParticipantRecord {
  return {
    ...snapshot,
    joinedAt: new Date(snapshot.joinedAt),
    stageSince: date(snapshot.stageSince),
    handRaisedAt: date(snapshot.handRaisedAt),
    invitedToStageAt: date(snapshot.invitedToStageAt),
  };
}

/** The message for a domain event, given the participant row it touched (if any). */
export function toEventMessage(event: RoomEvent, row: Pick<ParticipantEntity, 'id' | 'roomId' | 'connected'> | null): RoomEventMessage {
  const base = {
    type: event.type,
    roomId: event.roomId,
    version: event.version,
    previousVersion: event.previousVersion,
    at: event.at.toISOString(),
  };
  switch (event.type) {
    case 'ParticipantLeft':
      return { ...base, profileId: event.profileId };
    case 'ParticipantRemoved':
      return { ...base, profileId: event.profileId, banned: event.banned };
    case 'RoomStatusChanged':
      return { ...base, status: event.status };
    case 'RoleChanged':
      return { ...base, participant: snapshotParticipant(requireRow(row, event.type), event.participant), previousRole: event.previousRole };
    default:
      return { ...base, participant: snapshotParticipant(requireRow(row, event.type), event.participant) };
  }
}

function requireRow<T>(row: T | null, type: string): T {
  if (!row) throw new Error(`${type} event without a participant row`);
  return row;
}

/** The GraphQL object for a message: dates revived, participants as records. */
export function toGraphQLEvent(message: RoomEventMessage): Record<string, unknown> {
  return {
    ...message,
    at: new Date(message.at),
    participant: message.participant ? reviveParticipant(message.participant) : undefined,
  };
}

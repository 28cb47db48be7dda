import type { ParticipantRole, ParticipantState, RoomStatus } from '@roundtable/domain';

import type { RoomEventJson, RoomEventMessage } from '../../events/room-event-message';

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
  readonly type: RoomEventJson['type'];
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
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The edge: a stored/bus message becomes the GraphQL object (dates revived, participant records). */
export function toGraphQLRoomEvent(message: RoomEventMessage): GraphQLRoomEvent {
  const { event } = message;
  const base = { type: event.type, roomId: event.roomId, version: event.version, previousVersion: event.previousVersion, at: new Date(event.at) };
  switch (event.type) {
    case 'ParticipantLeft':
      return { ...base, profileId: event.profileId };
    case 'ParticipantRemoved':
      return { ...base, profileId: event.profileId, banned: event.banned };
    case 'RoomStatusChanged':
      return { ...base, status: event.status };
    default: {
      const participant: ParticipantRecord = {
        id: message.participantId ?? '',
        roomId: event.roomId,
        profileId: event.participant.profileId,
        role: event.participant.role,
        joinedAt: new Date(event.participant.joinedAt),
        stageSince: date(event.participant.stageSince),
        handRaisedAt: date(event.participant.handRaisedAt),
        handRaiseQuestion: event.participant.handRaiseQuestion,
        invitedToStageAt: date(event.participant.invitedToStageAt),
        muted: event.participant.muted,
      };
      if (event.type === 'RoleChanged') return { ...base, participant, previousRole: event.previousRole };
      // The event says what the connection became; the participant shows the same.
      if (event.type === 'ParticipantConnectionChanged') return { ...base, participant: { ...participant, connected: event.connected }, connected: event.connected };
      return { ...base, participant };
    }
  }
}

import { type ParticipantRole, type RoomStatus } from '@roundtable/domain';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

import { ParticipantRoleGql, RoomStatusGql } from '../../common/graphql-enums';
import { type GraphQLRoomEvent } from './room-event.mapper';
import { ParticipantType } from './room.type';

@InterfaceType('RoomEvent', {
  description:
    'One change to a room. version goes up with every event of the room; previousVersion is the version before this event. A client that last saw version V and receives an event whose previousVersion is not V has missed something and refetches the room.',
  resolveType: (event: GraphQLRoomEvent) => event.type,
})
export abstract class RoomEventType {
  @Field(() => ID)
  roomId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int)
  previousVersion!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('ParticipantJoined', { implements: RoomEventType })
export class ParticipantJoinedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantLeft', { implements: RoomEventType })
export class ParticipantLeftEvent extends RoomEventType {
  @Field(() => ID)
  profileId!: string;
}

@ObjectType('AudienceChanged', {
  implements: RoomEventType,
  description:
    'Listener joins and leaves, coalesced. In a large room the server may fold many joins and leaves into one event (then previousVersion < version - 1).',
})
export class AudienceChangedEvent extends RoomEventType {
  @Field(() => Int)
  listenerCount!: number;

  @Field(() => [ParticipantType])
  joined!: ParticipantType[];

  @Field(() => [ID])
  leftProfileIds!: string[];
}

@ObjectType('HandRaised', { implements: RoomEventType })
export class HandRaisedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('HandLowered', { implements: RoomEventType })
export class HandLoweredEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('StageInvitation', { implements: RoomEventType })
export class StageInvitationEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('StageInvitationDeclined', {
  implements: RoomEventType,
  description: 'The invited participant declined; their invitation is withdrawn.',
})
export class StageInvitationDeclinedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('RoleChanged', { implements: RoomEventType })
export class RoleChangedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => ParticipantRoleGql)
  previousRole!: ParticipantRole;
}

@ObjectType('ParticipantMuted', { implements: RoomEventType })
export class ParticipantMutedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantUnmuted', { implements: RoomEventType, description: 'A speaker unmuted themself.' })
export class ParticipantUnmutedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantRemoved', { implements: RoomEventType })
export class ParticipantRemovedEvent extends RoomEventType {
  @Field(() => ID)
  profileId!: string;

  @Field(() => Boolean)
  banned!: boolean;
}

@ObjectType('RoomStatusChanged', { implements: RoomEventType })
export class RoomStatusChangedEvent extends RoomEventType {
  @Field(() => RoomStatusGql)
  status!: RoomStatus;
}

@ObjectType('ParticipantConnectionChanged', {
  implements: RoomEventType,
  description: "A participant on stage connected to or dropped off the room's audio (media server). Listeners' connections are not room events.",
})
export class ParticipantConnectionChangedEvent extends RoomEventType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => Boolean)
  connected!: boolean;
}

/** Every concrete event type, for buildSchema's `orphanedTypes`. */
export const ROOM_EVENT_TYPES = [
  ParticipantJoinedEvent,
  ParticipantLeftEvent,
  AudienceChangedEvent,
  HandRaisedEvent,
  HandLoweredEvent,
  StageInvitationEvent,
  StageInvitationDeclinedEvent,
  RoleChangedEvent,
  ParticipantMutedEvent,
  ParticipantUnmutedEvent,
  ParticipantRemovedEvent,
  RoomStatusChangedEvent,
  ParticipantConnectionChangedEvent,
];

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
export abstract class RoomEventInterfaceType {
  @Field(() => ID)
  roomId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int)
  previousVersion!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('ParticipantJoined', { implements: RoomEventInterfaceType })
export class ParticipantJoinedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantLeft', { implements: RoomEventInterfaceType })
export class ParticipantLeftEvent extends RoomEventInterfaceType {
  @Field(() => ID)
  profileId!: string;
}

@ObjectType('AudienceChanged', {
  implements: RoomEventInterfaceType,
  description:
    'Listener joins and leaves, coalesced. In a large room the server may fold many joins and leaves into one event (then previousVersion < version - 1).',
})
export class AudienceChangedEvent extends RoomEventInterfaceType {
  @Field(() => Int)
  listenerCount!: number;

  @Field(() => [ParticipantType])
  joined!: ParticipantType[];

  @Field(() => [ID])
  leftProfileIds!: string[];
}

@ObjectType('HandRaised', { implements: RoomEventInterfaceType })
export class HandRaisedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('HandLowered', { implements: RoomEventInterfaceType })
export class HandLoweredEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('StageInvitation', { implements: RoomEventInterfaceType })
export class StageInvitationEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('StageInvitationDeclined', {
  implements: RoomEventInterfaceType,
  description: 'The invited participant declined; their invitation is withdrawn.',
})
export class StageInvitationDeclinedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('RoleChanged', { implements: RoomEventInterfaceType })
export class RoleChangedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => ParticipantRoleGql)
  previousRole!: ParticipantRole;
}

@ObjectType('ParticipantMuted', { implements: RoomEventInterfaceType })
export class ParticipantMutedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantUnmuted', { implements: RoomEventInterfaceType, description: 'A speaker unmuted themself.' })
export class ParticipantUnmutedEvent extends RoomEventInterfaceType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;
}

@ObjectType('ParticipantRemoved', { implements: RoomEventInterfaceType })
export class ParticipantRemovedEvent extends RoomEventInterfaceType {
  @Field(() => ID)
  profileId!: string;

  @Field(() => Boolean)
  banned!: boolean;
}

@ObjectType('RoomStatusChanged', { implements: RoomEventInterfaceType })
export class RoomStatusChangedEvent extends RoomEventInterfaceType {
  @Field(() => RoomStatusGql)
  status!: RoomStatus;
}

@ObjectType('ParticipantConnectionChanged', {
  implements: RoomEventInterfaceType,
  description: "A participant on stage connected to or dropped off the room's audio (media server). Listeners' connections are not room events.",
})
export class ParticipantConnectionChangedEvent extends RoomEventInterfaceType {
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

import { type ParticipantRole, type RoomStatus, type RoomVisibility } from '@roundtable/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ParticipantRoleGql, RoomStatusGql, RoomVisibilityGql } from '../../common/graphql-enums';
import { NodeType, PageInfoType } from '../../common/node.type';

@ObjectType('Room', { implements: NodeType })
export class RoomType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => RoomStatusGql)
  status!: RoomStatus;

  @Field(() => RoomVisibilityGql)
  visibility!: RoomVisibility;

  @Field(() => Date, { nullable: true })
  scheduledFor!: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Int, { description: 'Most participants that may be on stage at once, host and moderators included.' })
  maxSpeakers!: number;
}

@ObjectType('Participant', { implements: NodeType })
export class ParticipantType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => ParticipantRoleGql)
  role!: ParticipantRole;

  @Field(() => Date, { nullable: true })
  handRaisedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set while a moderator\'s invitation to the stage waits for an answer.' })
  invitedToStageAt!: Date | null;

  @Field(() => Boolean)
  muted!: boolean;

  @Field(() => Boolean, { description: "True while the participant's audio connection to the media server is up." })
  connected!: boolean;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType('ParticipantEdge')
export class ParticipantEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ParticipantType)
  node!: ParticipantType;
}

@ObjectType('ParticipantConnection')
export class ParticipantConnectionType {
  @Field(() => [ParticipantEdgeType])
  edges!: ParticipantEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('RoomEdge')
export class RoomEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => RoomType)
  node!: RoomType;
}

@ObjectType('RoomConnection')
export class RoomConnectionType {
  @Field(() => [RoomEdgeType])
  edges!: RoomEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@ObjectType('AudioAccess', { description: "What a client needs to connect to the room's audio on the media server." })
export class AudioAccessType {
  @Field(() => String)
  serverUrl!: string;

  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Boolean)
  canPublish!: boolean;
}

@ObjectType('JoinRoomPayload')
export class JoinRoomPayloadType {
  @Field(() => ParticipantType)
  participant!: ParticipantType;

  @Field(() => AudioAccessType)
  audio!: AudioAccessType;
}

import { type RoomStatus, RoomVisibility } from '@roundtable/domain';
import { Field, ID, InputType, Int } from 'type-graphql';

import { RoomStatusGql, RoomVisibilityGql } from '../../common/graphql-enums';

@InputType('RoomFilter')
export class RoomFilterInput {
  @Field(() => RoomStatusGql, { nullable: true })
  status?: RoomStatus | null;

  @Field(() => String, { nullable: true, description: 'Topic slug.' })
  topic?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the title or the host\'s display name (case-insensitive; every word must match; at most 100 characters).',
  })
  search?: string | null;
}

@InputType('CreateRoomInput')
export class CreateRoomInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: false, defaultValue: [], description: 'Topic slugs.' })
  topics!: string[];

  @Field(() => RoomVisibilityGql, { nullable: false, defaultValue: RoomVisibility.Public })
  visibility!: RoomVisibility;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Profiles that may join a PRIVATE room.' })
  inviteeIds?: string[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'A room with a time in the future is SCHEDULED; without one it goes LIVE at once.',
  })
  scheduledFor?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: 10 })
  maxSpeakers?: number | null;
}

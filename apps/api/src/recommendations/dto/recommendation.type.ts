import { Field, Float, ObjectType } from 'type-graphql';

import { RoomType } from '../../rooms/dto/room.type';
import { type FeedMode } from '../recommendation-controls.service';
import { FeedModeGql } from './recommendation-controls.type';

@ObjectType('RoomRecommendation')
export class RoomRecommendationType {
  @Field(() => RoomType)
  room!: RoomType;

  @Field(() => Float)
  score!: number;

  @Field(() => [String], { description: "Why this room, for the viewer, e.g. 'Matches your skills: Kubernetes, Go'." })
  reasons!: string[];
}

@ObjectType('RoomRecommendations')
export class RoomRecommendationsType {
  @Field(() => String, { description: 'Identifies the ranking model that produced this list.' })
  modelVersion!: string;

  @Field(() => [RoomRecommendationType])
  items!: RoomRecommendationType[];

  @Field(() => FeedModeGql, { description: 'The mode this list was made in.' })
  mode!: FeedMode;
}

import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../../common/graphql-enums';

import { ProfileType } from '../../profiles/dto/profile.type';
import { RoomType } from '../../rooms/dto/room.type';
import { TopicType } from '../../topics/topic.type';
import { FeedMode, HiddenKind } from '../recommendation-controls.service';

export const FeedModeGql = graphqlEnum(FeedMode, 'FeedMode', {
  [FeedMode.Personalised]: "Ranked for the viewer's professional interests by the model.",
  [FeedMode.NotPersonalised]: "Not based on profiling: rooms of the viewer's groups and of those they follow by start time, then the most popular public rooms.",
});
export const HiddenKindGql = graphqlEnum(HiddenKind, 'HiddenKind');

@ObjectType('HiddenRecommendation', { description: 'Something the viewer asked not to be recommended.' })
export class HiddenRecommendationType {
  @Field(() => HiddenKindGql)
  kind!: HiddenKind;

  @Field(() => RoomType, { nullable: true, description: 'The hidden room (kind ROOM), while the viewer may still see it.' })
  room?: RoomType | null;

  @Field(() => ProfileType, { nullable: true, description: 'The hidden host (kind HOST).' })
  host?: ProfileType | null;

  @Field(() => TopicType, { nullable: true, description: 'The hidden topic (kind TOPIC).' })
  topic?: TopicType | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('RankingParameter', { description: 'One main parameter of the recommender, in plain words.' })
export class RankingParameterType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Float, { description: "Relative importance in the served model, 0–1; the parameters' importances add up to 1." })
  importance!: number;
}

@ObjectType('RankingTransparency', { description: 'What decides the order of recommendedRooms, and what the viewer can change.' })
export class RankingTransparencyType {
  @Field(() => String)
  modelVersion!: string;

  @Field(() => [RankingParameterType])
  parameters!: RankingParameterType[];

  @Field(() => String, { description: 'Why the parameters weigh as they do, in plain words.' })
  explanation!: string;

  @Field(() => [FeedModeGql])
  options!: FeedMode[];
}

@InputType('HideRecommendationInput')
export class HideRecommendationInput {
  @Field(() => ID, { nullable: true, description: 'Exactly one of roomId, hostId, topicSlug.' })
  roomId?: string | null;

  @Field(() => ID, { nullable: true })
  hostId?: string | null;

  @Field(() => String, { nullable: true })
  topicSlug?: string | null;
}

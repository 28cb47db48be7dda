import { Field, Float, Int, ObjectType } from 'type-graphql';

import { ReactionCountType } from '../../conversation/chat-message.type';

@ObjectType('InsightGroup', { description: "One group of listeners. Groups of fewer than minimumGroupSize distinct listeners are folded into the label 'Other'." })
export class InsightGroupType {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  listeners!: number;

  @Field(() => Float, { description: "Share of the room's distinct listeners, 0–1." })
  share!: number;
}

@ObjectType('InsightPoint')
export class InsightPointType {
  @Field(() => Date, { description: 'Start of the window.' })
  at!: Date;

  @Field(() => Int)
  listeners!: number;
}

@ObjectType('RoomInsights', {
  description:
    'Who listened, for the host and moderators, without ever revealing one person: figures refresh at most once per refresh window while the room is LIVE (never per join), and every group has at least minimumGroupSize distinct listeners.',
})
export class RoomInsightsType {
  @Field(() => Int, { description: 'Distinct listeners so far (the host and stage excluded).' })
  uniqueListeners!: number;

  @Field(() => Int)
  peakListeners!: number;

  @Field(() => Int, { nullable: true, description: 'Median seconds a listener stayed; null below minimumGroupSize listeners.' })
  medianListenSeconds!: number | null;

  @Field(() => [InsightGroupType])
  byIndustry!: InsightGroupType[];

  @Field(() => [InsightGroupType])
  bySeniority!: InsightGroupType[];

  @Field(() => [InsightPointType], { description: 'Listeners per refresh window, oldest first.' })
  timeline!: InsightPointType[];

  @Field(() => Int)
  questionsAsked!: number;

  @Field(() => Int)
  questionsAnswered!: number;

  @Field(() => Int)
  chatMessages!: number;

  @Field(() => [ReactionCountType])
  reactions!: ReactionCountType[];

  @Field(() => Int, { description: 'k: the smallest group ever shown.' })
  minimumGroupSize!: number;

  @Field(() => Date, { description: 'The moment the figures describe: the end of the window they were computed for.' })
  computedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the figures may change next; null once the room has ENDED and they are final.' })
  nextRefreshAt!: Date | null;
}

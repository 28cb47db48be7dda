import { topicBySlug } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseFirst } from '../common/pagination';
import { ProfileType } from '../profiles/dto/profile.type';
import { type ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from '../rooms/dto/room.type';
import { type RoomEntity } from '../rooms/room.entity';
import { TopicType } from '../topics/topic.type';
import { RoomRecommendationsType } from './dto/recommendation.type';
import {
  FeedModeGql,
  HiddenRecommendationType,
  HideRecommendationInput,
  RankingTransparencyType,
} from './dto/recommendation-controls.type';
import { type FeedMode, type HiddenRecommendationRow } from './recommendation-controls.service';
import { type Recommendations } from './recommendations.service';
import type { RankingTransparency } from './ranking-transparency.service';

@Resolver()
export class RecommendationsResolver {
  @Query(() => RoomRecommendationsType, {
    description: "Live and upcoming rooms the viewer may join, best first for the viewer's professional interests (or, in NOT_PERSONALISED mode, without profiling).",
    complexity: ({ childComplexity, args }) => 20 + Number(args['first'] ?? 20) * childComplexity,
  })
  async recommendedRooms(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
  ): Promise<Recommendations> {
    const viewer = requireViewer(ctx);
    const limit = parseFirst(first, 20);
    const mode = await ctx.services.recommendationControls.feedMode(ctx.scope.em, viewer.profileId);
    return ctx.services.recommendations.recommend(ctx.scope.em, viewer, limit, new Date(), mode);
  }

  @Query(() => RankingTransparencyType, { description: 'How recommendations are made; readable without signing in.' })
  async rankingTransparency(@Ctx() ctx: GraphQLContext): Promise<RankingTransparency> {
    return ctx.services.rankingTransparency.get();
  }

  @Query(() => FeedModeGql, { description: "The viewer's chosen feed mode (PERSONALISED until they choose)." })
  async viewerFeedMode(@Ctx() ctx: GraphQLContext): Promise<FeedMode> {
    return ctx.services.recommendationControls.feedMode(ctx.scope.em, requireViewer(ctx).profileId);
  }

  @Query(() => [HiddenRecommendationType], { description: 'What the viewer asked not to be recommended, newest first.' })
  async viewerHiddenRecommendations(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Continue after the item whose HiddenRecommendation.cursor this is.' })
    after: string | null,
  ): Promise<HiddenRecommendationRow[]> {
    return ctx.services.recommendationControls.list(ctx.scope.em, requireViewer(ctx), parseFirst(first, 50), after ?? null);
  }

  @Mutation(() => FeedModeGql, { description: "The viewer's feed mode from now on, until changed." })
  async setFeedMode(@Ctx() ctx: GraphQLContext, @Arg('mode', () => FeedModeGql) mode: FeedMode): Promise<FeedMode> {
    return ctx.services.recommendationControls.setFeedMode(ctx.scope.em, requireViewer(ctx), mode);
  }

  @Mutation(() => HiddenRecommendationType, {
    description:
      "Not interested: the room, every room of the host, or every room with the topic leaves the viewer's recommendations for good, in both feed modes, until unhidden.",
  })
  async hideRecommendation(@Ctx() ctx: GraphQLContext, @Arg('input', () => HideRecommendationInput) input: HideRecommendationInput): Promise<HiddenRecommendationRow> {
    return ctx.services.recommendationControls.hide(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => Boolean, { description: 'Undoes hideRecommendation; true when the item was hidden, false when it was not.' })
  async unhideRecommendation(@Ctx() ctx: GraphQLContext, @Arg('input', () => HideRecommendationInput) input: HideRecommendationInput): Promise<boolean> {
    return ctx.services.recommendationControls.unhide(ctx.scope.em, requireViewer(ctx), input);
  }
}

@Resolver(() => HiddenRecommendationType)
export class HiddenRecommendationResolver {
  @FieldResolver(() => RoomType, { nullable: true })
  async room(@Root() row: HiddenRecommendationRow, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return row.visibleRoomId ? ctx.scope.room.load(row.visibleRoomId) : null;
  }

  @FieldResolver(() => ProfileType, { nullable: true })
  async host(@Root() row: HiddenRecommendationRow, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return row.hostId ? ctx.scope.profile.load(row.hostId) : null;
  }

  @FieldResolver(() => String, { description: 'Pass as viewerHiddenRecommendations(after:) to continue after this item.' })
  cursor(@Root() row: HiddenRecommendationRow, @Ctx() ctx: GraphQLContext): string {
    return ctx.services.recommendationControls.cursorOf(row);
  }

  @FieldResolver(() => TopicType, { nullable: true })
  topic(@Root() row: HiddenRecommendationRow): TopicType | null {
    return row.topicSlug ? (topicBySlug(row.topicSlug) ?? null) : null;
  }
}

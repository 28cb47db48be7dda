import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseFirst } from '../common/pagination';
import { RoomRecommendationsType } from './dto/recommendation.type';
import { type Recommendations } from './recommendations.service';

@Resolver()
export class RecommendationsResolver {
  @Query(() => RoomRecommendationsType, {
    description: "Live and upcoming rooms the viewer may join, best first for the viewer's professional interests.",
    complexity: ({ childComplexity, args }) => 20 + Number(args['first'] ?? 20) * childComplexity,
  })
  async recommendedRooms(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
  ): Promise<Recommendations> {
    return ctx.services.recommendations.recommend(ctx.scope.em, requireViewer(ctx), parseFirst(first, 20));
  }
}

import { findIndustry, industryBySlug } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseProfileId } from '../common/ids';
import { parseFirst } from '../common/pagination';
import { TopicType } from '../topics/topic.type';
import { topicsFromSlugs } from '../topics/topics.resolver';
import { ProfileConnectionType, ProfileType } from './dto/profile.type';
import { UpdateProfileInput } from './dto/update-profile.input';
import { type ProfileEntity } from './profile.entity';
import { type ProfileSearchPage } from './profiles.service';

@Resolver(() => ProfileType)
export class ProfilesResolver {
  @Query(() => ProfileType, { nullable: true })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    if (!ctx.viewer) return null;
    return ctx.scope.profile.load(ctx.viewer.profileId);
  }

  @Query(() => ProfileType, { nullable: true })
  async profile(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    requireViewer(ctx);
    return ctx.scope.profile.load(parseProfileId(id, 'id'));
  }

  @Query(() => ProfileConnectionType, {
    description:
      'People whose display name or headline contains every word of the query (2 to 100 characters, case-insensitive), by display name. ' +
      'Profiles the viewer blocked or that blocked the viewer are left out. Counts against RATE_LIMIT_EXPENSIVE_READS.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async searchProfiles(
    @Ctx() ctx: GraphQLContext,
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ProfileSearchPage> {
    return ctx.services.profiles.searchProfiles(ctx.scope.em, requireViewer(ctx), query, parseFirst(first, 20), after);
  }

  @Mutation(() => ProfileType)
  async updateViewerProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProfileEntity> {
    return ctx.services.profiles.updateViewerProfile(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => ProfileType)
  async follow(@Arg('profileId', () => ID) profileId: string, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    return ctx.services.profiles.follow(ctx.scope.em, requireViewer(ctx), profileId);
  }

  @Mutation(() => ProfileType)
  async unfollow(@Arg('profileId', () => ID) profileId: string, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    return ctx.services.profiles.unfollow(ctx.scope.em, requireViewer(ctx), profileId);
  }

  @FieldResolver(() => String, { nullable: true })
  industry(@Root() profile: ProfileEntity): string | null {
    if (!profile.industry) return null;
    return (industryBySlug(profile.industry) ?? findIndustry(profile.industry))?.name ?? profile.industry;
  }

  @FieldResolver(() => [TopicType])
  interests(@Root() profile: ProfileEntity): TopicType[] {
    return topicsFromSlugs(profile.interests);
  }

  @FieldResolver(() => Boolean)
  async viewerFollows(@Root() profile: ProfileEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!ctx.viewer || ctx.viewer.profileId === profile.id) return false;
    return ctx.scope.viewerFollows.load(profile.id);
  }
}

import { findIndustry, industryBySlug } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseProfileId } from '../common/ids';
import { TopicType } from '../topics/topic.type';
import { topicsFromSlugs } from '../topics/topics.resolver';
import { ProfileType } from './dto/profile.type';
import { UpdateProfileInput } from './dto/update-profile.input';
import { type ProfileEntity } from './profile.entity';

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

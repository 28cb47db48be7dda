import { type RoomStatus } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { RoomStatusGql } from '../common/graphql-enums';
import { parseUuid } from '../common/ids';
import { type Page, parseFirst } from '../common/pagination';
import { ProfileConnectionType } from '../profiles/dto/profile.type';
import { RoomType } from '../rooms/dto/room.type';
import { type RoomEntity } from '../rooms/room.entity';
import { GROUP_ROOMS_LIMIT } from '../rooms/room.queries';
import { CreateGroupInput, GroupConnectionType, GroupType } from './dto/group.type';
import { type GroupEntity } from './group.entity';

@Resolver(() => GroupType)
export class GroupsResolver {
  @Query(() => GroupType, { nullable: true })
  async group(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<GroupEntity | null> {
    requireViewer(ctx);
    // Through the request's loader: aliased group(id) fields resolve in one batch, so their
    // members/rooms lists batch too (one statement per argument set, not per alias).
    return ctx.scope.group.load(parseUuid(id, 'id'));
  }

  @Query(() => GroupConnectionType, {
    description: 'Groups the viewer belongs to, most recently joined first.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async viewerGroups(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<GroupEntity>> {
    const page = await ctx.services.groups.viewerGroups(ctx.scope.em, requireViewer(ctx), parseFirst(first, 20), after);
    // Every group listed here has the viewer as a member: no second statement for viewerIsMember.
    for (const { node } of page.edges) ctx.scope.viewerIsMember.prime(node.id, true);
    return page;
  }

  @Mutation(() => GroupType)
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.createGroup(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => GroupType)
  async joinGroup(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.joinGroup(ctx.scope.em, requireViewer(ctx), groupId);
  }

  @Mutation(() => GroupType)
  async leaveGroup(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.leaveGroup(ctx.scope.em, requireViewer(ctx), groupId);
  }

  @FieldResolver(() => Boolean)
  async viewerIsMember(@Root() group: GroupEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.scope.viewerIsMember.load(group.id);
  }

  @FieldResolver(() => ProfileConnectionType, {
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async members(
    @Root() group: GroupEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    // Batched: one statement per distinct (first, after) for every group of the request.
    const page = await ctx.scope.groupMembers.load({ groupId: group.id, first: parseFirst(first, 50), after: after ?? null });
    return { ...page, totalCount: group.memberCount };
  }

  @FieldResolver(() => [RoomType], {
    description: `Rooms in the group the viewer may see, newest first (at most ${GROUP_ROOMS_LIMIT}).`,
    complexity: ({ childComplexity }) => GROUP_ROOMS_LIMIT * childComplexity,
  })
  async rooms(
    @Root() group: GroupEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => RoomStatusGql, { nullable: true }) status: RoomStatus | null,
  ): Promise<RoomEntity[]> {
    // Batched: one statement per distinct (status, viewer) for every group of the request.
    return ctx.scope.groupRooms.load({ groupId: group.id, status: status ?? null, viewer: requireViewer(ctx) });
  }
}

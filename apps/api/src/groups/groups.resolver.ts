import { GroupOperation, type RoomStatus } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { type GraphQLContext, requireViewer } from '../common/context';
import { RoomStatusGql } from '../common/graphql-enums';
import { parseUuid } from '../common/ids';
import { type Page, parseFirst } from '../common/pagination';
import { ProfileConnectionType, ProfileType } from '../profiles/dto/profile.type';
import { type ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from '../rooms/dto/room.type';
import { type RoomEntity } from '../rooms/room.entity';
import { GROUP_ROOMS_LIMIT } from '../rooms/room.queries';
import {
  CreateGroupInput,
  GroupConnectionType,
  GroupJoinRequestConnectionType,
  GroupJoinRequestType,
  GroupMembershipType,
  GroupType,
} from './dto/group.type';
import type { GroupEntity, GroupJoinRequestEntity, GroupMemberEntity } from './group.entity';
import { assertGroupAccess } from './group-membership.rules';
import { staffActorOfScope } from '../moderation/staff-powers';

@Resolver(() => GroupType)
export class GroupsResolver {
  @Query(() => GroupType, {
    nullable: true,
    description: "Any group, by id: its name, description, policy and member count. Members and GROUP rooms are for members only.",
  })
  async group(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<GroupEntity | null> {
    requireViewer(ctx);
    // Through the request's loader: aliased group(id) fields resolve in one batch, so their
    // members/rooms lists batch too (one statement per argument set, not per alias).
    return ctx.scope.group.load(parseUuid(id, 'id'));
  }

  @Query(() => GroupConnectionType, {
    description:
      'The group directory: OPEN and BY_REQUEST groups by name (case-insensitive A to Z), optionally those whose name contains every word of `search` (at most 80 characters). One SQL statement per page.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async groups(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<GroupEntity>> {
    requireViewer(ctx);
    return ctx.services.groups.groupDirectory(ctx.scope.em, search, parseFirst(first, 20), after);
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
    const viewer = requireViewer(ctx);
    const { page, memberships } = await ctx.services.groups.viewerGroups(ctx.scope.em, viewer, parseFirst(first, 20), after);
    // Every group listed here has the viewer as a member: no second statement for the membership.
    for (const membership of memberships) ctx.scope.viewerMembership.prime(membership.groupId, membership);
    return page;
  }

  @Mutation(() => GroupType, { description: 'Creates a group; the viewer becomes its first member and admin.' })
  async createGroup(@Arg('input', () => CreateGroupInput) input: CreateGroupInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.createGroup(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => GroupType, {
    description:
      'Joins an OPEN group, or a BY_REQUEST group the viewer was invited to (joining again changes nothing). A BY_REQUEST group without an invitation is FORBIDDEN: ask with requestToJoinGroup.',
  })
  async joinGroup(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.joinGroup(ctx.scope.em, requireViewer(ctx), groupId);
  }

  @Mutation(() => GroupType, {
    description:
      "Asks to join: files a PENDING request (see viewerJoinRequest) for the admins of a BY_REQUEST group; asking again while one is pending changes nothing. An OPEN group, or one the viewer was invited to, is joined at once.",
  })
  async requestToJoinGroup(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.requestToJoinGroup(ctx.scope.em, requireViewer(ctx), groupId);
  }

  @Mutation(() => GroupJoinRequestType, {
    description: "Group admins only: approves a pending join request, and its author becomes a member. CONFLICT for a declined request.",
  })
  async approveGroupJoinRequest(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.approveJoinRequest(ctx.scope.em, requireViewer(ctx), requestId);
  }

  @Mutation(() => GroupJoinRequestType, {
    description: 'Group admins only: declines a pending join request (its author may ask again). CONFLICT for an approved request.',
  })
  async declineGroupJoinRequest(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.declineJoinRequest(ctx.scope.em, requireViewer(ctx), requestId);
  }

  @Mutation(() => GroupType, {
    description:
      'Group admins only: invites a profile, who may then join at once (joinGroup) whatever the policy; someone who had asked to join becomes a member now.',
  })
  async inviteToGroup(@Arg('groupId', () => ID) groupId: string, @Arg('profileId', () => ID) profileId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.inviteToGroup(ctx.scope.em, requireViewer(ctx), groupId, profileId);
  }

  @Mutation(() => GroupType, {
    description:
      "Leaves a group (again changes nothing); its GROUP rooms are no longer visible. When the last admin leaves, the longest-standing member becomes admin.",
  })
  async leaveGroup(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.groups.leaveGroup(ctx.scope.em, requireViewer(ctx), groupId);
  }

  @FieldResolver(() => Boolean)
  async viewerIsMember(@Root() group: GroupEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await ctx.scope.viewerMembership.load(group.id)) !== null;
  }

  @FieldResolver(() => GroupMembershipType, { nullable: true, description: "The viewer's role in the group; null when not a member." })
  async viewerMembership(@Root() group: GroupEntity, @Ctx() ctx: GraphQLContext): Promise<GroupMemberEntity | null> {
    return ctx.scope.viewerMembership.load(group.id);
  }

  @FieldResolver(() => GroupJoinRequestType, {
    nullable: true,
    description: "The viewer's latest request to join (PENDING, APPROVED or DECLINED); null when they never asked.",
  })
  async viewerJoinRequest(@Root() group: GroupEntity, @Ctx() ctx: GraphQLContext): Promise<Partial<GroupJoinRequestEntity> | null> {
    const viewer = requireViewer(ctx);
    const { latestRequest } = await ctx.scope.viewerJoinState.load(group.id);
    return latestRequest ? { ...latestRequest, groupId: group.id, profileId: viewer.profileId } : null;
  }

  @FieldResolver(() => Boolean, { description: "Whether one of the group's admins invited the viewer (joinGroup then admits at once)." })
  async viewerIsInvited(@Root() group: GroupEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await ctx.scope.viewerJoinState.load(group.id)).invited;
  }

  @FieldResolver(() => ProfileConnectionType, {
    description: 'Members in join order. FORBIDDEN to anyone but members (and trust and safety staff).',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async members(
    @Root() group: GroupEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const viewer = requireViewer(ctx);
    const membership = await ctx.scope.viewerMembership.load(group.id);
    const role = membership?.role ?? null;
    // A suspension takes staff powers away: read only for staff who are not members, once per request.
    const { isSuspended } = role === null ? await staffActorOfScope(ctx.scope, viewer, ctx.services.suspensions) : { isSuspended: false };
    assertGroupAccess(GroupOperation.SeeMembers, { joinPolicy: group.joinPolicy, role, invited: false, isStaff: viewer.isStaff, isSuspended }, "Only the group's members see who its members are");
    // Batched: one statement per distinct (first, after) for every group of the request.
    const page = await ctx.scope.groupMembers.load({ groupId: group.id, first: parseFirst(first, 50), after: after ?? null });
    return { ...page, totalCount: group.memberCount };
  }

  @FieldResolver(() => GroupJoinRequestConnectionType, {
    description: "Pending join requests, oldest first. FORBIDDEN to anyone but the group's admins.",
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async joinRequests(
    @Root() group: GroupEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<GroupJoinRequestEntity>> {
    await this.requireAdmin(group, ctx);
    // Batched: one statement per distinct (first, after) for every group of the request.
    return ctx.scope.groupJoinRequests.load({ groupId: group.id, first: parseFirst(first, 20), after: after ?? null });
  }

  @FieldResolver(() => [RoomType], {
    description: `Rooms in the group the viewer may see (GROUP rooms for members only), newest first (at most ${GROUP_ROOMS_LIMIT}).`,
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

  private async requireAdmin(group: GroupEntity, ctx: GraphQLContext): Promise<AuthenticatedViewer> {
    const viewer = requireViewer(ctx);
    const membership = await ctx.scope.viewerMembership.load(group.id);
    assertGroupAccess(
      GroupOperation.SeeJoinRequests,
      { joinPolicy: group.joinPolicy, role: membership?.role ?? null, invited: false, isStaff: viewer.isStaff },
      "Only the group's admins see its join requests",
    );
    return viewer;
  }
}

/** A join request's group and author, for its admins and its author. */
@Resolver(() => GroupJoinRequestType)
export class GroupJoinRequestsResolver {
  @FieldResolver(() => GroupType)
  async group(@Root() request: GroupJoinRequestEntity, @Ctx() ctx: GraphQLContext): Promise<GroupEntity> {
    const group = await ctx.scope.group.load(request.groupId);
    if (!group) throw new Error(`join request ${request.id} has no group`);
    return group;
  }

  @FieldResolver(() => ProfileType, { description: 'Who asked to join.' })
  async profile(@Root() request: GroupJoinRequestEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    const profile = await ctx.scope.profile.load(request.profileId);
    if (!profile) throw new Error(`join request ${request.id} has no profile`);
    return profile;
  }
}

import { ROOM_LIMITS, type RoomCommand } from '@roundtable/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseProfileId } from '../common/ids';
import { type Page, parseFirst } from '../common/pagination';
import { GroupType } from '../groups/dto/group.type';
import { type GroupEntity } from '../groups/group.entity';
import { ProfileType } from '../profiles/dto/profile.type';
import { type ProfileEntity } from '../profiles/profile.entity';
import { TopicType } from '../topics/topic.type';
import { topicsFromSlugs } from '../topics/topics.resolver';
import { CreateRoomInput, RoomFilterInput } from './dto/room.inputs';
import {
  AudioAccessType,
  JoinRoomPayloadType,
  ParticipantConnectionType,
  ParticipantType,
  RoomConnectionType,
  RoomType,
} from './dto/room.type';
import { type ParticipantEntity, type RoomEntity } from './room.entity';
import { type CommandOutcome } from './room-command.handler';
import { RAISED_HANDS_LIMIT } from './room.queries';

/** A command as the resolver builds it; the actor is always the signed-in viewer. */
type WithoutActor<T> = T extends RoomCommand ? Omit<T, 'actorId'> : never;
type ActorlessCommand = WithoutActor<RoomCommand>;

/** The participant a command was about (the target, else the actor), after the command. */
function participantOf(outcome: CommandOutcome, profileId: string): ParticipantEntity {
  const participant = outcome.participants.get(profileId);
  if (!participant) throw new Error('participant missing after a successful command');
  return participant;
}

@Resolver(() => RoomType)
export class RoomsResolver {
  @Query(() => RoomType, { nullable: true })
  async room(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return ctx.services.roomQueries.findVisibleRoom(ctx.scope.em, requireViewer(ctx), id);
  }

  @Query(() => RoomConnectionType, {
    description: 'Rooms the viewer may see, newest first.',
    // Each of the `first` rooms costs what is selected on it; without this multiplier
    // rooms(first: 100) { audience(first: 100) } priced one room and passed QUERY_MAX_COST.
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async rooms(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => RoomFilterInput, { nullable: true }) filter: RoomFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<RoomEntity>> {
    return ctx.services.roomQueries.listRooms(
      ctx.scope.em,
      requireViewer(ctx),
      { status: filter?.status ?? null, topic: filter?.topic ?? null, groupId: filter?.groupId ?? null, search: filter?.search ?? null },
      parseFirst(first, 20),
      after,
    );
  }

  @Mutation(() => RoomType)
  async createRoom(@Arg('input', () => CreateRoomInput) input: CreateRoomInput, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    return ctx.services.roomCreation.createRoom(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => RoomType, { description: 'Host only: a SCHEDULED room goes LIVE.' })
  async startRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    return (await this.handle(ctx, roomId, { type: 'StartRoom' })).room;
  }

  @Mutation(() => RoomType, { description: 'Host only: everyone is disconnected and the room is ENDED.' })
  async endRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    return (await this.handle(ctx, roomId, { type: 'EndRoom' })).room;
  }

  @Mutation(() => JoinRoomPayloadType)
  async joinRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireViewer(ctx);
    const outcome = await this.handle(ctx, roomId, { type: 'JoinRoom' });
    const participant = participantOf(outcome, viewer.profileId);
    // A join decided in an audience batch hands over the relation its transaction read: no second read.
    return { participant, audio: await ctx.services.media.issueAudioAccess(ctx.scope.em, viewer, participant, outcome.actorRelation) };
  }

  @Mutation(() => AudioAccessType, { description: "Fresh audio access after the viewer's role changed." })
  async refreshAudioAccess(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.media.refreshAudioAccess(ctx.scope.em, requireViewer(ctx), roomId);
  }

  @Mutation(() => RoomType)
  async leaveRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    return (await this.handle(ctx, roomId, { type: 'LeaveRoom' })).room;
  }

  @Mutation(() => ParticipantType, { description: 'Request to speak, optionally with the question to ask.' })
  async raiseHand(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('question', () => String, { nullable: true }) question: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    // Screened before the command runs: a refused question changes nothing.
    const flags = ctx.services.screening.screen({ question });
    const participant = await this.handleForActor(ctx, roomId, { type: 'RaiseHand', question: question ?? null });
    await ctx.services.screening.fileFlagsNow(ctx.scope.em, participant.profileId, participant.roomId, flags);
    return participant;
  }

  @Mutation(() => ParticipantType)
  async lowerHand(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity> {
    return this.handleForActor(ctx, roomId, { type: 'LowerHand' });
  }

  @Mutation(() => ParticipantType, { description: "Host and moderators: take down a listener's raised hand (and its question)." })
  async dismissHand(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    return this.handleForTarget(ctx, roomId, { type: 'DismissHand', targetId: parseProfileId(profileId, 'profileId') });
  }

  @Mutation(() => ParticipantType, { description: 'Host and moderators: invite a participant onto the stage.' })
  async inviteToStage(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    return this.handleForTarget(ctx, roomId, { type: 'InviteToStage', targetId: parseProfileId(profileId, 'profileId') });
  }

  @Mutation(() => ParticipantType)
  async acceptStageInvite(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity> {
    return this.handleForActor(ctx, roomId, { type: 'AcceptStageInvite' });
  }

  @Mutation(() => ParticipantType)
  async declineStageInvite(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity> {
    return this.handleForActor(ctx, roomId, { type: 'DeclineStageInvite' });
  }

  @Mutation(() => ParticipantType, { description: 'Host and moderators move anyone but the host; a speaker may move themself.' })
  async moveToAudience(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    return this.handleForTarget(ctx, roomId, { type: 'MoveToAudience', targetId: parseProfileId(profileId, 'profileId') });
  }

  @Mutation(() => ParticipantType, {
    description: 'Host only. Appoints a speaker or revokes a moderator; a listener must accept a stage invitation first.',
  })
  async setModerator(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Arg('moderator', () => Boolean) moderator: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    return this.handleForTarget(ctx, roomId, {
      type: 'SetModerator',
      targetId: parseProfileId(profileId, 'profileId'),
      moderator,
    });
  }

  @Mutation(() => ParticipantType, { description: "Host and moderators: mute a participant's microphone." })
  async muteParticipant(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantEntity> {
    return this.handleForTarget(ctx, roomId, { type: 'MuteParticipant', targetId: parseProfileId(profileId, 'profileId') });
  }

  @Mutation(() => ParticipantType, { description: 'A participant on stage unmutes their own microphone.' })
  async unmuteSelf(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity> {
    return this.handleForActor(ctx, roomId, { type: 'UnmuteSelf' });
  }

  @Mutation(() => RoomType, { description: 'Host and moderators: remove a participant; a banned one cannot join again.' })
  async removeParticipant(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('profileId', () => ID) profileId: string,
    @Arg('ban', () => Boolean, { defaultValue: false, nullable: true }) ban: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoomEntity> {
    const command = { type: 'RemoveParticipant', targetId: parseProfileId(profileId, 'profileId'), ban: ban ?? false } as const;
    return (await this.handle(ctx, roomId, command)).room;
  }

  // --- fields -------------------------------------------------------------------------------

  @FieldResolver(() => [TopicType])
  topics(@Root() room: RoomEntity): TopicType[] {
    return topicsFromSlugs(room.topics);
  }

  @FieldResolver(() => GroupType, { nullable: true })
  async group(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<GroupEntity | null> {
    return room.groupId ? ctx.scope.group.load(room.groupId) : null;
  }

  @FieldResolver(() => ProfileType)
  async host(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    const host = await ctx.scope.profile.load(room.hostId);
    if (!host) throw new Error(`room ${room.id} has no host profile`);
    return host;
  }

  @FieldResolver(() => [ParticipantType], {
    description: 'Everyone on stage (host, moderators, speakers), in the order they came on stage.',
    complexity: ({ childComplexity }) => ROOM_LIMITS.maxSpeakersMax * childComplexity,
  })
  async stage(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity[]> {
    return ctx.scope.stage.load(room.id);
  }

  @FieldResolver(() => ParticipantConnectionType, {
    description: 'Listeners, in the order they joined.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async audience(
    @Root() room: RoomEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await ctx.services.roomQueries.audience(ctx.scope, room.id, parseFirst(first, 50), after);
    const { stream } = ctx.scope;
    // A getter: the counters are read only when `totalCount` is selected (the room page does not).
    return {
      ...page,
      get totalCount(): Promise<number> {
        return stream.load(room.id).then((loaded) => loaded.listenerCount);
      },
    };
  }

  @FieldResolver(() => Int, { description: "Version of the room's state: the version of the latest RoomEvent." })
  async version(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.scope.stream.load(room.id)).version;
  }

  @FieldResolver(() => Int)
  async listenerCount(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.scope.stream.load(room.id)).listenerCount;
  }

  @FieldResolver(() => Int)
  async participantCount(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.scope.stream.load(room.id)).participantCount;
  }

  @FieldResolver(() => [ParticipantType], {
    description: 'Open requests to speak, oldest first. Host and moderators see them; others get an empty list.',
    complexity: ({ childComplexity }) => RAISED_HANDS_LIMIT * childComplexity,
  })
  async raisedHands(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity[]> {
    const role =
      ctx.roomRoleHint !== undefined ? ctx.roomRoleHint : ctx.viewer ? ((await ctx.scope.viewerParticipant.load(room.id))?.role ?? null) : null;
    return ctx.services.roomQueries.raisedHands(ctx.scope.em, room, role);
  }

  @FieldResolver(() => ParticipantType, { nullable: true, description: "The viewer's own participation, while the viewer is in the room." })
  async viewerParticipant(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<ParticipantEntity | null> {
    return ctx.viewer ? ctx.scope.viewerParticipant.load(room.id) : null;
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * Runs one room command for the signed-in viewer through the command pipeline. The room's
   * version and counters in the answer are the ones this command left (not a later command's).
   */
  private async handle(ctx: GraphQLContext, roomId: string, command: ActorlessCommand): Promise<CommandOutcome> {
    const viewer = requireViewer(ctx);
    const outcome = await ctx.services.roomCommands.handleCommand(ctx.scope.em, viewer, roomId, { ...command, actorId: viewer.profileId } as RoomCommand);
    const { version, listenerCount, participantCount } = outcome.stream;
    ctx.scope.stream.clear(outcome.room.id).prime(outcome.room.id, { version, listenerCount, participantCount });
    return outcome;
  }

  /** The viewer's own participation after the command. */
  private async handleForActor(ctx: GraphQLContext, roomId: string, command: ActorlessCommand) {
    const viewer = requireViewer(ctx);
    return participantOf(await this.handle(ctx, roomId, command), viewer.profileId);
  }

  /** The target's participation after the command. */
  private async handleForTarget(ctx: GraphQLContext, roomId: string, command: ActorlessCommand & { targetId: string }) {
    return participantOf(await this.handle(ctx, roomId, command), command.targetId);
  }
}

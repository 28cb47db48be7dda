import { fieldAccessOfRole, RoomOperation } from '@roundtable/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { type GraphQLContext } from '../common/context';
import { RequestScope } from '../common/request-scope';
import { ProfileType } from '../profiles/dto/profile.type';
import { type ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from './dto/room.type';
import { ParticipantType } from './dto/room.type';
import { type RoomEntity } from './room.entity';
import { type ParticipantRecord } from './dto/room-event.mapper';

@Resolver(() => ParticipantType)
export class ParticipantsResolver {
  @FieldResolver(() => RoomType)
  async room(@Root() participant: ParticipantRecord, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    const room = await ctx.scope.room.load(participant.roomId);
    if (!room) throw new Error(`participant ${participant.id} has no room`);
    return room;
  }

  @FieldResolver(() => ProfileType)
  profile(@Root() participant: ParticipantRecord, @Ctx() ctx: GraphQLContext): ProfileEntity | Promise<ProfileEntity> {
    // Pages of participants come with their profiles: no promise per row (issue 9).
    return RequestScope.joinedProfile(participant) ?? this.loadProfile(participant, ctx);
  }

  private async loadProfile(participant: ParticipantRecord, ctx: GraphQLContext): Promise<ProfileEntity> {
    const profile = await ctx.scope.profile.load(participant.profileId);
    if (!profile) throw new Error(`participant ${participant.id} has no profile`);
    return profile;
  }

  @FieldResolver(() => Boolean, { description: "True while the participant's audio connection to the media server is up." })
  async connected(@Root() participant: ParticipantRecord, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (typeof participant.connected === 'boolean') return participant.connected;
    // A participant revived from an event: the row knows the current connection.
    return (await ctx.scope.participant.load(participant.id))?.connected ?? false;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the participant wants to ask or say, given with the raised hand; host and moderators see it.',
  })
  async handRaiseQuestion(@Root() participant: ParticipantRecord, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!participant.handRaiseQuestion || !ctx.viewer) return null;
    if (participant.profileId === ctx.viewer.profileId) return participant.handRaiseQuestion;
    const role = ctx.roomRoleHint !== undefined ? ctx.roomRoleHint : ((await ctx.scope.viewerParticipant.load(participant.roomId))?.role ?? null);
    // The access policy's SEE_HAND_QUESTIONS for the viewer's role (the fan-out's class asks the same).
    return fieldAccessOfRole(role).has(RoomOperation.SeeHandQuestions) ? participant.handRaiseQuestion : null;
  }
}

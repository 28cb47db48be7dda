import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import { isValidProfileId } from '../auth/authenticator';
import { type GraphQLContext, requireViewer } from './context';
import { isUuid } from './ids';
import { NodeType } from './node.type';

@Resolver()
export class NodeResolver {
  /**
   * Profile ids are the identity provider's `sub`; other ids are UUIDs, unique across types.
   * Only what the viewer may see is returned.
   */
  @Query(() => NodeType, { nullable: true })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<object | null> {
    const viewer = requireViewer(ctx);
    if (isUuid(id)) {
      const room = await ctx.services.roomQueries.findVisibleRoom(ctx.scope.em, viewer, id);
      if (room) return room;
      const group = await ctx.scope.group.load(id.toLowerCase());
      if (group) return group;
      const participant = await ctx.scope.participant.load(id.toLowerCase());
      if (participant && (await ctx.services.roomQueries.findVisibleRoom(ctx.scope.em, viewer, participant.roomId))) {
        return participant;
      }
    }
    return isValidProfileId(id) ? ctx.scope.profile.load(id) : null;
  }
}

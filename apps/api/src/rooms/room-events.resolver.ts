import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { RoomEventType } from './dto/room-event.type';
import { type RoomEventMessage, toGraphQLEvent } from './room-event-message';

interface SubscribeArgs {
  readonly args: { roomId: string };
  readonly context: GraphQLContext;
}

@Resolver()
export class RoomEventsResolver {
  @Subscription(() => RoomEventType, {
    description: 'Every change to one room, in version order. Only viewers who may join the room may subscribe.',
    subscribe: ({ args, context }: SubscribeArgs) =>
      context.services.rooms.subscribe(context.scope.em, requireViewer(context), args.roomId),
  })
  roomEvents(
    @Root() message: RoomEventMessage,
    @Arg('roomId', () => ID) _roomId: string,
    @Ctx() ctx: GraphQLContext,
  ): Record<string, unknown> {
    // A fresh EntityManager and loaders per event: nothing cached from an earlier event leaks in.
    ctx.renewScope();
    return toGraphQLEvent(message);
  }
}

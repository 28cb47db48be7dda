import { Arg, Ctx, ID, Int, Resolver, Root, Subscription } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import type { RoomStreamItem } from '../events/room-event-message';
import { type GraphQLRoomEvent, toGraphQLRoomEvent } from './dto/room-event.mapper';
import { RoomEventInterfaceType } from './dto/room-event.type';

interface SubscribeArgs {
  readonly args: { roomId: string; sinceVersion?: number | null };
  readonly context: GraphQLContext;
}

@Resolver()
export class RoomEventsResolver {
  @Subscription(() => RoomEventInterfaceType, {
    description: 'Every change to one room, in version order. Only viewers who may join the room may subscribe.',
    subscribe: ({ args, context }: SubscribeArgs) =>
      context.services.roomEvents.open(context.scope.em, requireViewer(context), args.roomId, args.sinceVersion ?? null, context.signal),
  })
  roomEvents(
    @Root() item: RoomStreamItem,
    @Arg('roomId', () => ID) _roomId: string,
    @Arg('sinceVersion', () => Int, {
      nullable: true,
      description:
        'Replay the events after this version first (at most 1000), so a client that read the room at version V subscribes with sinceVersion: V and misses nothing.',
    })
    _sinceVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ): GraphQLRoomEvent {
    // A fresh EntityManager and loaders per event: nothing cached from an earlier event leaks in.
    ctx.renewScope();
    return toGraphQLRoomEvent(item);
  }
}

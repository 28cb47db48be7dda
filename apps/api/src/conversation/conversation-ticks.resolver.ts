import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { ReactionGql } from './chat-message.type';
import type { Reaction } from './conversation-feed';
import { ConversationTickType } from './conversation-tick.type';
import type { ConversationDelivery, ConversationTickValue } from './conversation-ticks';

interface SubscribeArgs {
  readonly args: { roomId: string };
  readonly context: GraphQLContext;
}

/** The room conversation's lossy channel: `roomConversation` ticks and `react` (issue 17). */
@Resolver()
export class ConversationTicksResolver {
  @Subscription(() => ConversationTickType, {
    description: "The room's conversation as ticks (see ConversationTick). Same access as roomEvents.",
    subscribe: ({ args, context }: SubscribeArgs) => context.services.conversation.open(context.scope.em, requireViewer(context), args.roomId, context.signal),
  })
  roomConversation(@Root() delivery: ConversationDelivery, @Arg('roomId', () => ID) _roomId: string, @Ctx() ctx: GraphQLContext): ConversationTickValue {
    // A fresh scope per tick when executed per subscriber (a shared execution keeps the tick's own).
    ctx.renewScope();
    return delivery.value;
  }

  @Mutation(() => Boolean, {
    description:
      "Counted into the room's next tick; a person's reactions beyond the server's rate are dropped, not refused. True when counted; false when dropped (over REACTIONS_PER_10S), which is no error.",
  })
  async react(@Arg('roomId', () => ID) roomId: string, @Arg('reaction', () => ReactionGql) reaction: Reaction, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.reactions.react(ctx.scope.em, requireViewer(ctx), roomId, reaction);
  }
}

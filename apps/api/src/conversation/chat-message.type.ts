import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';

import type { GraphQLContext } from '../common/context';
import { graphqlEnum } from '../common/graphql-enums';
import { NodeType } from '../common/node.type';
import { ProfileType } from '../profiles/dto/profile.type';
import type { ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';
import { type ChatMessageJson, Reaction } from './conversation-feed';

/**
 * What ChatMessage field resolvers read: a stored `chat_messages` row, or a message revived from
 * the conversation channel. A deleted message keeps its place with empty text.
 */
export interface ChatMessageRecord {
  readonly id: string;
  readonly roomId: string;
  readonly authorId: string;
  readonly text: string;
  readonly deleted: boolean;
  readonly mentionIds: readonly string[];
  readonly createdAt: Date;
}

/** A message from the conversation channel as a record (not deleted when it was sent). */
export function chatMessageRecord(message: ChatMessageJson): ChatMessageRecord {
  return {
    id: message.id,
    roomId: message.roomId,
    authorId: message.authorId,
    text: message.text,
    deleted: false,
    mentionIds: message.mentionIds,
    createdAt: new Date(message.createdAt),
  };
}

export const ReactionGql = graphqlEnum(Reaction, 'Reaction');

@ObjectType('ChatMessage', { implements: NodeType })
export class ChatMessageType extends NodeType {
  @Field(() => String, { description: 'Empty once a moderator deleted the message.' })
  text!: string;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('ReactionCount')
export class ReactionCountType {
  @Field(() => ReactionGql)
  reaction!: Reaction;

  @Field(() => Int)
  count!: number;
}

/** `ChatMessage.room`, `author` and `mentions`, through the request's loaders. */
@Resolver(() => ChatMessageType)
export class ChatMessageFieldsResolver {
  @FieldResolver(() => RoomType)
  async room(@Root() message: ChatMessageRecord, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return ctx.scope.room.load(message.roomId);
  }

  @FieldResolver(() => ProfileType)
  async author(@Root() message: ChatMessageRecord, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return ctx.scope.profile.load(message.authorId);
  }

  @FieldResolver(() => [ProfileType], { description: 'Profiles mentioned with @ in the text, resolved when it was sent.' })
  async mentions(@Root() message: ChatMessageRecord, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity[]> {
    const profiles = await ctx.scope.profile.loadMany([...message.mentionIds]);
    return profiles.filter((profile): profile is ProfileEntity => profile !== null && !(profile instanceof Error));
  }
}

import { ChatMode } from '@roundtable/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../common/graphql-enums';
import { PageInfoType } from '../common/node.type';
import { RoomEventInterfaceType } from '../rooms/dto/room-event.type';
import { ChatMessageType } from './chat-message.type';

/** GraphQL types of the room's conversation settings and chat history (`room-conversation.graphql`; issues 16 and 17). */

export const ChatModeGql = graphqlEnum(ChatMode, 'ChatMode', {
  [ChatMode.Open]: 'Anyone in the room may write.',
  [ChatMode.Slow]: 'Anyone may write, at most one message per chatSlowModeSeconds.',
  [ChatMode.StageOnly]: 'Only the stage (host, moderators, speakers) may write; everyone reads.',
  [ChatMode.Off]: 'No one writes; history stays readable.',
});

@ObjectType('PinnedLink')
export class PinnedLinkType {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Date)
  pinnedAt!: Date;
}

@ObjectType('ChatMessageEdge')
export class ChatMessageEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ChatMessageType)
  node!: ChatMessageType;
}

@ObjectType('ChatMessageConnection')
export class ChatMessageConnectionType {
  @Field(() => [ChatMessageEdgeType])
  edges!: ChatMessageEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@ObjectType('RoomConversationChanged', { implements: RoomEventInterfaceType, description: 'Chat mode, slow mode, question screening or pinned links changed.' })
export class RoomConversationChangedEvent extends RoomEventInterfaceType {
  @Field(() => ChatModeGql)
  chatMode!: ChatMode;

  @Field(() => Int)
  chatSlowModeSeconds!: number;

  @Field(() => Boolean)
  screensQuestions!: boolean;

  @Field(() => [PinnedLinkType])
  pinnedLinks!: PinnedLinkType[];
}

@InputType('PinnedLinkInput')
export class PinnedLinkInput {
  @Field(() => String, { description: 'An http or https URL.' })
  url!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;
}

@InputType('UpdateRoomConversationInput')
export class UpdateRoomConversationInput {
  @Field(() => ID)
  roomId!: string;

  @Field(() => ChatModeGql, { nullable: true })
  chatMode!: ChatMode | null;

  @Field(() => Int, { nullable: true, description: '1–3600.' })
  chatSlowModeSeconds!: number | null;

  @Field(() => Boolean, { nullable: true })
  screensQuestions!: boolean | null;

  @Field(() => [PinnedLinkInput], { nullable: true, description: "Replaces the room's pinned links (at most 5)." })
  pinnedLinks!: PinnedLinkInput[] | null;
}

import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ChatMessageType, ReactionCountType } from './chat-message.type';

@ObjectType('QuestionVotes')
export class QuestionVotesType {
  @Field(() => ID)
  questionId!: string;

  @Field(() => Int)
  upvoteCount!: number;
}

@ObjectType('ConversationTick', {
  description:
    "What happened in the room's conversation since the viewer's previous tick. A subscriber gets at most one tick per tick interval (a second by default), and none when nothing happened.",
})
export class ConversationTickType {
  @Field(() => ID)
  roomId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => [ChatMessageType], { description: 'New chat messages, oldest first.' })
  messages!: ChatMessageType[];

  @Field(() => Int, {
    description:
      "Messages of this interval that were not sent to this viewer: in a large room listeners receive a sample of listeners' messages. Messages from the stage and moderators, the viewer's own, and those that mention the viewer are never left out.",
  })
  sampledOut!: number;

  @Field(() => [ReactionCountType], { description: 'Reactions of this interval by kind; kinds nobody used are left out.' })
  reactions!: ReactionCountType[];

  @Field(() => [QuestionVotesType], { description: 'Questions whose upvote count changed in this interval, with the new count.' })
  questionVotes!: QuestionVotesType[];

  @Field(() => [ID], { description: 'Messages a moderator deleted in this interval.' })
  deletedMessageIds!: string[];
}

import { QuestionStatus } from '@roundtable/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../common/graphql-enums';
import { NodeType, PageInfoType } from '../common/node.type';
import { RoomEventInterfaceType } from '../rooms/dto/room-event.type';

/**
 * GraphQL types of the question queue (`room-conversation.graphql`, the question parts; issue 16).
 * Resolved from `QuestionRecord`s (a stored row, or the question a `QuestionChanged` carries);
 * who sees what is decided in `questions.resolver.ts` by the domain's `questionVisibleTo` and
 * `askerVisibleTo`.
 */

export const QuestionStatusGql = graphqlEnum(QuestionStatus, 'QuestionStatus', {
  [QuestionStatus.Pending]: 'Waiting for screening (rooms with screensQuestions): seen only by host, moderators and the asker.',
  [QuestionStatus.Open]: 'Visible to the room and open to votes.',
  [QuestionStatus.Answering]: 'Being answered now: at most one question per room at a time.',
  [QuestionStatus.Closed]: 'Dismissed by a moderator, withdrawn by the asker, or merged into another question.',
});

/** `QuestionOrder` of the contract. */
export enum QuestionOrder {
  Top = 'TOP',
  Newest = 'NEWEST',
}

export const QuestionOrderGql = graphqlEnum(QuestionOrder, 'QuestionOrder', {
  [QuestionOrder.Top]: 'Most upvotes first; ties oldest first.',
});

@ObjectType('Question', {
  implements: NodeType,
  description:
    'A question for the stage. A raised hand with a question is a Question too: the host works one queue. Host and moderators see every question and its asker; everyone else sees OPEN, ANSWERING and ANSWERED questions, and their own in any status.',
})
export class QuestionType extends NodeType {
  @Field(() => Boolean)
  anonymous!: boolean;

  @Field(() => String)
  text!: string;

  @Field(() => QuestionStatusGql)
  status!: QuestionStatus;

  @Field(() => Boolean, { description: 'True while the asker has a raised hand to ask it in person on stage.' })
  askInPerson!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType('QuestionEdge')
export class QuestionEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => QuestionType)
  node!: QuestionType;
}

@ObjectType('QuestionConnection')
export class QuestionConnectionType {
  @Field(() => [QuestionEdgeType])
  edges!: QuestionEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Questions in the whole list (every page), as the viewer may see them.' })
  totalCount!: number;
}

@ObjectType('QuestionChanged', {
  implements: RoomEventInterfaceType,
  description:
    "A question was asked, screened, answered, closed or merged, or its asker raised or lowered a hand to ask it in person.",
})
export class QuestionChangedEvent extends RoomEventInterfaceType {}

@InputType('AskQuestionInput')
export class AskQuestionInput {
  @Field(() => ID)
  roomId!: string;

  @Field(() => String, { description: '1–500 characters once trimmed; screened like every user text.' })
  text!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  anonymous!: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Also raise a hand to ask it in person (the hand's question is this text)." })
  askInPerson!: boolean | null;
}

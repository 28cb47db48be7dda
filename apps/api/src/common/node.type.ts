import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

import { LEAN_ENTITY } from '../database/lean-rows';

/** The entity name a question record carries for `node(id)` (questions are plain records, not entities). */
export const QUESTION_NODE = 'QuestionRecord';

/** The entity name a chat message record carries for `node(id)`. */
export const CHAT_MESSAGE_NODE = 'ChatMessageRecord';

/** Entity class name → GraphQL type name, for resolving `Node` values returned by `node(id)`. */
const NODE_TYPE_BY_ENTITY: Readonly<Record<string, string>> = {
  ProfileEntity: 'Profile',
  RoomEntity: 'Room',
  GroupEntity: 'Group',
  ParticipantEntity: 'Participant',
  ReportEntity: 'Report',
  ModerationNoticeEntity: 'ModerationNotice',
  ModerationAppealNode: 'ModerationAppeal',
  ModerationLogEntity: 'ModerationLogEntry',
  [QUESTION_NODE]: 'Question',
  [CHAT_MESSAGE_NODE]: 'ChatMessage',
  NotificationRecord: 'Notification',
};

@InterfaceType('Node', {
  // Lean rows (plain objects, `leanRows`) carry their entity's class name; entities are instances.
  resolveType: (value: object) => NODE_TYPE_BY_ENTITY[(value as { [LEAN_ENTITY]?: string })[LEAN_ENTITY] ?? value.constructor.name],
})
export abstract class NodeType {
  @Field(() => ID)
  id!: string;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when the page was asked for with `after` and items come before it.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

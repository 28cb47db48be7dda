import { Field, ID, ObjectType } from 'type-graphql';

import { NodeType, PageInfoType } from '../../common/node.type';

@ObjectType('ModerationLogEntry', { implements: NodeType, description: 'One entry of the audit log: every moderation action, automatic or by staff.' })
export class ModerationLogEntryType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  action!: string;

  @Field(() => [ID])
  reportIds!: string[];

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('ModerationLogEntryEdge')
export class ModerationLogEntryEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ModerationLogEntryType)
  node!: ModerationLogEntryType;
}

@ObjectType('ModerationLogConnection')
export class ModerationLogConnectionType {
  @Field(() => [ModerationLogEntryEdgeType])
  edges!: ModerationLogEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

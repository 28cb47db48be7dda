import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { NodeType, PageInfoType } from '../../common/node.type';

@ObjectType('Group', { implements: NodeType })
export class GroupType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int)
  memberCount!: number;
}

@InputType('CreateGroupInput')
export class CreateGroupInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('GroupEdge')
export class GroupEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => GroupType)
  node!: GroupType;
}

@ObjectType('GroupConnection')
export class GroupConnectionType {
  @Field(() => [GroupEdgeType])
  edges!: GroupEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

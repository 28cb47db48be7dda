import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { NodeType } from '../../common/node.type';

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

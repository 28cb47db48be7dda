import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../../common/graphql-enums';
import { NodeType, PageInfoType } from '../../common/node.type';
import { GroupJoinPolicy, GroupJoinRequestStatus, GroupRole } from '../group-membership.rules';

export const GroupJoinPolicyGql = graphqlEnum(GroupJoinPolicy, 'GroupJoinPolicy', {
  [GroupJoinPolicy.Open]: 'Anyone signed in may join at once.',
  [GroupJoinPolicy.ByRequest]: "People ask to join (requestToJoinGroup); one of the group's admins approves or declines. An admin's invitation admits at once.",
});
export const GroupRoleGql = graphqlEnum(GroupRole, 'GroupRole', {
  [GroupRole.Member]: 'A member: sees the members and the GROUP rooms, may start rooms in the group.',
  [GroupRole.Admin]: "A member who also decides join requests and invites people. The group's creator is its first admin.",
});
export const GroupJoinRequestStatusGql = graphqlEnum(GroupJoinRequestStatus, 'GroupJoinRequestStatus');

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

  @Field(() => GroupJoinPolicyGql, { description: 'How a signed-in viewer becomes a member.' })
  joinPolicy!: GroupJoinPolicy;
}

@ObjectType('GroupMembership', { description: "The viewer's membership of a group." })
export class GroupMembershipType {
  @Field(() => GroupRoleGql)
  role!: GroupRole;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType('GroupJoinRequest', { description: "A request to join a BY_REQUEST group, seen by its author and the group's admins." })
export class GroupJoinRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => GroupJoinRequestStatusGql)
  status!: GroupJoinRequestStatus;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an admin approved or declined it; null while PENDING.' })
  decidedAt!: Date | null;
}

@ObjectType('GroupJoinRequestEdge')
export class GroupJoinRequestEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => GroupJoinRequestType)
  node!: GroupJoinRequestType;
}

@ObjectType('GroupJoinRequestConnection')
export class GroupJoinRequestConnectionType {
  @Field(() => [GroupJoinRequestEdgeType])
  edges!: GroupJoinRequestEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@InputType('CreateGroupInput')
export class CreateGroupInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GroupJoinPolicyGql, {
    nullable: true,
    defaultValue: GroupJoinPolicy.Open,
    description: 'How people become members; OPEN when omitted (what every group was before join policies).',
  })
  joinPolicy?: GroupJoinPolicy | null;
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

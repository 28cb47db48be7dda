import { type Seniority } from '@roundtable/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { SeniorityGql } from '../../common/graphql-enums';
import { NodeType, PageInfoType } from '../../common/node.type';
import { TopicType } from '../../topics/topic.type';

@ObjectType('Profile', { implements: NodeType })
export class ProfileType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: "e.g. 'Staff Engineer at Acme'" })
  headline!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true, description: 'Industry name from the taxonomy.' })
  industry!: string | null;

  @Field(() => SeniorityGql, { nullable: true })
  seniority!: Seniority | null;

  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;

  @Field(() => [String])
  skills!: string[];

  @Field(() => [TopicType])
  interests!: TopicType[];

  @Field(() => Int)
  followerCount!: number;

  @Field(() => Int)
  followingCount!: number;

  @Field(() => Boolean)
  viewerFollows!: boolean;
}

@ObjectType('ProfileEdge')
export class ProfileEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProfileType)
  node!: ProfileType;
}

@ObjectType('ProfileConnection')
export class ProfileConnectionType {
  @Field(() => [ProfileEdgeType])
  edges!: ProfileEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  totalCount!: number;
}

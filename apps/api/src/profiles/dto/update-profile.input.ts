import { type Seniority } from '@roundtable/domain';
import { Field, InputType } from 'type-graphql';

import { SeniorityGql } from '../../common/graphql-enums';

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  headline?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'Industry slug or name from the taxonomy.' })
  industry?: string | null;

  @Field(() => SeniorityGql, { nullable: true })
  seniority?: Seniority | null;

  @Field(() => String, { nullable: true })
  avatarUrl?: string | null;

  @Field(() => [String], { nullable: true })
  skills?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic slugs.' })
  interests?: string[] | null;
}

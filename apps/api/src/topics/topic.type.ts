import { Field, ObjectType } from 'type-graphql';

@ObjectType('Topic', { description: "A professional interest, e.g. slug 'machine-learning', name 'Machine Learning'." })
export class TopicType {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Taxonomy category, e.g. "Data & AI".' })
  category!: string;
}

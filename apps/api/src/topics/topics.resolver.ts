import { TOPICS, topicBySlug } from '@roundtable/domain';
import { Query, Resolver } from 'type-graphql';

import { TopicType } from './topic.type';

/** Topic slugs stored on rows, as GraphQL topics; unknown slugs (retired topics) are skipped. */
export function topicsFromSlugs(slugs: readonly string[]): TopicType[] {
  return slugs.flatMap((slug) => {
    const topic = topicBySlug(slug);
    return topic ? [topic] : [];
  });
}

@Resolver()
export class TopicsResolver {
  @Query(() => [TopicType])
  topics(): TopicType[] {
    return [...TOPICS];
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { GraphQLContext } from '../common/context';
import { ProfileType } from '../profiles/dto/profile.type';
import type { ProfileEntity } from '../profiles/profile.entity';
import { EvidenceChatMessageType, EvidenceEventType, ModerationNoticeType } from './dto/moderation-notice.type';
import type { ModerationNoticeEntity } from './moderation.entity';

/*
 * Names where staff pages showed ids (issue 15, web client: "the appeals page does not say who
 * appealed", "report evidence shows (someone)"), and the authors of a reported message's chat
 * context (issue 17). Each reads profiles through the request's loader: a page of notices, events
 * or messages costs one profiles statement, not one per row. Who may read them is
 * the parent's rule: notices reach their subject and staff; evidence reaches staff only.
 */

@Resolver(() => ModerationNoticeType)
export class ModerationNoticeSubjectResolver {
  @FieldResolver(() => ProfileType, {
    nullable: true,
    description: 'Who the decision is about: the viewer on their own notices; on staff pages, the person who may appeal. Null once the profile is gone.',
  })
  async subject(@Root() notice: ModerationNoticeEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return ctx.scope.profile.load(notice.subjectProfileId);
  }
}

@Resolver(() => EvidenceEventType)
export class EvidenceEventProfileResolver {
  @FieldResolver(() => ProfileType, { nullable: true, description: 'The profile the event is about (profileId), by name; null when none.' })
  async profile(@Root() event: EvidenceEventType, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return event.profileId ? ctx.scope.profile.load(event.profileId) : null;
  }
}

@Resolver(() => EvidenceChatMessageType)
export class EvidenceChatMessageAuthorResolver {
  @FieldResolver(() => ProfileType, { nullable: true, description: "The message's author (authorId), by name; null once the profile is gone." })
  async author(@Root() message: EvidenceChatMessageType, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return ctx.scope.profile.load(message.authorId);
  }
}

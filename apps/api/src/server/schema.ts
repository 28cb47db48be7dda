import 'reflect-metadata';

import { DateTimeResolver } from 'graphql-scalars';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import type { GraphQLContext } from '../common/context';

import '../common/graphql-enums';
import { NodeResolver } from '../common/node.resolver';
import { GroupJoinRequestsResolver, GroupsResolver } from '../groups/groups.resolver';
import { EvidenceChatMessageAuthorResolver, EvidenceEventProfileResolver, ModerationNoticeSubjectResolver } from '../moderation/staff-names.resolver';
import { ProfilesResolver } from '../profiles/profiles.resolver';
import { MODERATION_RESOLVERS } from '../moderation/moderation.resolver';
import { HiddenRecommendationResolver, RecommendationsResolver } from '../recommendations/recommendations.resolver';
import { ROOM_EVENT_TYPES } from '../rooms/dto/room-event.type';
import { ParticipantsResolver } from '../rooms/participants.resolver';
import { RoomEventsResolver } from '../rooms/room-events.resolver';
import { RoomsResolver } from '../rooms/rooms.resolver';
import { StaffResolver } from '../staff/staff.resolver';
import { QuestionChangedEvent } from '../questions/question.type';
import { RoomConversationChangedEvent } from '../conversation/conversation.type';
import { ChatMessageFieldsResolver } from '../conversation/chat-message.type';
import { ConversationResolver, PinnedLinkResolver } from '../conversation/conversation.resolver';
import { QuestionChangedResolver, QuestionsResolver, RoomQuestionsResolver } from '../questions/questions.resolver';
import { TopicsResolver } from '../topics/topics.resolver';
import { CalendarResolver } from '../calendar/calendar.resolver';
import { ConversationTicksResolver } from '../conversation/conversation-ticks.resolver';
import { RoomInsightsResolver } from '../insights/insights.resolver';
import { type EventBus, typeGraphQLPubSub } from '../events/event-bus';
import { NOTIFICATION_RESOLVERS } from '../notifications/notifications.resolver';

export const RESOLVERS = [
  NodeResolver,
  ProfilesResolver,
  GroupsResolver,
  GroupJoinRequestsResolver,
  ModerationNoticeSubjectResolver,
  EvidenceEventProfileResolver,
  EvidenceChatMessageAuthorResolver,
  RoomsResolver,
  RoomQuestionsResolver,
  QuestionsResolver,
  QuestionChangedResolver,
  ConversationResolver,
  PinnedLinkResolver,
  ChatMessageFieldsResolver,
  ParticipantsResolver,
  RecommendationsResolver,
  HiddenRecommendationResolver,
  RoomEventsResolver,
  TopicsResolver,
  ConversationTicksResolver,
  RoomInsightsResolver,
  CalendarResolver,
  ...MODERATION_RESOLVERS,
  StaffResolver,
  ...NOTIFICATION_RESOLVERS,
] as const;

/**
 * Root mutation fields run one after another; each must see the writes of those before it
 * (issue 6, fault 12: `a: joinRoom … b: leaveRoom { listenerCount }` read counts cached by `a`).
 * So every root mutation field starts with a fresh request scope: a new EntityManager fork and
 * new DataLoaders. Only the root mutation resolvers are wrapped, so no other field pays for it
 * (a type-graphql global middleware would turn every field, even plain properties, async).
 */
export function renewScopePerMutationField(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: GraphQLContext, info) => {
      context.renewScope();
      return resolve(source, args, context, info);
    };
  }
  return schema;
}

/** The served schema: a superset of the public contract (checked by the contract test). */
export async function buildApiSchema(bus: EventBus): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [...ROOM_EVENT_TYPES, QuestionChangedEvent, RoomConversationChangedEvent],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Input rules live in @roundtable/domain and the services, with field-named errors.
    validate: false,
    pubSub: typeGraphQLPubSub(bus),
  });
  return renewScopePerMutationField(schema);
}

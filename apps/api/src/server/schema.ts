import 'reflect-metadata';

import { DateTimeResolver } from 'graphql-scalars';
import { type GraphQLSchema } from 'graphql';
import { buildSchema, type MiddlewareFn } from 'type-graphql';

import type { GraphQLContext } from '../common/context';

import '../common/graphql-enums';
import { NodeResolver } from '../common/node.resolver';
import { GroupsResolver } from '../groups/groups.resolver';
import { ProfilesResolver } from '../profiles/profiles.resolver';
import { MODERATION_TYPES } from '../moderation/dto/report.type';
import { RecommendationsResolver } from '../recommendations/recommendations.resolver';
import { ROOM_EVENT_TYPES } from '../rooms/dto/room-event.type';
import { ParticipantsResolver } from '../rooms/participants.resolver';
import { RoomEventsResolver } from '../rooms/room-events.resolver';
import { RoomsResolver } from '../rooms/rooms.resolver';
import { TopicsResolver } from '../topics/topics.resolver';
import { type EventBus, typeGraphQLPubSub } from '../events/event-bus';

export const RESOLVERS = [
  NodeResolver,
  ProfilesResolver,
  GroupsResolver,
  RoomsResolver,
  ParticipantsResolver,
  RecommendationsResolver,
  RoomEventsResolver,
  TopicsResolver,
] as const;

/**
 * Root mutation fields run one after another; each must see the writes of those before it
 * (issue 6, fault 12: `a: joinRoom … b: leaveRoom { listenerCount }` read counts cached by `a`).
 * So every root mutation field starts with a fresh request scope: a new EntityManager fork and
 * new DataLoaders.
 */
export const renewScopePerMutationField: MiddlewareFn<GraphQLContext> = async ({ info, context }, next) => {
  if (info.parentType === info.schema.getMutationType()) context.renewScope();
  return next();
};

/** The served schema: a superset of the public contract (checked by the contract test). */
export async function buildApiSchema(bus: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [...ROOM_EVENT_TYPES, ...MODERATION_TYPES],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Input rules live in @roundtable/domain and the services, with field-named errors.
    validate: false,
    globalMiddlewares: [renewScopePerMutationField],
    pubSub: typeGraphQLPubSub(bus),
  });
}

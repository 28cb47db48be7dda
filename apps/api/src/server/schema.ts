import 'reflect-metadata';

import { DateTimeResolver } from 'graphql-scalars';
import { type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import '../common/graphql-enums';
import { NodeResolver } from '../common/node.resolver';
import { GroupsResolver } from '../groups/groups.resolver';
import { ProfilesResolver } from '../profiles/profiles.resolver';
import { MODERATION_RESOLVERS } from '../moderation/moderation.resolver';
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
  ...MODERATION_RESOLVERS,
] as const;

/** The served schema: a superset of the public contract (checked by the contract test). */
export async function buildApiSchema(bus: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [...ROOM_EVENT_TYPES],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Input rules live in @roundtable/domain and the services, with field-named errors.
    validate: false,
    pubSub: typeGraphQLPubSub(bus),
  });
}

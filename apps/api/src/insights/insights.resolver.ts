import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { GraphQLContext } from '../common/context';
import type { RequestScope } from '../common/request-scope';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';
import { RoomInsightsType } from './dto/insights.type';
import type { RoomInsightsRecord } from './insights.service';

const loadersByScope = new WeakMap<RequestScope, DataLoader<string, RoomInsightsRecord | null>>();

/** `Room.insights` of every room of one request scope: one statement per batch (see `InsightsService.readMany`). */
function insightsLoader(ctx: GraphQLContext): DataLoader<string, RoomInsightsRecord | null> | null {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  let loader = loadersByScope.get(ctx.scope);
  if (!loader) {
    loader = new DataLoader((roomIds) => ctx.services.insights.readMany(ctx.scope.em, viewer, roomIds));
    loadersByScope.set(ctx.scope, loader);
  }
  return loader;
}

/** `Room.insights` (issue 19). */
@Resolver(() => RoomType)
export class RoomInsightsResolver {
  @FieldResolver(() => RoomInsightsType, { nullable: true, description: 'Host and moderators of the room; null for everyone else.' })
  async insights(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<RoomInsightsRecord | null> {
    // Signed out: null, like anyone the access policy's SEE_INSIGHTS refuses, never an error.
    return (await insightsLoader(ctx)?.load(room.id.toLowerCase())) ?? null;
  }
}

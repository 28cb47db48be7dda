import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';

/** `Room.calendarUrl`, `viewerCalendarFeedUrl` and `rotateCalendarFeed` (issue 18). */
@Resolver(() => RoomType)
export class CalendarResolver {
  @FieldResolver(() => String, {
    description:
      'URL of this room as an iCalendar (RFC 5545) event, with a UID that never changes and a SEQUENCE that grows with every change of time, title or status (a cancelled room is STATUS:CANCELLED). Absolute; for a GROUP or PRIVATE room it is signed for the viewer, whose right to see the room is asked again at every fetch.',
  })
  calendarUrl(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): string {
    return ctx.services.calendar.roomUrl(room, ctx.viewer);
  }

  @Query(() => String, {
    description:
      'A private iCalendar feed URL of the rooms the viewer asked to be reminded of and, at level ALL, the scheduled rooms of those they follow. Anyone with the URL can read it: rotate it with rotateCalendarFeed.',
  })
  async viewerCalendarFeedUrl(@Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.calendar.feedUrl(ctx.scope.em, requireViewer(ctx));
  }

  @Mutation(() => String, { description: 'A new feed URL; the old one stops working at once.' })
  async rotateCalendarFeed(@Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.calendar.rotateFeed(ctx.scope.em, requireViewer(ctx));
  }
}

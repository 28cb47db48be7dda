import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';

import { type GraphQLContext, requireViewer } from '../common/context';
import { parseFirst } from '../common/pagination';
import { ProfileType } from '../profiles/dto/profile.type';
import type { ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';
import { FollowNotificationsGql, NotificationConnectionType, NotificationType } from './dto/notification.type';
import { notificationLoaders } from './notification-loaders';
import type { FollowNotifications } from './notification-kinds';
import type { NotificationRecord } from './notification.record';
import type { NotificationPage } from './notifications.service';

interface SubscribeArgs {
  readonly context: GraphQLContext;
}

/** Notifications, reminders, follow levels, and the host's reschedule / cancel (issue 18). Thin: the service decides. */
@Resolver(() => NotificationType)
export class NotificationsResolver {
  @Query(() => NotificationConnectionType, {
    description: "The viewer's notifications, newest first.",
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async viewerNotifications(
    @Ctx() ctx: GraphQLContext,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, nullable: true }) unreadOnly: boolean | null,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<NotificationPage> {
    return ctx.services.notifications.list(ctx.scope.em, requireViewer(ctx), unreadOnly ?? false, parseFirst(first, 20), after);
  }

  @Mutation(() => RoomType, { description: 'Ask (or stop asking) to be reminded of a SCHEDULED or LIVE room the viewer may join.' })
  async setRoomReminder(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('remind', () => Boolean) remind: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoomEntity> {
    return ctx.services.notifications.setRoomReminder(ctx.scope.em, requireViewer(ctx), roomId, remind);
  }

  @Mutation(() => ProfileType, { description: 'The viewer must follow profileId.' })
  async setFollowNotifications(
    @Arg('profileId', () => ID) profileId: string,
    @Arg('level', () => FollowNotificationsGql) level: FollowNotifications,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProfileEntity> {
    return ctx.services.notifications.setFollowNotifications(ctx.scope.em, requireViewer(ctx), profileId, level);
  }

  @Mutation(() => Int, { description: "Marks the viewer's notifications up to and including this one as read; returns how many changed." })
  async markNotificationsRead(@Arg('upToId', () => ID) upToId: string, @Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.services.notifications.markRead(ctx.scope.em, requireViewer(ctx), upToId);
  }

  @Mutation(() => RoomType, { description: 'Host only: move a SCHEDULED room to another future time; reminders follow it.' })
  async rescheduleRoom(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('scheduledFor', () => Date) scheduledFor: Date,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoomEntity> {
    return ctx.services.notifications.reschedule(ctx.scope.em, requireViewer(ctx), roomId, scheduledFor);
  }

  @Mutation(() => RoomType, { description: 'Host only: a SCHEDULED room is cancelled (it becomes ENDED and never starts).' })
  async cancelRoom(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    return ctx.services.notifications.cancel(ctx.scope.em, requireViewer(ctx), roomId);
  }

  @Subscription(() => NotificationType, {
    description: "The viewer's new notifications, as they are created.",
    subscribe: ({ context }: SubscribeArgs) => context.services.notificationDelivery.open(requireViewer(context).profileId, context.signal),
  })
  viewerNotificationAdded(@Root() notification: NotificationRecord, @Ctx() ctx: GraphQLContext): NotificationRecord {
    // Each event reads through a fresh EntityManager and fresh loaders.
    ctx.renewScope();
    return notification;
  }

  @FieldResolver(() => RoomType, { nullable: true })
  async room(@Root() notification: NotificationRecord, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return notification.roomId ? ctx.scope.room.load(notification.roomId) : null;
  }

  @FieldResolver(() => ProfileType, { nullable: true, description: 'Who caused it (the host who went live, the inviter); null for the system.' })
  async actor(@Root() notification: NotificationRecord, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return notification.actorId ? ctx.scope.profile.load(notification.actorId) : null;
  }
}

/** `Room.reminderCount` and `Room.viewerWantsReminder`: one statement per field per request, whatever the number of rooms. */
@Resolver(() => RoomType)
export class RoomReminderFieldsResolver {
  @FieldResolver(() => Int, { description: 'Profiles who asked to be reminded of this room.' })
  async reminderCount(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<number> {
    return notificationLoaders(ctx.scope).reminderCount.load(room.id);
  }

  @FieldResolver(() => Boolean)
  async viewerWantsReminder(@Root() room: RoomEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!ctx.viewer) return false;
    return notificationLoaders(ctx.scope).viewerWantsReminder.load(room.id);
  }
}

/** `Profile.viewerNotifications`: the viewer's level for a profile they follow, batched per request. */
@Resolver(() => ProfileType)
export class ProfileFollowLevelResolver {
  @FieldResolver(() => FollowNotificationsGql, { nullable: true, description: "The viewer's notification level for this profile; null unless the viewer follows it." })
  async viewerNotifications(@Root() profile: ProfileEntity, @Ctx() ctx: GraphQLContext): Promise<FollowNotifications | null> {
    if (!ctx.viewer || ctx.viewer.profileId === profile.id) return null;
    return notificationLoaders(ctx.scope).viewerFollowLevel.load(profile.id);
  }
}

export const NOTIFICATION_RESOLVERS = [NotificationsResolver, RoomReminderFieldsResolver, ProfileFollowLevelResolver] as const;

import { Field, ID, Int, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../../common/graphql-enums';
import { NodeType, PageInfoType } from '../../common/node.type';
import { FollowNotifications, NotificationKind } from '../notification-kinds';

export const FollowNotificationsGql = graphqlEnum(FollowNotifications, 'FollowNotifications', {
  [FollowNotifications.All]: 'Scheduled rooms, their changes, and going live.',
  [FollowNotifications.LiveOnly]: 'Only when a room goes live.',
});

export const NotificationKindGql = graphqlEnum(NotificationKind, 'NotificationKind', {
  [NotificationKind.RoomStartingSoon]: 'A room the viewer asked to be reminded of starts soon.',
  [NotificationKind.RoomLive]: 'A room went live: one the viewer asked to be reminded of, or one hosted by someone they follow.',
  [NotificationKind.RoomRescheduled]: 'A room the viewer asked to be reminded of moved to another time.',
  [NotificationKind.RoomCancelled]: 'A room the viewer asked to be reminded of was cancelled.',
  [NotificationKind.RoomScheduled]: 'Someone followed by the viewer scheduled a room (FollowNotifications ALL).',
  [NotificationKind.RoomInvitation]: 'The viewer was invited to a PRIVATE room.',
  [NotificationKind.Digest]:
    "Several notifications folded into one: a host's go-live notifications beyond the daily budget,\nor a burst of the same kind. count says how many.",
});

@ObjectType('Notification', { implements: NodeType })
export class NotificationType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => NotificationKindGql)
  kind!: NotificationKind;

  @Field(() => Int, { description: 'Notifications this one stands for (1 unless kind is DIGEST).' })
  count!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType])
  edges!: NotificationEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: "The viewer's unread notifications (all of them, not only this page's)." })
  unreadCount!: number;
}

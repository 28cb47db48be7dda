import DataLoader from 'dataloader';

import { placeholders } from '../common/sql';
import type { RequestScope } from '../common/request-scope';
import type { FollowNotifications } from './notification-kinds';

/** The notification fields' loaders of one request scope: one statement per field per batch. */
export interface NotificationLoaders {
  /** `Room.reminderCount`. */
  readonly reminderCount: DataLoader<string, number>;
  /** `Room.viewerWantsReminder`. */
  readonly viewerWantsReminder: DataLoader<string, boolean>;
  /** `Profile.viewerNotifications`: the viewer's level per followed profile, null when not followed. */
  readonly viewerFollowLevel: DataLoader<string, FollowNotifications | null>;
}

const loadersByScope = new WeakMap<RequestScope, NotificationLoaders>();

/**
 * The loaders of `scope`, made on first use and dropped with the scope (a mutation field or a
 * subscription event gets a fresh scope, so fresh loaders).
 */
export function notificationLoaders(scope: RequestScope): NotificationLoaders {
  let loaders = loadersByScope.get(scope);
  if (!loaders) {
    const viewerId = scope.viewerId;
    loaders = {
      reminderCount: new DataLoader(async (roomIds) => {
        const rows = await scope.em.execute<{ room_id: string; n: string | number }[]>(
          `select room_id, count(*) as n from room_reminders where room_id in (${placeholders(roomIds)}) group by room_id`,
          [...roomIds],
        );
        const counts = new Map(rows.map((row) => [row.room_id, Number(row.n)]));
        return roomIds.map((id) => counts.get(id) ?? 0);
      }),
      viewerWantsReminder: new DataLoader(async (roomIds) => {
        if (!viewerId) return roomIds.map(() => false);
        const rows = await scope.em.execute<{ room_id: string }[]>(
          `select room_id from room_reminders where profile_id = ? and room_id in (${placeholders(roomIds)})`,
          [viewerId, ...roomIds],
        );
        const wanted = new Set(rows.map((row) => row.room_id));
        return roomIds.map((id) => wanted.has(id));
      }),
      viewerFollowLevel: new DataLoader(async (profileIds) => {
        if (!viewerId) return profileIds.map(() => null);
        const rows = await scope.em.execute<{ followee_id: string; notifications: FollowNotifications }[]>(
          `select followee_id, notifications from follows where follower_id = ? and followee_id in (${placeholders(profileIds)})`,
          [viewerId, ...profileIds],
        );
        const levels = new Map(rows.map((row) => [row.followee_id, row.notifications]));
        return profileIds.map((id) => levels.get(id) ?? null);
      }),
    };
    loadersByScope.set(scope, loaders);
  }
  return loaders;
}

/** How much a follower hears about a profile's rooms (`follows.notifications`). */
export enum FollowNotifications {
  /** Scheduled rooms, their changes, and going live. */
  All = 'ALL',
  /** Only when a room goes live: the level every follow starts at. */
  LiveOnly = 'LIVE_ONLY',
  Off = 'OFF',
}

/** The level a new follow starts at (README "Notifications"): going live only, the least noisy level that still tells. */
export const DEFAULT_FOLLOW_NOTIFICATIONS = FollowNotifications.LiveOnly;

export enum NotificationKind {
  RoomStartingSoon = 'ROOM_STARTING_SOON',
  RoomLive = 'ROOM_LIVE',
  RoomRescheduled = 'ROOM_RESCHEDULED',
  RoomCancelled = 'ROOM_CANCELLED',
  RoomScheduled = 'ROOM_SCHEDULED',
  RoomInvitation = 'ROOM_INVITATION',
  Digest = 'DIGEST',
}

/**
 * Who one notification event goes to:
 * - `REMINDERS`: the room's reminder holders;
 * - `FOLLOWERS_LIVE`: the host's followers at ALL or LIVE_ONLY who hold no reminder (they get
 *   theirs through `REMINDERS`), under the go-live budget;
 * - `FOLLOWERS_ALL`: the host's followers at ALL who hold no reminder;
 * - `INVITEES`: a PRIVATE room's invitees.
 * The host is never told about their own room, and every audience is filtered by the access
 * policy's NOTIFY row in the same statement that writes the rows.
 */
export enum NotificationAudience {
  Reminders = 'REMINDERS',
  FollowersLive = 'FOLLOWERS_LIVE',
  FollowersAll = 'FOLLOWERS_ALL',
  Invitees = 'INVITEES',
}

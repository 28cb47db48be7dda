// The notification operations (issue 18), typed once for every suite that uses them.
import { ok, sql } from './graphql-helpers';
import { pollUntil } from './poll';
import type { TestApi } from './test-api';

export const NOTIFICATION_OPS = {
  setRoomReminder: `mutation($r: ID!, $remind: Boolean!) { setRoomReminder(roomId: $r, remind: $remind) { id reminderCount viewerWantsReminder } }`,
  follow: `mutation($p: ID!) { follow(profileId: $p) { id } }`,
  setFollowNotifications: `mutation($p: ID!, $l: FollowNotifications!) { setFollowNotifications(profileId: $p, level: $l) { id viewerNotifications } }`,
  viewerNotifications: `query($unreadOnly: Boolean, $first: Int, $after: String) {
    viewerNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      unreadCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind count readAt createdAt room { id title } actor { id } } }
    }
  }`,
  markNotificationsRead: `mutation($id: ID!) { markNotificationsRead(upToId: $id) }`,
  rescheduleRoom: `mutation($r: ID!, $at: DateTime!) { rescheduleRoom(roomId: $r, scheduledFor: $at) { id status scheduledFor } }`,
  cancelRoom: `mutation($r: ID!) { cancelRoom(roomId: $r) { id status } }`,
  startRoom: `mutation($r: ID!) { startRoom(roomId: $r) { id status } }`,
  createRoom: `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`,
  viewerNotificationAdded: `subscription { viewerNotificationAdded { id kind count room { id } actor { id } } }`,
} as const;

export interface NotificationNode {
  readonly id: string;
  readonly kind: string;
  readonly count: number;
  readonly readAt: string | null;
  readonly createdAt: string;
  readonly room: { readonly id: string; readonly title: string } | null;
  readonly actor: { readonly id: string } | null;
}

export interface NotificationsPage {
  readonly viewerNotifications: {
    readonly unreadCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly cursor: string; readonly node: NotificationNode }[];
  };
}

/** A SCHEDULED room of `token`'s profile, `hoursAhead` from now. */
export async function scheduleRoom(
  api: TestApi,
  token: string,
  title: string,
  options: { hoursAhead?: number; minutesAhead?: number; visibility?: string; invitees?: string[]; groupId?: string } = {},
): Promise<string> {
  const ms = options.minutesAhead !== undefined ? options.minutesAhead * 60_000 : (options.hoursAhead ?? 3) * 3_600_000;
  const data = await ok<{ createRoom: { id: string } }>(
    api,
    NOTIFICATION_OPS.createRoom,
    {
      input: {
        title,
        scheduledFor: new Date(Date.now() + ms).toISOString(),
        ...(options.visibility ? { visibility: options.visibility } : {}),
        ...(options.invitees ? { inviteeIds: options.invitees } : {}),
        ...(options.groupId ? { groupId: options.groupId } : {}),
      },
    },
    token,
  );
  return data.createRoom.id;
}

/** Waits until every fan-out written so far has finished (a hang guard; callers assert on the rows). */
export async function fanoutsSettled(api: TestApi): Promise<void> {
  await pollUntil(
    () => sql<{ n: number }>(api, `select count(*)::int as n from notification_fanouts where not done`),
    (rows) => rows[0]?.n === 0,
    { attempts: 1200, intervalMs: 25 },
  );
}

/** The stored notifications as (recipient, kind, room, actor, count), sorted: what the fan-out wrote. */
export async function storedNotifications(api: TestApi): Promise<{ recipient: string; kind: string; room: string | null; actor: string | null; count: number }[]> {
  return sql(
    api,
    `select recipient_id as recipient, kind, room_id as room, actor_id as actor, count from notifications order by recipient_id, kind, created_at`,
  );
}

/** The viewer's notifications (first page). */
export async function notificationsOf(api: TestApi, token: string, variables: Record<string, unknown> = {}): Promise<NotificationsPage['viewerNotifications']> {
  return (await ok<NotificationsPage>(api, NOTIFICATION_OPS.viewerNotifications, variables, token)).viewerNotifications;
}

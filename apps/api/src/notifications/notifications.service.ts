import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, DomainErrorCode, ROOM_SCHEDULE_MAX_DAYS, RoomOperation, RoomStatus, RoomVisibility } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { isUuid, parseProfileId, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { ProfileEntity } from '../profiles/profile.entity';
import type { RoomAccessPolicy, RoomWithRelation } from '../rooms/access/room-access.policy';
import type { RoomChange, RoomCommandHandler, RoomProjection } from '../rooms/room-command.handler';
import type { RoomEntity } from '../rooms/room.entity';
import { findVisibleRoom, roomsProfileMayBeNotifiedSql } from '../rooms/room-visibility';
import type { NotificationEvent, NotificationFanout } from './notification-fanout';
import { NotificationAudience, type FollowNotifications, NotificationKind } from './notification-kinds';
import { NotificationRecord, notificationFromRow } from './notification.record';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A page of the viewer's notifications and their unread count, read in one statement. */
export type NotificationPage = Page<NotificationRecord> & { readonly unreadCount: number };

/**
 * Reminders, follow levels, the notification list and the host's reschedule / cancel (issue 18).
 * Every refusal is a contract error raised before anything is written.
 */
export class NotificationsService {
  constructor(
    private readonly deps: {
      readonly access: RoomAccessPolicy;
      readonly fanout: NotificationFanout;
      readonly commands: () => RoomCommandHandler;
      readonly now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The room and the viewer's relation, the operation asserted (NOT_FOUND for a room the viewer may not see). */
  private async assertRoomAccess(em: EntityManager, viewer: AuthenticatedViewer, roomId: string, operation: RoomOperation): Promise<RoomWithRelation> {
    const found = await this.deps.access.relationTo(em, viewer, roomId);
    if (!found) throw new DomainError(DomainErrorCode.RoomNotFound, 'Room not found');
    this.deps.access.assert(operation, found.relation, found.suspendedUntil);
    return found;
  }

  private async visibleRoom(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<RoomEntity> {
    const room = await findVisibleRoom(em, viewer, roomId);
    if (!room) throw new DomainError(DomainErrorCode.RoomNotFound, 'Room not found');
    return room;
  }

  /**
   * `setRoomReminder`: asking needs the policy's REMIND (a SCHEDULED or LIVE room the viewer may
   * join); stopping needs only SEE. Idempotent both ways.
   * @throws NOT_FOUND (a room the viewer may not see), FORBIDDEN (not invited, blocked, suspended),
   *   CONFLICT (banned; the room ended), BAD_USER_INPUT (roomId not an id).
   */
  async setRoomReminder(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, remind: boolean): Promise<RoomEntity> {
    const found = await this.assertRoomAccess(em, viewer, rawRoomId, remind ? RoomOperation.Remind : RoomOperation.See);
    if (remind) {
      await em.execute(`insert into room_reminders (room_id, profile_id, created_at) values (?, ?, ?) on conflict do nothing`, [
        found.roomId,
        viewer.profileId,
        this.now(),
      ]);
    } else {
      await em.execute(`delete from room_reminders where room_id = ? and profile_id = ?`, [found.roomId, viewer.profileId]);
    }
    return this.visibleRoom(em, viewer, found.roomId);
  }

  /**
   * `setFollowNotifications`: the viewer's level for a profile they follow.
   * @throws NOT_FOUND (no such profile), CONFLICT (the viewer does not follow it), BAD_USER_INPUT.
   */
  async setFollowNotifications(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string, level: FollowNotifications): Promise<ProfileEntity> {
    const profileId = parseProfileId(rawProfileId, 'profileId');
    const profile = await em.findOne(ProfileEntity, { id: profileId });
    if (!profile) throw new DomainError(DomainErrorCode.ProfileNotFound, 'Profile not found');
    const updated = await em.execute<{ followee_id: string }[]>(
      `update follows set notifications = ? where follower_id = ? and followee_id = ? returning followee_id`,
      [level, viewer.profileId, profileId],
    );
    if (updated.length === 0) throw new DomainError(DomainErrorCode.NotFollowing, 'Follow this profile first to choose its notifications');
    return profile;
  }

  /**
   * `viewerNotifications`: newest first (keyset on created_at, id), only those about rooms the
   * viewer may still be told of (the policy's NOTIFY), with the unread count: ONE statement.
   */
  async list(em: EntityManager, viewer: AuthenticatedViewer, unreadOnly: boolean, first: number, after: string | null): Promise<NotificationPage> {
    const cursor = decodeCursor(after, isUuid);
    const notify = roomsProfileMayBeNotifiedSql('nt.recipient_id', this.now());
    const rows = await em.execute<Record<string, unknown>[]>(
      `with visible as (
         select ${NotificationRecord.columns('nt')} from notifications nt left join rooms r on r.id = nt.room_id
          where nt.recipient_id = ? and (nt.room_id is null or ${notify.sql})
       )
       select page.*, u.unread_count from (select count(*) as unread_count from visible where read_at is null) u
         left join lateral (
           select v.* from visible v
            where (not ?::boolean or v.read_at is null)
              and (?::timestamptz is null or (v.created_at, v.id) < (?::timestamptz, ?::uuid))
            order by v.created_at desc, v.id desc limit ?
         ) page on true`,
      [viewer.profileId, ...notify.params, unreadOnly, cursor?.at ?? null, cursor?.at ?? null, cursor?.id ?? null, first + 1],
    );
    const unreadCount = Number(rows[0]?.['unread_count'] ?? 0);
    const records = rows.filter((row) => row['id'] !== null && row['id'] !== undefined).map(notificationFromRow);
    return { ...toPage(records, first, (n) => encodeCursor(n.createdAt, n.id), cursor), unreadCount };
  }

  /**
   * `markNotificationsRead`: the viewer's unread notifications up to and including `upToId` (by
   * created_at, id) become read; returns how many changed.
   * @throws NOT_FOUND when `upToId` is not one of the viewer's notifications; BAD_USER_INPUT.
   */
  async markRead(em: EntityManager, viewer: AuthenticatedViewer, upToId: string): Promise<number> {
    const id = parseUuid(upToId, 'upToId');
    const rows = await em.execute<{ found: boolean; changed: string | number }[]>(
      `with target as (select created_at, id from notifications where id = ? and recipient_id = ?),
       changed as (
         update notifications n set read_at = ? from target t
          where n.recipient_id = ? and n.read_at is null and (n.created_at, n.id) <= (t.created_at, t.id)
          returning n.id
       )
       select exists (select 1 from target) as found, (select count(*) from changed) as changed`,
      [id, viewer.profileId, this.now(), viewer.profileId],
    );
    if (!rows[0]?.found) throw notFound('Notification');
    return Number(rows[0].changed);
  }

  /** `node(id)` for a notification: its recipient's only, while its room may be told of. */
  async visibleNotification(em: EntityManager, viewer: AuthenticatedViewer, id: string): Promise<NotificationRecord | null> {
    const notify = roomsProfileMayBeNotifiedSql('nt.recipient_id', this.now());
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select ${NotificationRecord.columns('nt')} from notifications nt left join rooms r on r.id = nt.room_id
        where nt.id = ? and nt.recipient_id = ? and (nt.room_id is null or ${notify.sql})`,
      [id, viewer.profileId, ...notify.params],
    );
    return row ? notificationFromRow(row) : null;
  }

  /**
   * `rescheduleRoom`: the host moves their SCHEDULED room to a future time; the reminder job moves
   * with it, and reminder holders and followers at ALL get ROOM_RESCHEDULED (enqueued with the change).
   * @throws BAD_USER_INPUT (scheduledFor not in the future, or more than 90 days ahead), NOT_FOUND,
   *   FORBIDDEN (not the host; suspended), CONFLICT (the room is LIVE or ENDED).
   */
  async reschedule(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, scheduledFor: Date): Promise<RoomEntity> {
    const now = this.now();
    if (Number.isNaN(scheduledFor.getTime())) throw badInput('scheduledFor', 'scheduledFor is not a valid date');
    if (scheduledFor.getTime() <= now.getTime()) throw badInput('scheduledFor', 'A room can only be moved to a time in the future');
    if (scheduledFor.getTime() - now.getTime() > ROOM_SCHEDULE_MAX_DAYS * DAY_MS) {
      throw badInput('scheduledFor', `A room can be scheduled at most ${ROOM_SCHEDULE_MAX_DAYS} days ahead`);
    }
    const found = await this.assertRoomAccess(em, viewer, rawRoomId, RoomOperation.Reschedule);
    await em.transactional(async (tx) => {
      // The status again, under the row's lock: a start committed since the check wins.
      const moved = await tx.execute<{ id: string }[]>(
        `update rooms set scheduled_for = ? where id = ? and status = ? and host_id = ? returning id`,
        [scheduledFor, found.roomId, RoomStatus.Scheduled, viewer.profileId],
      );
      if (moved.length === 0) throw DomainError.conflict(DomainErrorCode.RoomAlreadyLive, 'Only a scheduled room that has not started can be changed');
      await this.deps.fanout.scheduleReminderInTransaction(tx, found.roomId, scheduledFor);
      await this.deps.fanout.enqueueInTransaction(tx, [
        { kind: NotificationKind.RoomRescheduled, roomId: found.roomId, actorId: viewer.profileId, audience: NotificationAudience.Reminders },
        { kind: NotificationKind.RoomRescheduled, roomId: found.roomId, actorId: viewer.profileId, audience: NotificationAudience.FollowersAll },
      ]);
    });
    this.deps.fanout.wake();
    return this.visibleRoom(em, viewer, found.roomId);
  }

  /**
   * `cancelRoom`: the host's SCHEDULED room ends without starting (`EndRoom` through the command
   * pipeline, so open streams see it end; {@link NotificationsProjection} sets `cancelled_at`,
   * removes the reminder job and enqueues ROOM_CANCELLED for reminder holders).
   * @throws NOT_FOUND, FORBIDDEN (not the host), CONFLICT (LIVE or ENDED), BAD_USER_INPUT.
   */
  async cancel(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string): Promise<RoomEntity> {
    const found = await this.assertRoomAccess(em, viewer, rawRoomId, RoomOperation.Cancel);
    const outcome = await this.deps.commands().handleCommand(em, viewer, found.roomId, { type: 'EndRoom', actorId: viewer.profileId, cancel: true });
    return outcome.room;
  }

  /**
   * In `createRoom`'s transaction: a LIVE room tells the host's followers (ALL, LIVE_ONLY); a
   * SCHEDULED one tells followers at ALL and gets its reminder job; a PRIVATE room's invitees are
   * invited. Only enqueued here.
   */
  async roomCreated(tx: EntityManager, room: { readonly id: string; readonly hostId: string; readonly status: string; readonly visibility: string; readonly scheduledFor: Date | null }): Promise<void> {
    const events: NotificationEvent[] = [];
    const actorId = room.hostId;
    if (room.status === RoomStatus.Live) {
      events.push({ kind: NotificationKind.RoomLive, roomId: room.id, actorId, audience: NotificationAudience.FollowersLive });
    } else if (room.status === RoomStatus.Scheduled) {
      events.push({ kind: NotificationKind.RoomScheduled, roomId: room.id, actorId, audience: NotificationAudience.FollowersAll });
      if (room.scheduledFor) await this.deps.fanout.scheduleReminderInTransaction(tx, room.id, room.scheduledFor);
    }
    if (room.visibility === RoomVisibility.Private) {
      events.push({ kind: NotificationKind.RoomInvitation, roomId: room.id, actorId, audience: NotificationAudience.Invitees });
    }
    await this.deps.fanout.enqueueInTransaction(tx, events);
  }
}

/**
 * The notification side of a room command, in the command's transaction (only enqueues):
 * - the room went LIVE: its reminder job goes, ROOM_LIVE to reminder holders and followers;
 * - a SCHEDULED room ENDED (cancelled, by `cancelRoom` or `endRoom`): `cancelled_at` is set, the
 *   reminder job goes, ROOM_CANCELLED to reminder holders.
 */
export class NotificationsProjection implements RoomProjection {
  readonly name = 'notifications';

  constructor(private readonly fanout: () => NotificationFanout) {}

  async project({ tx, room, before, events, now }: RoomChange): Promise<void> {
    for (const event of events) {
      if (event.type !== 'RoomStatusChanged' || before.status !== RoomStatus.Scheduled) continue;
      const actorId = room.hostId;
      const fanout = this.fanout();
      if (event.status === RoomStatus.Live) {
        await fanout.removeReminderInTransaction(tx, room.id);
        await fanout.enqueueInTransaction(tx, [
          { kind: NotificationKind.RoomLive, roomId: room.id, actorId, audience: NotificationAudience.Reminders },
          { kind: NotificationKind.RoomLive, roomId: room.id, actorId, audience: NotificationAudience.FollowersLive },
        ]);
      } else if (event.status === RoomStatus.Ended) {
        await tx.execute(`update rooms set cancelled_at = ? where id = ?`, [now, room.id]);
        await fanout.removeReminderInTransaction(tx, room.id);
        await fanout.enqueueInTransaction(tx, [
          { kind: NotificationKind.RoomCancelled, roomId: room.id, actorId, audience: NotificationAudience.Reminders },
        ]);
      }
    }
  }
}

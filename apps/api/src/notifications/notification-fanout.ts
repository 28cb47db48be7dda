import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { MediaOutbox } from '../media/media-outbox';
import { roomsProfileMayBeNotifiedSql } from '../rooms/room-visibility';
import type { NotificationDelivery } from './notification-delivery';
import { NotificationAudience, NotificationKind } from './notification-kinds';

/** Queue of notification fan-outs: one job per notification event, written in batches. */
export const NOTIFICATION_FANOUT_QUEUE = 'notification-fanout';
/** Queue of room reminders: one delayed job per SCHEDULED room (`startAfter` = start − lead). */
export const ROOM_REMINDER_QUEUE = 'room-reminder';

export interface NotificationSettings {
  /** Minutes before `scheduledFor` that ROOM_STARTING_SOON is sent. */
  readonly reminderLeadMinutes: number;
  /** Go-live notifications per host per follower per 24 h before they fold into a DIGEST. */
  readonly livePerHostPerDay: number;
  /** Notifications of one kind from one actor per recipient within `burstWindowSeconds` before they fold. */
  readonly burstLimit: number;
  readonly burstWindowSeconds: number;
  /** Recipients per batch: one `INSERT … SELECT`, one transaction, one publish. */
  readonly fanoutBatch: number;
}

/** One notification event to fan out: what happened to which room, by whom, told to whom. */
export interface NotificationEvent {
  readonly kind: Exclude<NotificationKind, NotificationKind.Digest>;
  readonly roomId: string;
  /** Who caused it; null for the system (ROOM_STARTING_SOON). */
  readonly actorId: string | null;
  readonly audience: NotificationAudience;
}

/** What one batch wrote: the rows (id, recipient) and whether the audience is exhausted. */
export interface FanoutBatchResult {
  readonly written: readonly (readonly [string, string])[];
  readonly done: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface FanoutRow {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly room_id: string;
  readonly actor_id: string | null;
  readonly audience: NotificationAudience;
  readonly cursor: string | null;
  readonly done: boolean;
  readonly host_id: string;
}

/**
 * The notification fan-out (issue 18). Commands only ENQUEUE: {@link enqueueInTransaction} writes
 * a `notification_fanouts` row and its pg-boss job inside the command's transaction (one statement
 * each, whatever the audience's size). A worker then writes the rows in batches of
 * `fanoutBatch` recipients, each batch ONE `INSERT … SELECT` over a range of recipient ids in its
 * own transaction that also advances the fan-out's cursor (so a retried job resumes after the
 * last committed batch), followed by ONE publish of the batch's rows for live delivery.
 *
 * Every batch applies, in the same statement:
 * - the access policy's NOTIFY row (`roomsProfileMayBeNotifiedSql`): nobody is told about a room
 *   they may not see (blocks either way, group membership, invitations, bans, suspension);
 * - the budget: a follower's go-live notifications from one host beyond `livePerHostPerDay` in
 *   24 h, and any recipient's notifications of one kind from one actor beyond `burstLimit` within
 *   `burstWindowSeconds`, fold into the recipient's one unread DIGEST for that kind and actor
 *   (`count` + 1 via `ON CONFLICT … DO UPDATE`), never a new row.
 */
export class NotificationFanout {
  private delivery: NotificationDelivery | null = null;
  private fanoutWorker: string | null = null;
  /** A fan-out was enqueued since the last {@link wake}: the next commit's wake has work to find. */
  private pendingWake = false;

  constructor(
    private readonly deps: {
      readonly outbox: MediaOutbox;
      readonly fork: () => EntityManager;
      readonly settings: NotificationSettings;
      readonly logger: Logger;
      readonly now?: () => Date;
    },
  ) {}

  get settings(): NotificationSettings {
    return this.deps.settings;
  }

  /** Where batches announce their rows (set once the delivery hub exists). */
  deliverTo(delivery: NotificationDelivery): void {
    this.delivery = delivery;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Creates the queues and starts this instance's workers. */
  async start(): Promise<void> {
    const { outbox } = this.deps;
    await outbox.ensureQueue({ name: NOTIFICATION_FANOUT_QUEUE, policy: 'standard', retryLimit: 5, retryDelay: 1, retryBackoff: true });
    await outbox.ensureQueue({ name: ROOM_REMINDER_QUEUE, policy: 'standard', retryLimit: 5, retryDelay: 1, retryBackoff: true });
    this.fanoutWorker = await outbox.work<{ fanoutId: string }>(NOTIFICATION_FANOUT_QUEUE, (data) => this.runFanout(data.fanoutId));
    await outbox.work<{ roomId: string; jobKey: string }>(ROOM_REMINDER_QUEUE, (data) => this.sendReminder(data.roomId, data.jobKey));
  }

  /**
   * Writes the events' fan-out rows (one statement) and one job each, inside `tx`: they exist
   * exactly when `tx` commits. No notification row is written here.
   */
  async enqueueInTransaction(tx: EntityManager, events: readonly NotificationEvent[]): Promise<void> {
    if (events.length === 0) return;
    const now = this.now();
    const ids = events.map(() => randomUUID());
    await tx.execute(
      `insert into notification_fanouts (id, kind, room_id, actor_id, audience, created_at) values ${events.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      events.flatMap((event, i) => [ids[i], event.kind, event.roomId, event.actorId, event.audience, now]),
    );
    for (const id of ids) await this.deps.outbox.sendInTransaction(tx, NOTIFICATION_FANOUT_QUEUE, { fanoutId: id });
    this.pendingWake = true;
  }

  /**
   * Wakes this instance's fan-out worker after a commit that enqueued fan-outs, so they start now
   * rather than at the worker's next poll (other instances still poll).
   */
  wake(): void {
    if (!this.pendingWake) return;
    this.pendingWake = false;
    if (this.fanoutWorker) this.deps.outbox.wake(this.fanoutWorker);
  }

  /**
   * The room's reminder job, set (or moved) inside `tx`: ROOM_STARTING_SOON `reminderLeadMinutes`
   * before `scheduledFor` (at once when that has passed). The previous job, if any, is deleted.
   */
  async scheduleReminderInTransaction(tx: EntityManager, roomId: string, scheduledFor: Date): Promise<void> {
    await this.removeReminderInTransaction(tx, roomId);
    const sendAt = new Date(Math.max(scheduledFor.getTime() - this.deps.settings.reminderLeadMinutes * 60_000, this.now().getTime()));
    const jobKey = randomUUID();
    const jobId = await this.deps.outbox.sendInTransaction(tx, ROOM_REMINDER_QUEUE, { roomId, jobKey }, { id: jobKey, startAfter: sendAt });
    await tx.execute(`insert into room_reminder_jobs (room_id, job_id, send_at) values (?, ?, ?)`, [roomId, jobId ?? jobKey, sendAt]);
  }

  /** Deletes the room's reminder job, if it has one that has not run, inside `tx`. */
  async removeReminderInTransaction(tx: EntityManager, roomId: string): Promise<void> {
    const removed = await tx.execute<{ job_id: string }[]>(`delete from room_reminder_jobs where room_id = ? returning job_id`, [roomId]);
    for (const { job_id: jobId } of removed) await this.deps.outbox.deleteJobInTransaction(tx, ROOM_REMINDER_QUEUE, jobId);
  }

  /**
   * The reminder job: while it is still the room's job and the room still SCHEDULED, fans out
   * ROOM_STARTING_SOON to the room's reminder holders. A job the room no longer names (moved or
   * removed in the meantime) does nothing.
   */
  async sendReminder(roomId: string, jobKey: string): Promise<void> {
    const fanoutId = await this.deps.fork().transactional(async (tx) => {
      const [current] = await tx.execute<{ job_id: string }[]>(
        `delete from room_reminder_jobs j using rooms r
          where j.room_id = ? and j.job_id = ? and r.id = j.room_id and r.status = 'SCHEDULED' returning j.job_id`,
        [roomId, jobKey],
      );
      if (!current) return null;
      const id = randomUUID();
      await tx.execute(`insert into notification_fanouts (id, kind, room_id, actor_id, audience, created_at) values (?, ?, ?, null, ?, ?)`, [
        id,
        NotificationKind.RoomStartingSoon,
        roomId,
        NotificationAudience.Reminders,
        this.now(),
      ]);
      return id;
    });
    if (fanoutId) await this.runFanout(fanoutId);
  }

  /** Writes every batch of one fan-out, each in its own transaction, until its audience is exhausted. */
  async runFanout(fanoutId: string): Promise<void> {
    for (;;) {
      const result = await this.runBatch(fanoutId);
      if (result.written.length > 0 && this.delivery) {
        try {
          await this.delivery.announce(result.written);
        } catch (error) {
          // The rows are stored; a client that missed the push reads them with viewerNotifications.
          this.deps.logger.warn({ err: error, fanoutId }, 'could not announce notifications');
        }
      }
      if (result.done) return;
    }
  }

  /**
   * One batch: the next `fanoutBatch` recipients after the fan-out's cursor, written by ONE
   * `INSERT … SELECT` (filtered by the access policy, folded by the budget), and the cursor
   * advanced, in one transaction.
   */
  async runBatch(fanoutId: string): Promise<FanoutBatchResult> {
    return this.deps.fork().transactional(async (tx) => {
      const [fanout] = await tx.execute<FanoutRow[]>(
        `select f.id, f.kind, f.room_id, f.actor_id, f.audience, f.cursor, f.done, r.host_id
           from notification_fanouts f join rooms r on r.id = f.room_id where f.id = ? for update of f`,
        [fanoutId],
      );
      if (!fanout || fanout.done) return { written: [], done: true };
      // One actor's batches one at a time, across instances: the budget counts what earlier
      // batches wrote, so two fan-outs of one host never both pass the same count.
      if (fanout.actor_id !== null) await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`notify:${fanout.actor_id}`]);
      const rows = await tx.execute<{ id: string | null; recipient_id: string | null; batch_last: string | null; batch_size: string | number | null }[]>(
        ...this.batchStatement(fanout),
      );
      const written = rows.filter((row) => row.id !== null).map((row) => [row.id as string, row.recipient_id as string] as const);
      const summary = rows.find((row) => row.id === null);
      const size = Number(summary?.batch_size ?? 0);
      const done = size < this.deps.settings.fanoutBatch;
      await tx.execute(`update notification_fanouts set cursor = coalesce(?, cursor), done = ? where id = ?`, [summary?.batch_last ?? null, done, fanoutId]);
      return { written, done };
    });
  }

  /** The batch's one statement and its parameters. */
  private batchStatement(fanout: FanoutRow): [string, unknown[]] {
    const { settings } = this.deps;
    const now = this.now();
    const source = audienceSource(fanout.audience, fanout.room_id, fanout.host_id, fanout.cursor, settings.fanoutBatch);
    const notify = roomsProfileMayBeNotifiedSql('bt.recipient_id', now);
    const excludesReminderHolders = fanout.audience === NotificationAudience.FollowersLive || fanout.audience === NotificationAudience.FollowersAll;
    const burstApplies = fanout.actor_id !== null;
    const liveBudgetApplies = fanout.kind === NotificationKind.RoomLive && fanout.audience === NotificationAudience.FollowersLive && fanout.actor_id !== null;
    const foldKey = `${fanout.kind}:${fanout.actor_id ?? ''}`;
    const sql = `
      with batch as (${source.sql}),
      eligible as (
        select bt.recipient_id,
          ((?::boolean and (select count(*) from (select 1 from notifications n
              where n.recipient_id = bt.recipient_id and n.actor_id = ? and n.kind = ? and n.created_at > ? limit ?) c) >= ?)
           or (?::boolean and (select count(*) from (select 1 from notifications n
              where n.recipient_id = bt.recipient_id and n.actor_id = ? and n.kind = 'ROOM_LIVE' and n.created_at > ? limit ?) c) >= ?)) as folds
          from batch bt join rooms r on r.id = ?
         where bt.recipient_id <> r.host_id and ${notify.sql}
           ${excludesReminderHolders ? 'and not exists (select 1 from room_reminders rr where rr.room_id = r.id and rr.profile_id = bt.recipient_id)' : ''}
      ),
      plain as (
        insert into notifications (id, recipient_id, kind, room_id, actor_id, count, created_at)
        select gen_random_uuid(), e.recipient_id, ?, ?, ?, 1, ? from eligible e where not e.folds
        returning id, recipient_id
      ),
      folded as (
        insert into notifications (id, recipient_id, kind, room_id, actor_id, count, fold_key, created_at)
        select gen_random_uuid(), e.recipient_id, 'DIGEST', ?, ?, 1, ?, ? from eligible e where e.folds
        on conflict (recipient_id, fold_key) where kind = 'DIGEST' and read_at is null
        do update set count = notifications.count + 1, created_at = excluded.created_at, room_id = excluded.room_id
        returning id, recipient_id
      )
      select id, recipient_id, null::varchar as batch_last, null::bigint as batch_size from plain
      union all select id, recipient_id, null, null from folded
      union all select null, null, (select max(recipient_id) from batch), (select count(*) from batch)`;
    const params = [
      ...source.params,
      burstApplies,
      fanout.actor_id,
      fanout.kind,
      new Date(now.getTime() - settings.burstWindowSeconds * 1000),
      settings.burstLimit,
      settings.burstLimit,
      liveBudgetApplies,
      fanout.actor_id,
      new Date(now.getTime() - DAY_MS),
      settings.livePerHostPerDay,
      settings.livePerHostPerDay,
      fanout.room_id,
      ...notify.params,
      fanout.kind,
      fanout.room_id,
      fanout.actor_id,
      now,
      fanout.room_id,
      fanout.actor_id,
      foldKey,
      now,
    ];
    return [sql, params];
  }
}

/**
 * The recipients of one batch, `recipient_id` in id order after `cursor`, at most `limit`: an
 * index range scan of the audience's table (follows by followee, reminders and invitees by room).
 */
function audienceSource(
  audience: NotificationAudience,
  roomId: string,
  hostId: string,
  cursor: string | null,
  limit: number,
): { sql: string; params: unknown[] } {
  // Two shapes, so the first batch and the next ones are both an index range scan (an
  // `? is null or column > ?` condition would make every batch scan from the start).
  const after = (column: string) => (cursor === null ? { sql: 'true', params: [] } : { sql: `${column} > ?`, params: [cursor] });
  switch (audience) {
    case NotificationAudience.Reminders: {
      const page = after('x.profile_id');
      return {
        sql: `select x.profile_id as recipient_id from room_reminders x where x.room_id = ? and ${page.sql} order by x.profile_id limit ?`,
        params: [roomId, ...page.params, limit],
      };
    }
    case NotificationAudience.Invitees: {
      const page = after('x.profile_id');
      return {
        sql: `select x.profile_id as recipient_id from room_invitees x where x.room_id = ? and ${page.sql} order by x.profile_id limit ?`,
        params: [roomId, ...page.params, limit],
      };
    }
    case NotificationAudience.FollowersLive:
    case NotificationAudience.FollowersAll: {
      const page = after('x.follower_id');
      const levels = audience === NotificationAudience.FollowersAll ? `('ALL')` : `('ALL', 'LIVE_ONLY')`;
      return {
        sql: `select x.follower_id as recipient_id from follows x
               where x.followee_id = ? and x.notifications in ${levels} and ${page.sql} order by x.follower_id limit ?`,
        params: [hostId, ...page.params, limit],
      };
    }
  }
}

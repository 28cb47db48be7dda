import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (issue 18): stored rows, the fan-out progress of each notification event, and the
 * pg-boss job of each room's reminder.
 * - `notifications`: one row per recipient and notification, or one unread `DIGEST` per
 *   (recipient, `fold_key`) that later folded notifications update (`count` + 1) instead of adding
 *   rows: the partial unique index is what `INSERT … ON CONFLICT` folds on. `fold_key` is
 *   `<kind>:<actor id>` (what was folded, from whom).
 * - `notification_fanouts`: one row per notification event (a room went live, was scheduled, ...):
 *   its audience and `cursor`, the last recipient id written. Batches advance the cursor in their
 *   own transaction, so a retried job resumes where the last committed batch stopped.
 * - `room_reminder_jobs`: the pg-boss job that sends `ROOM_STARTING_SOON` for a room, so
 *   rescheduling moves it and cancelling removes it.
 */
export class Migration20261209Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table notifications (
        id uuid primary key,
        recipient_id varchar(128) not null references profiles(id) on delete cascade,
        kind varchar(32) not null check (kind in
          ('ROOM_STARTING_SOON','ROOM_LIVE','ROOM_RESCHEDULED','ROOM_CANCELLED','ROOM_SCHEDULED','ROOM_INVITATION','DIGEST')),
        room_id uuid null references rooms(id) on delete cascade,
        actor_id varchar(128) null references profiles(id) on delete set null,
        count integer not null default 1 check (count >= 1),
        fold_key varchar(200) null,
        created_at timestamptz not null,
        read_at timestamptz null,
        check ((kind = 'DIGEST') = (fold_key is not null))
      );`);
    // The page of one recipient, newest first (keyset on created_at, id), and its unread count.
    this.addSql(`create index notifications_recipient_idx on notifications (recipient_id, created_at desc, id desc);`);
    this.addSql(`create index notifications_unread_idx on notifications (recipient_id) where read_at is null;`);
    // The budget's counts: one recipient's notifications of one kind from one actor, recent first.
    this.addSql(`create index notifications_budget_idx on notifications (recipient_id, actor_id, kind, created_at desc) where kind <> 'DIGEST';`);
    this.addSql(`create unique index notifications_open_digest_idx on notifications (recipient_id, fold_key) where kind = 'DIGEST' and read_at is null;`);
    this.addSql(`
      create table notification_fanouts (
        id uuid primary key,
        kind varchar(32) not null,
        room_id uuid not null references rooms(id) on delete cascade,
        actor_id varchar(128) null references profiles(id) on delete set null,
        audience varchar(32) not null,
        cursor varchar(128) null,
        done boolean not null default false,
        created_at timestamptz not null
      );`);
    this.addSql(`
      create table room_reminder_jobs (
        room_id uuid primary key references rooms(id) on delete cascade,
        job_id uuid not null,
        send_at timestamptz not null
      );`);
    // Followers of a host in id order (the fan-out's batches) at the levels that hear of it.
    this.addSql(`create index follows_followee_follower_idx on follows (followee_id, follower_id) include (notifications);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index follows_followee_follower_idx;`);
    this.addSql(`drop table room_reminder_jobs;`);
    this.addSql(`drop table notification_fanouts;`);
    this.addSql(`drop table notifications;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * The audience extension's shared rows (issue 18: reminders, follow notifications, calendars).
 * - `room_reminders`: who asked to be reminded of which room (`setRoomReminder`,
 *   `Room.reminderCount`, `Room.viewerWantsReminder`, the private calendar feed). One row per
 *   (room, profile); it goes with the room or the profile.
 * - `follows.notifications`: the follower's level for that profile (`FollowNotifications`):
 *   `ALL`, `LIVE_ONLY` (the default for every follow, old and new) or `OFF`.
 * - `rooms.cancelled_at`: set by `cancelRoom` (the room is ENDED and never started); an iCalendar
 *   event of such a room is `STATUS:CANCELLED`.
 * - `rooms.calendar_sequence`: the iCalendar `SEQUENCE` (RFC 5545 §3.8.7.4). A trigger adds 1 on
 *   every change of title, scheduled time or status, whatever code path makes it, so the
 *   sequence can never miss a change.
 */
export class Migration20261209AudienceReminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table room_reminders (
        room_id uuid not null references rooms(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (room_id, profile_id)
      );`);
    this.addSql(`create index room_reminders_profile_idx on room_reminders (profile_id, room_id);`);
    this.addSql(`
      alter table follows add column notifications varchar(16) not null default 'LIVE_ONLY'
        check (notifications in ('ALL','LIVE_ONLY','OFF'));`);
    this.addSql(`alter table rooms add column cancelled_at timestamptz null;`);
    this.addSql(`alter table rooms add column calendar_sequence integer not null default 0;`);
    this.addSql(`
      create function rooms_calendar_sequence() returns trigger language plpgsql as $$
      begin
        if new.title is distinct from old.title
           or new.scheduled_for is distinct from old.scheduled_for
           or new.status is distinct from old.status
           or new.cancelled_at is distinct from old.cancelled_at then
          new.calendar_sequence := old.calendar_sequence + 1;
        end if;
        return new;
      end $$;`);
    this.addSql(`
      create trigger rooms_calendar_sequence before update on rooms
        for each row execute function rooms_calendar_sequence();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger rooms_calendar_sequence on rooms;`);
    this.addSql(`drop function rooms_calendar_sequence();`);
    this.addSql(`alter table rooms drop column calendar_sequence;`);
    this.addSql(`alter table rooms drop column cancelled_at;`);
    this.addSql(`alter table follows drop column notifications;`);
    this.addSql(`drop table room_reminders;`);
  }
}

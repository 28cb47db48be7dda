import { Migration } from '@mikro-orm/migrations';

/**
 * The head of each room's event stream (its version and audience counters) moves from `rooms` to
 * its own row in `room_streams`. Every room command locks that row; only stage commands also lock
 * the room row, so a listener joining or leaving never waits behind a lock on `rooms` (issue 9).
 * `fillfactor` leaves room on each page so the per-command update stays a HOT update.
 */
export class Migration20261201RoomStreams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table room_streams (
        room_id uuid primary key references rooms(id) on delete cascade,
        version integer not null default 0 check (version >= 0),
        listener_count integer not null default 0 check (listener_count >= 0),
        participant_count integer not null default 0 check (participant_count >= 0)
      ) with (fillfactor = 50);`);
    this.addSql(`
      insert into room_streams (room_id, version, listener_count, participant_count)
        select id, version, listener_count, participant_count from rooms;`);
    this.addSql(`alter table rooms drop column version, drop column listener_count, drop column participant_count;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table rooms
        add column version integer not null default 0 check (version >= 0),
        add column listener_count integer not null default 0 check (listener_count >= 0),
        add column participant_count integer not null default 0 check (participant_count >= 0);`);
    this.addSql(`
      update rooms r set version = s.version, listener_count = s.listener_count, participant_count = s.participant_count
        from room_streams s where s.room_id = r.id;`);
    this.addSql(`drop table room_streams;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Listener and participant counters on the room row, kept by the command pipeline in the same
 * transaction as the participants they count (no `COUNT(*)` over a large audience on reads).
 */
export class Migration20261130RoomCounters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table rooms
        add column listener_count integer not null default 0 check (listener_count >= 0),
        add column participant_count integer not null default 0 check (participant_count >= 0);`);
    this.addSql(`
      update rooms r set
        listener_count = (select count(*) from participants p where p.room_id = r.id and p.left_at is null and p.role = 'LISTENER'),
        participant_count = (select count(*) from participants p where p.room_id = r.id and p.left_at is null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table rooms drop column if exists listener_count, drop column if exists participant_count;`);
  }
}

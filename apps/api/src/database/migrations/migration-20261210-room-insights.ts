import { Migration } from '@mikro-orm/migrations';

/**
 * Host insights (issue 19).
 * - `room_insights`: one row per room and refresh window, written once by the insights job (never
 *   on the read path) when the window is over; the room's end writes its last, partial window with
 *   `final`. The newest row holds the figures `Room.insights` shows; every row is a point of its
 *   timeline. Groups are stored already folded (`by_industry`, `by_seniority`: `[{label, listeners}]`,
 *   each of at least `minimum_group_size`), so nothing below k is kept.
 * - `room_reaction_counts`: reactions counted per room and kind (`react`), added up by each API
 *   instance's reaction tally every conversation tick; the only durable trace of reactions.
 */
export class Migration20261210RoomInsights extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table room_insights (
        room_id uuid not null references rooms(id) on delete cascade,
        window_start timestamptz not null,
        window_end timestamptz not null,
        final boolean not null default false,
        window_listeners integer not null check (window_listeners >= 0),
        unique_listeners integer not null check (unique_listeners >= 0),
        peak_listeners integer not null check (peak_listeners >= 0),
        median_listen_seconds integer check (median_listen_seconds >= 0),
        by_industry jsonb not null,
        by_seniority jsonb not null,
        questions_asked integer not null check (questions_asked >= 0),
        questions_answered integer not null check (questions_answered >= 0),
        chat_messages integer not null check (chat_messages >= 0),
        reactions jsonb not null,
        minimum_group_size integer not null check (minimum_group_size >= 5),
        refresh_seconds integer not null check (refresh_seconds >= 60),
        computed_at timestamptz not null default now(),
        primary key (room_id, window_start),
        check (window_end > window_start)
      );`);
    this.addSql(`
      create table room_reaction_counts (
        room_id uuid not null references rooms(id) on delete cascade,
        reaction varchar(16) not null,
        count bigint not null check (count >= 0),
        primary key (room_id, reaction)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists room_reaction_counts;`);
    this.addSql(`drop table if exists room_insights;`);
  }
}

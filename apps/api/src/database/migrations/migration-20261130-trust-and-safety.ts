import { Migration } from '@mikro-orm/migrations';

/**
 * Trust and safety: reports with their evidence snapshot, notices (decisions that affect a
 * person, with their one appeal), the append-only audit log, and blocks.
 * An automatic stage hold is not a table of its own: it is an AUTO_MUTED_PENDING_REVIEW notice
 * while any report it rests on is OPEN, so resolving the reports lifts it with no second write.
 */
export class Migration20261130TrustAndSafety extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table reports (
        id uuid primary key,
        room_id uuid references rooms(id) on delete cascade,
        reporter_id varchar(128) references profiles(id) on delete set null,
        reported_profile_id varchar(128) references profiles(id) on delete cascade,
        category varchar(32) not null,
        details text,
        status varchar(16) not null default 'OPEN',
        source_key varchar(128),
        evidence jsonb,
        created_at timestamptz not null,
        resolved_at timestamptz,
        resolved_by_id varchar(128),
        action varchar(32),
        resolution_note text
      );`);
    // One OPEN report per (reporter, room, reported profile); the room itself is the '' profile.
    this.addSql(`
      create unique index reports_one_open_per_target on reports (reporter_id, room_id, coalesce(reported_profile_id, ''))
        where status = 'OPEN' and reporter_id is not null;`);
    this.addSql(`create index reports_target_idx on reports (room_id, reported_profile_id, created_at);`);
    this.addSql(`create index reports_status_idx on reports (status, created_at);`);
    this.addSql(`create index reports_reporter_idx on reports (reporter_id, created_at);`);
    this.addSql(`
      create table moderation_notices (
        id uuid primary key,
        subject_profile_id varchar(128) not null references profiles(id) on delete cascade,
        action varchar(32) not null,
        category varchar(32) not null,
        reason text not null,
        room_id uuid references rooms(id) on delete set null,
        report_ids text[] not null default '{}',
        created_at timestamptz not null,
        expires_at timestamptz,
        appeal_statement text,
        appeal_status varchar(16),
        appeal_created_at timestamptz,
        appeal_decided_at timestamptz,
        appeal_decision_note text
      );`);
    this.addSql(`create index moderation_notices_subject_idx on moderation_notices (subject_profile_id, created_at desc, id desc);`);
    this.addSql(`create index moderation_notices_open_appeals_idx on moderation_notices (appeal_created_at, id) where appeal_status = 'OPEN';`);
    this.addSql(`create index moderation_notices_holds_idx on moderation_notices (room_id, subject_profile_id) where action = 'AUTO_MUTED_PENDING_REVIEW';`);
    this.addSql(`
      create table moderation_log (
        id uuid primary key,
        actor_id varchar(128),
        action varchar(32) not null,
        subject_profile_id varchar(128),
        room_id uuid,
        report_ids text[] not null default '{}',
        note text,
        at timestamptz not null
      );`);
    this.addSql(`create index moderation_log_at_idx on moderation_log (at desc, id desc);`);
    this.addSql(`
      create table blocks (
        blocker_id varchar(128) not null references profiles(id) on delete cascade,
        blocked_id varchar(128) not null references profiles(id) on delete cascade,
        created_at timestamptz not null,
        primary key (blocker_id, blocked_id)
      );`);
    this.addSql(`create index blocks_blocked_idx on blocks (blocked_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists blocks;`);
    this.addSql(`drop table if exists moderation_log;`);
    this.addSql(`drop table if exists moderation_notices;`);
    this.addSql(`drop table if exists reports;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * The ranking learning loop: every served recommendation list as impressions, and what each
 * profile did in each room (joined, seconds listened, raised a hand, spoke) as outcomes.
 */
export class Migration20261127RankingLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ranking_impressions (
        id bigserial primary key,
        request_id uuid not null,
        served_at timestamptz not null,
        viewer_id varchar(128) not null references profiles(id) on delete cascade,
        room_id uuid not null references rooms(id) on delete cascade,
        position integer not null check (position >= 0),
        score double precision not null,
        model_version varchar(200) not null,
        viewer jsonb not null,
        candidate jsonb not null
      );`);
    this.addSql(`create index ranking_impressions_served_idx on ranking_impressions (served_at, id);`);
    this.addSql(`create index ranking_impressions_viewer_room_idx on ranking_impressions (viewer_id, room_id);`);
    this.addSql(`
      create table room_interactions (
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        room_id uuid not null references rooms(id) on delete cascade,
        first_joined_at timestamptz not null,
        last_joined_at timestamptz not null,
        seconds_listened integer not null default 0 check (seconds_listened >= 0),
        raised_hand boolean not null default false,
        spoke boolean not null default false,
        primary key (profile_id, room_id)
      );`);
    this.addSql(`create index room_interactions_profile_idx on room_interactions (profile_id, last_joined_at desc);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists room_interactions;');
    this.addSql('drop table if exists ranking_impressions;');
  }
}

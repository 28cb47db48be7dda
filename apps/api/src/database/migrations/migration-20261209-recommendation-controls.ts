import { Migration } from '@mikro-orm/migrations';

/**
 * Recommendation controls (issue 19).
 * - `hidden_recommendations`: "Not interested" — one row per (viewer, room | host | topic); the
 *   candidate query of `recommendedRooms` leaves out every room it names (both feed modes). At
 *   most MAX_HIDDEN_RECOMMENDATIONS (500) rows per viewer, enforced by `hideRecommendation`.
 * - `feed_settings`: the viewer's chosen feed mode (`PERSONALISED` until they choose).
 * - `ranking_impressions.hidden_at`: when the viewer hid an impression's room (itself, its host or
 *   one of its topics) after it was served; `ranking:export` writes it as `outcome.hidden`, a
 *   negative training signal. Unhiding later does not erase it: it records what they said then.
 */
export class Migration20261209RecommendationControls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table hidden_recommendations (
        id bigserial primary key,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        kind varchar(8) not null check (kind in ('ROOM','HOST','TOPIC')),
        room_id uuid null references rooms(id) on delete cascade,
        host_id varchar(128) null references profiles(id) on delete cascade,
        topic_slug varchar(100) null,
        created_at timestamptz not null default now(),
        check ((kind = 'ROOM') = (room_id is not null)
           and (kind = 'HOST') = (host_id is not null)
           and (kind = 'TOPIC') = (topic_slug is not null))
      );`);
    this.addSql(`create unique index hidden_recommendations_room_uq on hidden_recommendations (profile_id, room_id) where room_id is not null;`);
    this.addSql(`create unique index hidden_recommendations_host_uq on hidden_recommendations (profile_id, host_id) where host_id is not null;`);
    this.addSql(`create unique index hidden_recommendations_topic_uq on hidden_recommendations (profile_id, topic_slug) where topic_slug is not null;`);
    this.addSql(`create index hidden_recommendations_list_idx on hidden_recommendations (profile_id, created_at desc, id desc);`);
    this.addSql(`
      create table feed_settings (
        profile_id varchar(128) primary key references profiles(id) on delete cascade,
        feed_mode varchar(20) not null default 'PERSONALISED' check (feed_mode in ('PERSONALISED','NOT_PERSONALISED')),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`alter table ranking_impressions add column hidden_at timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table ranking_impressions drop column hidden_at;`);
    this.addSql(`drop table feed_settings;`);
    this.addSql(`drop table hidden_recommendations;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Private calendar feeds (issue 18, `viewerCalendarFeedUrl`, `rotateCalendarFeed`): at most one
 * active feed per profile. The token itself is never stored: it is derived from the server's
 * calendar key and `nonce` (so the same URL can be given again), and the feed is found by
 * `token_hash`, the SHA-256 of the token. Rotation replaces nonce and hash in one update, so the
 * old URL answers 404 at once. `rooms_host_scheduled_idx` serves the feed's followed hosts' rooms.
 */
export class Migration20261209CalendarFeeds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table calendar_feeds (
        profile_id varchar(128) primary key references profiles(id) on delete cascade,
        nonce varchar(64) not null,
        token_hash bytea not null unique,
        created_at timestamptz not null default now()
      );`);
    // A feed reads the scheduled rooms of the hosts a profile follows at ALL, by host.
    this.addSql(`create index rooms_host_scheduled_idx on rooms (host_id, scheduled_for) where scheduled_for is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index rooms_host_scheduled_idx;`);
    this.addSql(`drop table calendar_feeds;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Media control: when a participant's media connection last changed (stale LiveKit webhooks are
 * ignored) and its media session id (a reconnect's join is not undone by the old session's
 * leave), and the LiveKit webhook events already handled (duplicates are ignored by id).
 */
export class Migration20261130MediaControl extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table participants add column media_state_at timestamptz, add column media_sid varchar(64);`);
    this.addSql(`
      create table livekit_webhook_events (
        id varchar(128) primary key,
        type varchar(64) not null,
        room_id varchar(128),
        profile_id varchar(128),
        created_at timestamptz not null,
        received_at timestamptz not null default now()
      );`);
    this.addSql(`create index livekit_webhook_events_received_idx on livekit_webhook_events (received_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists livekit_webhook_events;`);
    this.addSql(`alter table participants drop column if exists media_state_at, drop column if exists media_sid;`);
  }
}

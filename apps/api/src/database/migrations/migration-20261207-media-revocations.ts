import { Migration } from '@mikro-orm/migrations';

/**
 * Media revocations (issue 15, bug 5): when a profile last LOST a media right in a room (left,
 * removed, banned, suspended, blocked, or moved off the stage). Written in the transaction of the
 * command that took the right away, and read by the media sync worker when it runs (never from
 * the job), so a job dropped as a duplicate can never lose a revocation. Media tokens issued
 * before the revocation's next whole second are refused by the media server once the sync removes
 * the participant with `revoke_token_ts`; tokens issued after it carry that second as `nbf`.
 */
export class Migration20261207MediaRevocations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table media_revocations (
        room_id uuid not null references rooms (id) on delete cascade,
        profile_id varchar(128) not null,
        revoked_at timestamptz not null,
        primary key (room_id, profile_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists media_revocations;`);
  }
}

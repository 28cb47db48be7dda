import { Migration } from '@mikro-orm/migrations';

/**
 * What the API knew about a reporter when they filed a report (issue 15, bug 1): how long they
 * had been in the room, and when their account was created. The automatic mute counts a report
 * only when its reporter was present long enough or their account was established
 * (`reporterCountsTowardAutoMute`); a snapshot keeps that decision the same however long after
 * the report it is made. Reports filed before this migration have neither, so they never count
 * toward an automatic mute (they still reach the staff queue).
 */
export class Migration20261207ReporterStanding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table reports add column reporter_presence_seconds integer null, add column reporter_account_created_at timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table reports drop column reporter_presence_seconds, drop column reporter_account_created_at;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Reports on a chat message (issue 17; `ReportAbuseInput.chatMessageId`, `ReportEvidence.chatContext`).
 * - `reports.chat_message_id`: the message reported (its author is `reported_profile_id`). No
 *   foreign key, as for `question_id`: a report is a record of what was reported, and a message
 *   only goes with its room or its author, whose reports go too.
 * - A report names at most one of a question and a chat message (`reports_one_item`).
 * - Deduplication: one OPEN report per (reporter, message), and reports on messages stay out of
 *   the one-per-(reporter, room, reported profile) rule, so each abusive message of one author can
 *   be reported, and the author too.
 * The message and up to 10 messages on each side, as they were when reported, are kept in
 * `reports.evidence` (`chatContext`).
 */
export class Migration20261208ChatMessageReports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table reports add column chat_message_id uuid null;`);
    this.addSql(`alter table reports add constraint reports_one_item check (question_id is null or chat_message_id is null);`);
    this.addSql(`drop index reports_one_open_per_target;`);
    this.addSql(`
      create unique index reports_one_open_per_target on reports (reporter_id, room_id, coalesce(reported_profile_id, ''))
        where status = 'OPEN' and reporter_id is not null and question_id is null and chat_message_id is null;`);
    this.addSql(`
      create unique index reports_one_open_per_chat_message on reports (reporter_id, chat_message_id)
        where status = 'OPEN' and reporter_id is not null and chat_message_id is not null;`);
  }

  /**
   * Keeps the reports (they read as reports on the message's author); fails while a reporter has
   * two OPEN reports on one author that way (resolve them first): trust-and-safety records are not
   * dropped by a schema rollback.
   */
  override async down(): Promise<void> {
    this.addSql(`drop index if exists reports_one_open_per_chat_message;`);
    this.addSql(`drop index reports_one_open_per_target;`);
    this.addSql(`
      create unique index reports_one_open_per_target on reports (reporter_id, room_id, coalesce(reported_profile_id, ''))
        where status = 'OPEN' and reporter_id is not null and question_id is null;`);
    this.addSql(`alter table reports drop constraint reports_one_item, drop column chat_message_id;`);
  }
}

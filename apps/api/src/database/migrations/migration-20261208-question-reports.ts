import { Migration } from '@mikro-orm/migrations';

/**
 * Reports on a question (issue 16; `ReportAbuseInput.questionId`, `ReportEvidence.questionText`).
 * - `reports.question_id`: the question reported (its asker is `reported_profile_id`). No foreign
 *   key: a report is a record of what was reported, and a key would make each report share-lock
 *   the question row that votes lock (a question only goes with its room or its asker, whose
 *   reports go too).
 * - `reports.question_anonymous`: the question was anonymous when reported, so the report never
 *   shows its asker to anyone but staff (the reporter reads `reportedProfile: null`).
 * - Deduplication: one OPEN report per (reporter, question), and reports on questions stay out of
 *   the one-per-(reporter, room, reported profile) rule, so a report on a person never conflicts
 *   with a report on an anonymous question of theirs (that would tell the reporter who asked it).
 * The question's text when reported is kept in `reports.evidence` (`questionText`).
 */
export class Migration20261208QuestionReports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table reports add column question_id uuid null, add column question_anonymous boolean not null default false;`);
    this.addSql(`drop index reports_one_open_per_target;`);
    this.addSql(`
      create unique index reports_one_open_per_target on reports (reporter_id, room_id, coalesce(reported_profile_id, ''))
        where status = 'OPEN' and reporter_id is not null and question_id is null;`);
    this.addSql(`
      create unique index reports_one_open_per_question on reports (reporter_id, question_id)
        where status = 'OPEN' and reporter_id is not null and question_id is not null;`);
  }

  /** Keeps the reports; fails while a reporter has an OPEN report on a person and one on a question of theirs (resolve one first). */
  override async down(): Promise<void> {
    this.addSql(`drop index if exists reports_one_open_per_question;`);
    this.addSql(`drop index reports_one_open_per_target;`);
    this.addSql(`
      create unique index reports_one_open_per_target on reports (reporter_id, room_id, coalesce(reported_profile_id, ''))
        where status = 'OPEN' and reporter_id is not null;`);
    this.addSql(`alter table reports drop column question_id, drop column question_anonymous;`);
  }
}

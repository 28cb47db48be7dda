import { Migration } from '@mikro-orm/migrations';

/**
 * A raised hand's question is a question of the room's queue (issue 16): one length limit for
 * both, 500 characters (`QUESTION_LIMITS.textMax`, `ROOM_LIMITS.questionMax`), where a hand's
 * question had 280.
 */
export class Migration20261207HandQuestionLength extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table participants alter column hand_raise_question type varchar(500);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table participants alter column hand_raise_question type varchar(280) using left(hand_raise_question, 280);`);
  }
}

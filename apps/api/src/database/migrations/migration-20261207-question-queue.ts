import { Migration } from '@mikro-orm/migrations';

/**
 * The question queue (issue 16; `room-conversation.graphql`, the question parts).
 * - `rooms.screens_questions`: new questions wait as PENDING for a moderator.
 * - `room_questions`: one row per question. `upvote_count` is the number of `question_votes` rows
 *   of the question (kept in the vote's own statement, under the question row's lock, so a vote
 *   is one short write and never a lock on the room). A merged duplicate points at the question
 *   it was merged into (`merged_into_id`, always a question that is not itself merged) and keeps
 *   the count it had.
 * - `room_questions_one_answering`: at most one ANSWERING question per room, enforced by the
 *   database whatever the interleaving of two moderators.
 * - `room_questions_top_idx` / `room_questions_newest_idx`: `Room.questions(order: TOP | NEWEST)`
 *   is one keyset statement per page on them.
 * - `question_votes`: one row per (question, profile); the primary key makes a vote idempotent.
 */
export class Migration20261207QuestionQueue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table rooms add column screens_questions boolean not null default false;`);
    this.addSql(`
      create table room_questions (
        id uuid primary key,
        room_id uuid not null references rooms(id) on delete cascade,
        asker_id varchar(128) not null references profiles(id) on delete cascade,
        text varchar(500) not null,
        anonymous boolean not null default false,
        status varchar(16) not null check (status in ('PENDING','OPEN','ANSWERING','ANSWERED','CLOSED')),
        ask_in_person boolean not null default false,
        upvote_count integer not null default 0 check (upvote_count >= 0),
        merged_into_id uuid references room_questions(id) on delete set null,
        created_at timestamptz not null default now(),
        answered_at timestamptz,
        check (merged_into_id is null or status = 'CLOSED'),
        check (not (ask_in_person and status in ('ANSWERED','CLOSED')))
      );`);
    this.addSql(`create unique index room_questions_one_answering on room_questions (room_id) where status = 'ANSWERING';`);
    this.addSql(`create index room_questions_top_idx on room_questions (room_id, upvote_count desc, created_at, id);`);
    this.addSql(`create index room_questions_newest_idx on room_questions (room_id, created_at desc, id desc);`);
    this.addSql(`create index room_questions_asker_idx on room_questions (room_id, asker_id) where status in ('PENDING','OPEN');`);
    this.addSql(`create index room_questions_merged_into_idx on room_questions (merged_into_id) where merged_into_id is not null;`);
    this.addSql(`
      create table question_votes (
        question_id uuid not null references room_questions(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        voted_at timestamptz not null default now(),
        primary key (question_id, profile_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists question_votes;`);
    this.addSql(`drop table if exists room_questions;`);
    this.addSql(`alter table rooms drop column if exists screens_questions;`);
  }
}

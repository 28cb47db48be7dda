import { Migration } from '@mikro-orm/migrations';

/**
 * The room chat and the room's conversation settings (issue 17; `room-conversation.graphql`).
 * - `rooms.chat_mode`, `rooms.chat_slow_mode_seconds`: the chat's mode (OPEN, SLOW, STAGE_ONLY,
 *   OFF) and slow mode's interval, set by `updateRoomConversation`.
 * - `rooms.pinned_links`: at most 5 `{ url, title, pinnedById, pinnedAt }` objects, newest first.
 * - `chat_messages`: one row per message. A deleted message keeps its row (its place in the
 *   history, and what a report kept) with `deleted_at` set; clients read empty text.
 *   `mention_ids` are the profiles its @ words named, resolved when it was sent.
 * - `chat_messages_history_idx`: `Room.chatMessages` (newest first) is one keyset statement per page;
 *   `chat_messages_author_idx`: a writer's previous message, for slow mode.
 */
export class Migration20261208RoomChat extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table rooms add column chat_mode varchar(16) not null default 'OPEN' check (chat_mode in ('OPEN','SLOW','STAGE_ONLY','OFF'));`);
    this.addSql(`alter table rooms add column chat_slow_mode_seconds integer not null default 10 check (chat_slow_mode_seconds between 1 and 3600);`);
    this.addSql(`alter table rooms add column pinned_links jsonb not null default '[]'::jsonb;`);
    this.addSql(`
      create table chat_messages (
        id uuid primary key,
        room_id uuid not null references rooms(id) on delete cascade,
        author_id varchar(128) not null references profiles(id) on delete cascade,
        text varchar(1000) not null,
        mention_ids text[] not null default '{}',
        created_at timestamptz not null,
        deleted_at timestamptz,
        deleted_by_id varchar(128)
      );`);
    this.addSql(`create index chat_messages_history_idx on chat_messages (room_id, created_at desc, id desc);`);
    this.addSql(`create index chat_messages_author_idx on chat_messages (room_id, author_id, created_at desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists chat_messages;`);
    this.addSql(`alter table rooms drop column if exists pinned_links, drop column if exists chat_slow_mode_seconds, drop column if exists chat_mode;`);
  }
}

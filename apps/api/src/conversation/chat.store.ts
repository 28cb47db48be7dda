import { type EntityManager } from '@mikro-orm/postgresql';

import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import type { ChatMessageRecord } from './chat-message.type';

/**
 * The room chat's storage (issue 17; table `chat_messages`, migration `migration-20261208-room-chat.ts`).
 * A deleted message keeps its row; readers get empty text (`toRecord`), reports keep what it said.
 */

/** One stored message with what only the server reads (the text of a deleted message). */
export interface StoredChatMessage extends ChatMessageRecord {
  /** The text as written, also after deletion (for reports' evidence); never served once deleted. */
  readonly storedText: string;
}

const COLUMNS = `m.id, m.room_id, m.author_id, m.text, m.mention_ids, m.created_at, m.deleted_at`;

function toStored(row: Record<string, unknown>): StoredChatMessage {
  const deleted = row['deleted_at'] !== null && row['deleted_at'] !== undefined;
  const storedText = String(row['text']);
  return {
    id: String(row['id']),
    roomId: String(row['room_id']),
    authorId: String(row['author_id']),
    text: deleted ? '' : storedText,
    storedText,
    deleted,
    mentionIds: (row['mention_ids'] as string[] | null) ?? [],
    createdAt: new Date(row['created_at'] as string),
  };
}

/** Stores one message (its id a fresh UUID, its text already checked and screened). */
export async function insertChatMessage(tx: EntityManager, message: Omit<ChatMessageRecord, 'deleted'>): Promise<void> {
  await tx.execute(
    `insert into chat_messages (id, room_id, author_id, text, mention_ids, created_at)
     values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?)`,
    // A JSON array, not a JS array: knex would spread an array binding into a list of values.
    [message.id, message.roomId, message.authorId, message.text, JSON.stringify(message.mentionIds), message.createdAt],
  );
}

/** When `authorId` last wrote in `roomId` (null: never), for slow mode. One statement on `chat_messages_author_idx`. */
export async function lastMessageAt(tx: EntityManager, roomId: string, authorId: string): Promise<Date | null> {
  const rows = await tx.execute<{ created_at: string | Date }[]>(
    `select created_at from chat_messages where room_id = ? and author_id = ? order by created_at desc limit 1`,
    [roomId, authorId],
  );
  return rows[0] ? new Date(rows[0].created_at) : null;
}

/** One message by id (any room), or null. */
export async function findChatMessage(em: EntityManager, id: string): Promise<StoredChatMessage | null> {
  if (!isUuid(id)) return null;
  const rows = await em.execute<Record<string, unknown>[]>(`select ${COLUMNS} from chat_messages m where m.id = ?`, [id]);
  return rows[0] ? toStored(rows[0]) : null;
}

/** Marks a message deleted (idempotent: the first deletion's time and author stay). */
export async function markChatMessageDeleted(em: EntityManager, id: string, deletedById: string, at: Date): Promise<void> {
  await em.execute(`update chat_messages set deleted_at = ?, deleted_by_id = ? where id = ? and deleted_at is null`, [at, deletedById, id]);
}

/**
 * A `Room.chatMessages` page, newest first, as a column of the statement that reads the viewer's
 * relation to the room `r` (`RoomAccessPolicy.relationsToRooms`): the page and the access it
 * needs are one statement, a keyset read on `chat_messages_history_idx` whatever the history's
 * length. Read it back with {@link chatPageOf}. Deleted messages keep their place with empty text.
 * @throws BAD_USER_INPUT (field after) for a cursor this list did not make, before anything is read.
 */
export function chatPageColumn(first: number, after: string | null | undefined): ChatPageQuery {
  const cursor = decodeCursor(after, isUuid);
  return {
    columns: `(select coalesce(json_agg(row_to_json(m) order by m.created_at desc, m.id desc), '[]'::json) from (
        select ${COLUMNS} from chat_messages m where m.room_id = r.id${cursor ? ' and (m.created_at, m.id) < (?::timestamptz, ?::uuid)' : ''}
         order by m.created_at desc, m.id desc limit ?) m) as chat_page`,
    params: [...(cursor ? [cursor.at, cursor.id] : []), first + 1],
    first,
    cursor,
  };
}

/** What {@link chatPageColumn} asks for, and what {@link chatPageOf} needs to read its answer. */
export interface ChatPageQuery {
  readonly columns: string;
  readonly params: readonly unknown[];
  readonly first: number;
  readonly cursor: ReturnType<typeof decodeCursor>;
}

/** The page in the `chat_page` column a {@link chatPageColumn} statement returned. */
export function chatPageOf(row: Record<string, unknown>, query: ChatPageQuery): Page<ChatMessageRecord> {
  const value = row['chat_page'];
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Record<string, unknown>[];
  return toPage(rows.map(toStored).map(served), query.first, (m) => encodeCursor(m.createdAt, m.id), query.cursor);
}

/**
 * The messages around `messageId` in its room, as they are now (deleted ones with their stored
 * text): up to `around` before and after it, oldest first, the message itself included. One statement.
 */
export async function chatContext(em: EntityManager, roomId: string, messageId: string, around: number): Promise<StoredChatMessage[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `with target as (select created_at, id from chat_messages where id = ? and room_id = ?)
     (select ${COLUMNS} from chat_messages m, target t where m.room_id = ? and (m.created_at, m.id) <= (t.created_at, t.id)
       order by m.created_at desc, m.id desc limit ?)
     union all
     (select ${COLUMNS} from chat_messages m, target t where m.room_id = ? and (m.created_at, m.id) > (t.created_at, t.id)
       order by m.created_at, m.id limit ?)`,
    [messageId, roomId, roomId, around + 1, roomId, around],
  );
  return rows.map(toStored).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The profiles that @ words name among the people in the room now: a handle matches a profile's
 * id, or its display name without spaces, case-insensitively (the domain's `mentionKeyOfName`). One statement; at most one profile
 * per handle (the id wins, then the earliest to join).
 */
export async function resolveMentions(em: EntityManager, roomId: string, handles: readonly string[]): Promise<string[]> {
  if (handles.length === 0) return [];
  const rows = await em.execute<{ profile_id: string; handle: string }[]>(
    `select distinct on (h.handle) h.handle, p.profile_id
       from jsonb_array_elements_text(?::jsonb) as h(handle)
       join participants p on p.room_id = ? and p.left_at is null
       join profiles pr on pr.id = p.profile_id
      where lower(pr.id) = h.handle or lower(regexp_replace(pr.display_name, '\\s+', '', 'g')) = h.handle
      order by h.handle, (lower(pr.id) = h.handle) desc, p.joined_at`,
    [JSON.stringify(handles), roomId],
  );
  const byHandle = new Map(rows.map((row) => [row.handle, row.profile_id]));
  return [...new Set(handles.flatMap((handle) => byHandle.get(handle) ?? []))];
}

/** A stored message as clients read it (a deleted one's text empty). */
function served(message: StoredChatMessage): ChatMessageRecord {
  const { storedText: _stored, ...record } = message;
  return record;
}

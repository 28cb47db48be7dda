import { Migration } from '@mikro-orm/migrations';

/**
 * The audience's role index no longer serves lookups that do not name a role (issue 14 §3, the
 * join storm).
 *
 * `participants_room_role_idx` (room_id, role, joined_at, id) could serve any lookup by room.
 * While PostgreSQL's statistics of `participants` do not show a room's participants (a table
 * never analysed, or analysed while empty: a fresh deployment, a room that fills in a minute), it
 * costs one viewer's participation (`room_id = ? and profile_id = ?`, the access policy's
 * relation read) the same on that index as on an index that holds the viewer, and took the role
 * index: each lookup read the whole room, and a batch of 500 joins into a room of 4,000 read
 * 2,000,000 index entries instead of 500 (420 ms against 3 ms).
 *
 * Its predicate now also says `role is not null` (always true: the column is NOT NULL), which
 * PostgreSQL uses only for queries that constrain the role themselves (`role = ?`,
 * `role in (…)`): the room's listeners and its stage in the order they came, what the index is
 * for. A lookup by room and profile can no longer take it, however stale the statistics. Same
 * columns, same rows. Rebuilding it holds writes to `participants` back until it is built (the
 * active rows only).
 */
export class Migration20261212ParticipantsRoleIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists participants_room_role_idx;`);
    this.addSql(`create index participants_room_role_idx on participants (room_id, role, joined_at, id) where left_at is null and role is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists participants_room_role_idx;`);
    this.addSql(`create index participants_room_role_idx on participants (room_id, role, joined_at, id) where left_at is null;`);
  }
}

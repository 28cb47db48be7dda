import { Migration } from '@mikro-orm/migrations';

/**
 * The audience's role index no longer serves lookups that do not name a role (issue 14 §3, the
 * join storm).
 *
 * `participants_room_role_idx` (room_id, role, joined_at, id) could serve any lookup by room.
 * While PostgreSQL's statistics of `participants` do not show a room's participants (a table
 * never analysed: a fresh deployment, a room that fills before autovacuum analyses the table), it
 * costed one viewer's participation (`room_id = ? and profile_id = ?`, the access policy's
 * relation read) the same on that index as on an index that holds the viewer, and took the role
 * index: each lookup read the whole room, and a batch of 500 joins into a room of 4,000 read
 * 2,000,000 index entries instead of 500 (420 ms against 3 ms).
 *
 * Its replacement, `participants_room_named_role_idx`, has the same columns and rows, and its
 * predicate also says `role is not null` (always true: the column is NOT NULL), which PostgreSQL
 * uses only for queries that constrain the role themselves (`role = ?`, `role in (…)`): the
 * room's listeners and its stage in the order they came, what the index is for. A lookup by room
 * and profile can no longer take it, however stale the statistics.
 *
 * Locks (the migration is one transaction): building the new index scans the table and holds
 * writes to `participants` back (reads go on); dropping the old one comes last and holds the
 * table's exclusive lock only from then until the migration commits.
 */
export class Migration20261212ParticipantsRoleIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index participants_room_named_role_idx on participants (room_id, role, joined_at, id) where left_at is null and role is not null;`,
    );
    this.addSql(`drop index if exists participants_room_role_idx;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index participants_room_role_idx on participants (room_id, role, joined_at, id) where left_at is null;`);
    this.addSql(`drop index if exists participants_room_named_role_idx;`);
  }
}

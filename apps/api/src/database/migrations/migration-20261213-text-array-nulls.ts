import { Migration } from '@mikro-orm/migrations';

/**
 * Before `TextArrayType`, MikroORM wrote `text[]` values with only some elements quoted, and
 * PostgreSQL stored an element a person typed as "null" (in any case) as SQL NULL: a skill "null"
 * then failed `recommendedRooms` for its owner. No column holds a NULL element on purpose, and what
 * was typed cannot be told from it (its case is lost), so this removes NULL elements from every
 * `text[]` column. Rows without one are not touched; `array_position` finds them without a rewrite.
 */
export class Migration20261213TextArrayNulls extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of TEXT_ARRAY_COLUMNS) {
      this.addSql(`update ${table} set ${column} = array_remove(${column}, null) where array_position(${column}, null) is not null;`);
    }
  }

  override async down(): Promise<void> {
    // Nothing to restore: the removed elements held no value.
  }
}

/** Every `text[]` column of the schema (tested against the entities' metadata). */
export const TEXT_ARRAY_COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['profiles', 'skills'],
  ['profiles', 'interests'],
  ['rooms', 'topics'],
  ['moderation_notices', 'report_ids'],
  ['moderation_log', 'report_ids'],
];

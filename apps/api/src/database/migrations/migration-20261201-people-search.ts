import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for two reads the web client needs (issue 10):
 * - `searchProfiles`: a trigram GIN index over display name and headline, so `ILIKE '%word%'`
 *   on three or more characters uses the index instead of reading every profile. pg_trgm is a
 *   trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
 * - `viewerGroups`: the viewer's memberships, newest first, read straight from one index; it
 *   replaces the plain (profile_id) index, which it covers.
 *
 * The indexed expression must stay identical to `PROFILE_SEARCH_TEXT_SQL` in
 * `profiles/profiles.service.ts`, or the planner cannot use it.
 */
export class Migration20261201PeopleSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create index profiles_search_trgm_idx on profiles using gin ((display_name || ' ' || coalesce(headline, '')) gin_trgm_ops);`,
    );
    this.addSql(`create index group_members_profile_joined_idx on group_members (profile_id, joined_at desc, group_id desc);`);
    this.addSql(`drop index if exists group_members_profile_idx;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index if not exists group_members_profile_idx on group_members (profile_id);`);
    this.addSql(`drop index if exists group_members_profile_joined_idx;`);
    this.addSql(`drop index if exists profiles_search_trgm_idx;`);
  }
}

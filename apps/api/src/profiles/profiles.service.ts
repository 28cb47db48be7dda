import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, type ProfileUpdateInput, validateProfileUpdate } from '@roundtable/domain';

import { type AuthenticatedViewer, isValidProfileId } from '../auth/authenticator';
import { badInput } from '../common/api-error';
import { isUuid, parseProfileId } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { likeLiteral } from '../common/sql';
import type { TextScreeningService } from '../moderation/text-screening.service';
import { FollowEntity, ProfileEntity } from './profile.entity';

const KNOWN_PROFILES_LIMIT = 50_000;

/** Bounds of `searchProfiles(query)`, in characters once trimmed. */
export const PROFILE_SEARCH_MIN_LENGTH = 2;
export const PROFILE_SEARCH_MAX_LENGTH = 100;
/** Words of a query that must each match; more are ignored. */
export const PROFILE_SEARCH_MAX_WORDS = 8;

/**
 * The text a profile search matches: display name and headline. Identical to the expression of
 * `profiles_search_trgm_idx` (migration-20261201-people-search.ts) so the trigram index applies.
 */
export const PROFILE_SEARCH_TEXT_SQL = `(p.display_name || ' ' || coalesce(p.headline, ''))`;

export interface ProfileSearchPage extends Page<ProfileEntity> {
  /** Every profile the query matches (all pages). */
  readonly totalCount: number;
}

export class ProfilesService {
  /** Profiles known to exist, so most requests skip the insert-if-missing statement. */
  private readonly known = new Set<string>();
  /** Subjects found to be other objects' ids: refused again without SQL (ids are never reused). */
  private readonly notProfiles = new Set<string>();
  /** The tables whose primary key is a UUID `id`, read once from the catalogue (see {@link uuidKeyedTables}). */
  private uuidTables: Promise<readonly string[]> | null = null;

  /** @param screening trust and safety screening of display names and headlines. */
  constructor(private readonly screening: TextScreeningService | null = null) {}

  /** Whether the profile is known to exist already (then `ensureProfile` does nothing). */
  knowsProfile(profileId: string): boolean {
    return this.known.has(profileId);
  }

  /**
   * Makes sure the token's subject is a profile, creating it on the first authenticated request
   * from the `name` claim. Ids are unambiguous across types (issue 15, item 9): a subject that is
   * the id of any other object (a room, group, participant, join request, report, notice, log
   * entry, question, ...: every table whose primary key is a UUID `id`) is no profile and never
   * becomes one, and neither is a profile that such a subject created before this check existed.
   *
   * One SQL statement, and only for a subject not known here yet (afterwards none, for a profile
   * and for a refused subject alike): the check and
   * the insert-if-missing are the same statement (plus, once per process, the catalogue read of
   * {@link uuidKeyedTables}).
   * @returns false when the subject is the id of another type (the caller refuses the token).
   */
  async ensureProfile(em: EntityManager, viewer: AuthenticatedViewer): Promise<boolean> {
    if (this.known.has(viewer.profileId)) return true;
    if (this.notProfiles.has(viewer.profileId)) return false;
    const displayName = viewer.name ?? `Member ${viewer.profileId.slice(0, 8)}`;
    const now = new Date();
    if (isUuid(viewer.profileId)) {
      // Other types' ids are lower-case UUIDs; a profile id is compared as written, so the
      // lower-cased form is what could name another object.
      const id = viewer.profileId.toLowerCase();
      const tables = await this.uuidKeyedTables(em);
      const rows = await em.execute<{ other: boolean }[]>(
        `with other as (${tables.length > 0 ? tables.map((table) => `select 1 from "${table}" where id = ?::uuid`).join(' union all ') : 'select 1 where false'} limit 1),
         created as (
           insert into profiles (id, display_name, created_at, updated_at)
           select ?, ?, ?, ? where not exists (select 1 from other)
           on conflict (id) do nothing returning id)
         select exists (select 1 from other) as other`,
        [...tables.map(() => id), viewer.profileId, displayName, now, now],
      );
      if (rows[0]?.other !== false) {
        if (this.notProfiles.size >= KNOWN_PROFILES_LIMIT) this.notProfiles.clear();
        this.notProfiles.add(viewer.profileId);
        return false;
      }
    } else {
      await em.execute(
        `insert into profiles (id, display_name, created_at, updated_at) values (?, ?, ?, ?) on conflict (id) do nothing`,
        [viewer.profileId, displayName, now, now],
      );
    }
    if (this.known.size >= KNOWN_PROFILES_LIMIT) this.known.clear();
    this.known.add(viewer.profileId);
    return true;
  }

  /**
   * The tables whose primary key is the one column `id` of type uuid, in the current schema: the
   * ids of every type but Profile, tables without an ORM entity included. Read from the catalogue
   * once (a failed read is tried again next time).
   */
  private uuidKeyedTables(em: EntityManager): Promise<readonly string[]> {
    this.uuidTables ??= em
      .execute<{ table_name: string }[]>(
        `select c.relname as table_name
           from pg_index i
           join pg_class c on c.oid = i.indrelid
           join pg_namespace n on n.oid = c.relnamespace
           join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
          where i.indisprimary and i.indnatts = 1 and n.nspname = current_schema()
            and a.attname = 'id' and a.atttypid = 'uuid'::regtype
          order by 1`,
      )
      .then((rows) => rows.map((row) => row.table_name))
      .catch((error: unknown) => {
        this.uuidTables = null;
        throw error;
      });
    return this.uuidTables;
  }

  /** Forget cached knowledge (tests clear the database between cases). */
  forgetKnownProfiles(): void {
    this.known.clear();
    this.notProfiles.clear();
  }

  async getProfile(em: EntityManager, id: string): Promise<ProfileEntity | null> {
    return em.findOne(ProfileEntity, { id });
  }

  /**
   * People whose display name or headline contains every word of `query` (case-insensitive,
   * literal: `%` and `_` match themselves), ordered by display name then id, keyset-paginated on
   * that pair. Profiles the viewer blocked, and profiles that blocked the viewer, are left out.
   * One SQL statement per page, the total included.
   *
   * The cursor has the shape every cursor has (a timestamp and an id, which admission checks
   * before execution); the page continues after the named profile's display name as it is now,
   * so a rename between pages moves the continuation with it, and a cursor naming no profile
   * answers an empty page.
   * @param query 2–100 characters once trimmed; @param first page size (bounded by the caller).
   * @throws BAD_USER_INPUT (field query) for a query out of bounds; (field after) for a cursor this search did not make.
   */
  async searchProfiles(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    query: string,
    first: number,
    after: string | null,
  ): Promise<ProfileSearchPage> {
    const text = query.trim();
    if (text.length < PROFILE_SEARCH_MIN_LENGTH || text.length > PROFILE_SEARCH_MAX_LENGTH) {
      throw badInput('query', `query must be ${PROFILE_SEARCH_MIN_LENGTH} to ${PROFILE_SEARCH_MAX_LENGTH} characters long`);
    }
    const cursor = decodeCursor(after, isValidProfileId);
    const words = text.split(/\s+/).filter(Boolean).slice(0, PROFILE_SEARCH_MAX_WORDS);
    const where = words.map(() => `${PROFILE_SEARCH_TEXT_SQL} ilike ?`);
    const params: unknown[] = words.map((word) => `%${likeLiteral(word)}%`);
    where.push(
      `not exists (select 1 from blocks b where (b.blocker_id = ? and b.blocked_id = p.id) or (b.blocker_id = p.id and b.blocked_id = ?))`,
    );
    params.push(viewer.profileId, viewer.profileId);
    const keyset = cursor ? 'where (m.display_name, m.id) > (select a.display_name, a.id from profiles a where a.id = ?)' : '';
    const keysetParams = cursor ? [cursor.id] : [];
    // The count and the page in one statement; the left join keeps the count when the page is empty.
    const rows = await em.execute<Record<string, unknown>[]>(
      `with matches as (select p.* from profiles p where ${where.join(' and ')})
       select page.*, total.total_count from (select count(*) as total_count from matches) total
       left join lateral (select m.* from matches m ${keyset} order by m.display_name, m.id limit ?) page on true`,
      [...params, ...keysetParams, first + 1],
    );
    const totalCount = Number(rows[0]?.['total_count'] ?? 0);
    const profiles = rows.filter((row) => row['id'] !== null).map((row) => {
      const { total_count: _total, ...profile } = row;
      return em.map(ProfileEntity, profile);
    });
    return { ...toPage(profiles, first, (p) => encodeCursor(p.createdAt, p.id), cursor), totalCount };
  }

  async updateViewerProfile(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    input: ProfileUpdateInput,
  ): Promise<ProfileEntity> {
    const update = validateProfileUpdate(input);
    const flags = this.screening?.screen({ displayName: update.displayName, headline: update.headline }) ?? [];
    return em.transactional(async (tx) => {
      const profile = await tx.findOneOrFail(ProfileEntity, { id: viewer.profileId });
      tx.assign(profile, update);
      await this.screening?.fileFlags(tx, viewer.profileId, null, flags);
      return profile;
    });
  }

  async follow(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.followTarget(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw DomainError.notFound('Profile');
      const inserted = await tx.execute<{ followee_id: string }[]>(
        `insert into follows (follower_id, followee_id, created_at) values (?, ?, ?)
         on conflict do nothing returning followee_id`,
        [viewer.profileId, profileId, new Date()],
      );
      if (inserted.length > 0) await this.adjustFollowCounts(tx, viewer.profileId, profileId, +1);
      await tx.refresh(target);
      return target;
    });
  }

  async unfollow(em: EntityManager, viewer: AuthenticatedViewer, rawProfileId: string): Promise<ProfileEntity> {
    const profileId = this.followTarget(viewer, rawProfileId);
    return em.transactional(async (tx) => {
      const target = await tx.findOne(ProfileEntity, { id: profileId });
      if (!target) throw DomainError.notFound('Profile');
      const deleted = await tx.nativeDelete(FollowEntity, { followerId: viewer.profileId, followeeId: profileId });
      if (deleted > 0) await this.adjustFollowCounts(tx, viewer.profileId, profileId, -1);
      await tx.refresh(target);
      return target;
    });
  }

  private followTarget(viewer: AuthenticatedViewer, rawProfileId: string): string {
    const profileId = parseProfileId(rawProfileId, 'profileId');
    if (profileId === viewer.profileId) throw DomainError.invalidInput('profileId', 'You cannot follow yourself');
    return profileId;
  }

  private async adjustFollowCounts(tx: EntityManager, followerId: string, followeeId: string, delta: 1 | -1) {
    // Counters change in SQL, not read-modify-write, so concurrent follows never lose an update.
    await tx.execute(`update profiles set follower_count = follower_count + ? where id = ?`, [delta, followeeId]);
    await tx.execute(`update profiles set following_count = following_count + ? where id = ?`, [delta, followerId]);
  }
}


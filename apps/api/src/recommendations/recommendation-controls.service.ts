import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, topicBySlug } from '@roundtable/domain';
import { MAX_HIDDEN_RECOMMENDATIONS } from '@roundtable/ranking';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { apiError, ApiErrorCode } from '../common/api-error';
import { parseProfileId, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { findVisibleRoom, roomsViewerMaySeeSql } from '../rooms/room-visibility';

/** `FeedMode`: how `recommendedRooms` makes the viewer's list. */
export enum FeedMode {
  Personalised = 'PERSONALISED',
  NotPersonalised = 'NOT_PERSONALISED',
}

/** `HiddenKind`: what a "Not interested" names. */
export enum HiddenKind {
  Room = 'ROOM',
  Host = 'HOST',
  Topic = 'TOPIC',
}

/** `HideRecommendationInput`, as received (exactly one field must be set). */
export interface HideInput {
  readonly roomId?: string | null;
  readonly hostId?: string | null;
  readonly topicSlug?: string | null;
}

/** One hidden item; `visibleRoomId` is the room only while the viewer may still see it. */
export interface HiddenRecommendationRow {
  readonly id: string;
  readonly kind: HiddenKind;
  readonly roomId: string | null;
  readonly visibleRoomId: string | null;
  readonly hostId: string | null;
  readonly topicSlug: string | null;
  readonly createdAt: Date;
}

/**
 * SQL (on alias `r`): rooms the profile has not hidden — not the room, not its host, no topic of
 * it. The SQL form of `isHiddenRoom` (libs/ranking), used in both feed modes' candidate queries so
 * limits and pages count only rooms that may be shown.
 */
export function roomsNotHiddenSql(profileId: string): { sql: string; params: unknown[] } {
  // Three index-friendly parts rather than one OR: the room and the host are unique-index probes
  // per candidate; the hidden topics are read once (an InitPlan) and overlap-tested per row.
  return {
    sql: `(not exists (select 1 from hidden_recommendations h where h.profile_id = ? and h.room_id = r.id)
          and not exists (select 1 from hidden_recommendations h where h.profile_id = ? and h.host_id = r.host_id)
          and not (r.topics && array(select h.topic_slug::text from hidden_recommendations h where h.profile_id = ? and h.topic_slug is not null)))`,
    params: [profileId, profileId, profileId],
  };
}

/** Impressions served this recently get `hidden_at` when the viewer hides their room (negatives for training). */
const HIDDEN_IMPRESSION_LOOKBACK_DAYS = 14;

type ParsedHide = { kind: HiddenKind.Room; roomId: string } | { kind: HiddenKind.Host; hostId: string } | { kind: HiddenKind.Topic; topicSlug: string };

interface HiddenSqlRow {
  id: string;
  kind: HiddenKind;
  room_id: string | null;
  visible_room_id: string | null;
  host_id: string | null;
  topic_slug: string | null;
  created_at: Date | string;
}

/**
 * The viewer's recommendation controls: the feed mode (persisted) and "Not interested" (hidden
 * rooms, hosts and topics, at most {@link MAX_HIDDEN_RECOMMENDATIONS} per person).
 */
export class RecommendationControlsService {
  /** The viewer's feed mode; PERSONALISED until they choose. One statement. */
  async feedMode(em: EntityManager, profileId: string): Promise<FeedMode> {
    const [row] = await em.execute<{ feed_mode: FeedMode }[]>(`select feed_mode from feed_settings where profile_id = ?`, [profileId]);
    return row?.feed_mode ?? FeedMode.Personalised;
  }

  async setFeedMode(em: EntityManager, viewer: AuthenticatedViewer, mode: FeedMode): Promise<FeedMode> {
    if (mode !== FeedMode.Personalised && mode !== FeedMode.NotPersonalised) throw DomainError.invalidInput('mode', 'mode must be PERSONALISED or NOT_PERSONALISED');
    await em.execute(
      `insert into feed_settings (profile_id, feed_mode, updated_at) values (?, ?, now())
       on conflict (profile_id) do update set feed_mode = excluded.feed_mode, updated_at = now()`,
      [viewer.profileId, mode],
    );
    return mode;
  }

  /**
   * Hides a room, a host or a topic for the viewer (idempotent: hiding it again returns the same
   * item). Marks the viewer's recent impressions of the rooms it covers as hidden (negatives).
   * @throws BAD_USER_INPUT (field input) unless exactly one of roomId, hostId, topicSlug is set;
   *   (field topicSlug) for a topic not in the taxonomy; NOT_FOUND for a room the viewer may
   *   not see or a host that does not exist; CONFLICT (extensions.limit) beyond the cap.
   */
  async hide(em: EntityManager, viewer: AuthenticatedViewer, input: HideInput): Promise<HiddenRecommendationRow> {
    const parsed = parseHideInput(input);
    await this.assertExists(em, viewer, parsed);
    return em.transactional(async (tx) => {
      // One writer per viewer at a time, so concurrent hides cannot pass the cap together.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('hidden_recommendations'), hashtext(?))`, [viewer.profileId]);
      const existing = await this.findRow(tx, viewer, parsed);
      if (existing) return existing;
      const [count] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from hidden_recommendations where profile_id = ?`, [viewer.profileId]);
      if ((count?.n ?? 0) >= MAX_HIDDEN_RECOMMENDATIONS) {
        throw apiError(
          ApiErrorCode.Conflict,
          `You can hide at most ${MAX_HIDDEN_RECOMMENDATIONS} rooms, hosts and topics: unhide some first`,
          { limit: MAX_HIDDEN_RECOMMENDATIONS },
        );
      }
      const value = valueOf(parsed);
      await tx.execute(
        `insert into hidden_recommendations (profile_id, kind, room_id, host_id, topic_slug) values (?, ?, ?, ?, ?)`,
        [viewer.profileId, parsed.kind, value.roomId, value.hostId, value.topicSlug],
      );
      await tx.execute(
        `update ranking_impressions i set hidden_at = now()
           from rooms r
          where i.viewer_id = ? and i.room_id = r.id and i.hidden_at is null
            and i.served_at > now() - make_interval(days => ?)
            and (r.id = ?::uuid or r.host_id = ? or ?::text = any(r.topics))`,
        [viewer.profileId, HIDDEN_IMPRESSION_LOOKBACK_DAYS, value.roomId, value.hostId, value.topicSlug],
      );
      const row = await this.findRow(tx, viewer, parsed);
      if (!row) throw new Error('hidden recommendation vanished inside its transaction');
      return row;
    });
  }

  /**
   * Unhides; true when something was hidden, false when it was not (idempotent). Refuses the same
   * input `hide` refuses, except that an item already hidden can always be unhidden.
   */
  async unhide(em: EntityManager, viewer: AuthenticatedViewer, input: HideInput): Promise<boolean> {
    const parsed = parseHideInput(input);
    const value = valueOf(parsed);
    const deleted = await em.execute<{ id: string }[]>(
      `delete from hidden_recommendations
        where profile_id = ? and kind = ? and room_id is not distinct from ?::uuid and host_id is not distinct from ? and topic_slug is not distinct from ?
        returning id`,
      [viewer.profileId, parsed.kind, value.roomId, value.hostId, value.topicSlug],
    );
    if (deleted.length > 0) return true;
    await this.assertExists(em, viewer, parsed);
    return false;
  }

  /**
   * The viewer's hidden items, newest first, keyset-paginated (`after`: the cursor of the last item
   * of the previous page, as returned by {@link cursorOf}). One statement.
   */
  async list(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<HiddenRecommendationRow[]> {
    const cursor = decodeCursor(after, (id) => /^\d{1,18}$/.test(id));
    const maySee = roomsViewerMaySeeSql(viewer);
    const rows = await em.execute<HiddenSqlRow[]>(
      `select h.id::text as id, h.kind, h.room_id, h.host_id, h.topic_slug, h.created_at,
              (select r.id from rooms r where r.id = h.room_id and ${maySee.sql}) as visible_room_id
         from hidden_recommendations h
        where h.profile_id = ? ${cursor ? 'and (h.created_at, h.id) < (?, ?::bigint)' : ''}
        order by h.created_at desc, h.id desc
        limit ?`,
      [...maySee.params, viewer.profileId, ...(cursor ? [cursor.at, cursor.id] : []), first],
    );
    return rows.map(toRow);
  }

  /** The opaque cursor of one hidden item (for `after`). */
  cursorOf(row: HiddenRecommendationRow): string {
    return encodeCursor(row.createdAt, row.id);
  }

  private async assertExists(em: EntityManager, viewer: AuthenticatedViewer, parsed: ParsedHide): Promise<void> {
    if (parsed.kind === HiddenKind.Room) {
      if (!(await findVisibleRoom(em, viewer, parsed.roomId))) throw DomainError.notFound('Room');
    } else if (parsed.kind === HiddenKind.Host) {
      const found = await em.execute<{ id: string }[]>(`select id from profiles where id = ?`, [parsed.hostId]);
      if (found.length === 0) throw DomainError.notFound('Profile');
    }
  }

  private async findRow(em: EntityManager, viewer: AuthenticatedViewer, parsed: ParsedHide): Promise<HiddenRecommendationRow | null> {
    const value = valueOf(parsed);
    const [row] = await em.execute<HiddenSqlRow[]>(
      `select h.id::text as id, h.kind, h.room_id, h.room_id as visible_room_id, h.host_id, h.topic_slug, h.created_at
         from hidden_recommendations h
        where h.profile_id = ? and h.kind = ? and h.room_id is not distinct from ?::uuid and h.host_id is not distinct from ? and h.topic_slug is not distinct from ?`,
      [viewer.profileId, parsed.kind, value.roomId, value.hostId, value.topicSlug],
    );
    return row ? toRow(row) : null;
  }
}

function toRow(row: HiddenSqlRow): HiddenRecommendationRow {
  return {
    id: row.id,
    kind: row.kind,
    roomId: row.room_id,
    visibleRoomId: row.visible_room_id,
    hostId: row.host_id,
    topicSlug: row.topic_slug,
    createdAt: new Date(row.created_at),
  };
}

function valueOf(parsed: ParsedHide): { roomId: string | null; hostId: string | null; topicSlug: string | null } {
  return {
    roomId: parsed.kind === HiddenKind.Room ? parsed.roomId : null,
    hostId: parsed.kind === HiddenKind.Host ? parsed.hostId : null,
    topicSlug: parsed.kind === HiddenKind.Topic ? parsed.topicSlug : null,
  };
}

/** Exactly one field, each well-formed; an unknown topic is BAD_USER_INPUT (the taxonomy is public). */
function parseHideInput(input: HideInput): ParsedHide {
  const given = (['roomId', 'hostId', 'topicSlug'] as const).filter((key) => input[key] !== undefined && input[key] !== null);
  if (given.length !== 1) throw DomainError.invalidInput('input', 'Give exactly one of roomId, hostId, topicSlug');
  if (input.roomId != null) return { kind: HiddenKind.Room, roomId: parseUuid(input.roomId, 'roomId') };
  if (input.hostId != null) return { kind: HiddenKind.Host, hostId: parseProfileId(input.hostId, 'hostId') };
  const slug = input.topicSlug ?? '';
  if (!topicBySlug(slug)) throw DomainError.invalidInput('topicSlug', 'Unknown topic: pick one of the topics query');
  return { kind: HiddenKind.Topic, topicSlug: slug };
}

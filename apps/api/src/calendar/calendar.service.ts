import { type EntityManager } from '@mikro-orm/postgresql';
import type { RoomVisibility } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { isUuid } from '../common/ids';
import { findVisibleRoom, roomsViewerMayJoinSql } from '../rooms/room-visibility';
import { CalendarLinks } from './calendar-links';
import { type CalendarRoom, calendarOf } from './icalendar';

/** How far back a feed reaches: rooms that started (or were to start) at most this many days ago. */
export const FEED_HISTORY_DAYS = 30;
/** Most events in one feed (the soonest first after the history window). */
export const FEED_MAX_EVENTS = 500;

/** The columns a calendar event reads, on alias `r` (rooms) and `h` (the host's profile). */
const CALENDAR_COLUMNS = `r.id, r.title, r.description, r.status, r.scheduled_for, r.started_at, r.ended_at, r.created_at,
  r.cancelled_at, r.calendar_sequence, coalesce(h.display_name, r.host_id) as host_name`;

type Row = Record<string, unknown>;

const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | Date));

function calendarRoom(row: Row): CalendarRoom {
  return {
    id: row['id'] as string,
    title: row['title'] as string,
    description: (row['description'] as string | null) ?? null,
    status: row['status'] as string,
    scheduledFor: date(row['scheduled_for']),
    startedAt: date(row['started_at']),
    endedAt: date(row['ended_at']),
    createdAt: date(row['created_at']) ?? new Date(0),
    cancelledAt: date(row['cancelled_at']),
    calendarSequence: Number(row['calendar_sequence']),
    hostName: row['host_name'] as string,
  };
}

/** What a request for a room's event carries besides the room id (see {@link CalendarLinks.roomUrl}). */
export interface RoomLinkQuery {
  readonly viewer?: unknown;
  readonly signature?: unknown;
}

/**
 * Calendars (issue 18): a room's iCalendar event, and each profile's private feed. Who may read
 * what is the access policy's, asked at every fetch: a room's event is read with the same SEE as
 * `Room` (`findVisibleRoom`); a feed holds only rooms its owner may still join as far as their
 * standing goes (`roomsViewerMayJoinSql`: belongs, not banned, not blocked either way, not
 * suspended), so a block, leaving a group, a withdrawn invitation or a suspension takes the room
 * out of the next fetch.
 */
export class CalendarService {
  constructor(
    private readonly links: CalendarLinks,
    private readonly defaultDurationMinutes: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get settings() {
    return { publicUrl: this.links.publicUrl(), defaultDurationMinutes: this.defaultDurationMinutes };
  }

  /** `Room.calendarUrl`: absolute; signed for the viewer unless the room is PUBLIC. */
  roomUrl(room: { readonly id: string; readonly visibility: RoomVisibility }, viewer: AuthenticatedViewer | null): string {
    return this.links.roomUrl(room.id, room.visibility, viewer?.profileId ?? null);
  }

  /**
   * The VCALENDAR of one room, or null (404) when the id is not a room's, the signature is not
   * ours, or the reader may not see the room. A signed link reads as its viewer without staff
   * powers (long-lived credentials never carry them, as with long-lived tokens). Two statements:
   * the policy's SEE, then the event's columns.
   */
  async roomCalendar(em: EntityManager, roomId: string, query: RoomLinkQuery): Promise<string | null> {
    if (!isUuid(roomId)) return null;
    let viewer: AuthenticatedViewer | null = null;
    if (query.viewer !== undefined || query.signature !== undefined) {
      if (typeof query.viewer !== 'string' || typeof query.signature !== 'string') return null;
      if (!this.links.verifyRoomSignature(roomId, query.viewer, query.signature)) return null;
      viewer = { profileId: query.viewer, name: null, isStaff: false };
    }
    const room = await findVisibleRoom(em, viewer, roomId, this.now());
    if (!room) return null;
    const rows = await em.getConnection().execute<Row[]>(
      `select ${CALENDAR_COLUMNS} from rooms r left join profiles h on h.id = r.host_id where r.id = ?`,
      [room.id],
    );
    return calendarOf(rows.map(calendarRoom), this.settings);
  }

  /**
   * `viewerCalendarFeedUrl`: the viewer's feed URL, made on first use (one statement; a second
   * only when a concurrent first use won the insert).
   */
  async feedUrl(em: EntityManager, viewer: AuthenticatedViewer): Promise<string> {
    const nonce = CalendarLinks.newNonce();
    const hash = CalendarLinks.tokenHash(this.links.feedToken(viewer.profileId, nonce));
    const connection = em.getConnection();
    let rows = await connection.execute<{ nonce: string }[]>(
      `with created as (
         insert into calendar_feeds (profile_id, nonce, token_hash) values (?, ?, ?)
         on conflict (profile_id) do nothing returning nonce)
       select nonce from created union all select nonce from calendar_feeds where profile_id = ? limit 1`,
      [viewer.profileId, nonce, hash, viewer.profileId],
    );
    // A concurrent first use committed its row after this statement's snapshot: read it now.
    if (rows.length === 0) rows = await connection.execute(`select nonce from calendar_feeds where profile_id = ?`, [viewer.profileId]);
    const stored = rows[0]?.nonce ?? nonce;
    return this.links.feedUrl(this.links.feedToken(viewer.profileId, stored));
  }

  /** `rotateCalendarFeed`: a new feed URL; the old token's hash is gone, so it answers 404 at once. */
  async rotateFeed(em: EntityManager, viewer: AuthenticatedViewer): Promise<string> {
    const nonce = CalendarLinks.newNonce();
    const token = this.links.feedToken(viewer.profileId, nonce);
    await em.getConnection().execute(
      `insert into calendar_feeds (profile_id, nonce, token_hash) values (?, ?, ?)
       on conflict (profile_id) do update set nonce = excluded.nonce, token_hash = excluded.token_hash, created_at = now()`,
      [viewer.profileId, nonce, CalendarLinks.tokenHash(token)],
    );
    return this.links.feedUrl(token);
  }

  /**
   * The VCALENDAR of a feed token, or null (404) for an unknown, rotated or malformed one. Two
   * statements: the token's owner, then the feed's rooms ({@link feedRoomsSql}, one statement).
   */
  async feedCalendar(em: EntityManager, token: string): Promise<string | null> {
    if (!CalendarLinks.isTokenShaped(token)) return null;
    const connection = em.getConnection();
    const [owner] = await connection.execute<{ profile_id: string }[]>(`select profile_id from calendar_feeds where token_hash = ?`, [
      CalendarLinks.tokenHash(token),
    ]);
    if (!owner) return null;
    const feed = feedRoomsSql(owner.profile_id, this.now());
    const rows = await connection.execute<Row[]>(feed.sql, feed.params);
    return calendarOf(rows.map(calendarRoom), this.settings, { name: 'Roundtable' });
  }
}

/**
 * The rooms of a profile's feed, in one statement, driven from the profile's reminders
 * (`room_reminders_profile_idx`) and followed hosts' scheduled rooms (`rooms_host_scheduled_idx`),
 * never a scan of every room: rooms they asked to be reminded of, and rooms
 * that were scheduled by someone they follow at level ALL (`scheduled_for` set: whatever their
 * state now, so a start, an end or a cancellation reaches the calendar too); only those whose
 * start is at most {@link FEED_HISTORY_DAYS} days ago, at most {@link FEED_MAX_EVENTS}, and only
 * those the profile may still join as far as their standing goes (`roomsViewerMayJoinSql`).
 */
export function feedRoomsSql(profileId: string, now: Date): { sql: string; params: unknown[] } {
  const standing = roomsViewerMayJoinSql(profileId, now);
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 3600_000);
  return {
    sql: `select ${CALENDAR_COLUMNS}
      from (select rr.room_id as id from room_reminders rr where rr.profile_id = ?
            union
            select hr.id from follows f join rooms hr on hr.host_id = f.followee_id and hr.scheduled_for is not null
             where f.follower_id = ? and f.notifications = 'ALL') feed
      join rooms r on r.id = feed.id
      left join profiles h on h.id = r.host_id
      where coalesce(r.started_at, r.scheduled_for, r.created_at) >= ?
        and ${standing.sql}
      order by coalesce(r.started_at, r.scheduled_for, r.created_at), r.id
      limit ${FEED_MAX_EVENTS}`,
    params: [profileId, profileId, since, ...standing.params],
  };
}

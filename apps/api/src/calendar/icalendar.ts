import ICAL from 'ical.js';

/** What one iCalendar event is made of: a room as the calendar reads it. */
export interface CalendarRoom {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  /** SCHEDULED, LIVE or ENDED. */
  readonly status: string;
  readonly scheduledFor: Date | null;
  readonly startedAt: Date | null;
  readonly endedAt: Date | null;
  readonly createdAt: Date;
  /** Set by `cancelRoom`: the event is STATUS:CANCELLED. */
  readonly cancelledAt: Date | null;
  /** `rooms.calendar_sequence`, raised by a trigger on every change of title, time or status. */
  readonly calendarSequence: number;
  /** The host's display name (ORGANIZER's CN is not used: hosts have no e-mail address here). */
  readonly hostName: string;
}

/** Where the events point and how long an open room lasts. */
export interface CalendarSettings {
  /** Public origin, e.g. `https://roundtable.example` (no trailing slash). */
  readonly publicUrl: string;
  /** DTEND − DTSTART of a room that has not ended, in minutes. */
  readonly defaultDurationMinutes: number;
}

/** The PRODID of every calendar the API writes (RFC 5545 §3.7.3). */
export const CALENDAR_PRODUCT_ID = '-//Roundtable//Roundtable calendars//EN';

/** The event's UID: the room's id at the public host; it never changes (RFC 5545 §3.8.4.7). */
export function roomEventUid(roomId: string, publicUrl: string): string {
  return `room-${roomId}@${new URL(publicUrl).hostname}`;
}

/** The room's page in the web client. */
export function roomPageUrl(roomId: string, publicUrl: string): string {
  return `${publicUrl}/rooms/${encodeURIComponent(roomId)}`;
}

/**
 * When the event starts: the room's start once it went live, else its scheduled time, else its
 * creation (a room created live that has not started yet cannot be read here, but the column is
 * never null for every other room).
 */
export function eventStart(room: CalendarRoom): Date {
  return room.startedAt ?? room.scheduledFor ?? room.createdAt;
}

/** When the event ends: the room's end, else start + the default duration (never before the start). */
export function eventEnd(room: CalendarRoom, defaultDurationMinutes: number): Date {
  const start = eventStart(room);
  const end = room.endedAt ?? new Date(start.getTime() + defaultDurationMinutes * 60_000);
  return end.getTime() > start.getTime() ? end : new Date(start.getTime() + 60_000);
}

function vevent(room: CalendarRoom, settings: CalendarSettings, stamp: Date): ICAL.Component {
  const component = new ICAL.Component('vevent');
  const event = new ICAL.Event(component);
  event.uid = roomEventUid(room.id, settings.publicUrl);
  component.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
  event.startDate = ICAL.Time.fromJSDate(eventStart(room), true);
  event.endDate = ICAL.Time.fromJSDate(eventEnd(room, settings.defaultDurationMinutes), true);
  event.summary = room.title;
  const page = roomPageUrl(room.id, settings.publicUrl);
  event.description = [room.description?.trim() || null, `Hosted by ${room.hostName} on Roundtable.`, page].filter(Boolean).join('\n\n');
  event.sequence = room.calendarSequence;
  component.addPropertyWithValue('url', page);
  component.addPropertyWithValue('status', room.cancelledAt ? 'CANCELLED' : 'CONFIRMED');
  component.addPropertyWithValue('transp', 'OPAQUE');
  return component;
}

/**
 * An iCalendar (RFC 5545) VCALENDAR with one VEVENT per room, written by ical.js: UID
 * `room-<id>@<public host>`, SEQUENCE from `calendar_sequence`, DTSTART/DTEND in UTC, SUMMARY the
 * title, DESCRIPTION the description, host and link, URL the room's page, STATUS CONFIRMED or
 * CANCELLED, DTSTAMP `stamp`. `name` becomes X-WR-CALNAME (the name calendar apps show for a feed).
 */
export function calendarOf(rooms: readonly CalendarRoom[], settings: CalendarSettings, options: { name?: string; stamp?: Date } = {}): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', CALENDAR_PRODUCT_ID);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  if (options.name) calendar.updatePropertyWithValue('x-wr-calname', options.name);
  const stamp = options.stamp ?? new Date();
  for (const room of rooms) calendar.addSubcomponent(vevent(room, settings, stamp));
  return calendar.toString();
}

// Calendar operations and readers (issue 18), typed, for the suites that exercise calendars.
import ICAL from 'ical.js';

import type { TestApi } from './test-api';

export const CALENDAR_OPS = {
  createRoom: `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id calendarUrl } }`,
  roomCalendarUrl: `query($r: ID!) { room(id: $r) { id calendarUrl } }`,
  feedUrl: `{ viewerCalendarFeedUrl }`,
  rotate: `mutation { rotateCalendarFeed }`,
  follow: `mutation($p: ID!) { follow(profileId: $p) { id } }`,
  startRoom: `mutation($r: ID!) { startRoom(roomId: $r) { id status } }`,
  endRoom: `mutation($r: ID!) { endRoom(roomId: $r) { id status } }`,
  rescheduleRoom: `mutation($r: ID!, $at: DateTime!) { rescheduleRoom(roomId: $r, scheduledFor: $at) { id scheduledFor } }`,
  cancelRoom: `mutation($r: ID!) { cancelRoom(roomId: $r) { id status } }`,
  setRoomReminder: `mutation($r: ID!, $remind: Boolean!) { setRoomReminder(roomId: $r, remind: $remind) { id viewerWantsReminder } }`,
  setFollowNotifications: `mutation($p: ID!, $level: FollowNotifications!) { setFollowNotifications(profileId: $p, level: $level) { id viewerNotifications } }`,
} as const;

/** One GET of a calendar URL over real HTTP. */
export interface CalendarResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
  readonly requestId: string | null;
  readonly retryAfter: string | null;
}

/** GETs `url` (absolute, as the API gave it). */
export async function fetchCalendar(url: string): Promise<CalendarResponse> {
  const response = await fetch(url);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
    requestId: response.headers.get('x-request-id'),
    retryAfter: response.headers.get('retry-after'),
  };
}

/** An event as ical.js reads it back. */
export interface ParsedEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  readonly description: string;
  readonly url: string | null;
  readonly status: string | null;
  readonly stamp: string | null;
}

/** Parses a VCALENDAR with ical.js (never string matching) into its events, in feed order. */
export function parseEvents(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${calendar.name}`);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue('dtstamp');
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
      description: event.description,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      stamp: stamp instanceof ICAL.Time ? stamp.toJSDate().toISOString() : null,
    };
  });
}

/** The room ids of a feed's events (from their UIDs `room-<id>@host`). */
export function feedRoomIds(text: string): string[] {
  return parseEvents(text).map((event) => event.uid.replace(/^room-/, '').replace(/@.*$/, ''));
}

/** The API's own origin (http://127.0.0.1:port), as calendar URLs carry it without PUBLIC_URL. */
export function originOf(api: TestApi): string {
  return new URL(api.api.server.url).origin;
}

// Calendars (issue 18): a room's iCalendar event at Room.calendarUrl and a private, rotatable
// feed at viewerCalendarFeedUrl, over real HTTP against real PostgreSQL. Every answer is parsed
// with ical.js, never string-matched. Rights are asked at every fetch: a feed never reveals a room
// its owner could no longer see (blocked, left the group, no longer invited, suspended), and a
// rotated feed URL answers 404 at once.
//
// Reminders, follow levels, rescheduling and cancelling go through the API (setRoomReminder,
// setFollowNotifications, rescheduleRoom, cancelRoom); only a new title, a withdrawn invitation
// and a suspension are written with SQL (no mutation renames a room or withdraws an invitation yet;
// a suspension is staff's work, tested in its own suites), and the `rooms_calendar_sequence` trigger of
// Migration20261209AudienceReminders raises SEQUENCE whatever writes the change.
import { randomUUID } from 'node:crypto';

import { CALENDAR_OPS, feedRoomIds, fetchCalendar, originOf, parseEvents } from './support/calendar-operations';
import { GROUP_OPS, createGroup } from './support/group-operations';
import { codeOf, ok, refused, sql } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { withCharacterChanged } from './support/tamper';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

const BLOCK = `mutation($p: ID!) { block(profileId: $p) { id } }`;
const UNBLOCK = `mutation($p: ID!) { unblock(profileId: $p) { id } }`;

/** A whole minute at least `days` days ahead. */
function future(days: number): Date {
  const at = new Date(Date.now() + days * 24 * 3600_000);
  at.setUTCSeconds(0, 0);
  return at;
}

/**
 * `api.clear()` once the background work of earlier tests settled: the notification fan-out jobs
 * that scheduling, starting or cancelling enqueued write rows in the background, and a truncate
 * racing them (or the job queue's own work) can deadlock; then it is tried again.
 */
async function clearSettled(api: TestApi): Promise<void> {
  await pollUntil(
    () => sql<{ n: number }>(api, `select count(*)::int as n from pgboss.job where name = 'notification-fanout' and state in ('created', 'retry', 'active') and start_after <= now()`),
    (rows) => rows[0]?.n === 0,
  );
  for (let attempt = 1; ; attempt += 1) {
    try {
      await api.clear();
      return;
    } catch (error) {
      if (attempt >= 5 || !/deadlock detected/.test(String(error))) throw error;
    }
  }
}

describe('calendars', () => {
  let api: TestApi;
  let ann: string;
  let bob: string;
  let cat: string;

  beforeAll(async () => {
    // Suites send many requests from 127.0.0.1; the limit's own test below sets its own.
    api = await startTestApi({ CALENDAR_FEED_REQUESTS_PER_MINUTE: '100000', RATE_LIMIT_KEY_PREFIX: `cal-${randomUUID()}` });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await clearSettled(api);
    ann = await tokenFor('cal-ann', { name: 'Ann Host' });
    bob = await tokenFor('cal-bob', { name: 'Bob' });
    cat = await tokenFor('cal-cat', { name: 'Cat' });
    for (const token of [ann, bob, cat]) await ok(api, `{ viewer { id } }`, {}, token);
  });

  async function createRoom(token: string, input: Record<string, unknown>): Promise<{ id: string; calendarUrl: string }> {
    return (await ok<{ createRoom: { id: string; calendarUrl: string } }>(api, CALENDAR_OPS.createRoom, { input }, token)).createRoom;
  }

  async function calendarUrlOf(roomId: string, token: string): Promise<string> {
    return (await ok<{ room: { calendarUrl: string } }>(api, CALENDAR_OPS.roomCalendarUrl, { r: roomId }, token)).room.calendarUrl;
  }

  async function feedUrlOf(token: string): Promise<string> {
    return (await ok<{ viewerCalendarFeedUrl: string }>(api, CALENDAR_OPS.feedUrl, {}, token)).viewerCalendarFeedUrl;
  }

  async function feed(url: string): Promise<string[]> {
    const response = await fetchCalendar(url);
    expect(response.status).toBe(200);
    return feedRoomIds(response.body);
  }

  async function remind(roomId: string, token: string): Promise<void> {
    await ok(api, CALENDAR_OPS.setRoomReminder, { r: roomId, remind: true }, token);
  }

  async function setLevel(token: string, profileId: string, level: 'ALL' | 'LIVE_ONLY' | 'OFF'): Promise<void> {
    await ok(api, CALENDAR_OPS.setFollowNotifications, { p: profileId, level }, token);
  }

  describe("a room's event (Room.calendarUrl)", () => {
    it('a PUBLIC scheduled room: one VEVENT anyone can read, with a stable UID, SEQUENCE, times, title, text, link, status and stamp', async () => {
      const at = future(2);
      const room = await createRoom(ann, { title: 'Pricing, honestly', description: 'How we price; bring questions.', scheduledFor: at.toISOString() });
      expect(room.calendarUrl).toBe(`${originOf(api)}/calendar/rooms/${room.id}.ics`);
      // Every viewer gets the same bare link for a PUBLIC room.
      expect(await calendarUrlOf(room.id, bob)).toBe(room.calendarUrl);

      const response = await fetchCalendar(room.calendarUrl);
      expect({ status: response.status, contentType: response.contentType }).toEqual({ status: 200, contentType: 'text/calendar; charset=utf-8' });
      const events = parseEvents(response.body);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        uid: `room-${room.id}@127.0.0.1`,
        sequence: 0,
        start: at.toISOString(),
        end: new Date(at.getTime() + 60 * 60_000).toISOString(),
        summary: 'Pricing, honestly',
        url: `${originOf(api)}/rooms/${room.id}`,
        status: 'CONFIRMED',
      });
      expect(event?.description).toContain('How we price; bring questions.');
      expect(event?.description).toContain('Ann Host');
      expect(Math.abs(Date.parse(event?.stamp ?? '') - Date.now())).toBeLessThan(5 * 60_000);
    });

    it('SEQUENCE grows with every change of time, title or status (reschedule, rename, start, end), and the UID never changes', async () => {
      const room = await createRoom(ann, { title: 'Roadmap', scheduledFor: future(3).toISOString() });
      const read = async () => {
        const [event] = parseEvents((await fetchCalendar(room.calendarUrl)).body);
        if (!event) throw new Error('no event');
        return event;
      };
      const seen = [await read()];
      const moved = future(4);
      await ok(api, CALENDAR_OPS.rescheduleRoom, { r: room.id, at: moved.toISOString() }, ann);
      seen.push(await read());
      expect(seen[1]?.start).toBe(moved.toISOString());
      await sql(api, `update rooms set title = 'Roadmap 2027' where id = ?`, [room.id]);
      seen.push(await read());
      expect(seen[2]?.summary).toBe('Roadmap 2027');
      await ok(api, CALENDAR_OPS.startRoom, { r: room.id }, ann);
      seen.push(await read());
      await ok(api, CALENDAR_OPS.endRoom, { r: room.id }, ann);
      seen.push(await read());
      // A change of anything else leaves it as it is.
      await sql(api, `update rooms set description = 'notes' where id = ?`, [room.id]);
      seen.push(await read());

      const sequences = seen.map((event) => event.sequence);
      for (let i = 1; i < 5; i += 1) expect(sequences[i]).toBeGreaterThan(sequences[i - 1] as number);
      expect(sequences[5]).toBe(sequences[4]);
      expect(new Set(seen.map((event) => event.uid))).toEqual(new Set([`room-${room.id}@127.0.0.1`]));
      // Once started and ended, the event spans the real start and end.
      // (iCalendar times are whole seconds.)
      const [row] = await sql<{ started_at: string | Date; ended_at: string | Date }>(
        api,
        `select date_trunc('second', started_at) as started_at, date_trunc('second', ended_at) as ended_at from rooms where id = ?`,
        [room.id],
      );
      expect({ start: seen[4]?.start, end: seen[4]?.end }).toEqual({ start: new Date(row?.started_at ?? 0).toISOString(), end: new Date(row?.ended_at ?? 0).toISOString() });
      expect(seen[4]?.status).toBe('CONFIRMED');
    });

    it('a cancelled room is STATUS:CANCELLED with a higher SEQUENCE', async () => {
      const room = await createRoom(ann, { title: 'Maybe', scheduledFor: future(1).toISOString() });
      const [before] = parseEvents((await fetchCalendar(room.calendarUrl)).body);
      await ok(api, CALENDAR_OPS.cancelRoom, { r: room.id }, ann);
      const [after] = parseEvents((await fetchCalendar(room.calendarUrl)).body);
      expect(before?.status).toBe('CONFIRMED');
      expect(after?.status).toBe('CANCELLED');
      expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Infinity);
      expect(after?.uid).toBe(before?.uid);
    });

    it('a PRIVATE room: signed per viewer; 404 without the signature, with a forged one, for someone else, and once the invitation is withdrawn', async () => {
      const room = await createRoom(ann, { title: 'Board prep', visibility: 'PRIVATE', inviteeIds: ['cal-bob'], scheduledFor: future(2).toISOString() });
      const bobs = await calendarUrlOf(room.id, bob);
      const bare = `${originOf(api)}/calendar/rooms/${room.id}.ics`;
      expect(bobs.startsWith(`${bare}?viewer=cal-bob&signature=`)).toBe(true);
      expect(room.calendarUrl).not.toBe(bobs);

      expect(parseEvents((await fetchCalendar(bobs)).body).map((event) => event.summary)).toEqual(['Board prep']);
      expect(parseEvents((await fetchCalendar(room.calendarUrl)).body)).toHaveLength(1);
      // Cat cannot see the room: neither the bare link nor Bob's signature for her works.
      const refusedUrls = [bare, bobs.replace('viewer=cal-bob', 'viewer=cal-cat'), withCharacterChanged(bobs, bobs.indexOf('signature=') + 'signature='.length + 8), `${bare}?viewer=cal-bob`, `${bare}?signature=x`];
      for (const url of refusedUrls) {
        const response = await fetchCalendar(url);
        expect({ url, status: response.status, body: response.body }).toEqual({ url, status: 404, body: 'Not found' });
      }
      expect((await ok<{ room: unknown }>(api, CALENDAR_OPS.roomCalendarUrl, { r: room.id }, cat)).room).toBeNull();

      // No longer invited: Bob's own link stops working at the next fetch.
      await sql(api, `delete from room_invitees where room_id = ? and profile_id = 'cal-bob'`, [room.id]);
      expect((await fetchCalendar(bobs)).status).toBe(404);
    });

    it('a GROUP room: a member reads it through their link until they leave the group', async () => {
      const groupId = await createGroup(api, ann, 'Founders', 'OPEN');
      await ok(api, GROUP_OPS.joinGroup, { g: groupId }, bob);
      const room = await createRoom(ann, { title: 'Founders call', visibility: 'GROUP', groupId, scheduledFor: future(2).toISOString() });
      const bobs = await calendarUrlOf(room.id, bob);
      expect((await fetchCalendar(bobs)).status).toBe(200);
      expect((await fetchCalendar(`${originOf(api)}/calendar/rooms/${room.id}.ics`)).status).toBe(404);
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, bob);
      expect((await fetchCalendar(bobs)).status).toBe(404);
    });

    it('unknown or malformed room paths answer 404 with no detail', async () => {
      for (const path of [`/calendar/rooms/${randomUUID()}.ics`, '/calendar/rooms/not-a-uuid.ics', `/calendar/rooms/${randomUUID()}`, "/calendar/rooms/'%20or%201=1.ics"]) {
        const response = await fetchCalendar(`${originOf(api)}${path}`);
        expect({ path, status: response.status, body: response.body }).toEqual({ path, status: 404, body: 'Not found' });
      }
    });
  });

  describe('the private feed (viewerCalendarFeedUrl, rotateCalendarFeed)', () => {
    it('holds the rooms the viewer asked to be reminded of and the scheduled rooms of hosts followed at ALL, nothing else', async () => {
      const reminded = await createRoom(ann, { title: 'Reminded', scheduledFor: future(1).toISOString() });
      const notReminded = await createRoom(ann, { title: 'Not reminded', scheduledFor: future(1).toISOString() });
      const catsScheduled = await createRoom(cat, { title: "Cat's scheduled", scheduledFor: future(2).toISOString() });
      // Created live: never a scheduled room, so not in a follower's feed.
      await createRoom(cat, { title: "Cat's live now" });
      await remind(reminded.id, bob);
      await ok(api, CALENDAR_OPS.follow, { p: 'cal-ann' }, bob);
      await ok(api, CALENDAR_OPS.follow, { p: 'cal-cat' }, bob);

      const url = await feedUrlOf(bob);
      expect(url).toMatch(new RegExp(`^${originOf(api)}/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
      // The same URL every time; only its hash is stored.
      expect(await feedUrlOf(bob)).toBe(url);
      const [stored] = await sql<{ token_hash: Buffer; nonce: string }>(api, `select token_hash, nonce from calendar_feeds where profile_id = 'cal-bob'`);
      expect(stored?.token_hash).toHaveLength(32);
      expect(JSON.stringify(stored)).not.toContain(url.split('/').pop()?.replace('.ics', ''));

      // Following starts at LIVE_ONLY: only the reminder.
      const response = await fetchCalendar(url);
      expect(response.contentType).toBe('text/calendar; charset=utf-8');
      expect(feedRoomIds(response.body)).toEqual([reminded.id]);
      await setLevel(bob, 'cal-cat', 'ALL');
      expect((await feed(url)).sort()).toEqual([reminded.id, catsScheduled.id].sort());
      expect(await feed(url)).not.toContain(notReminded.id);
      // OFF is not ALL.
      await setLevel(bob, 'cal-ann', 'OFF');
      await setLevel(bob, 'cal-cat', 'OFF');
      expect(await feed(url)).toEqual([reminded.id]);
      // Another viewer's feed is theirs.
      expect(await feed(await feedUrlOf(cat))).toEqual([]);
    });

    it('never reveals a room the viewer could no longer see: blocked by the host', async () => {
      const room = await createRoom(ann, { title: 'Open talk', scheduledFor: future(1).toISOString() });
      await remind(room.id, bob);
      const url = await feedUrlOf(bob);
      expect(await feed(url)).toEqual([room.id]);
      await ok(api, BLOCK, { p: 'cal-bob' }, ann);
      expect(await feed(url)).toEqual([]);
      await ok(api, UNBLOCK, { p: 'cal-bob' }, ann);
      expect(await feed(url)).toEqual([room.id]);
      // Blocking the host takes their rooms off the viewer's lists, the feed included.
      await ok(api, BLOCK, { p: 'cal-ann' }, bob);
      expect(await feed(url)).toEqual([]);
    });

    it('never reveals a room the viewer could no longer see: left the group', async () => {
      const groupId = await createGroup(api, ann, 'Guild', 'OPEN');
      await ok(api, GROUP_OPS.joinGroup, { g: groupId }, bob);
      const room = await createRoom(ann, { title: 'Guild night', visibility: 'GROUP', groupId, scheduledFor: future(1).toISOString() });
      await ok(api, CALENDAR_OPS.follow, { p: 'cal-ann' }, bob);
      await setLevel(bob, 'cal-ann', 'ALL');
      const url = await feedUrlOf(bob);
      expect(await feed(url)).toEqual([room.id]);
      await ok(api, GROUP_OPS.leaveGroup, { g: groupId }, bob);
      expect(await feed(url)).toEqual([]);
    });

    it('never reveals a room the viewer could no longer see: no longer invited, or suspended', async () => {
      const secret = await createRoom(ann, { title: 'Private', visibility: 'PRIVATE', inviteeIds: ['cal-bob'], scheduledFor: future(1).toISOString() });
      const open = await createRoom(ann, { title: 'Public', scheduledFor: future(1).toISOString() });
      await remind(secret.id, bob);
      await remind(open.id, bob);
      const url = await feedUrlOf(bob);
      expect((await feed(url)).sort()).toEqual([secret.id, open.id].sort());
      await sql(api, `delete from room_invitees where room_id = ? and profile_id = 'cal-bob'`, [secret.id]);
      expect(await feed(url)).toEqual([open.id]);
      await sql(
        api,
        `insert into moderation_notices (id, subject_profile_id, action, category, reason, room_id, report_ids, created_at, expires_at)
         values (?, 'cal-bob', 'SUSPENDED', 'HARASSMENT', 'test suspension', null, '{}', now() - interval '1 minute', now() + interval '1 day')`,
        [randomUUID()],
      );
      expect(await feed(url)).toEqual([]);
    });

    it('a cancelled room stays in the feed as STATUS:CANCELLED, so calendars drop it', async () => {
      const room = await createRoom(ann, { title: 'Cancelled later', scheduledFor: future(1).toISOString() });
      await remind(room.id, bob);
      const url = await feedUrlOf(bob);
      await ok(api, CALENDAR_OPS.cancelRoom, { r: room.id }, ann);
      expect(parseEvents((await fetchCalendar(url)).body).map((event) => [event.uid, event.status])).toEqual([[`room-${room.id}@127.0.0.1`, 'CANCELLED']]);
    });

    it('rotation: the old URL answers 404 at once, the new one works, and viewerCalendarFeedUrl gives the new one', async () => {
      const room = await createRoom(ann, { title: 'Rotating', scheduledFor: future(1).toISOString() });
      await remind(room.id, bob);
      const old = await feedUrlOf(bob);
      expect(await feed(old)).toEqual([room.id]);
      const rotated = (await ok<{ rotateCalendarFeed: string }>(api, CALENDAR_OPS.rotate, {}, bob)).rotateCalendarFeed;
      expect(rotated).not.toBe(old);
      const gone = await fetchCalendar(old);
      expect({ status: gone.status, body: gone.body }).toEqual({ status: 404, body: 'Not found' });
      expect(await feed(rotated)).toEqual([room.id]);
      expect(await feedUrlOf(bob)).toBe(rotated);
      expect(await sql(api, `select count(*)::int as n from calendar_feeds where profile_id = 'cal-bob'`)).toEqual([{ n: 1 }]);
      // Rotating before any feed existed makes one.
      const cats = (await ok<{ rotateCalendarFeed: string }>(api, CALENDAR_OPS.rotate, {}, cat)).rotateCalendarFeed;
      expect(await feedUrlOf(cat)).toBe(cats);
    });

    it('unknown, garbage and malformed tokens answer 404 with no detail; signed-out callers are UNAUTHENTICATED', async () => {
      await feedUrlOf(bob);
      const paths = [
        `/calendar/feeds/${'A'.repeat(43)}.ics`,
        '/calendar/feeds/garbage.ics',
        "/calendar/feeds/'%3B%20drop%20table%20rooms.ics",
        `/calendar/feeds/${'A'.repeat(43)}`,
        '/calendar/feeds/.ics',
      ];
      for (const path of paths) {
        const response = await fetchCalendar(`${originOf(api)}${path}`);
        expect({ path, status: response.status, body: response.body }).toEqual({ path, status: 404, body: 'Not found' });
      }
      expect(codeOf(await refused(api, CALENDAR_OPS.feedUrl, {}, null))).toBe('UNAUTHENTICATED');
      expect(codeOf(await refused(api, CALENDAR_OPS.rotate, {}, null))).toBe('UNAUTHENTICATED');
      expect(await sql(api, `select profile_id from calendar_feeds`)).toEqual([{ profile_id: 'cal-bob' }]);
    });

    it("reads the feed's rooms in one statement, however many rooms it holds (two in all, with the token's owner)", async () => {
      const url = await feedUrlOf(bob);
      const statementsOfOneFetch = async (): Promise<{ rooms: number; statements: string[] }> => {
        const traced: { sql: string; requestId: string | null }[] = [];
        const stop = api.api.db.onQuery((statement, requestId) => traced.push({ sql: statement, requestId }));
        try {
          const response = await fetchCalendar(url);
          expect(response.status).toBe(200);
          return { rooms: feedRoomIds(response.body).length, statements: traced.filter((s) => s.requestId === response.requestId).map((s) => s.sql) };
        } finally {
          stop();
        }
      };
      const one = await createRoom(ann, { title: 'One', scheduledFor: future(1).toISOString() });
      await remind(one.id, bob);
      const few = await statementsOfOneFetch();
      await ok(api, CALENDAR_OPS.follow, { p: 'cal-cat' }, bob);
      await setLevel(bob, 'cal-cat', 'ALL');
      for (let i = 0; i < 12; i += 1) {
        const room = await createRoom(i % 2 === 0 ? ann : cat, { title: `Room ${i}`, scheduledFor: future(1 + i).toISOString() });
        if (i % 2 === 0) await remind(room.id, bob);
      }
      const many = await statementsOfOneFetch();
      expect({ rooms: few.rooms, statements: few.statements.length }).toEqual({ rooms: 1, statements: 2 });
      expect({ rooms: many.rooms, statements: many.statements.length }).toEqual({ rooms: 13, statements: 2 });
      expect(many.statements.filter((statement) => /join rooms r on r.id = feed.id/.test(statement))).toHaveLength(1);
    });
  });
});

describe('calendars: public origin and rate limit', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://roundtable.example/', CALENDAR_FEED_REQUESTS_PER_MINUTE: '3', RATE_LIMIT_KEY_PREFIX: `cal-limit-${randomUUID()}` });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('URLs and UIDs use PUBLIC_URL; a client address past CALENDAR_FEED_REQUESTS_PER_MINUTE gets 429 with Retry-After', async () => {
    await clearSettled(api);
    const ann = await tokenFor('cal-lim-ann');
    const { createRoom } = await ok<{ createRoom: { id: string; calendarUrl: string } }>(
      api,
      CALENDAR_OPS.createRoom,
      { input: { title: 'Limited', scheduledFor: future(1).toISOString() } },
      ann,
    );
    expect(createRoom.calendarUrl).toBe(`https://roundtable.example/calendar/rooms/${createRoom.id}.ics`);
    const feedUrl = (await ok<{ viewerCalendarFeedUrl: string }>(api, CALENDAR_OPS.feedUrl, {}, ann)).viewerCalendarFeedUrl;
    expect(feedUrl.startsWith('https://roundtable.example/calendar/feeds/')).toBe(true);

    // The same paths on this server (the public origin is a proxy's in production).
    const local = (url: string) => url.replace('https://roundtable.example', originOf(api));
    const first = await fetchCalendar(local(createRoom.calendarUrl));
    expect(parseEvents(first.body).map((event) => [event.uid, event.url])).toEqual([
      [`room-${createRoom.id}@roundtable.example`, `https://roundtable.example/rooms/${createRoom.id}`],
    ]);
    expect((await fetchCalendar(local(feedUrl))).status).toBe(200);
    expect((await fetchCalendar(`${originOf(api)}/calendar/feeds/garbage.ics`)).status).toBe(404);
    // Garbage counts too: guessing tokens is what the limit is for.
    const limited = await fetchCalendar(local(feedUrl));
    expect({ status: limited.status, retryAfter: Number(limited.retryAfter) > 0 }).toEqual({ status: 429, retryAfter: true });
    expect((await fetchCalendar(local(createRoom.calendarUrl))).status).toBe(429);

    const counted = (await api.api.server.metrics.calendarRequests.get()).values.map((value) => [value.labels['kind'], value.labels['outcome'], value.value]);
    expect(counted.sort()).toEqual(
      [
        ['room', 'ok', 1],
        ['feed', 'ok', 1],
        ['feed', 'not_found', 1],
        ['feed', 'rate_limited', 1],
        ['room', 'rate_limited', 1],
      ].sort(),
    );
  });
});

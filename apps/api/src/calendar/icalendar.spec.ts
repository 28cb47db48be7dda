import ICAL from 'ical.js';

import { type CalendarRoom, calendarOf, eventEnd } from './icalendar';

const SETTINGS = { publicUrl: 'https://roundtable.example', defaultDurationMinutes: 60 };

const ROOM: CalendarRoom = {
  id: '0b5c7a52-3f55-4e0c-9d53-7d5b5b0c1f11',
  title: 'Pricing, honestly; with commas, and a very long title that has to be folded over several lines by the writer',
  description: 'Line one\nLine two',
  status: 'SCHEDULED',
  scheduledFor: new Date('2026-12-24T15:00:00Z'),
  startedAt: null,
  endedAt: null,
  createdAt: new Date('2026-12-01T10:00:00Z'),
  cancelledAt: null,
  calendarSequence: 3,
  hostName: 'Ann',
};

function events(text: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('calendarOf (read back with ical.js)', () => {
  it('writes one VEVENT per room with a stable UID, the sequence, times in UTC, title, text and link', () => {
    const [event] = events(calendarOf([ROOM], SETTINGS, { stamp: new Date('2026-12-07T00:00:00Z') }));
    expect(event?.uid).toBe(`room-${ROOM.id}@roundtable.example`);
    expect(event?.sequence).toBe(3);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-12-24T16:00:00.000Z');
    expect(event?.summary).toBe(ROOM.title);
    expect(event?.description).toContain('Line one\nLine two');
    expect(event?.component.getFirstPropertyValue('url')).toBe(`https://roundtable.example/rooms/${ROOM.id}`);
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((event?.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('a cancelled room is STATUS:CANCELLED; an ended room ends when it ended; a live one starts when it started', () => {
    const [cancelled, ended] = events(
      calendarOf(
        [
          { ...ROOM, cancelledAt: new Date(), status: 'ENDED' },
          { ...ROOM, id: 'b7c1f1f0-0000-4000-8000-000000000001', status: 'ENDED', startedAt: new Date('2026-12-24T15:05:00Z'), endedAt: new Date('2026-12-24T15:35:00Z') },
        ],
        SETTINGS,
      ),
    );
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ended?.startDate.toJSDate().toISOString()).toBe('2026-12-24T15:05:00.000Z');
    expect(ended?.endDate.toJSDate().toISOString()).toBe('2026-12-24T15:35:00.000Z');
  });

  it('never ends an event before it starts', () => {
    const start = new Date('2026-12-24T15:00:00Z');
    expect(eventEnd({ ...ROOM, startedAt: start, endedAt: start }, 60).getTime()).toBeGreaterThan(start.getTime());
  });

  it('an empty feed is still a valid VCALENDAR', () => {
    const calendar = new ICAL.Component(ICAL.parse(calendarOf([], SETTINGS, { name: 'Roundtable' })));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });
});

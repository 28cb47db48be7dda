import type { NotificationFieldsFragment } from '../gql/graphql';
import { bellBadge, bellLabel, notificationSentence, notificationText, withLiveNotification } from './notification-text';

const ada = { __typename: 'Profile' as const, id: 'p-ada', displayName: 'Ada Lovelace', headline: null };
const room = { __typename: 'Room' as const, id: 'r-1', title: 'Kubernetes office hours', status: 'SCHEDULED' as const, scheduledFor: '2026-12-08T17:30:00.000Z' };

function notification(overrides: Partial<NotificationFieldsFragment>): NotificationFieldsFragment {
  return { __typename: 'Notification', id: 'n-1', kind: 'ROOM_LIVE', count: 1, createdAt: '2026-12-07T10:00:00.000Z', readAt: null, room, actor: ada, ...overrides };
}

describe('notification sentences', () => {
  it('given cases: each kind names who did what to which room, with the room as the link', () => {
    expect(notificationSentence(notification({ kind: 'ROOM_LIVE' }))).toEqual({ count: null, before: 'Ada Lovelace is live in ', room: { id: 'r-1', title: 'Kubernetes office hours' }, after: '.' });
    expect(notificationText(notification({ kind: 'ROOM_LIVE', actor: null }))).toBe('Kubernetes office hours is live now.');
    expect(notificationText(notification({ kind: 'ROOM_CANCELLED' }))).toBe('Kubernetes office hours was cancelled.');
    expect(notificationText(notification({ kind: 'ROOM_STARTING_SOON' }), 'en-GB')).toMatch(/^Kubernetes office hours starts soon \(Tue.*\)\.$/);
    expect(notificationText(notification({ kind: 'ROOM_RESCHEDULED' }), 'en-GB')).toMatch(/^Kubernetes office hours moved to a new time \(.+\)\.$/);
    expect(notificationText(notification({ kind: 'ROOM_SCHEDULED' }), 'en-GB')).toMatch(/^Ada Lovelace scheduled Kubernetes office hours \(.+\)\.$/);
    expect(notificationText(notification({ kind: 'ROOM_INVITATION', room: { ...room, scheduledFor: null, status: 'LIVE' } }))).toBe('Ada Lovelace invited you to Kubernetes office hours.');
  });

  it('a DIGEST says how many notifications it stands for', () => {
    expect(notificationText(notification({ kind: 'DIGEST', count: 7 }))).toBe('7 updates from Ada Lovelace, the latest: Kubernetes office hours.');
    expect(notificationSentence(notification({ kind: 'DIGEST', count: 7 })).count).toBe('7');
    expect(notificationText(notification({ kind: 'DIGEST', count: 1200, room: null, actor: null }))).toBe('1,200 updates.');
  });

  it('variant: a room the viewer may no longer see reads without a link', () => {
    const sentence = notificationSentence(notification({ kind: 'ROOM_CANCELLED', room: null }));
    expect(sentence.room).toBeNull();
    expect(notificationText(notification({ kind: 'ROOM_CANCELLED', room: null }))).toBe('A room you can no longer see was cancelled.');
    expect(notificationText(notification({ kind: 'ROOM_LIVE', room: null }))).toBe('Ada Lovelace is live in a room you can no longer see.');
  });
});

describe('the bell', () => {
  it('names the unread count in words and shows 99+ past 99', () => {
    expect(bellLabel(null)).toBe('Notifications');
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(1500)).toBe('Notifications, more than 99 unread');
    expect([bellBadge(0), bellBadge(5), bellBadge(100)]).toEqual(['', '5', '99+']);
  });
});

describe('live notifications in a loaded list', () => {
  it('a new one goes first; a DIGEST already listed is replaced and moves first; nothing before the first page loads', () => {
    const a = notification({ id: 'a' });
    const b = notification({ id: 'b' });
    expect(withLiveNotification([a], b)?.map((n) => n.id)).toEqual(['b', 'a']);
    const digest = notification({ id: 'a', kind: 'DIGEST', count: 5 });
    expect(withLiveNotification([b, a], digest)).toEqual([digest, b]);
    expect(withLiveNotification(null, a)).toBeNull();
  });
});

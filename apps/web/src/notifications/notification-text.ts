import type { NotificationFieldsFragment, NotificationKind } from '../gql/graphql';

/**
 * One notification as a sentence around its room's title (the page makes the title a link to the
 * room): `before` + room title + `after`. A notification whose room the viewer may no longer see
 * (the API answers `room: null`) reads without a link.
 */
export interface NotificationSentence {
  /** A DIGEST's count, said first (the page marks it); null for other kinds. */
  readonly count: string | null;
  readonly before: string;
  readonly room: { readonly id: string; readonly title: string } | null;
  readonly after: string;
}

/** "Tue 18:30" in the viewer's locale. */
function when(iso: string | null, locale?: string): string {
  return iso ? new Date(iso).toLocaleString(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : '';
}

/** What the bell's live updates and the home page react to: kinds that add, move or remove a room. */
export const ROOM_LIST_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['ROOM_SCHEDULED', 'ROOM_LIVE', 'ROOM_INVITATION', 'ROOM_RESCHEDULED', 'ROOM_CANCELLED', 'DIGEST']);

/** The sentence for a notification: who did what to which room, in plain words. */
export function notificationSentence(notification: Pick<NotificationFieldsFragment, 'kind' | 'count' | 'room' | 'actor'>, locale?: string): NotificationSentence {
  const { room, actor } = notification;
  const who = actor?.displayName ?? null;
  const link = room ? { id: room.id, title: room.title } : null;
  const at = room?.scheduledFor ? ` (${when(room.scheduledFor, locale)})` : '';
  const gone = room ? '' : 'a room you can no longer see';
  const Gone = room ? '' : 'A room you can no longer see';
  switch (notification.kind) {
    case 'ROOM_STARTING_SOON':
      return { count: null, before: Gone, room: link, after: ` starts soon${at}.` };
    case 'ROOM_LIVE':
      if (who) return { count: null, before: `${who} is live in ${gone}`, room: link, after: '.' };
      return { count: null, before: Gone, room: link, after: ' is live now.' };
    case 'ROOM_RESCHEDULED':
      return { count: null, before: Gone, room: link, after: ` moved to a new time${at}.` };
    case 'ROOM_CANCELLED':
      return { count: null, before: Gone, room: link, after: ' was cancelled.' };
    case 'ROOM_SCHEDULED':
      return { count: null, before: `${who ?? 'Someone you follow'} scheduled ${gone}`, room: link, after: `${at}.` };
    case 'ROOM_INVITATION':
      return { count: null, before: `${who ?? 'Someone'} invited you to ${gone}`, room: link, after: `${at}.` };
    case 'DIGEST': {
      const count = notification.count.toLocaleString('en');
      const from = who ? ` from ${who}` : '';
      return room ? { count, before: ` updates${from}, the latest: `, room: link, after: '.' } : { count, before: ` updates${from}.`, room: null, after: '' };
    }
  }
}

/** The whole sentence as text (for a toast, a test, or an accessible name). */
export function notificationText(notification: Pick<NotificationFieldsFragment, 'kind' | 'count' | 'room' | 'actor'>, locale?: string): string {
  const sentence = notificationSentence(notification, locale);
  return `${sentence.count ?? ''}${sentence.before}${sentence.room?.title ?? ''}${sentence.after}`;
}

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(unread: number | null): string {
  if (unread === null || unread === 0) return 'Notifications';
  return `Notifications, ${unread > 99 ? 'more than 99' : unread.toLocaleString('en')} unread`;
}

/** The badge on the bell: the count, "99+" past 99, nothing at 0. */
export function bellBadge(unread: number | null): string {
  if (unread === null || unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The list after a live notification: a new one goes first; one the list already holds (a DIGEST
 * whose count grew) is replaced and moves first.
 */
export function withLiveNotification<T extends { readonly id: string }>(current: readonly T[] | null, added: T): T[] | null {
  if (current === null) return null;
  return [added, ...current.filter((item) => item.id !== added.id)];
}

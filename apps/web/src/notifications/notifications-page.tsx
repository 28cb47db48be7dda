import { type MouseEvent, useCallback, useState } from 'react';

import { MARK_NOTIFICATIONS_READ, NOTIFICATION_PAGE, NOTIFICATIONS_QUERY } from '../api/operations';
import { pathOf } from '../app/route';
import { useSession } from '../app/session';
import { CalendarFeed } from '../components/calendar-feed';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { formatWhen } from '../moderation/moderation-labels';
import { type Page, usePagedList } from '../moderation/use-paged-list';
import { useNotificationFeed, useOnNotification } from './notification-feed';
import { notificationSentence, withLiveNotification } from './notification-text';

type Notification = NotificationFieldsFragment;

/**
 * The viewer's notifications, newest first: paged with "Load more", new ones arriving live at the
 * top, "Mark all as read", each linking to its room; then the private calendar feed.
 */
export function NotificationsPage() {
  const { api, showError } = useSession();
  const feed = useNotificationFeed();
  const [arrived, setArrived] = useState<Notification[]>([]);
  const fetchPage = useCallback(
    async (after: string | null): Promise<Page<Notification>> => {
      const { viewerNotifications: page } = await api.query(NOTIFICATIONS_QUERY, { first: NOTIFICATION_PAGE, after });
      return { nodes: page.edges.map((edge) => edge.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
    },
    [api],
  );
  const list = usePagedList(fetchPage, showError);
  const [marking, setMarking] = useState(false);

  // Live ones are kept apart from the paged list (whose cursor they would shift), shown above it.
  useOnNotification((added) => setArrived((current) => withLiveNotification(current, added) ?? []));
  const arrivedIds = new Set(arrived.map((item) => item.id));
  const items = list.items === null ? null : [...arrived, ...list.items.filter((item) => !arrivedIds.has(item.id))];
  const newest = items?.[0] ?? null;
  const unread = feed.unreadCount ?? items?.filter((item) => item.readAt === null).length ?? 0;

  const markAllRead = async () => {
    if (!newest) return;
    setMarking(true);
    try {
      await api.mutate(MARK_NOTIFICATIONS_READ, { upToId: newest.id });
      const now = new Date().toISOString();
      const read = (item: Notification) => (item.readAt === null ? { ...item, readAt: now } : item);
      setArrived((current) => current.map(read));
      for (const item of list.items ?? []) if (item.readAt === null) list.replace(read(item));
      feed.refreshUnread();
    } catch (error) {
      showError(error);
    } finally {
      setMarking(false);
    }
  };

  return (
    <div className="notifications-page">
      <section aria-labelledby="notifications-title">
        <div className="section-head">
          <h1 id="notifications-title">Notifications</h1>
          <button type="button" className="button button-small" disabled={marking || unread === 0 || newest === null} onClick={() => void markAllRead()}>
            Mark all as read
          </button>
        </div>
        <p className="muted" role="status" data-testid="unread-summary">
          {items === null ? 'Loading your notifications…' : unread === 0 ? 'You are all caught up.' : `${unread.toLocaleString('en')} unread`}
        </p>
        {items?.length === 0 && (
          <p className="card">
            No notifications yet. Follow people to hear when they go live, and ask for a reminder on a scheduled room.
          </p>
        )}
        <ul className="notification-list" data-testid="notifications">
          {items?.map((item) => (
            <li key={item.id} className={`card notification ${item.readAt === null ? 'notification-unread' : ''}`} data-testid="notification" data-kind={item.kind}>
              <NotificationItem notification={item} />
            </li>
          ))}
        </ul>
        {list.hasMore && (
          <button type="button" className="button load-more" disabled={list.loading} onClick={() => void list.loadMore()}>
            Load more
          </button>
        )}
      </section>
      <CalendarFeed />
    </div>
  );
}

function NotificationItem(props: { notification: Notification }) {
  const { notification } = props;
  const { navigate } = useSession();
  const sentence = notificationSentence(notification);
  const room = sentence.room;
  const roomLink = room
    ? {
        href: pathOf({ page: 'room', roomId: room.id }),
        onClick: (event: MouseEvent) => {
          event.preventDefault();
          navigate({ page: 'room', roomId: room.id });
        },
      }
    : null;
  return (
    <>
      <p className="notification-text breakable">
        {notification.readAt === null && <span className="visually-hidden">Unread: </span>}
        {sentence.count !== null && (
          <strong className="notification-count" data-testid="digest-count">
            {sentence.count}
          </strong>
        )}
        {sentence.before}
        {room && roomLink && <a {...roomLink}>{room.title}</a>}
        {sentence.after}
      </p>
      <p className="muted small">
        <time dateTime={notification.createdAt}>{formatWhen(notification.createdAt)}</time>
      </p>
    </>
  );
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { MODERATION_NOTICE_CHANGED, NOTIFICATION_ADDED, UNREAD_NOTIFICATIONS_QUERY } from '../api/operations';
import { useSession } from '../app/session';
import type { NoticeFieldsFragment, NotificationFieldsFragment } from '../gql/graphql';

export type NotificationListener = (notification: NotificationFieldsFragment) => void;
export type NoticeListener = (notice: NoticeFieldsFragment) => void;

/** The signed-in viewer's notifications as every page sees them: the unread count, and each new one live. */
export interface NotificationFeed {
  /** null until the first count arrives. */
  readonly unreadCount: number | null;
  /** Whether `viewerNotificationAdded` is running (false before it starts and after it failed). */
  readonly live: boolean;
  /** Calls `listener` with every notification the subscription delivers; returns the unsubscribe. */
  onNotification(listener: NotificationListener): () => void;
  /** Re-reads the unread count (after marking notifications read). */
  refreshUnread(): void;
  /** True once a moderation notice was created or changed for the viewer during this session. */
  readonly noticeArrived: boolean;
  /** Calls `listener` with every notice `viewerModerationNoticeChanged` delivers; returns the unsubscribe. */
  onNotice(listener: NoticeListener): () => void;
}

const FeedContext = createContext<NotificationFeed | null>(null);

export function useNotificationFeed(): NotificationFeed {
  const feed = useContext(FeedContext);
  if (!feed) throw new Error('useNotificationFeed outside a signed-in page');
  return feed;
}

/**
 * One `viewerNotificationAdded` subscription per signed-in session (graphql-ws, resubscribed after
 * a dropped socket like the room page's streams), shared by the header's bell, the home page and
 * the notifications page: "outside a room", too, things update live (issue 18).
 *
 * The unread count is read once (`viewerNotifications(unreadOnly: true, first: 1) { unreadCount }`),
 * then counted up by each new unread notification. A DIGEST may be an existing notification whose
 * count grew (the API updates the unread digest rather than adding rows), so a DIGEST, an id seen
 * before, and a reconnect (notifications may have arrived meanwhile) re-read the count instead.
 */
export function NotificationFeedProvider(props: { children: ReactNode }) {
  const { api } = useSession();
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [live, setLive] = useState(false);
  const [reads, setReads] = useState(0);
  const listeners = useRef(new Set<NotificationListener>());
  const seen = useRef(new Set<string>());
  const noticeListeners = useRef(new Set<NoticeListener>());
  const [noticeArrived, setNoticeArrived] = useState(false);
  const refreshUnread = useCallback(() => setReads((count) => count + 1), []);

  useEffect(() => {
    let current = true;
    api.query(UNREAD_NOTIFICATIONS_QUERY, {}).then(
      (data) => current && setUnreadCount(data.viewerNotifications.unreadCount),
      // The bell stays without a number; every other page reports its own failures.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, reads]);

  useEffect(() => {
    setLive(true);
    const unsubscribe = api.subscribe(
      NOTIFICATION_ADDED,
      {},
      {
        next: ({ viewerNotificationAdded: added }) => {
          const repeat = seen.current.has(added.id);
          seen.current.add(added.id);
          if (added.kind === 'DIGEST' || repeat) refreshUnread();
          else if (added.readAt === null) setUnreadCount((count) => (count === null ? count : count + 1));
          for (const listener of listeners.current) listener(added);
        },
        // Without the live feed the pages still load on their own; the bell keeps its last count.
        error: () => setLive(false),
        complete: () => setLive(false),
      },
    );
    return () => {
      unsubscribe();
      setLive(false);
    };
  }, [api, refreshUnread]);

  // Moderation notices (a staff decision, an automatic mute, an appeal's outcome): a second
  // subscription on the same client, so the same socket, held for the session like the one above.
  useEffect(() => {
    const unsubscribe = api.subscribe(
      MODERATION_NOTICE_CHANGED,
      {},
      {
        next: ({ viewerModerationNoticeChanged: notice }) => {
          setNoticeArrived(true);
          for (const listener of noticeListeners.current) listener(notice);
        },
        // The notices page still loads on its own; the header keeps what it knew at sign-in.
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return unsubscribe;
  }, [api]);

  // After the socket dropped and came back, notifications may have been missed: re-read the count.
  useEffect(() => {
    let previous = api.connectionState();
    return api.onConnectionStateChange(() => {
      const next = api.connectionState();
      if (next === 'live' && (previous === 'reconnecting' || previous === 'offline')) refreshUnread();
      previous = next;
    });
  }, [api, refreshUnread]);

  const onNotification = useCallback((listener: NotificationListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const onNotice = useCallback((listener: NoticeListener) => {
    noticeListeners.current.add(listener);
    return () => void noticeListeners.current.delete(listener);
  }, []);

  const feed = useMemo<NotificationFeed>(
    () => ({ unreadCount, live, onNotification, refreshUnread, noticeArrived, onNotice }),
    [unreadCount, live, onNotification, refreshUnread, noticeArrived, onNotice],
  );
  return <FeedContext.Provider value={feed}>{props.children}</FeedContext.Provider>;
}

/** Runs `listener` for every live notification while the calling component is mounted. */
export function useOnNotification(listener: NotificationListener): void {
  const { onNotification } = useNotificationFeed();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onNotification((notification) => latest.current(notification)), [onNotification]);
}

/** Runs `listener` for every live moderation notice (created or changed) while the calling component is mounted. */
export function useOnNotice(listener: NoticeListener): void {
  const { onNotice } = useNotificationFeed();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onNotice((notice) => latest.current(notice)), [onNotice]);
}

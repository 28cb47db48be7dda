import type { MouseEvent } from 'react';

import { pathOf } from '../app/route';
import { useSession } from '../app/session';
import { BellIcon } from '../components/icons';
import { useNotificationFeed } from './notification-feed';
import { bellBadge, bellLabel } from './notification-text';

/** The header's bell: a link to the notifications page, with the unread count kept live. */
export function NotificationBell(props: { current: boolean }) {
  const { navigate } = useSession();
  const { unreadCount } = useNotificationFeed();
  const badge = bellBadge(unreadCount);
  return (
    <a
      className="bell"
      href={pathOf({ page: 'notifications' })}
      aria-current={props.current ? 'page' : undefined}
      data-testid="notification-bell"
      data-unread={unreadCount ?? ''}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate({ page: 'notifications' });
      }}
    >
      <BellIcon />
      {badge && (
        <span className="bell-count" aria-hidden="true" data-testid="notification-count">
          {badge}
        </span>
      )}
      <span className="visually-hidden">{bellLabel(unreadCount)}</span>
    </a>
  );
}

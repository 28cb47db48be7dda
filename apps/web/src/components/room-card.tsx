import { useSession } from '../app/session';
import type { RoomCardFieldsFragment } from '../gql/graphql';
import { ReminderControls } from '../room/components/room-schedule';
import { countOf, roomTiming } from '../room/room-actions';
import { displayReasons } from './room-card-text';
import { StatusBadge } from './status-badge';
import { TopicChips } from './topic-chips';
import { VisibilityBadge } from './visibility-badge';

import type { ReactNode } from 'react';

export function RoomCard(props: { room: RoomCardFieldsFragment; reasons?: readonly string[]; actions?: ReactNode }) {
  const { room } = props;
  const { navigate, viewer } = useSession();
  const href = `/rooms/${encodeURIComponent(room.id)}`;
  const reasons = props.reasons ? displayReasons(props.reasons, room.status) : [];
  return (
    <article className="room-card" data-testid="room-card">
      <div className="room-card-head">
        <span className="badges">
          <StatusBadge status={room.status} />
          <VisibilityBadge visibility={room.visibility} />
        </span>
        <span className="muted small">{roomTiming(room)}</span>
      </div>
      <h3 className="breakable">
        <a
          href={href}
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: 'room', roomId: room.id });
          }}
        >
          {room.title}
        </a>
      </h3>
      <p className="muted small">
        Hosted by {room.host.displayName} · {countOf(room.listenerCount, 'listener')}
      </p>
      <TopicChips topics={room.topics} />
      {reasons.length > 0 && (
        <ul className="chips" aria-label="Why we recommend it">
          {reasons.map((reason) => (
            <li key={reason} className="chip chip-reason" data-testid="reason">
              {reason}
            </li>
          ))}
        </ul>
      )}
      {props.actions}
      {room.status === 'SCHEDULED' && <ReminderControls room={room} viewerIsHost={room.host.id === viewer.id} />}
    </article>
  );
}

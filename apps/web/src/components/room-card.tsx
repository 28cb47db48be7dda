import type { RoomCard as RoomCardData } from '../api/types';
import { useSession } from '../app/session';
import { roomTiming } from '../room/room-actions';
import { StatusBadge } from './status-badge';
import { TopicChips } from './topic-chips';

export function RoomCard(props: { room: RoomCardData; reasons?: readonly string[] }) {
  const { room, reasons } = props;
  const { navigate } = useSession();
  const href = `/rooms/${encodeURIComponent(room.id)}`;
  return (
    <article className="room-card" data-testid="room-card">
      <div className="room-card-head">
        <StatusBadge status={room.status} />
        <span className="muted small">{roomTiming(room)}</span>
      </div>
      <h3>
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
        Hosted by {room.host.displayName} · {room.listenerCount} {room.listenerCount === 1 ? 'listener' : 'listeners'}
      </p>
      <TopicChips topics={room.topics} />
      {reasons && reasons.length > 0 && (
        <ul className="chips" aria-label="Why we recommend it">
          {reasons.map((reason) => (
            <li key={reason} className="chip chip-reason" data-testid="reason">
              {reason}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

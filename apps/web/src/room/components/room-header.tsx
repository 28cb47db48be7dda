import { useState } from 'react';

import { StatusBadge } from '../../components/status-badge';
import { TopicChips } from '../../components/topic-chips';
import { VisibilityBadge } from '../../components/visibility-badge';
import { countOf, JOIN_BLOCK_MESSAGES, roomTiming, type ViewerControls } from '../room-actions';
import type { RoomSnapshot } from '../room-reducer';
import type { LiveIndicatorState } from '../live-state';
import { LiveIndicator } from './live-indicator';

/** Title, status, who hosts, counts, the share link and the viewer's room-level buttons. */
export function RoomHeader(props: {
  room: RoomSnapshot;
  controls: ViewerControls;
  live: LiveIndicatorState;
  busy: boolean;
  onBack(): void;
  onRetry(): void;
  onJoin(): void;
  onLeave(): void;
  onStart(): void;
  onEnd(): void;
}) {
  const { room, controls } = props;
  const ended = room.status === 'ENDED';
  return (
    <header className="room-header card">
      <div className="room-header-top">
        <a
          href="/"
          className="back-link"
          onClick={(event) => {
            event.preventDefault();
            props.onBack();
          }}
        >
          ← Rooms
        </a>
        {!ended && <LiveIndicator state={props.live} onRetry={props.onRetry} />}
      </div>
      <div className="room-title-row">
        <h1 id="room-title" className="breakable">
          {room.title}
        </h1>
        <StatusBadge status={room.status} />
        <VisibilityBadge visibility={room.visibility} />
      </div>
      <p className="muted small">
        {roomTiming(room)} · hosted by <span data-testid="host-name">{room.host.displayName}</span>
        {!ended && (
          <>
            {' '}
            · {countOf(room.listenerCount, 'listener')} · {room.stage.length}/{room.maxSpeakers} on stage
          </>
        )}
      </p>
      {room.description && <p className="breakable">{room.description}</p>}
      <TopicChips topics={room.topics} />
      <div className="room-actions">
        {controls.join && (
          <button type="button" className="button button-primary" disabled={props.busy} onClick={props.onJoin}>
            Join room
          </button>
        )}
        {controls.start && (
          <button type="button" className="button button-primary" disabled={props.busy} onClick={props.onStart}>
            Start room
          </button>
        )}
        {controls.leave && (
          <button type="button" className="button" disabled={props.busy} onClick={props.onLeave}>
            Leave room
          </button>
        )}
        {controls.end && (
          <button type="button" className="button button-danger" disabled={props.busy} onClick={props.onEnd}>
            End room
          </button>
        )}
        <ShareLink roomId={room.id} />
        {room.status === 'SCHEDULED' && (
          <a className="button" href={room.calendarUrl} data-testid="add-to-calendar">
            Add to calendar
          </a>
        )}
      </div>
      {controls.joinBlock && controls.joinBlock !== 'ended' && (
        <p className="notice" data-testid="join-block">
          {JOIN_BLOCK_MESSAGES[controls.joinBlock]}
        </p>
      )}
    </header>
  );
}

function ShareLink(props: { roomId: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const url = `${window.location.origin}/rooms/${encodeURIComponent(props.roomId)}`;
  return (
    <span className="share">
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.clipboard.writeText(url).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          );
        }}
      >
        Copy link
      </button>
      <span role="status" className="muted small">
        {copied === 'yes' ? 'Link copied' : copied === 'failed' ? <a href={url}>Room link</a> : ''}
      </span>
    </span>
  );
}

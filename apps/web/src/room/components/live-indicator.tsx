import type { ConnectionState } from '../../api/graphql-client';
import type { StreamState } from '../use-live-room';

export type LiveIndicatorState = ConnectionState | StreamState;

const LABELS: Readonly<Record<Exclude<LiveIndicatorState, 'running'>, string>> = {
  idle: 'Connecting…',
  connecting: 'Connecting…',
  live: 'Live updates on',
  reconnecting: 'Connection lost, reconnecting…',
  offline: 'Offline: Roundtable cannot be reached',
  refused: 'Live updates refused: sign in again',
  ended: 'Live updates ended',
  failed: 'Live updates stopped',
};

/** What the page tells about its live updates: the socket's true state, or the stream's end. */
export function liveIndicatorState(connection: ConnectionState, stream: StreamState): Exclude<LiveIndicatorState, 'running'> {
  if (stream !== 'running') return stream;
  return connection;
}

export function LiveIndicator(props: { state: Exclude<LiveIndicatorState, 'running'>; onRetry(): void }) {
  const { state } = props;
  return (
    <span className={`live-indicator live-${state}`} role="status" data-testid="live-indicator" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
      {(state === 'failed' || state === 'offline') && (
        <button type="button" className="link-button" onClick={props.onRetry}>
          Retry
        </button>
      )}
    </span>
  );
}

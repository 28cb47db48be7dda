import type { ConnectionState } from '../api/graphql-client';
import type { StreamState } from './use-live-room';

/** What the room page says about its live updates. */
export type LiveIndicatorState = ConnectionState | Exclude<StreamState, 'running'>;

export const LIVE_LABELS: Readonly<Record<LiveIndicatorState, string>> = {
  idle: 'Connecting…',
  connecting: 'Connecting…',
  live: 'Live updates on',
  reconnecting: 'Connection lost, reconnecting…',
  offline: 'Offline: Roundtable cannot be reached',
  refused: 'Live updates refused: sign in again',
  ended: 'Live updates ended',
  failed: 'Live updates stopped',
};

/** The stream's own end or failure wins; otherwise the socket's true state. Only `live` shows green. */
export function liveIndicatorState(connection: ConnectionState, stream: StreamState): LiveIndicatorState {
  return stream === 'running' ? connection : stream;
}

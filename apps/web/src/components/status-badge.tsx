import type { RoomStatus } from '../gql/graphql';

const LABELS: Readonly<Record<RoomStatus, string>> = {
  LIVE: 'Live',
  SCHEDULED: 'Scheduled',
  ENDED: 'Ended',
};

export function StatusBadge(props: { status: RoomStatus }) {
  return <span className={`status status-${props.status.toLowerCase()}`}>{LABELS[props.status]}</span>;
}

import { RoomStatus } from '@roundtable/domain';

const LABELS: Readonly<Record<RoomStatus, string>> = {
  [RoomStatus.Live]: 'Live',
  [RoomStatus.Scheduled]: 'Scheduled',
  [RoomStatus.Ended]: 'Ended',
};

export function StatusBadge(props: { status: RoomStatus }) {
  return <span className={`status status-${props.status.toLowerCase()}`}>{LABELS[props.status]}</span>;
}

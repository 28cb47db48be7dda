import { type FollowNotifications, type NotificationKind } from './notification-kinds';

/** One stored notification, as `notifications` holds it (read with raw SQL, never an ORM entity). */
export class NotificationRecord {
  constructor(
    readonly id: string,
    readonly recipientId: string,
    readonly kind: NotificationKind,
    readonly roomId: string | null,
    readonly actorId: string | null,
    readonly count: number,
    readonly createdAt: Date,
    readonly readAt: Date | null,
  ) {}

  /** The columns {@link notificationFromRow} reads, on alias `alias`. */
  static columns(alias: string): string {
    return `${alias}.id, ${alias}.recipient_id, ${alias}.kind, ${alias}.room_id, ${alias}.actor_id, ${alias}.count, ${alias}.created_at, ${alias}.read_at`;
  }
}

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/** A `notifications` row (the columns of {@link NotificationRecord.columns}) as a record. */
export function notificationFromRow(row: Record<string, unknown>): NotificationRecord {
  return new NotificationRecord(
    row['id'] as string,
    row['recipient_id'] as string,
    row['kind'] as NotificationKind,
    (row['room_id'] as string | null) ?? null,
    (row['actor_id'] as string | null) ?? null,
    Number(row['count']),
    asDate(row['created_at']),
    row['read_at'] === null || row['read_at'] === undefined ? null : asDate(row['read_at']),
  );
}

export type { FollowNotifications };

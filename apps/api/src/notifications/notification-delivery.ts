import { type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { EventBus } from '../events/event-bus';
import { PerViewerDelivery } from '../events/per-viewer-delivery';
import { roomsProfileMayBeNotifiedSql } from '../rooms/room-visibility';
import { NotificationRecord, notificationFromRow } from './notification.record';

/** The bus topic of new notifications: one message per fan-out batch, on every instance. */
export const NOTIFICATIONS_TOPIC = 'notifications';

/**
 * Live delivery of notifications (`viewerNotificationAdded`), a {@link PerViewerDelivery}: a
 * fan-out batch announces its rows in ONE publish; every instance, subscribed once to the topic,
 * picks the rows of the recipients connected to it and reads them in ONE statement that re-checks
 * the access policy's NOTIFY row for each recipient now (a block, a lost membership or a
 * suspension since the row was written withholds it), then hands each recipient its own rows only.
 */
export class NotificationDelivery {
  private readonly delivery: PerViewerDelivery<NotificationRecord>;
  /** Publishes this instance made (one per fan-out batch that wrote rows). */
  announcements = 0;

  constructor(deps: { readonly bus: EventBus; readonly fork: () => EntityManager; readonly logger: Logger }) {
    this.delivery = new PerViewerDelivery(deps.bus, deps.logger, {
      topic: NOTIFICATIONS_TOPIC,
      failureMessage: 'notification delivery failed',
      viewerOf: (notification) => notification.recipientId,
      read: async (ids) => {
        const notify = roomsProfileMayBeNotifiedSql('nt.recipient_id');
        const rows = await deps.fork().execute<Record<string, unknown>[]>(
          `select ${NotificationRecord.columns('nt')} from notifications nt left join rooms r on r.id = nt.room_id
            where nt.id in (select jsonb_array_elements_text(?::jsonb)::uuid) and (nt.room_id is null or ${notify.sql})
            order by nt.created_at, nt.id`,
          [JSON.stringify(ids), ...notify.params],
        );
        return rows.map((row) => notificationFromRow(row));
      },
    });
  }

  /** Reads done for deliveries on this instance (the fan-out test counts them). */
  get deliveryReads(): number {
    return this.delivery.deliveryReads;
  }

  /** Announces written rows (`[notification id, recipient id]`) to every instance: one publish. */
  async announce(rows: readonly (readonly [string, string])[]): Promise<void> {
    this.announcements += 1;
    await this.delivery.announce(rows);
  }

  /** The recipient's new notifications until `signal` aborts or the iterator is returned (see {@link PerViewerDelivery.open}). */
  open(recipientId: string, signal?: AbortSignal): Promise<AsyncIterableIterator<NotificationRecord>> {
    return this.delivery.open(recipientId, signal);
  }

  /** Recipients with an open subscription on this instance. */
  connectedCount(): number {
    return this.delivery.connectedCount();
  }

  close(): Promise<void> {
    return this.delivery.close();
  }
}

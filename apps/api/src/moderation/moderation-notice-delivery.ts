import { type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { EventBus } from '../events/event-bus';
import { PerViewerDelivery } from '../events/per-viewer-delivery';
import { ModerationNoticeEntity } from './moderation.entity';

/** The bus topic of created or changed moderation notices: one message per change, on every instance. */
export const MODERATION_NOTICES_TOPIC = 'moderation-notices';

/**
 * Live delivery of moderation notices (`viewerModerationNoticeChanged`), a {@link PerViewerDelivery}
 * as notifications are: a committed change announces its notices in ONE publish; every instance,
 * subscribed once to the topic, keeps the notices whose subject is connected to it, reads them in
 * ONE statement (as they are now, after the commit) and hands each subject its own notices only.
 * A publish failure is logged once as a warning; the decision stands.
 */
export class ModerationNoticeDelivery {
  private readonly delivery: PerViewerDelivery<ModerationNoticeEntity>;

  constructor(private readonly deps: { readonly bus: EventBus; readonly fork: () => EntityManager; readonly logger: Logger }) {
    this.delivery = new PerViewerDelivery(deps.bus, deps.logger, {
      topic: MODERATION_NOTICES_TOPIC,
      failureMessage: 'moderation notice delivery failed',
      viewerOf: (notice) => notice.subjectProfileId,
      read: (ids) => deps.fork().find(ModerationNoticeEntity, { id: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    });
  }

  /** Reads done for deliveries on this instance. */
  get deliveryReads(): number {
    return this.delivery.deliveryReads;
  }

  /** Announces committed notices to every instance: one publish; never throws. */
  async announce(notices: readonly { readonly id: string; readonly subjectProfileId: string }[]): Promise<void> {
    if (notices.length === 0) return;
    const rows = notices.map((notice) => [notice.id, notice.subjectProfileId] as const);
    try {
      await this.delivery.announce(rows);
    } catch (error) {
      this.deps.logger.warn({ err: error, noticeIds: rows.map(([id]) => id) }, 'announcing moderation notices failed; viewers see them on their next read');
    }
  }

  /** The subject's created or changed notices until `signal` aborts or the iterator is returned (see {@link PerViewerDelivery.open}). */
  open(subjectId: string, signal?: AbortSignal): Promise<AsyncIterableIterator<ModerationNoticeEntity>> {
    return this.delivery.open(subjectId, signal);
  }

  /** Subjects with an open subscription on this instance. */
  connectedCount(): number {
    return this.delivery.connectedCount();
  }

  close(): Promise<void> {
    return this.delivery.close();
  }
}

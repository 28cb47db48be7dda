import type { Logger } from 'pino';

import type { EventBus, Unsubscribe } from './event-bus';

/** One bus message: the announced rows as `[row id, viewer profile id]` pairs. */
interface PerViewerMessage {
  readonly rows: readonly (readonly [string, string])[];
}

/** What a {@link PerViewerDelivery} reads and whom each item goes to. */
export interface PerViewerDeliverySource<T> {
  /** The bus topic; one message per announcement, on every instance. */
  readonly topic: string;
  /** The log line of a failed read (a warning: clients see the rows on their next read). */
  readonly failureMessage: string;
  /** Reads the rows of these ids as they are now, in delivery order, in ONE statement; may withhold some. */
  read(ids: readonly string[]): Promise<readonly T[]>;
  /** The profile an item is for. */
  viewerOf(item: T): string;
}

/**
 * Live per-viewer delivery over the event bus (Redis between instances), shared by
 * `viewerNotificationAdded` and `viewerModerationNoticeChanged`: a committed change announces its
 * rows as `[id, viewer]` pairs in ONE publish; every instance, subscribed once to the topic, keeps
 * the ids whose viewer is connected to it, reads them in ONE statement ({@link PerViewerDeliverySource.read})
 * and hands each viewer its own items only.
 */
export class PerViewerDelivery<T> {
  private readonly listeners = new Map<string, Set<(item: T) => void>>();
  private subscription: Promise<Unsubscribe> | null = null;
  /** Reads done for deliveries on this instance (tests count them). */
  deliveryReads = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly source: PerViewerDeliverySource<T>,
  ) {}

  /** Announces committed rows to every instance: one publish (throws what the bus throws). */
  async announce(rows: readonly (readonly [string, string])[]): Promise<void> {
    const message: PerViewerMessage = { rows };
    await this.bus.publish(this.source.topic, message);
  }

  /**
   * The viewer's items until `signal` aborts or the iterator is returned. Resolves once the topic
   * subscription is active, so nothing announced afterwards is missed.
   */
  async open(viewerId: string, signal?: AbortSignal): Promise<AsyncIterableIterator<T>> {
    this.subscription ??= this.bus.subscribe(this.source.topic, (payload) => {
      this.receive(payload as PerViewerMessage).catch((error: unknown) => this.logger.warn({ err: error }, this.source.failureMessage));
    });
    await this.subscription;
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const listener = (item: T) => {
      queue.push(item);
      wake?.();
    };
    let set = this.listeners.get(viewerId);
    if (!set) {
      set = new Set();
      this.listeners.set(viewerId, set);
    }
    set.add(listener);
    const close = () => {
      if (closed) return;
      closed = true;
      const current = this.listeners.get(viewerId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(viewerId);
      wake?.();
    };
    signal?.addEventListener('abort', close, { once: true });
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        while (queue.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length === 0) return { value: undefined, done: true };
        return { value: queue.shift() as T, done: false };
      },
      async return() {
        close();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Viewers with an open subscription on this instance. */
  connectedCount(): number {
    return this.listeners.size;
  }

  private async receive(message: PerViewerMessage): Promise<void> {
    const ids = message.rows.filter(([, viewerId]) => this.listeners.has(viewerId)).map(([id]) => id);
    if (ids.length === 0) return;
    this.deliveryReads += 1;
    for (const item of await this.source.read(ids)) {
      for (const listener of this.listeners.get(this.source.viewerOf(item)) ?? []) listener(item);
    }
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    this.listeners.clear();
    if (subscription) await (await subscription)();
  }
}

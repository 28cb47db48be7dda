import { EventEmitter } from 'node:events';

import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

export type Unsubscribe = () => Promise<void>;

/**
 * Pub/sub cannot carry messages right now (Redis is unreachable). Thrown by `publish` while the
 * bus is down, and by operations that need live updates (a new `roomEvents` subscription);
 * mapped once, in `common/api-error.ts`, to a contract error a client retries.
 */
export class PubSubUnavailableError extends Error {
  override readonly name = 'PubSubUnavailableError';

  constructor(options?: { cause?: unknown }) {
    super('pub/sub is unavailable', options);
  }
}

/** Seconds a client is told to wait before retrying an operation refused while pub/sub is down. */
export const PUBSUB_RETRY_AFTER_SECONDS = 2;

/**
 * Carries published events between resolvers and subscribers: in-process by default, over Redis
 * pub/sub when REDIS_URL is set so that several API instances share one stream.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  /** @throws PubSubUnavailableError while the bus is down: the message is not carried. */
  publish(topic: string, payload: unknown): Promise<void>;
  /**
   * Resolves once the subscription is active, so nothing published afterwards is missed. While
   * the bus is down it resolves at once and the subscription becomes active when the bus is
   * back, before the `onRestored` listeners run. Never rejects because of an outage.
   */
  subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<Unsubscribe>;
  /** Subscriptions currently held on this instance (the leak tests and `/metrics` read it). */
  subscriptionCount(): number;
  /** True while messages are carried (always, in process); `/readyz` and `roundtable_pubsub_up` read it. */
  isUp(): boolean;
  /** Outages since start (`roundtable_pubsub_outages_total`), a failed first connection included. */
  outageCount(): number;
  /**
   * Calls `listener` each time the bus comes back after an outage, once every subscription is
   * active again: what was published meanwhile is lost, so subscribers catch up from their log.
   * Returns a function that removes the listener.
   */
  onRestored(listener: () => void): () => void;
  close(): Promise<void>;
}

export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly emitter = new EventEmitter();
  private subscriptions = 0;

  constructor() {
    // Every subscriber of a busy room is a listener on its topic.
    this.emitter.setMaxListeners(0);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    // Deliver a copy, as Redis would, so subscribers never share mutable state with publishers.
    this.emitter.emit(topic, structuredClone(payload));
  }

  async subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<Unsubscribe> {
    // A wrapper per subscription, so one callback subscribed twice is two subscriptions.
    const listener = (payload: unknown) => onMessage(payload);
    this.emitter.on(topic, listener);
    this.subscriptions += 1;
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      this.subscriptions -= 1;
      this.emitter.off(topic, listener);
    };
  }

  subscriptionCount(): number {
    return this.subscriptions;
  }

  isUp(): boolean {
    return true;
  }

  outageCount(): number {
    return 0;
  }

  onRestored(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriptions = 0;
  }
}

interface TopicSubscription {
  readonly listeners: Set<(payload: unknown) => void>;
  /** Settles once Redis confirmed the SUBSCRIBE (or it failed: the topic is resubscribed on restore). */
  readonly active: Promise<void>;
}

/** Backoff between reconnection attempts, in ms: 100, 200, … capped at 2 s. */
const reconnectDelayMs = (attempt: number): number => Math.min(attempt * 100, 2_000);

/**
 * Redis pub/sub on two ioredis connections (one publishes, one subscribes), written to survive an
 * outage (issue 14): no command waits in an offline queue, so none rejects later, unobserved, as
 * `MaxRetriesPerRequestError` (what ended the process when a client left during an outage); every
 * command's failure is caught here; the topics are subscribed again by this class, not ioredis's
 * `autoResubscribe`, so it knows when they are active again and only then calls `onRestored`.
 * The outage is logged once when it starts (warn) and once when it ends (info); each failed
 * reconnection attempt only at debug level.
 */
export class RedisEventBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly topics = new Map<string, TopicSubscription>();
  private readonly restoredListeners = new Set<() => void>();
  private subscriptions = 0;
  private publisherReady = false;
  private subscriberReady = false;
  private up = false;
  private outageSince: number | null = null;
  private outages = 0;
  private lastError: Error | null = null;
  private closing = false;
  private settleFirstOutcome: () => void = () => undefined;
  /** Settles on the first connection, or the first failure to connect (an outage from the start). */
  readonly firstOutcome = new Promise<void>((resolve) => (this.settleFirstOutcome = resolve));

  constructor(
    redisUrl: string,
    private readonly logger: Logger,
  ) {
    const options: RedisOptions = {
      lazyConnect: true,
      // Fail at once while disconnected; a command queued for later would reject unobserved.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResubscribe: false,
      retryStrategy: reconnectDelayMs,
    };
    this.publisher = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, options);
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => {
        this.lastError = error;
        this.logger.debug({ err: error }, 'Redis pub/sub connection error');
        // Not up and failing (e.g. a refused password, where the connection may never close):
        // an outage, so a start waiting for the first outcome does not wait forever.
        if (!this.up) this.connectionClosed();
      });
    }
    this.publisher.on('ready', () => {
      this.publisherReady = true;
      this.connectionReady();
    });
    this.publisher.on('close', () => {
      this.publisherReady = false;
      this.connectionClosed();
    });
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => {
      this.subscriberReady = false;
      this.connectionClosed();
    });
    this.subscriber.on('message', (topic: string, message: string) => this.dispatch(topic, message));
    // connect() rejects when Redis is down at start; the connections keep retrying regardless.
    for (const connection of [this.publisher, this.subscriber]) connection.connect().catch(() => undefined);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    // Serialise first: a payload that cannot be serialised is a bug, not an outage.
    const message = JSON.stringify(payload);
    if (!this.up) throw new PubSubUnavailableError();
    try {
      await this.publisher.publish(topic, message);
    } catch (error) {
      throw new PubSubUnavailableError({ cause: error });
    }
  }

  async subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<Unsubscribe> {
    const listener = (payload: unknown) => onMessage(payload);
    let entry = this.topics.get(topic);
    if (!entry) {
      entry = { listeners: new Set(), active: this.subscribeOnServer(topic) };
      this.topics.set(topic, entry);
    }
    entry.listeners.add(listener);
    this.subscriptions += 1;
    let subscribed = true;
    const unsubscribe = async () => {
      if (!subscribed) return;
      subscribed = false;
      this.subscriptions -= 1;
      const current = this.topics.get(topic);
      if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
      this.topics.delete(topic);
      // A closed connection took its subscriptions with it; nothing to tell the server.
      if (this.subscriber.status !== 'ready') return;
      await this.subscriber.unsubscribe(topic).catch((error: unknown) => this.logger.debug({ err: error, topic }, 'Redis UNSUBSCRIBE failed'));
    };
    await entry.active;
    return unsubscribe;
  }

  private async subscribeOnServer(topic: string): Promise<void> {
    // Down: `resubscribe` subscribes every topic when the connection is back.
    if (this.subscriber.status !== 'ready') return;
    await this.subscriber.subscribe(topic).catch((error: unknown) => this.logger.debug({ err: error, topic }, 'Redis SUBSCRIBE failed'));
  }

  /** On every (re)connection of the subscriber: subscribe all topics, then count as up. */
  private async resubscribe(): Promise<void> {
    const topics = [...this.topics.keys()];
    if (topics.length > 0) {
      try {
        await this.subscriber.subscribe(...topics);
      } catch (error) {
        // The connection dropped again; its next 'ready' retries.
        this.logger.debug({ err: error }, 'Redis resubscription failed');
        return;
      }
    }
    if (this.subscriber.status !== 'ready') return;
    this.subscriberReady = true;
    this.connectionReady();
  }

  private dispatch(topic: string, message: string): void {
    const entry = this.topics.get(topic);
    if (!entry) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch (error) {
      this.logger.warn({ err: error, topic }, 'dropped a pub/sub message that is not JSON');
      return;
    }
    for (const listener of [...entry.listeners]) {
      try {
        listener(payload);
      } catch (error) {
        // A subscriber's bug: logged, and it must not stop delivery to the others.
        this.logger.error({ err: error, topic }, 'a pub/sub subscriber failed');
      }
    }
  }

  /** Both connections ready (the subscriber's topics subscribed again): up, and after an outage, restored. */
  private connectionReady(): void {
    if (this.closing || this.up || !this.publisherReady || !this.subscriberReady) return;
    this.up = true;
    this.settleFirstOutcome();
    if (this.outageSince === null) return;
    const downForMs = Date.now() - this.outageSince;
    this.outageSince = null;
    this.logger.info({ downForMs, outages: this.outages }, 'pub/sub is back: open room streams catch up from room_events');
    for (const listener of [...this.restoredListeners]) {
      try {
        listener();
      } catch (error) {
        this.logger.error({ err: error }, 'a pub/sub restore listener failed');
      }
    }
  }

  /**
   * A connection closed, or failed to open (an instance started during an outage): down. Each
   * reconnection attempt closes again; only the first of a run starts an outage.
   */
  private connectionClosed(): void {
    if (this.closing) return;
    this.up = false;
    if (this.outageSince !== null) return;
    this.outageSince = Date.now();
    this.outages += 1;
    this.settleFirstOutcome();
    this.logger.warn(
      { err: this.lastError ?? undefined, outages: this.outages },
      'pub/sub is down: /readyz answers 503, new roomEvents subscriptions are refused, open streams resume when Redis is back',
    );
  }

  subscriptionCount(): number {
    return this.subscriptions;
  }

  isUp(): boolean {
    return this.up;
  }

  outageCount(): number {
    return this.outages;
  }

  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.settleFirstOutcome();
    await Promise.all(
      [this.publisher, this.subscriber].map((connection) =>
        connection.status === 'ready' ? connection.quit().then(() => undefined, () => connection.disconnect()) : connection.disconnect(),
      ),
    );
  }
}

/**
 * The bus REDIS_URL asks for. With Redis, it waits for the first connection or the first failure
 * to connect, not for Redis to be up: an instance started during an outage starts not ready
 * (`/readyz` 503) and becomes ready when Redis is back.
 */
export async function createEventBus(redisUrl: string | null, logger: Logger): Promise<EventBus> {
  if (!redisUrl) return new InProcessEventBus();
  const bus = new RedisEventBus(redisUrl, logger);
  await bus.firstOutcome;
  return bus;
}

/**
 * An async iterator fed by callbacks: values queue until the consumer pulls them. `return()`
 * (client unsubscribed, socket closed) runs the cleanup once.
 */
export class PushIterator<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;
  private failure: unknown = null;
  cleanup: (() => Promise<void>) | null = null;

  /** True once the consumer returned (or the stream failed): nothing more is delivered. */
  get closed(): boolean {
    return this.done;
  }

  push(value: T): void {
    if (this.done) return;
    const resolve = this.waiting.shift();
    if (resolve) resolve({ value, done: false });
    else this.values.push(value);
  }

  fail(error: unknown): void {
    this.failure = error;
    void this.return();
  }

  async next(): Promise<IteratorResult<T>> {
    const value = this.values.shift();
    if (value !== undefined) return { value, done: false };
    if (this.failure) throw this.failure;
    if (this.done) return { value: undefined, done: true };
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
      this.values.length = 0;
      await this.cleanup?.();
    }
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/** The `{publish, subscribe}` shape type-graphql expects, around any EventBus. */
export function typeGraphQLPubSub(bus: EventBus) {
  return {
    publish(routingKey: string, ...args: unknown[]): void {
      // No caller awaits this; a failure (pub/sub down) must not become an unhandled rejection.
      bus.publish(routingKey, args[0]).catch(() => undefined);
    },
    subscribe(routingKey: string): AsyncIterable<unknown> {
      const iterator = new PushIterator<unknown>();
      bus
        .subscribe(routingKey, (payload) => iterator.push(payload))
        .then(async (unsubscribe) => {
          // The consumer may have gone before the subscription became active.
          if (iterator.closed) await unsubscribe();
          else iterator.cleanup = unsubscribe;
        })
        .catch((error: unknown) => iterator.fail(error));
      return iterator;
    },
  };
}

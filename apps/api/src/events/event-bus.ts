import { EventEmitter } from 'node:events';

import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';

export type Unsubscribe = () => Promise<void>;

/**
 * Carries published events between resolvers and subscribers: in-process by default, over Redis
 * pub/sub when REDIS_URL is set so that several API instances share one stream.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is active, so nothing published afterwards is missed. */
  subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<Unsubscribe>;
  /** Subscriptions currently held on this instance (the leak tests and `/metrics` read it). */
  subscriptionCount(): number;
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

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriptions = 0;
  }
}

export class RedisEventBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly pubsub: RedisPubSub;
  private readonly subscriptions = new Set<number>();

  constructor(redisUrl: string, onError: (error: Error) => void) {
    const options = { maxRetriesPerRequest: 3, lazyConnect: false };
    const publisher = new Redis(redisUrl, options);
    const subscriber = new Redis(redisUrl, options);
    publisher.on('error', onError);
    subscriber.on('error', onError);
    this.pubsub = new RedisPubSub({ publisher, subscriber });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.pubsub.publish(topic, payload);
  }

  async subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<Unsubscribe> {
    const id = await this.pubsub.subscribe(topic, onMessage);
    this.subscriptions.add(id);
    return async () => {
      if (!this.subscriptions.delete(id)) return;
      this.pubsub.unsubscribe(id);
    };
  }

  subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /** Waits until both connections are ready, so start-up fails fast on a wrong REDIS_URL. */
  async ready(): Promise<void> {
    await Promise.all([this.pubsub.getPublisher().ping(), this.pubsub.getSubscriber().ping()]);
  }

  async close(): Promise<void> {
    await this.pubsub.close();
  }
}

export async function createEventBus(redisUrl: string | null, onError: (error: Error) => void): Promise<EventBus> {
  if (!redisUrl) return new InProcessEventBus();
  const bus = new RedisEventBus(redisUrl, onError);
  await bus.ready();
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
      void bus.publish(routingKey, args[0]);
    },
    subscribe(routingKey: string): AsyncIterable<unknown> {
      const iterator = new PushIterator<unknown>();
      void bus.subscribe(routingKey, (payload) => iterator.push(payload)).then(async (unsubscribe) => {
        // The consumer may have gone before the subscription became active.
        if (iterator.closed) await unsubscribe();
        else iterator.cleanup = unsubscribe;
      });
      return iterator;
    },
  };
}

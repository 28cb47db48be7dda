import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

const FANOUT_STEPS = ['executions', 'sharedDeliveries', 'serialisations', 'pushed'] as const;
type FanoutStep = (typeof FANOUT_STEPS)[number];

/**
 * The API's Prometheus registry, served at `GET /metrics`. One per server instance (tests run
 * several in one process); other modules add their own gauges and counters to `registry`.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  /** graphql-ws subscription operations running now, on every socket of this instance. */
  readonly subscriptionsActive: Gauge;
  /** Open graphql-ws sockets on this instance, from upgrade to close. */
  readonly wsConnectionsActive: Gauge;
  /** Sockets closed with 4441 because more than WS_MAX_BUFFERED_BYTES were queued unsent to them. */
  readonly wsSlowConsumersClosed: Counter;
  /**
   * Per-document work done, by step (`DocumentWorkStep`: parse, validate, apollo-parse,
   * apollo-validate, argument-plan, cost): a repeated document adds nothing (issue 9).
   */
  readonly documentWork: Counter<'step'>;
  /** Operations refused with RATE_LIMITED by the budgets (README "Budgets"), by transport. */
  readonly rateLimited: Counter<'transport'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.subscriptionsActive = new Gauge({
      name: 'roundtable_subscriptions_active',
      help: 'GraphQL subscriptions running over WebSocket on this instance',
      registers: [this.registry],
    });
    this.wsConnectionsActive = new Gauge({
      name: 'roundtable_ws_connections_active',
      help: 'Open graphql-ws WebSocket connections on this instance',
      registers: [this.registry],
    });
    this.wsSlowConsumersClosed = new Counter({
      name: 'roundtable_ws_slow_consumers_closed_total',
      help: 'WebSocket connections closed (4441) for falling more than WS_MAX_BUFFERED_BYTES behind',
      registers: [this.registry],
    });
    this.documentWork = new Counter({
      name: 'roundtable_graphql_document_work_total',
      help: 'Per-document steps (parse, validation, argument plan, cost) really run, not answered from a cache',
      labelNames: ['step'],
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'roundtable_rate_limited_total',
      help: 'Operations refused with RATE_LIMITED by the work, mutation and expensive-read budgets, by transport (http, ws)',
      labelNames: ['transport'],
      registers: [this.registry],
    });
  }

  /**
   * Serves what the subscription fan-out did as `roundtable_subscription_fanout_total{step}`, read
   * from `read()` at each scrape. Steps: `executions` (documents executed for delivered events),
   * `sharedDeliveries` (deliveries served by another subscriber's execution), `serialisations`
   * (shared results serialised to JSON) and `pushed` (events handed to an idle subscription by its
   * room's channel, without a pull).
   */
  watchSubscriptionFanout(read: () => Readonly<Record<FanoutStep, number>>): void {
    new Counter({
      name: 'roundtable_subscription_fanout_total',
      help: 'Subscription fan-out work on this instance, by step: executions, sharedDeliveries, serialisations, pushed',
      labelNames: ['step'],
      registers: [this.registry],
      collect() {
        const stats = read();
        this.reset();
        for (const step of FANOUT_STEPS) this.inc({ step }, stats[step]);
      },
    });
  }

  /** The exposition text and its content type, for the `/metrics` route. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

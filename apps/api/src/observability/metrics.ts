import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const FANOUT_STEPS = ['executions', 'sharedDeliveries', 'serialisations', 'pushed', 'projections'] as const;
type FanoutStep = (typeof FANOUT_STEPS)[number];

const CONVERSATION_STEPS = ['recorded', 'lost', 'received', 'ticks', 'classes', 'overlays', 'deliveries', 'dropped'] as const;
type ConversationStep = (typeof CONVERSATION_STEPS)[number];

/** `roundtable_conversation_tick_written_seconds`'s buckets: 25 ms steps to a second (a tick's interval), then coarser. */
export const CONVERSATION_TICK_WRITTEN_BUCKETS: readonly number[] = [
  ...Array.from({ length: 40 }, (_, i) => (i + 1) * 0.025),
  1.25, 1.5, 2, 3, 5, 10,
];

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
   * Sockets closed with 4439 because they were opened beyond WS_MAX_PENDING_SOCKETS_PER_ADDRESS
   * and sent no connection_init within WS_PENDING_OVERFLOW_GRACE_MS.
   */
  readonly wsPendingOverflowClosed: Counter;
  /**
   * Per-document work done, by step (`DocumentWorkStep`: parse, validate, apollo-parse,
   * apollo-validate, argument-plan, cost): a repeated document adds nothing (issue 9).
   */
  readonly documentWork: Counter<'step'>;
  /**
   * Media outbox jobs given up after their last retry (moved to their dead-letter queue), by
   * queue. Each one also logs an error; reconciliation repairs the media server afterwards.
   */
  readonly mediaJobsDeadLettered: Counter<'queue'>;
  /** Operations refused with RATE_LIMITED by the budgets (README "Budgets"), by transport. */
  readonly rateLimited: Counter<'transport'>;
  /**
   * Work points the budgets granted (README "Budgets"), by transport (http, ws), price
   * (`document`: a document not parsed yet; `operation`: a query's or mutation's cost, a
   * subscribe's price) and whose budget paid (`viewer`, or `address` when anonymous).
   */
  readonly workPoints: Counter<'transport' | 'price' | 'budget'>;
  /** GETs of calendar files (issue 18), by kind (`room`, `feed`) and outcome (`ok`, `not_found`, `rate_limited`, `error`). */
  readonly calendarRequests: Counter<'kind' | 'outcome'>;
  /**
   * Seconds from a room conversation tick's start (the end of its interval) to its last frame
   * handed to a subscriber's socket on this instance, one observation per room tick delivered
   * (issue 17). What the clients add on top (their network, their own load) is not in it.
   */
  readonly conversationTickWritten: Histogram;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.conversationTickWritten = new Histogram({
      name: 'roundtable_conversation_tick_written_seconds',
      help: "Seconds from a room conversation tick's start to its last frame handed to a subscriber's socket on this instance",
      buckets: [...CONVERSATION_TICK_WRITTEN_BUCKETS],
      registers: [this.registry],
    });
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
    this.wsPendingOverflowClosed = new Counter({
      name: 'roundtable_ws_pending_overflow_closed_total',
      help: 'WebSocket connections closed (4439) for waiting to sign in beyond their address\'s WS_MAX_PENDING_SOCKETS_PER_ADDRESS',
      registers: [this.registry],
    });
    this.documentWork = new Counter({
      name: 'roundtable_graphql_document_work_total',
      help: 'Per-document steps (parse, validation, argument plan, cost) really run, not answered from a cache',
      labelNames: ['step'],
      registers: [this.registry],
    });
    this.mediaJobsDeadLettered = new Counter({
      name: 'roundtable_media_jobs_dead_lettered_total',
      help: 'Media outbox jobs (LiveKit calls) given up after their last retry, by queue',
      labelNames: ['queue'],
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'roundtable_rate_limited_total',
      help: 'Operations refused with RATE_LIMITED by the work, mutation and expensive-read budgets, by transport (http, ws)',
      labelNames: ['transport'],
      registers: [this.registry],
    });
    this.workPoints = new Counter({
      name: 'roundtable_work_points_total',
      help: 'Work points granted by the budgets, by transport (http, ws), price (document, operation) and budget (viewer, address)',
      labelNames: ['transport', 'price', 'budget'],
      registers: [this.registry],
    });
    this.calendarRequests = new Counter({
      name: 'roundtable_calendar_requests_total',
      help: 'GET requests for calendar files, by kind (room, feed) and outcome (ok, not_found, rate_limited, error)',
      labelNames: ['kind', 'outcome'],
      registers: [this.registry],
    });
  }

  /**
   * Serves what the subscription fan-out did as `roundtable_subscription_fanout_total{step}`, read
   * from `read()` at each scrape. Steps: `executions` (documents executed for delivered events),
   * `sharedDeliveries` (deliveries served by another subscriber's execution), `serialisations`
   * (shared results serialised to JSON), `pushed` (events handed to an idle subscription by its
   * room's channel, without a pull) and `projections` (classes of a conversation tick served by
   * reshaping another class's result instead of executing).
   */
  watchSubscriptionFanout(read: () => Readonly<Record<FanoutStep, number>>): void {
    new Counter({
      name: 'roundtable_subscription_fanout_total',
      help: 'Subscription fan-out work on this instance, by step: executions, sharedDeliveries, serialisations, pushed, projections',
      labelNames: ['step'],
      registers: [this.registry],
      collect() {
        const stats = read();
        this.reset();
        for (const step of FANOUT_STEPS) this.inc({ step }, stats[step]);
      },
    });
  }

  /**
   * Serves the pub/sub state, read at each scrape: `roundtable_pubsub_up` (1 while messages are
   * carried, 0 during an outage) and `roundtable_pubsub_outages_total` (outages since start, one
   * per outage however many reconnection attempts it took).
   */
  watchPubSub(bus: { isUp(): boolean; outageCount(): number }): void {
    new Gauge({
      name: 'roundtable_pubsub_up',
      help: 'Whether pub/sub (Redis, or in-process) carries messages on this instance: 1 up, 0 down',
      registers: [this.registry],
      collect() {
        this.set(bus.isUp() ? 1 : 0);
      },
    });
    new Counter({
      name: 'roundtable_pubsub_outages_total',
      help: 'Pub/sub outages on this instance since start (a failed first connection included)',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(bus.outageCount());
      },
    });
  }

  /**
   * Serves what the room conversation's lossy channel did on this instance (issue 17), read at each
   * scrape, as `roundtable_conversation_total{step}`: `recorded` (items produced here), `lost`
   * (of those, not carried: pub/sub down), `received` (items of watched rooms from the bus),
   * `ticks` (room ticks delivered), `classes` (tick objects built: executions), `overlays` (of
   * those, with a viewer's own or mentioning messages added), `deliveries` (ticks handed to
   * subscribers), `dropped` (ticks dropped from a subscriber too far behind).
   */
  watchConversation(read: () => Readonly<Record<ConversationStep, number>>): void {
    new Counter({
      name: 'roundtable_conversation_total',
      help: 'Room conversation channel work on this instance, by step: recorded, lost, received, ticks, classes, overlays, deliveries, dropped',
      labelNames: ['step'],
      registers: [this.registry],
      collect() {
        const stats = read();
        this.reset();
        for (const step of CONVERSATION_STEPS) this.inc({ step }, stats[step]);
      },
    });
  }

  /** The exposition text and its content type, for the `/metrics` route. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

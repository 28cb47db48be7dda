import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MediaControl } from '@roundtable/audio';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';

import { Admission } from '../admission/admission';
import { compileTrustProxy } from '../admission/client-address';
import { connectRateLimitStore, RateLimits } from '../admission/rate-limits';
import { admissionApolloPlugin, admissionPreflight, bodyErrorHandler, httpContext } from '../admission/use/http';
import { attachGraphQLWebSocket } from '../admission/use/ws';
import { Authenticator } from '../auth/authenticator';
import type { GraphQLContext } from '../common/context';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/orm';
import type { EventBus } from '../events/event-bus';
import { WsCloseCode } from '../admission/ws-close-code';
import { SubscriptionFanout } from '../events/subscription-fanout';
import { VIEWER_SESSIONS_TOPIC } from '../moderation/moderation-decisions.service';
import { LIVEKIT_WEBHOOK_PATH, liveKitWebhookRoute } from '../media/livekit-webhook.route';
import type { MediaOutbox } from '../media/media-outbox';
import { ApiMetrics } from '../observability/metrics';
import { METRICS_PATH, metricsHandler, startMetricsListener } from '../observability/metrics-endpoint';
import { assignRequestId, requestTrace } from '../observability/request-trace';
import { serveDemoProfiles } from '../seed/demo-profiles-endpoint';
import { serveCalendars } from '../calendar/calendar.route';
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, graphiqlPage } from './graphiql';
import { buildApiSchema } from './schema';
import { createServices, type Services } from './services';
import { serveWebClient } from './web-client';

export interface ApiServerOptions {
  readonly config: AppConfig;
  readonly db: Database;
  readonly bus: EventBus;
  readonly audio: MediaControl;
  readonly outbox: MediaOutbox;
  readonly logger: Logger;
}

export interface ApiServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly services: Services;
  /** This instance's Prometheus registry (served at /metrics). */
  readonly metrics: ApiMetrics;
  /** Where /metrics answers: on the API port, or on METRICS_PORT's own listener. */
  readonly metricsUrl: string;
  /** The admission pipeline both transports use. */
  readonly admission: Admission;
  /** Shared execution of subscription events (its counters are what the fan-out tests read). */
  readonly fanout: SubscriptionFanout;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/** GraphQL answers are per viewer: no cache may keep them (what Apollo's cache-control plugin sent). */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};

/**
 * Wiring only: the services, the admission pipeline and its two transport adapters, health,
 * metrics, GraphiQL and the web client, on one port.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { config, db, bus, audio, outbox, logger } = options;
  const schema = await buildApiSchema(bus);
  const metrics = new ApiMetrics();
  let selfOrigin = '';
  const rateLimits = new RateLimits(
    {
      mutationsPerWindow: config.limits.mutationsPerWindow,
      expensiveReadsPerWindow: config.limits.expensiveReadsPerWindow,
      operationPointsPerWindow: config.limits.operationPointsPerWindow,
      anonymousOperationPointsPerWindow: config.limits.anonymousOperationPointsPerWindow,
      reservePoints: config.limits.reservePoints,
      windowMs: config.limits.rateWindowMs,
      keyPrefix: config.limits.rateKeyPrefix,
      calendarRequestsPerMinute: config.calendar.requestsPerMinute,
    },
    await connectRateLimitStore(config.redisUrl),
    (event) =>
      event === 'unreachable'
        ? logger.warn('the rate-limit store (Redis) is unreachable: budgets are counted in memory on this instance until it is back')
        : logger.info('the rate-limit store (Redis) is back: budgets are shared again'),
  );
  const services = createServices({ config, db, bus, audio, outbox, logger, metrics, selfOrigin: () => selfOrigin, perAccount: (limit) => rateLimits.perAccount(limit) });
  let wsUrl = '';
  const admission = new Admission({
    schema,
    limits: config.limits,
    authenticator: new Authenticator(config.auth),
    maxStaffTokenLifetimeSeconds: config.auth.maxStaffTokenLifetimeSeconds,
    rateLimits,
    services,
    db,
    logger,
    wsUrl: () => wsUrl,
    introspection: config.graphql.introspection,
    suggestions: config.graphql.suggestions,
    sourceKeySecret: config.moderation.reportSourceByNetwork ? config.auth.jwtSecret : null,
    countWork: (step) => metrics.documentWork.inc({ step }),
    countRateLimited: (transport) => metrics.rateLimited.inc({ transport }),
    countPoints: (points, labels) => metrics.workPoints.inc(labels, points),
  });

  const trustProxy = compileTrustProxy(config.trustProxy);
  const app = express();
  app.disable('x-powered-by');
  // The same trust as clientAddress(), so nothing Express derives from X-Forwarded-* disagrees.
  app.set('trust proxy', trustProxy);
  app.use(assignRequestId());
  const httpServer: Server = createServer(app);
  // One execution per room event and visibility class, shared by every local subscriber.
  const fanout = new SubscriptionFanout(db);
  metrics.watchSubscriptionFanout(() => fanout.stats);
  metrics.watchConversation(() => services.conversation.stats);
  metrics.watchPubSub(bus);
  const ws = attachGraphQLWebSocket({
    httpServer,
    path: GRAPHQL_PATH,
    admission,
    limits: config.limits,
    trustProxy,
    metrics,
    logger,
    subscribe: (args) => fanout.subscribe(args),
  });
  // A suspension (on any instance) closes the account's sockets here too (issue 8).
  const sessionsSubscription = await bus.subscribe(VIEWER_SESSIONS_TOPIC, (payload) => {
    const profileId = (payload as { profileId?: unknown } | null)?.profileId;
    if (typeof profileId === 'string') ws.closeViewerSockets(profileId, WsCloseCode.Forbidden, 'Forbidden: the account is suspended');
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.graphql.introspection,
    // Our own shutdown stops Apollo (app.ts); a second stop from Apollo's signal handler hung exit (issue 6, fault 14).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Persisted queries are refused by the admission preflight with a clear BAD_USER_INPUT.
    persistedQueries: false,
    validationRules: [...admission.validationRules],
    formatError: (formatted, error) => admission.formatError(formatted, error),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No field declares a cache hint, yet the default cache-control plugin wraps every field
      // resolver to compute one (issue 9); `noStore` below sends what it sent: no-store.
      ApolloServerPluginCacheControlDisabled(),
      admissionApolloPlugin(admission),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // GraphQL first: every request walks the router's layers in order, and /graphql is nearly all of
  // them (issue 14 §5); nothing below serves /graphql (the web client's fallback excludes it).
  app.get(GRAPHQL_PATH, (req, res, next) => {
    // Browsers get the explorer; GraphQL GET requests (with a query) go on to Apollo.
    if (config.graphql.graphiql && req.query['query'] === undefined && req.accepts(['text/html', 'application/json']) === 'text/html') {
      res.type('html').send(graphiqlPage(GRAPHQL_PATH));
      return;
    }
    next();
  });
  app.use(
    GRAPHQL_PATH,
    cors<cors.CorsRequest>({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins }),
    // no-store first: an answer to a body that cannot be read is per request too.
    noStore,
    express.json({ limit: config.limits.maxBodyBytes }),
    requestTrace(),
    admissionPreflight(admission, trustProxy),
    expressMiddleware(apollo, { context: httpContext(admission, trustProxy) }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down' });
      return;
    }
    // Live updates are dead while pub/sub is down: a balancer should route elsewhere. The outage
    // itself is logged by the bus, once, not on every probe.
    if (!bus.isUp()) {
      res.status(503).json({ status: 'unavailable', database: 'up', pubsub: 'down' });
      return;
    }
    res.json({ status: 'ready', database: 'up', pubsub: bus.kind });
  });
  // Either the API port (then METRICS_TOKEN guards it in production) or its own listener (issue 14).
  if (config.metrics.port === null) app.get(METRICS_PATH, metricsHandler(metrics, config.metrics.token));
  const [webhookBody, ...webhookHandlers] = liveKitWebhookRoute(audio, services.mediaSync, logger);
  if (webhookBody) app.post(LIVEKIT_WEBHOOK_PATH, webhookBody, requestTrace(), ...webhookHandlers);
  serveDemoProfiles(app, { config, db, logger });
  serveCalendars(app, {
    calendar: services.calendar,
    db,
    rateLimits,
    trustProxy,
    logger,
    count: (kind, outcome) => metrics.calendarRequests.inc({ kind, outcome }),
  });
  if (config.graphql.graphiql) app.use(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
  serveWebClient(app, config.webDir, logger);
  app.use(bodyErrorHandler(logger, config.limits.maxBodyBytes));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // A reconnect storm (every client of an instance at once, issue 14) overflowed Node's default
    // accept queue of 511 on a busy process: the kernel reset the rest (ECONNRESET).
    httpServer.listen(config.port, config.host, config.listenBacklog, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const metricsListener = config.metrics.port === null ? null : await startMetricsListener(metrics, { ...config.metrics, port: config.metrics.port });
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  wsUrl = `ws://${host}:${port}${GRAPHQL_PATH}`;
  selfOrigin = `http://${host}:${port}`;
  let closed = false;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    wsUrl,
    port,
    services,
    metrics,
    metricsUrl: metricsListener?.url ?? `http://${host}:${port}${METRICS_PATH}`,
    admission,
    fanout,
    async close() {
      if (closed) return;
      closed = true;
      await sessionsSubscription();
      await apollo.stop();
      await rateLimits.close();
      await metricsListener?.close();
    },
  };
}

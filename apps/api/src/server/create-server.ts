import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { AudioGateway } from '@roundtable/audio';
import cors from 'cors';
import express from 'express';
import {
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  NoSchemaIntrospectionCustomRule,
  parse,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';

import { type AuthenticatedViewer, AuthenticationError, Authenticator, bearerToken } from '../auth/authenticator';
import { ApiErrorCode, apiError, formatApiError, unauthenticated } from '../common/api-error';
import type { GraphQLContext } from '../common/context';
import { RequestScope } from '../common/request-scope';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/orm';
import type { EventBus } from '../events/event-bus';
import { GroupsService } from '../groups/groups.service';
import { ProfilesService } from '../profiles/profiles.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { RoomsService } from '../rooms/rooms.service';
import { serveDemoProfiles } from '../seed/demo-profiles-endpoint';
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, graphiqlPage } from './graphiql';
import { serveWebClient } from './web-client';
import { checkOperationLimits } from './operation-limits';
import { RateLimiter } from './rate-limiter';
import { buildApiSchema } from './schema';
import type { Services } from './services';
import { nulCharacterError } from './text-input-guard';
import { WsCloseCode } from './ws-close-code';

export interface ApiServerOptions {
  readonly config: AppConfig;
  readonly db: Database;
  readonly bus: EventBus;
  readonly audio: AudioGateway;
  readonly logger: Logger;
}

export interface ApiServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly services: Services;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/**
 * graphql-ws reports parse, validation and variable errors as bare GraphQLErrors, without the
 * request codes Apollo adds over HTTP, so formatApiError masked them as internal errors over
 * WebSocket. Tag them so both transports answer BAD_USER_INPUT. Contract errors keep their code.
 */
function withRequestCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions['code'] !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** Errors about the request itself: not raised by a resolver (those have a path) nor unexpected. */
function isRequestError(error: GraphQLError): boolean {
  return error.path === undefined && (error.originalError === undefined || error.originalError instanceof GraphQLError);
}

/** HTTP and WebSocket GraphQL on one port, with health endpoints and an offline GraphiQL. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { config, db, bus, audio, logger } = options;
  const schema = await buildApiSchema(bus);
  const authenticator = new Authenticator(config.auth);
  const rateLimiter = new RateLimiter(config.limits.mutationsPerWindow, config.limits.rateWindowMs);
  const services: Services = {
    profiles: new ProfilesService(),
    groups: new GroupsService(),
    rooms: new RoomsService({
      bus,
      audio,
      onPublishError: (error) => logger.error({ err: error }, 'publishing room events failed'),
    }),
    recommendations: new RecommendationsService(
      {
        recommenderUrl: config.recommender.url,
        timeoutMs: config.recommender.timeoutMs,
        maxCandidates: config.recommender.maxCandidates,
      },
      logger,
    ),
  };

  const logUnexpected = (error: unknown) => logger.error({ err: error }, 'unexpected error while resolving');
  const format = (error: GraphQLError): GraphQLFormattedError => formatApiError(error.toJSON(), error, logUnexpected);

  async function authenticate(authorization: unknown): Promise<AuthenticatedViewer | null> {
    const token = bearerToken(authorization);
    if (!token) return null;
    const viewer = await authenticator.verify(token);
    await services.profiles.ensureProfile(db.orm.em.fork(), viewer);
    return viewer;
  }

  function createContext(viewer: AuthenticatedViewer | null): GraphQLContext {
    const context: GraphQLContext = {
      requestId: randomUUID(),
      viewer,
      services,
      scope: new RequestScope(db.orm.em.fork(), viewer?.profileId ?? null),
      renewScope() {
        context.scope = new RequestScope(db.orm.em.fork(), viewer?.profileId ?? null);
      },
    };
    return context;
  }

  /** Mutations need a viewer and a free slot in the viewer's rate window. */
  function checkMutation(viewer: AuthenticatedViewer | null): GraphQLError | null {
    if (!viewer) return apiError(ApiErrorCode.Unauthenticated, 'Sign in: mutations need a bearer token', { http: { status: 401 } });
    if (!rateLimiter.tryConsume(viewer.profileId)) {
      const retryAfterSeconds = Math.ceil(rateLimiter.retryAfterMs(viewer.profileId) / 1000);
      return apiError(ApiErrorCode.RateLimited, `Too many requests: try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        http: { status: 429 },
      });
    }
    return null;
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });

  const wsViewers = new WeakMap<object, AuthenticatedViewer>();
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      // Apollo's `introspection: false` covers HTTP only; graphql-ws validates on its own.
      validate: (validationSchema, document, rules) =>
        validate(validationSchema, document, config.graphql.introspection ? rules : [...(rules ?? []), NoSchemaIntrospectionCustomRule]),
      onConnect: async (ctx) => {
        try {
          const viewer = await authenticate(ctx.connectionParams?.['authorization']);
          if (viewer) {
            wsViewers.set(ctx, viewer);
            return true;
          }
        } catch (error) {
          if (!(error instanceof AuthenticationError)) logger.error({ err: error }, 'WebSocket authentication failed');
        }
        ctx.extra.socket.close(WsCloseCode.Unauthorized, 'Unauthorized: send connectionParams.authorization');
        return false;
      },
      context: (ctx) => createContext(wsViewers.get(ctx) ?? null) as unknown as Record<string, unknown>,
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withRequestCode(error instanceof GraphQLError ? error : new GraphQLError('Invalid query'), 'GRAPHQL_PARSE_FAILED')];
        }
        const limitError =
          checkOperationLimits(schema, document, payload.operationName, payload.variables, config.limits) ??
          nulCharacterError(document, payload.variables);
        if (limitError) return [limitError];
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (operation?.operation === 'mutation') {
          const mutationError = checkMutation(wsViewers.get(ctx) ?? null);
          if (mutationError) return [mutationError];
        }
        return undefined;
      },
      // Here: onSubscribe refusals, parse and validation errors, or a failing event stream (unexpected).
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => format(isRequestError(error) ? withRequestCode(error, 'GRAPHQL_VALIDATION_FAILED') : error)),
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => format(isRequestError(error) ? withRequestCode(error, 'BAD_USER_INPUT') : error)) }
          : result,
    },
    wsServer,
  );

  const limitsPlugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, contextValue }) {
          const limitError =
            checkOperationLimits(schema, document, operationName, request.variables, config.limits) ??
            nulCharacterError(document, request.variables);
          if (limitError) throw limitError;
          if (operation?.operation === 'mutation') {
            const mutationError = checkMutation(contextValue.viewer);
            if (mutationError) throw mutationError;
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.graphql.introspection,
    // Shutdown is ours (main.ts): Apollo's own SIGTERM handler ran a second, concurrent stop(),
    // and a concurrent stop() in Apollo Server 5 waits on a barrier that is never resolved, so
    // our shutdown hung until the database pool's idle connections timed out (~30 s).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatApiError(formatted, error, logUnexpected),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin,
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'up', pubsub: bus.kind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  serveDemoProfiles(app, { config, db, logger });
  if (config.graphql.graphiql) app.use(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
  serveWebClient(app, config.webDir, logger);
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
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return createContext(await authenticate(req.headers.authorization));
        } catch (error) {
          if (error instanceof AuthenticationError) {
            throw apiError(ApiErrorCode.Unauthenticated, error.message, { http: { status: 401 } });
          }
          logger.error({ err: error }, 'creating the request context failed');
          throw unauthenticated('Could not verify the bearer token');
        }
      },
    }),
  );
  // Malformed JSON and oversized bodies fail in express.json(), before Apollo. Express's default
  // handler would answer with an HTML page carrying the stack trace (outside production); the
  // contract wants a GraphQL error with a contract code and never a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? 'The request body is too large' : 'The request body is not valid JSON';
      res.status(status).json({ errors: [{ message, extensions: { code: ApiErrorCode.BadUserInput } }] });
      return;
    }
    logger.error({ err: error }, 'unexpected error before GraphQL execution');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ApiErrorCode.Internal } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closed = false;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    wsUrl: `ws://${host}:${port}${GRAPHQL_PATH}`,
    port,
    services,
    async close() {
      if (closed) return;
      closed = true;
      await apollo.stop();
    },
  };
}

import type { IncomingMessage, Server } from 'node:http';

import { type ExecutionArgs, type ExecutionResult, execute, type FormattedExecutionResult, GraphQLError, subscribe } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';

import type { AuthenticatedViewer } from '../../auth/authenticator';
import type { NextFrameSender } from '../../common/context';
import type { ApiMetrics } from '../../observability/metrics';
import type { Admission } from '../admission';
import { isRequestError, refusal, withRequestCode } from '../admission-errors';
import { clientAddress, type TrustProxy } from '../client-address';
import { type SocketBudgetEntry, SocketBudgets, type SocketBudgetLimits } from '../socket-budgets';
import { RateLimits } from '../rate-limits';
import { WsCloseCode } from '../ws-close-code';
import { sendTextFrame } from './ws-text-frame';

export interface WsLimits extends SocketBudgetLimits {
  readonly maxBodyBytes: number;
  readonly wsMaxSubscriptionsPerSocket: number;
  readonly wsMaxPingsPerMinute: number;
  /** A socket with more than this many bytes queued unsent is closed with 4441 (slow consumer). */
  readonly wsMaxBufferedBytes: number;
}

export interface GraphQLWebSocketOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly admission: Admission;
  readonly limits: WsLimits;
  /** Which hops' X-Forwarded-For on the upgrade request is believed (TRUST_PROXY). */
  readonly trustProxy: TrustProxy;
  readonly metrics: ApiMetrics;
  readonly logger: Logger;
  /** Runs subscription operations (default: graphql's `subscribe`, once per subscriber). */
  readonly subscribe?: (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
}

type Extra = { socket: WebSocket; request: IncomingMessage };
type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** What this adapter keeps per socket, beside graphql-ws's own context. */
interface SocketState {
  /** clientAddress() of the upgrade request. */
  readonly ip: string | null;
  /** Its place in the socket budgets (its address's until it signs in, then its viewer's). */
  readonly budget: SocketBudgetEntry;
  viewer: AuthenticatedViewer | null;
  /** Subscription ids counted in the active-subscriptions gauge (released exactly once). */
  readonly subscriptions: Set<string>;
  expiryTimer: NodeJS.Timeout | null;
  pings: number[];
}

/** setTimeout's longest delay (about 24.8 days); longer expiries re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The `}` that closes a graphql-ws `next` message around a payload written as bytes. */
const CLOSING_BRACE = Buffer.from('}', 'utf8');

/**
 * graphql-ws on the HTTP server, as a thin adapter around the admission pipeline (the same
 * calls the HTTP adapter makes), plus what only a socket has: the socket budgets (per viewer,
 * and per client address before sign-in: socket-budgets.ts), operations per socket, frame size,
 * ping rate, closing when the token expires, and the connection and subscription gauges.
 * Returns the disposer.
 */
export interface GraphQLWebSocket {
  dispose(): Promise<void>;
  /** Closes every socket of one viewer on this instance (e.g. a suspended account); returns how many. */
  closeViewerSockets(profileId: string, code: WsCloseCode, reason: string): number;
}

export function attachGraphQLWebSocket(options: GraphQLWebSocketOptions): GraphQLWebSocket {
  const { httpServer, path, admission, limits, metrics, logger } = options;
  // A frame as large as the largest HTTP body, no larger (issue 6, fault 9); ws closes with 1009.
  // Control pings are answered here, under the ping budget, not automatically.
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload: limits.maxBodyBytes, autoPong: false });
  const states = new WeakMap<WebSocket, SocketState>();
  const budgets = new SocketBudgets(limits);

  const stateOf = (ctx: WsContext): SocketState | undefined => states.get(ctx.extra.socket);

  /** Counts a ping; closes the socket and returns false when it is over its budget. */
  const allowPing = (socket: WebSocket, state: SocketState): boolean => {
    const now = Date.now();
    state.pings = state.pings.filter((at) => now - at < 60_000);
    state.pings.push(now);
    if (state.pings.length <= limits.wsMaxPingsPerMinute) return true;
    socket.close(WsCloseCode.TooManyPings, 'Too many pings');
    return false;
  };

  const releaseSubscription = (state: SocketState | undefined, id: string): void => {
    if (state?.subscriptions.delete(id)) metrics.subscriptionsActive.dec();
  };

  const armExpiry = (socket: WebSocket, state: SocketState, expiresAt: number): void => {
    const delay = expiresAt - Date.now();
    state.expiryTimer = setTimeout(
      () => {
        if (Date.now() >= expiresAt) socket.close(WsCloseCode.Forbidden, 'Forbidden: the bearer token has expired');
        else armExpiry(socket, state, expiresAt);
      },
      Math.max(0, Math.min(delay, MAX_TIMER_MS)),
    );
    state.expiryTimer.unref();
  };

  // Registered before graphql-ws's own listener: every socket is counted from the upgrade on,
  // and released on close, whatever point of the protocol it reached.
  wsServer.on('connection', (socket, request) => {
    const ip = clientAddress(request, options.trustProxy);
    const budget = budgets.open(ip, () => {
      metrics.wsPendingOverflowClosed.inc();
      socket.close(WsCloseCode.TooManySockets, 'Too many sockets from this address waiting to sign in');
    });
    const state: SocketState = { ip, budget, viewer: null, subscriptions: new Set(), expiryTimer: null, pings: [] };
    states.set(socket, state);
    metrics.wsConnectionsActive.inc();
    socket.once('close', () => {
      metrics.wsConnectionsActive.dec();
      budget.release();
      if (state.expiryTimer) clearTimeout(state.expiryTimer);
      for (const id of [...state.subscriptions]) releaseSubscription(state, id);
    });
    socket.on('ping', (data) => {
      if (allowPing(socket, state)) socket.pong(data);
    });
  });

  /** Never throws: an exception in execution would close the whole socket with 4500. */
  const failed = (error: unknown): ExecutionResult => {
    logger.error({ err: error }, 'unexpected error while executing over WebSocket');
    return { errors: [new GraphQLError('Internal server error', { originalError: error instanceof Error ? error : undefined })] };
  };
  const safeExecute = async (args: ExecutionArgs) => {
    try {
      return (await execute(args)) as ExecutionResult<Record<string, unknown>>;
    } catch (error) {
      return failed(error) as ExecutionResult<Record<string, unknown>>;
    }
  };
  const safeSubscribe = async (args: ExecutionArgs) => {
    try {
      return (await (options.subscribe ?? subscribe)(args)) as AsyncGenerator<ExecutionResult<Record<string, unknown>>> | ExecutionResult<Record<string, unknown>>;
    } catch (error) {
      return failed(error) as ExecutionResult<Record<string, unknown>>;
    }
  };

  /**
   * Closes a socket that has more than WS_MAX_BUFFERED_BYTES queued unsent (a slow consumer never
   * holds up the others, and never makes this process buffer without bound); true if it did.
   */
  const closeIfTooSlow = (socket: WebSocket): boolean => {
    if (socket.bufferedAmount <= limits.wsMaxBufferedBytes || socket.readyState !== socket.OPEN) return false;
    metrics.wsSlowConsumersClosed.inc();
    socket.close(WsCloseCode.SlowConsumer, 'Too far behind: resume with roomEvents(sinceVersion:)');
    return true;
  };

  const format = (error: GraphQLError, requestCode: string) =>
    admission.formatError(error.toJSON(), isRequestError(error) ? withRequestCode(error, requestCode) : error);

  /** What graphql-ws's `onNext` hook makes of a result: errors masked and coded as the contract says. */
  const formatNext = (result: ExecutionResult): FormattedExecutionResult =>
    result.errors ? { ...result, errors: result.errors.map((error) => format(error, 'BAD_USER_INPUT')) } : (result as FormattedExecutionResult);

  /** Each shared payload followed by the `}` that closes a `next` message around it, made once per payload. */
  const closedPayloads = new WeakMap<Buffer, Buffer>();
  const closedPayload = (payloadUtf8: Buffer): Buffer => {
    let closed = closedPayloads.get(payloadUtf8);
    if (!closed) {
      closed = Buffer.concat([payloadUtf8, CLOSING_BRACE]);
      closedPayloads.set(payloadUtf8, closed);
    }
    return closed;
  };

  /**
   * Writes operation `id`'s `next` messages as graphql-ws would, byte for byte
   * (`{"id":…,"type":"next","payload":…}`), around payloads the fan-out serialised once for many
   * subscribers.
   */
  const nextFrameSender = (ctx: WsContext, id: string): NextFrameSender => {
    const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const prefixBytes = Buffer.from(prefix, 'utf8');
    const open = (): boolean => {
      const socket = ctx.extra.socket;
      return id in ctx.subscriptions && socket.readyState === socket.OPEN && !closeIfTooSlow(socket);
    };
    const json = (payloadJson: string): boolean => {
      if (!open()) return false;
      ctx.extra.socket.send(`${prefix}${payloadJson}}`);
      return true;
    };
    // The operation's prefix, then the class's payload with its closing brace (encoded once per
    // payload, whatever its subscribers): the same bytes as `json`, without building, encoding or
    // copying the payload per subscriber.
    const bytes = (payloadUtf8: Buffer): boolean => {
      if (!open()) return false;
      sendTextFrame(ctx.extra.socket, prefixBytes, closedPayload(payloadUtf8));
      return true;
    };
    return { json, bytes, result: (result) => json(JSON.stringify(formatNext(result))) };
  };


  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      execute: safeExecute,
      subscribe: safeSubscribe,
      onConnect: async (ctx) => {
        const state = stateOf(ctx);
        if (!state) return false;
        state.budget.initReceived();
        let viewer: AuthenticatedViewer | null = null;
        // Kind: a refusal that names the wrong cause — a token that was sent and refused was
        // closed with "send connectionParams.authorization", as if none had been sent.
        let refusedBecause = 'send connectionParams.authorization';
        try {
          viewer = await admission.authenticate(ctx.connectionParams?.['authorization']);
        } catch (error) {
          // Refusals are reported by the close code below; nothing here is worth an error log.
          refusedBecause = error instanceof GraphQLError ? error.message : 'the bearer token was refused';
        }
        // Terminated while authenticating: its close listener has already run.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!viewer) {
          ctx.extra.socket.close(WsCloseCode.Unauthorized, closeReason(`Unauthorized: ${refusedBecause}`));
          return false;
        }
        // Signed in: from now on the viewer's budget applies, not the address's (many people
        // share one address behind a NAT or proxy).
        if (!state.budget.signIn(viewer.profileId)) {
          ctx.extra.socket.close(WsCloseCode.TooManySockets, 'Too many sockets for this viewer');
          return false;
        }
        state.viewer = viewer;
        if (viewer.expiresAt !== undefined) armExpiry(ctx.extra.socket, state, viewer.expiresAt);
        return true;
      },
      onPing: (ctx) => {
        const state = stateOf(ctx);
        if (state) allowPing(ctx.extra.socket, state);
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = stateOf(ctx);
        const viewer = state?.viewer ?? null;
        try {
          if (!state || !viewer) return [refusal.unauthenticated('Sign in: send connectionParams.authorization')];
          if (viewer.expiresAt !== undefined && viewer.expiresAt <= Date.now()) {
            ctx.extra.socket.close(WsCloseCode.Forbidden, 'Forbidden: the bearer token has expired');
            return [refusal.unauthenticated('The bearer token has expired')];
          }
          // graphql-ws has already entered this id in ctx.subscriptions.
          if (Object.keys(ctx.subscriptions).length > limits.wsMaxSubscriptionsPerSocket) {
            return [
              refusal.rateLimited(
                `This socket already runs ${limits.wsMaxSubscriptionsPerSocket} operations: complete one or open another socket`,
                1,
              ),
            ];
          }
          const unpaid = await admission.admitDocument(payload, RateLimits.keyFor(viewer.profileId, state.ip), 'ws');
          if (unpaid) return [unpaid];
          const parsed = admission.parseRequest(payload);
          if ('errors' in parsed) return [...parsed.errors];
          const validationErrors = admission.validate(parsed.document);
          if (validationErrors.length > 0) return [...validationErrors];
          const variables = payload.variables ?? {};
          const refused = await admission.admitOperation(parsed.document, payload.operationName, variables, {
            viewer,
            ip: state.ip,
            transport: 'ws',
          });
          if (refused) return [refused];
          const args: ExecutionArgs = {
            schema: admission.schema,
            document: parsed.document,
            operationName: payload.operationName ?? undefined,
            variableValues: variables,
            contextValue: { ...admission.createContext(viewer, state.ip), nextFrames: nextFrameSender(ctx, id) },
          };
          const isSubscription = parsed.document.definitions.some(
            (definition) =>
              definition.kind === 'OperationDefinition' &&
              definition.operation === 'subscription' &&
              (payload.operationName ? definition.name?.value === payload.operationName : true),
          );
          // Counted only while graphql-ws still holds the id: a socket closed during the awaits
          // above has already emptied ctx.subscriptions, and onComplete may never come.
          if (isSubscription && id in ctx.subscriptions && ctx.extra.socket.readyState === ctx.extra.socket.OPEN) {
            state.subscriptions.add(id);
            metrics.subscriptionsActive.inc();
          }
          return args;
        } catch (error) {
          logger.error({ err: error }, 'unexpected error while admitting a WebSocket operation');
          return [new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
        }
      },
      onComplete: (ctx, id) => releaseSubscription(stateOf(ctx), id),
      onError: (ctx, id, _payload, errors) => {
        releaseSubscription(stateOf(ctx), id);
        return errors.map((error) => format(error, 'GRAPHQL_VALIDATION_FAILED'));
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        // Past the limit the socket is closed; ws then drops the frame graphql-ws sends next.
        closeIfTooSlow(ctx.extra.socket);
        return formatNext(result);
      },
      onClose: (ctx) => {
        const state = stateOf(ctx);
        if (state) for (const id of [...state.subscriptions]) releaseSubscription(state, id);
      },
    },
    wsServer,
  );

  // Registered after graphql-ws's own listener, which reports every socket error (an oversized
  // frame, a reset connection) with console.error: those are the client's doing, so they are
  // logged at warn. ws has already closed the socket with the matching code (1009, 1002, …).
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.warn({ err: { message: error.message } }, 'WebSocket client error'));
  });

  return {
    dispose: async () => server.dispose(),
    closeViewerSockets(profileId: string, code: WsCloseCode, reason: string): number {
      let closed = 0;
      for (const socket of wsServer.clients) {
        if (states.get(socket)?.viewer?.profileId !== profileId) continue;
        socket.close(code, reason);
        closed += 1;
      }
      return closed;
    },
  };
}

/** A WebSocket close reason fits in 123 bytes of UTF-8 (RFC 6455 §5.5): longer ones are cut at a character boundary. */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= 123) return text;
  let cut = text;
  while (Buffer.byteLength(`${cut}…`, 'utf8') > 123) cut = cut.slice(0, -1);
  return `${cut}…`;
}

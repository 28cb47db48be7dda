import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../../auth/authenticator';
import { ApiErrorCode } from '../../common/api-error';
import type { GraphQLContext } from '../../common/context';
import type { Admission, RawRequest } from '../admission';
import { clientAddress, type TrustProxy } from '../client-address';
import { RateLimits } from '../rate-limits';

function sendRefusal(admission: Admission, res: express.Response, errors: readonly GraphQLError[]): void {
  const http = errors[0]?.extensions['http'] as { status?: number } | undefined;
  res.status(http?.status ?? 400).json({ errors: errors.map((error) => admission.formatError(error.toJSON(), error)) });
}

/**
 * The viewer the preflight authenticated, per request, so the Apollo context does not verify the
 * same bearer token twice. Absent when the request had no token, or one the preflight could not
 * verify (the context then refuses it with UNAUTHENTICATED, as before).
 */
const preflightViewers = new WeakMap<express.Request, AuthenticatedViewer>();

/** GET carries variables and extensions as JSON strings; anything unreadable stays as it is. */
function readGetParameter(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Runs the admission's raw-request checks (the document's price, shape, input depth, persisted
 * queries, token budget, expanded size, field merges) before Apollo parses or validates anything, so nothing super-linear and nothing
 * recursive ever sees an unchecked request. Apollo parses the (small) document again afterwards.
 */
export function admissionPreflight(admission: Admission, trustProxy: TrustProxy): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      next();
      return;
    }
    const source: unknown = req.method === 'GET' ? req.query : req.body;
    // Batches and non-objects: Apollo refuses them with its own 400.
    if (source === null || typeof source !== 'object' || Array.isArray(source)) {
      next();
      return;
    }
    const body = source as Record<string, unknown>;
    const request: RawRequest = {
      query: body['query'],
      operationName: body['operationName'],
      variables: req.method === 'GET' ? readGetParameter(body['variables']) : body['variables'],
      extensions: req.method === 'GET' ? readGetParameter(body['extensions']) : body['extensions'],
    };
    // A document not parsed yet is paid for before it is read: by the signed-in viewer (one
    // budget per viewer, issue 14: thousands of people behind one company NAT must not share one
    // budget), by the address when anonymous or when the token does not verify. A flood of
    // unique documents runs out of budget instead of parse time.
    preflightViewer(admission, req)
      .then((viewer) => admission.admitDocument(request, RateLimits.keyFor(viewer?.profileId ?? null, clientAddress(req, trustProxy)), 'http'))
      .then((refused) => {
        if (refused) {
          sendRefusal(admission, res, [refused]);
          return;
        }
        const parsed = admission.parseRequest(request);
        if ('errors' in parsed) {
          sendRefusal(admission, res, parsed.errors);
          return;
        }
        next();
      })
      .catch(next);
  };
}

/**
 * The viewer the request's bearer token names, or null without a token or with one that does not
 * verify (never thrown here: the Apollo context refuses it with UNAUTHENTICATED). Kept for the
 * context.
 */
async function preflightViewer(admission: Admission, req: express.Request): Promise<AuthenticatedViewer | null> {
  if (!req.headers.authorization) return null;
  let viewer: AuthenticatedViewer | null;
  try {
    viewer = await admission.authenticate(req.headers.authorization);
  } catch {
    return null;
  }
  if (viewer) preflightViewers.set(req, viewer);
  return viewer;
}

/**
 * The Apollo context function: authenticates the bearer header (or takes the viewer the
 * preflight authenticated) and opens the request scope, with the client address TRUST_PROXY
 * allows (the WebSocket adapter computes it the same way).
 */
export function httpContext(admission: Admission, trustProxy: TrustProxy) {
  return async ({ req }: { req: express.Request }): Promise<GraphQLContext> =>
    admission.createContext(preflightViewers.get(req) ?? (await admission.authenticate(req.headers.authorization)), clientAddress(req, trustProxy));
}

/**
 * The Apollo plugin: after Apollo has parsed and validated (with the admission's validation
 * rules), the operation-level checks run before any resolver. A refusal thrown here becomes the
 * response with its status and headers (429 + Retry-After).
 */
export function admissionApolloPlugin(admission: Admission): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        // Apollo calls these only when its document store does not have the query yet.
        async parsingDidStart() {
          admission.countWork('apollo-parse');
        },
        async validationDidStart() {
          admission.countWork('apollo-validate');
        },
        async didResolveOperation({ document, operationName, request, contextValue }) {
          const error = await admission.admitOperation(document, operationName, request.variables, {
            viewer: contextValue.viewer,
            ip: contextValue.clientIp,
            transport: 'http',
          });
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * Malformed JSON and oversized bodies fail in express.json(), before Apollo. Express's default
 * handler would answer with an HTML page carrying the stack trace; the contract wants a GraphQL
 * error with a contract code.
 */
export function bodyErrorHandler(logger: Logger, maxBodyBytes: number): express.ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? `The request body is larger than ${maxBodyBytes} bytes` : 'The request body is not valid JSON';
      res.status(status).json({ errors: [{ message, extensions: { code: ApiErrorCode.BadUserInput } }] });
      return;
    }
    logger.error({ err: error }, 'unexpected error before GraphQL execution');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ApiErrorCode.Internal } }] });
  };
}

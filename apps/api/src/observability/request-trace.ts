import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import type express from 'express';

/** The response header that names an HTTP request's id (also in the request's context). */
export const REQUEST_ID_HEADER = 'x-request-id';

interface RequestTrace {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestTrace>();

/**
 * The id of the HTTP request whose work is running now, or null outside one (WebSocket
 * operations, background workers, jobs). Follows the request through every await, so SQL the
 * request causes can be attributed to it (`Database.onQuery` passes it to listeners).
 */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/**
 * pino `mixin`: every log line written while an HTTP request's work runs carries its
 * `requestId`, the value the client saw in `X-Request-Id`; lines outside a request carry none.
 */
export function requestTraceLogFields(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId === null ? {} : { requestId };
}

/**
 * Express middleware, mounted first: gives every HTTP request a random UUID and answers it in the
 * `X-Request-Id` header, so even a request refused before its body is read (invalid JSON, too
 * large) names itself. {@link requestTrace} then runs the request's own work inside that id.
 */
export function assignRequestId(): express.RequestHandler {
  return (_req, res, next) => {
    const requestId = randomUUID();
    res.locals['requestId'] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/**
 * Express middleware: runs the rest of the chain inside the request's trace (the id
 * {@link assignRequestId} gave it, or a new one). Mount it after the body parser: a body is read
 * from socket events that do not keep the trace, so it starts where the request's own work does.
 */
export function requestTrace(): express.RequestHandler {
  return (_req, res, next) => {
    const assigned: unknown = res.locals['requestId'];
    const requestId = typeof assigned === 'string' ? assigned : randomUUID();
    if (typeof assigned !== 'string') res.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, next);
  };
}

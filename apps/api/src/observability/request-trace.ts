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

/** The id `requestTrace` gave this request (null before it ran). */
export function requestIdOf(res: express.Response): string | null {
  const id: unknown = res.locals[REQUEST_ID_LOCAL];
  return typeof id === 'string' ? id : null;
}

const REQUEST_ID_LOCAL = 'requestId';

/**
 * Express middleware: gives the request a random UUID and answers it in the `X-Request-Id`
 * header (and `requestIdOf(res)`). While `tracing()` is true it also runs the rest of the chain
 * inside that trace, so {@link currentRequestId} follows the request's work. Mount it after the
 * body parser, so the trace starts where the request's own work does.
 *
 * `tracing` (default: always) is there because a trace is not free: the first
 * `AsyncLocalStorage.run` turns on Node's promise hooks for the whole process, which then cost
 * something on every promise of every request (issue 9). The API traces only while someone
 * listens to the SQL it attributes (`Database.onQuery`: tests).
 */
export function requestTrace(tracing: () => boolean = () => true): express.RequestHandler {
  return (_req, res, next) => {
    const requestId = randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals[REQUEST_ID_LOCAL] = requestId;
    if (tracing()) storage.run({ requestId }, next);
    else next();
  };
}

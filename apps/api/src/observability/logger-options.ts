import type { LoggerOptions } from 'pino';

import { requestTraceLogFields } from './request-trace';

/** What a logged error keeps: never its other enumerable properties (a pg error can carry its client, with the connection's secret key). */
export interface LoggedError {
  readonly type: string;
  readonly message: string;
  /** The driver's or the library's code, when it has one (e.g. PostgreSQL's SQLSTATE, `ECONNREFUSED`). */
  readonly code?: string;
  readonly stack?: string;
  readonly cause?: LoggedError;
}

/** pino's `err` serializer for the API: type, message, code, stack and cause, nothing else. */
export function serializeError(value: unknown, depth = 0): LoggedError | unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  const cause = (value as { cause?: unknown }).cause;
  return {
    type: value.name,
    message: value.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(value.stack ? { stack: value.stack } : {}),
    ...(cause instanceof Error && depth < 3 ? { cause: serializeError(cause, depth + 1) as LoggedError } : {}),
  };
}

/**
 * The options of every API logger (the process's, and the tests' capturing one): the service
 * name, the request id of the HTTP request being served (`requestTraceLogFields`), and errors
 * reduced to what is safe to keep.
 */
export function apiLoggerOptions(level: string): LoggerOptions {
  return { level, base: { service: 'api' }, mixin: requestTraceLogFields, serializers: { err: serializeError } };
}

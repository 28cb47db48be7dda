import { GraphQLError } from 'graphql';

import { ApiErrorCode, apiError } from '../common/api-error';

/**
 * Refusals made before execution, on either transport. They carry a contract code, and an
 * `http` extension that the HTTP adapter turns into a status and headers (it never reaches a
 * client: formatApiError drops it).
 */
export const refusal = {
  badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
    return apiError(ApiErrorCode.BadUserInput, message, { ...extensions, http: { status: 400 } });
  },
  unauthenticated(message: string): GraphQLError {
    return apiError(ApiErrorCode.Unauthenticated, message, { http: { status: 401 } });
  },
  rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
    return apiError(ApiErrorCode.RateLimited, message, {
      retryAfterSeconds,
      // Apollo copies these headers onto the response: a 429 tells the client when to retry.
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  },
};

/** Whether `error` is a refusal made here (or elsewhere) with a contract code already set. */
export function hasContractCode(error: GraphQLError): boolean {
  return Object.values(ApiErrorCode).includes(error.extensions['code'] as ApiErrorCode);
}

/**
 * graphql-js reports parse, validation and variable-coercion errors as bare GraphQLErrors. Tag
 * them with a request code so the one formatter maps them to BAD_USER_INPUT on both transports.
 */
export function withRequestCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions['code'] !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** Errors about the request itself: not raised by a resolver (those have a path) nor unexpected. */
export function isRequestError(error: GraphQLError): boolean {
  return error.path === undefined && (error.originalError === undefined || error.originalError instanceof GraphQLError);
}

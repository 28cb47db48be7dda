import type { CombinedError } from '@urql/core';

import { closeCodeOf, FATAL_CLOSE_CODES } from './close-codes';
import { readableFieldMessage } from './field-labels';

/** A GraphQL error as the API sends it: a contract code in extensions.code, maybe a field. */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly extensions?: { readonly code?: unknown; readonly field?: unknown; readonly retryAfterSeconds?: unknown } | undefined;
}

/** Codes the contract promises, plus the client's own for failures that never reached GraphQL. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR';

const ERROR_CODES: Readonly<Record<ErrorCode, true>> = {
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  BAD_USER_INPUT: true,
  CONFLICT: true,
  RATE_LIMITED: true,
  INTERNAL_SERVER_ERROR: true,
  NETWORK_ERROR: true,
};

/** One failed operation: the first error's code and message, and every field-level message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * BAD_USER_INPUT messages by `extensions.field` (e.g. title, topics, maxSpeakers), each naming
     * the field by its label ({@link readableFieldMessage}).
     */
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    /** RATE_LIMITED: seconds until a retry may succeed, when the server says. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromGraphQLErrors(errors: readonly GraphQLErrorPayload[]): ApiError {
    const first = errors[0];
    const fieldErrors: Record<string, string> = {};
    const readable = (error: GraphQLErrorPayload): string => {
      const field = error.extensions?.field;
      return typeof field === 'string' ? readableFieldMessage(field, error.message) : error.message;
    };
    for (const error of errors) {
      const field = error.extensions?.field;
      if (typeof field === 'string' && !(field in fieldErrors)) fieldErrors[field] = readable(error);
    }
    const retryAfter = first?.extensions?.retryAfterSeconds;
    return new ApiError(codeOf(first?.extensions?.code), first ? readable(first) : 'The request failed', fieldErrors, typeof retryAfter === 'number' ? retryAfter : null);
  }

  static network(detail: string): ApiError {
    return new ApiError('NETWORK_ERROR', detail);
  }
}

function codeOf(code: unknown): ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code) ? (code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
}

/** urql's error: GraphQL errors from the API, or a network error (HTTP failure, or a WebSocket close). */
export function errorFromCombined(error: CombinedError): ApiError {
  if (error.graphQLErrors.length > 0) return ApiError.fromGraphQLErrors(error.graphQLErrors);
  const closeCode = closeCodeOf(error.networkError);
  if (closeCode !== null && FATAL_CLOSE_CODES.has(closeCode)) return new ApiError('UNAUTHENTICATED', 'The live connection refused your token');
  return ApiError.network(error.networkError?.message ?? 'the request failed');
}

/** What a person reads for each code: plain words, never the code itself. */
export const ERROR_TITLES: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Your sign-in has expired or was not accepted. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That no longer exists, or you may not see it.',
  BAD_USER_INPUT: 'Please check what you entered.',
  CONFLICT: 'The room has changed and does not allow that right now.',
  RATE_LIMITED: 'You are going a little fast. Please wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
  NETWORK_ERROR: 'Roundtable cannot be reached. Check your connection.',
};

export interface ErrorToast {
  /** Kept for tests and styling (a data attribute); never shown. */
  readonly code: ErrorCode;
  readonly title: string;
  /** The server's own sentence when it helps (what was wrong, what conflicted); otherwise empty. */
  readonly detail: string;
}

/** Codes whose server message is a sentence written for people (field and state problems). */
const SHOWS_SERVER_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/** A readable message for anything thrown while talking to the API. */
export function toastForError(error: unknown): ErrorToast {
  if (error instanceof ApiError) {
    const detail = SHOWS_SERVER_MESSAGE.has(error.code) && error.message !== ERROR_TITLES[error.code] ? error.message : '';
    const wait = error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== null ? `Try again in ${Math.ceil(error.retryAfterSeconds)} s.` : '';
    return { code: error.code, title: ERROR_TITLES[error.code], detail: detail || wait };
  }
  return { code: 'INTERNAL_SERVER_ERROR', title: ERROR_TITLES.INTERNAL_SERVER_ERROR, detail: '' };
}

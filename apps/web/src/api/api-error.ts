/** A GraphQL error as the API sends it: a contract code in extensions.code, maybe a field. */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly extensions?: { readonly code?: unknown; readonly field?: unknown; readonly retryAfterSeconds?: unknown };
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

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK_ERROR',
]);

/** One failed operation: the first error's code and message, and every field-level message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** BAD_USER_INPUT messages by `extensions.field` (e.g. title, topics, maxSpeakers). */
    readonly fieldErrors: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromGraphQLErrors(errors: readonly GraphQLErrorPayload[]): ApiError {
    const first = errors[0];
    const fieldErrors: Record<string, string> = {};
    for (const error of errors) {
      const field = error.extensions?.field;
      if (typeof field === 'string' && !(field in fieldErrors)) fieldErrors[field] = error.message;
    }
    return new ApiError(codeOf(first?.extensions?.code), first?.message ?? 'The request failed', fieldErrors);
  }

  static network(detail: string): ApiError {
    return new ApiError('NETWORK_ERROR', `Cannot reach the Roundtable API (${detail})`);
  }
}

function codeOf(code: unknown): ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : 'INTERNAL_SERVER_ERROR';
}

const HINTS: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Your token was refused. Sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That no longer exists, or you may not see it.',
  BAD_USER_INPUT: 'Check what you entered.',
  CONFLICT: 'The room changed and does not allow that now.',
  RATE_LIMITED: 'Slow down a little.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server.',
  NETWORK_ERROR: 'Check your connection.',
};

export interface ErrorToast {
  readonly code: ErrorCode;
  readonly title: string;
  readonly message: string;
}

/** A readable toast for anything thrown while talking to the API. */
export function toastForError(error: unknown): ErrorToast {
  if (error instanceof ApiError) {
    return { code: error.code, title: HINTS[error.code], message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL_SERVER_ERROR', title: HINTS.INTERNAL_SERVER_ERROR, message };
}

/** graphql-ws reports failures as GraphQL error arrays, CloseEvents or Errors. */
export function errorFromSubscription(failure: unknown): ApiError {
  if (Array.isArray(failure)) return ApiError.fromGraphQLErrors(failure as GraphQLErrorPayload[]);
  if (failure instanceof ApiError) return failure;
  if (typeof failure === 'object' && failure !== null && 'code' in failure && typeof failure.code === 'number') {
    const reason = 'reason' in failure && typeof failure.reason === 'string' ? failure.reason : '';
    if (failure.code === 4401 || failure.code === 4403) return new ApiError('UNAUTHENTICATED', reason || 'The live connection was refused');
    return ApiError.network(`live connection closed with code ${failure.code}${reason ? `: ${reason}` : ''}`);
  }
  return ApiError.network(failure instanceof Error ? failure.message : 'live connection failed');
}

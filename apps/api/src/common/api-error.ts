import { DomainError, DomainErrorCode } from '@roundtable/domain';
import { ModerationError, ModerationErrorCode } from '@roundtable/moderation';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { PUBSUB_RETRY_AFTER_SECONDS, PubSubUnavailableError } from '../events/event-bus';

/** The contract's `extensions.code` values, plus the masked code for unexpected failures. */
export enum ApiErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

const CONTRACT_CODES: ReadonlySet<string> = new Set(Object.values(ApiErrorCode));

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

/** The single, exhaustive mapping from room-rule failures to contract codes. */
export function apiCodeForDomainError(code: DomainErrorCode): ApiErrorCode {
  switch (code) {
    case DomainErrorCode.InvalidInput:
      return ApiErrorCode.BadUserInput;
    case DomainErrorCode.RoomNotFound:
    case DomainErrorCode.ProfileNotFound:
    case DomainErrorCode.GroupNotFound:
    case DomainErrorCode.NotFound:
      return ApiErrorCode.NotFound;
    case DomainErrorCode.Unauthenticated:
      return ApiErrorCode.Unauthenticated;
    case DomainErrorCode.NotAllowed:
    case DomainErrorCode.NotInvited:
      return ApiErrorCode.Forbidden;
    case DomainErrorCode.Banned:
    case DomainErrorCode.RoomNotLive:
    case DomainErrorCode.RoomEnded:
    case DomainErrorCode.RoomAlreadyLive:
    case DomainErrorCode.StageFull:
    case DomainErrorCode.AlreadyOnStage:
    case DomainErrorCode.NotOnStage:
    case DomainErrorCode.NotAParticipant:
    case DomainErrorCode.HandAlreadyRaised:
    case DomainErrorCode.NoPendingInvitation:
    case DomainErrorCode.AlreadyInvited:
    case DomainErrorCode.HostIsProtected:
    case DomainErrorCode.JoinRequestAlreadyDecided:
    case DomainErrorCode.QuestionStateConflict:
    case DomainErrorCode.QuestionLimitReached:
    case DomainErrorCode.ChatClosed:
    case DomainErrorCode.NotFollowing:
      return ApiErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

/** The single, exhaustive mapping from trust-and-safety failures to contract codes (issue 8). */
export function apiCodeForModerationError(code: ModerationErrorCode): ApiErrorCode {
  switch (code) {
    case ModerationErrorCode.InvalidInput:
    case ModerationErrorCode.TextRefused:
      return ApiErrorCode.BadUserInput;
    case ModerationErrorCode.NotInRoom:
    case ModerationErrorCode.NotStaff:
    case ModerationErrorCode.StaffPowersSuspended:
    case ModerationErrorCode.OwnCase:
      return ApiErrorCode.Forbidden;
    case ModerationErrorCode.DuplicateOpenReport:
    case ModerationErrorCode.ReportAlreadyResolved:
    case ModerationErrorCode.AppealAlreadyFiled:
    case ModerationErrorCode.NoOpenAppeal:
      return ApiErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

export function apiError(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/*
 * Service-side helpers. They build domain errors, not GraphQLErrors, so services have one error
 * channel and the mapping above is the only place that chooses a contract code.
 */
export const unauthenticated = (message?: string): DomainError => DomainError.unauthenticated(message);
export const badInput = (field: string, message: string): DomainError => DomainError.invalidInput(field, message);
export const notFound = (what: string): DomainError => DomainError.notFound(what);

function domainToGraphQL(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { reason: error.code };
  if (error.field) extensions['field'] = error.field;
  return apiError(apiCodeForDomainError(error.code), error.message, extensions);
}

function moderationToGraphQL(error: ModerationError): GraphQLError {
  const extensions: Record<string, unknown> = { reason: error.code };
  if (error.field) extensions['field'] = error.field;
  return apiError(apiCodeForModerationError(error.code), error.message, extensions);
}

/**
 * Live updates are down for a while (Redis unreachable). The contract has no code for a temporary
 * outage; RATE_LIMITED is its one "retry after `retryAfterSeconds`" answer (as when the rate-limit
 * store cannot be reached), and `reason` tells the two apart.
 */
function pubSubUnavailableToGraphQL(): GraphQLError {
  return apiError(ApiErrorCode.RateLimited, `Live updates are unavailable for a moment: try again in ${PUBSUB_RETRY_AFTER_SECONDS} s`, {
    reason: 'PUBSUB_UNAVAILABLE',
    retryAfterSeconds: PUBSUB_RETRY_AFTER_SECONDS,
  });
}

/** Turns anything thrown in a resolver into a contract error; unknown errors are masked. */
export function toApiError(error: unknown): GraphQLError | null {
  if (error instanceof DomainError) return domainToGraphQL(error);
  if (error instanceof ModerationError) return moderationToGraphQL(error);
  if (error instanceof PubSubUnavailableError) return pubSubUnavailableToGraphQL();
  if (error instanceof GraphQLError && CONTRACT_CODES.has(String(error.extensions['code']))) return error;
  return null;
}

/** Apollo/graphql-ws codes for requests that never reached a resolver, mapped onto the contract. */
const REQUEST_ERROR_CODES: Record<string, ApiErrorCode> = {
  GRAPHQL_PARSE_FAILED: ApiErrorCode.BadUserInput,
  GRAPHQL_VALIDATION_FAILED: ApiErrorCode.BadUserInput,
  BAD_USER_INPUT: ApiErrorCode.BadUserInput,
  BAD_REQUEST: ApiErrorCode.BadUserInput,
  PERSISTED_QUERY_NOT_FOUND: ApiErrorCode.BadUserInput,
  PERSISTED_QUERY_NOT_SUPPORTED: ApiErrorCode.BadUserInput,
  OPERATION_RESOLUTION_FAILURE: ApiErrorCode.BadUserInput,
};

/**
 * The last step before an error leaves the server (HTTP and WebSocket): keeps contract errors,
 * maps request errors, and masks everything else so no stack trace or SQL reaches a client.
 */
export function formatApiError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const mapped = toApiError(original) ?? toApiError(error);
  if (mapped) {
    // `http` tells Apollo which status to send; it is not for clients.
    const { http: _http, ...extensions } = mapped.extensions;
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = String(formatted.extensions?.['code'] ?? '');
  const requestCode = REQUEST_ERROR_CODES[code];
  if (requestCode) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: requestCode, ...(code !== requestCode ? { reason: code } : {}) },
    };
  }
  logUnexpected(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ApiErrorCode.Internal } };
}

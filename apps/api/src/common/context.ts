import type { ExecutionResult } from 'graphql';
import { DomainError, type ParticipantRole } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import type { Services } from '../server/services';
import type { RequestScope } from './request-scope';

/** What every resolver receives, over HTTP and over WebSocket. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly viewer: AuthenticatedViewer | null;
  /** The client's address (per-IP budgets for anonymous traffic); null when unknown. */
  readonly clientIp: string | null;
  readonly services: Services;
  /** Replaced for every subscription event so each event reads through a fresh EntityManager. */
  scope: RequestScope;
  /** Replaces `scope` with a fresh one; call it as a method (`context.renewScope()`). */
  renewScope(this: GraphQLContext): void;
  /**
   * The viewer's role in the room an event is about, when the subscription fan-out already knows
   * it (`undefined`: look it up). Lets one execution serve every viewer of the same class.
   */
  readonly roomRoleHint?: ParticipantRole | null;
  /** Aborts when the transport goes away (socket closed); long-lived work stops with it. */
  readonly signal?: AbortSignal;
  /**
   * Where the request came from, as an opaque key (e.g. a keyed hash of the client's /24 or /48
   * network), so many accounts from one place count as one reporter for the automatic mute.
   * Set by the request admission (HTTP and WebSocket); absent: every account counts on its own.
   */
  readonly sourceKey?: string | null;
  /**
   * Set for subscription operations over WebSocket: writes this operation's graphql-ws `next`
   * messages directly, so the subscription fan-out serialises a shared result once for every
   * subscriber of its class.
   */
  readonly nextFrames?: NextFrameSender;
}

export function requireViewer(context: GraphQLContext): AuthenticatedViewer {
  if (!context.viewer) throw DomainError.unauthenticated();
  return context.viewer;
}

/**
 * Writes graphql-ws `next` messages (`{"id":…,"type":"next","payload":…}`) for one operation,
 * byte for byte what graphql-ws itself would send. Each returns false, sending nothing, when the
 * operation or socket is gone or the socket was just closed as too slow (4441).
 */
export interface NextFrameSender {
  /** A payload (`{"data":…}`, no errors) that is already serialised JSON. */
  json(payloadJson: string): boolean;
  /**
   * The same, already encoded as UTF-8: what a fan-out class hands every subscriber, so the
   * payload is encoded once per class, and per subscriber only the operation's few bytes around
   * it are added (one buffer copy, no string building or encoding).
   */
  bytes(payloadUtf8: Buffer): boolean;
  /** Any result, formatted as graphql-ws's `onNext` hook formats it (errors masked and coded). */
  result(result: ExecutionResult): boolean;
}

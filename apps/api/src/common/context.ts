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
}

export function requireViewer(context: GraphQLContext): AuthenticatedViewer {
  if (!context.viewer) throw DomainError.unauthenticated();
  return context.viewer;
}

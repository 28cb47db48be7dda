import type { AuthenticatedViewer } from '../auth/authenticator';
import type { Services } from '../server/services';
import { unauthenticated } from './api-error';
import type { RequestScope } from './request-scope';

/** What every resolver receives, over HTTP and over WebSocket. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly viewer: AuthenticatedViewer | null;
  readonly services: Services;
  /** Replaced for every subscription event so each event reads through a fresh EntityManager. */
  scope: RequestScope;
  renewScope(): void;
  /** Aborts when the transport goes away (socket closed); long-lived work stops with it. */
  readonly signal?: AbortSignal;
}

export function requireViewer(context: GraphQLContext): AuthenticatedViewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

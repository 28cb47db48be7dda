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
  /**
   * Where the request came from, as an opaque key (e.g. a keyed hash of the client's /24 or /48
   * network), so many accounts from one place count as one reporter for the automatic mute.
   * Set by the request admission (HTTP and WebSocket); absent: every account counts on its own.
   */
  readonly sourceKey?: string | null;
}

export function requireViewer(context: GraphQLContext): AuthenticatedViewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

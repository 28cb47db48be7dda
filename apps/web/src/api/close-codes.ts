import { CloseCode } from 'graphql-ws';

/**
 * WebSocket close codes after which reconnecting cannot help: the token was refused. graphql-ws's
 * own enum, which the API's WsCloseCode mirrors (4401 Unauthorized, 4403 Forbidden).
 */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set<number>([CloseCode.Unauthorized, CloseCode.Forbidden]);

/** The close code of a CloseEvent-like failure, or null for anything else. */
export function closeCodeOf(failure: unknown): number | null {
  return typeof failure === 'object' && failure !== null && 'code' in failure && typeof failure.code === 'number' ? failure.code : null;
}

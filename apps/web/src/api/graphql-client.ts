import { Client as UrqlClient, type CombinedError, fetchExchange, subscriptionExchange, type TypedDocumentNode } from '@urql/core';
import { type Client as WsClient, createClient as createWsClient } from 'graphql-ws';

import { ApiError, errorFromCombined } from './api-error';
import { closeCodeOf, FATAL_CLOSE_CODES } from './close-codes';

export const GRAPHQL_PATH = '/graphql';

/**
 * The live connection as the page should show it:
 * - `idle`: no subscription needs the socket;
 * - `connecting` / `live`: opening, or open and acknowledged;
 * - `reconnecting`: the socket dropped and graphql-ws is retrying with backoff;
 * - `refused`: the server refused the token (no retry);
 * - `offline`: an HTTP request could not reach the API (cleared by the next one that does).
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'refused' | 'offline';

/** Capped exponential backoff with jitter: 1 s, 2 s, 4 s, ... at most 15 s, plus up to 1 s. */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(1000 * 2 ** retries, 15_000) + Math.floor(random() * 1000);
}

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  error(error: ApiError): void;
  complete(): void;
}

/** How {@link ApiClient.mutate} sends a mutation. */
export interface MutateOptions {
  /**
   * Over the graphql-ws socket when it is live (open and acknowledged), else over HTTP: for a
   * room's frequent small mutations (a chat message, a reaction, a join), whose page already holds
   * the socket, so that each costs the API no HTTP request. A mutation sent this way is never sent
   * twice: if the socket drops before its answer, it fails with NETWORK_ERROR (it may or may
   * not have been done) instead of being re-sent by graphql-ws's reconnect.
   */
  readonly overLiveSocket?: boolean;
}

/** What a socket mutation fails with when the socket drops before its answer. */
export const SOCKET_MUTATION_DROPPED = 'the live connection dropped before the answer came: it may or may not have been done';

/**
 * One signed-in session's GraphQL client: urql over HTTP for queries and mutations (a room's chat,
 * reactions and joins over the live socket: {@link MutateOptions}), graphql-ws for subscriptions
 * (resubscribing after a dropped connection, with backoff), and the connection state for the
 * page's indicator.
 */
export class ApiClient {
  private readonly urql: UrqlClient;
  private readonly ws: WsClient;
  private state: ConnectionState = 'idle';
  private httpOffline = false;
  private readonly listeners = new Set<() => void>();
  private activeSubscriptions = 0;
  /** Socket mutations awaiting their answer: each fails when the socket closes. */
  private readonly socketMutations = new Set<() => void>();

  /**
   * @param origin the API's origin: the page's own (the API serves this client), or a test server.
   * @param webSocketImpl for Node (tests); browsers use their own WebSocket.
   */
  constructor(token: string, origin: { protocol: string; host: string } = window.location, webSocketImpl?: unknown) {
    const wsProtocol = origin.protocol === 'https:' ? 'wss:' : 'ws:';
    const httpOrigin = typeof window === 'undefined' ? `${origin.protocol}//${origin.host}` : '';
    this.ws = createWsClient({
      url: `${wsProtocol}//${origin.host}${GRAPHQL_PATH}`,
      webSocketImpl,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      // Keep retrying while the page is open: the indicator says so, and a replay from
      // sinceVersion fills in whatever happened meanwhile.
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
      shouldRetry: (failure) => {
        const code = closeCodeOf(failure);
        return code === null || !FATAL_CLOSE_CODES.has(code);
      },
      keepAlive: 10_000,
    });
    this.ws.on('connecting', () => this.setState(this.state === 'idle' || this.state === 'connecting' ? 'connecting' : 'reconnecting'));
    this.ws.on('connected', () => {
      // The socket reached the API: it is reachable again, whatever an HTTP request that failed
      // during the outage said (it may have answered after the socket came back).
      const wasOffline = this.httpOffline;
      this.httpOffline = false;
      if (this.state === 'live' && wasOffline) this.notify();
      this.setState('live');
    });
    this.ws.on('closed', (event) => {
      for (const drop of [...this.socketMutations]) drop();
      const code = closeCodeOf(event);
      if (code !== null && FATAL_CLOSE_CODES.has(code)) this.setState('refused');
      else if (this.activeSubscriptions > 0) this.setState('reconnecting');
      else this.setState('idle');
    });
    this.urql = new UrqlClient({
      url: `${httpOrigin}${GRAPHQL_PATH}`,
      fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
      // No document cache: the room page keeps its own state from events, and every read is fresh.
      requestPolicy: 'network-only',
      // POST always: Apollo Server's CSRF prevention refuses simple GET requests.
      preferGetMethod: false,
      // The socket's exchange first: it takes subscriptions and the mutations sent over the live
      // socket, and passes everything else on to HTTP.
      exchanges: [
        subscriptionExchange({
          isSubscriptionOperation: (operation) => operation.kind === 'subscription' || (operation.kind === 'mutation' && operation.context['overSocket'] === true),
          // urql's results carry no "stream ended"; the operation's context brings a callback for it.
          forwardSubscription: (request, operation) => ({
            subscribe: (sink) => {
              const onStreamEnd: unknown = operation.context['onStreamEnd'];
              let drop: (() => void) | null = null;
              const release = () => {
                if (drop) this.socketMutations.delete(drop);
              };
              const unsubscribe = this.ws.subscribe(
                { ...request, query: request.query ?? '' },
                {
                  next: (value) => sink.next(value as Parameters<typeof sink.next>[0]),
                  error: (error) => {
                    release();
                    sink.error(error);
                  },
                  complete: () => {
                    release();
                    if (typeof onStreamEnd === 'function') onStreamEnd();
                    sink.complete();
                  },
                },
              );
              if (operation.kind === 'mutation') {
                drop = () => {
                  release();
                  // Unsubscribed while the socket is closed: graphql-ws will not send it again.
                  unsubscribe();
                  sink.error(new Error(SOCKET_MUTATION_DROPPED));
                };
                this.socketMutations.add(drop);
              }
              return {
                unsubscribe: () => {
                  release();
                  unsubscribe();
                },
              };
            },
          }),
        }),
        fetchExchange,
      ],
    });
  }

  /** A query over HTTP; throws ApiError. */
  async query<Data, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
    return this.settle(await this.urql.query(document, variables).toPromise());
  }

  /**
   * A mutation, over HTTP (or over the live socket: {@link MutateOptions}); throws ApiError (a
   * refused mutation changed nothing; NETWORK_ERROR: it may not have reached the API).
   */
  async mutate<Data, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
    options: MutateOptions = {},
  ): Promise<Data> {
    const overSocket = options.overLiveSocket === true && this.state === 'live';
    return this.settle(await this.urql.mutation(document, variables, overSocket ? { overSocket: true } : undefined).toPromise());
  }

  /** A subscription over graphql-ws; returns the function that ends it. */
  subscribe<Data, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
    handlers: SubscriptionHandlers<Data>,
  ): () => void {
    this.activeSubscriptions += 1;
    let active = true;
    const end = () => {
      if (!active) return;
      active = false;
      this.activeSubscriptions -= 1;
    };
    const onStreamEnd = () => {
      if (!active) return;
      end();
      handlers.complete();
    };
    const subscription = this.urql.subscription(document, variables, { onStreamEnd }).subscribe((result) => {
      if (!active) return;
      if (result.error) {
        end();
        handlers.error(errorFromCombined(result.error));
      } else if (result.data) handlers.next(result.data);
    });
    return () => {
      end();
      subscription.unsubscribe();
    };
  }

  connectionState(): ConnectionState {
    return this.httpOffline && this.state !== 'refused' ? 'offline' : this.state;
  }

  onConnectionStateChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    // graphql-ws rejects dispose() with the CloseEvent when the socket was still failing to
    // connect; there is nothing left to close then.
    Promise.resolve(this.ws.dispose()).catch(() => undefined);
    this.listeners.clear();
  }

  private settle<Data>(result: { data?: Data | undefined; error?: CombinedError | undefined }): Data {
    // A network failure while the socket is connected is a lost request, not a lost API.
    const offline = Boolean(result.error?.networkError) && !result.error?.response && this.state !== 'live';
    if (offline !== this.httpOffline) {
      this.httpOffline = offline;
      this.notify();
    }
    if (result.error) throw errorFromCombined(result.error);
    if (result.data === undefined || result.data === null) throw ApiError.network('the API answered without data');
    return result.data;
  }

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * A query readable without signing in (e.g. `rankingTransparency`), over HTTP with no
 * Authorization header; throws ApiError.
 */
export async function publicQuery<Data, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
  const client = new UrqlClient({ url: GRAPHQL_PATH, requestPolicy: 'network-only', preferGetMethod: false, exchanges: [fetchExchange] });
  const result = await client.query(document, variables).toPromise();
  if (result.error) throw errorFromCombined(result.error);
  if (result.data === undefined || result.data === null) throw ApiError.network('the API answered without data');
  return result.data;
}

/**
 * Messages between a benchmark (the parent) and its load generator (a child process pinned to its
 * own core). Every request carries an id; the child answers with the same id.
 */

/** N graphql-ws clients (the real `graphql-ws` client over `ws`), one viewer each, one subscription each. */
export interface SubscribeGraphQLCommand {
  readonly type: 'subscribe-graphql';
  readonly wsUrl: string;
  readonly jwtSecret: string;
  /** Viewer ids are `${viewerPrefix}${index}`. */
  readonly viewerPrefix: string;
  readonly count: number;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly concurrency: number;
  readonly timeoutMs: number;
}

/** N plain `ws` clients of the raw broadcast server. */
export interface ConnectRawCommand {
  readonly type: 'connect-raw';
  readonly wsUrl: string;
  readonly count: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
}

/** What starts one event: a GraphQL mutation (answering with the new room version) or a raw broadcast. */
export type FanoutTrigger =
  | {
      readonly kind: 'graphql';
      readonly httpUrl: string;
      readonly token: string;
      /** Used in turn; each must select the room's `version` at `data.<field>.room.version`. */
      readonly mutations: readonly { readonly query: string; readonly field: string }[];
      readonly variables: Record<string, unknown>;
    }
  | { readonly kind: 'raw'; readonly broadcastUrl: string };

export interface FanoutCommand {
  readonly type: 'fanout';
  readonly trigger: FanoutTrigger;
  /** Untimed events first: until one reaches every subscriber (at most 10), then this many more. */
  readonly warmups: number;
  readonly events: number;
  readonly timeoutMs: number;
}

export interface FanoutResult {
  /** Trigger start to the last subscriber's delivery, one per event that reached everyone. */
  readonly latenciesMs: number[];
  /** Trigger start to the first delivery. */
  readonly firstDeliveryMs: number[];
  /** Trigger start to the mutation's HTTP response (graphql) or the broadcast's response (raw). */
  readonly triggerMs: number[];
  /** Events that did not reach every subscriber within timeoutMs. */
  readonly incompleteEvents: number;
  /** One delivered message, re-serialised as the server sends it (graphql-ws `next` frame). */
  readonly sampleFrame: string;
}

export interface JoinStormCommand {
  readonly type: 'join-storm';
  readonly httpUrl: string;
  readonly jwtSecret: string;
  readonly roomId: string;
  readonly viewerPrefix: string;
  readonly joins: number;
  readonly joinsPerSecond: number;
  /** Hard stop for the storm, including waiting for answers. */
  readonly maxSeconds: number;
  /** Messages are counted until the subscribers have been quiet this long (coalesced and lagging deliveries included). */
  readonly settleMs: number;
}

export interface JoinStormResult {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly firstError: string | null;
  readonly latenciesMs: number[];
  /** From the first join sent to the last answer. */
  readonly stormSeconds: number;
  /** From the first join sent to the last message received: the window messages are counted in. */
  readonly windowSeconds: number;
  /** How long after the last answer the last message arrived. */
  readonly deliveryLagSeconds: number;
  /** Counting stopped at the hard stop while messages were still arriving. */
  readonly cutOff: boolean;
  readonly subscribers: number;
  /** Messages each subscriber got in the window, one entry per subscriber. */
  readonly messagesPerSubscriber: number[];
  readonly messageTypes: Record<string, number>;
}

export interface SignInCommand {
  readonly type: 'sign-in';
  readonly httpUrl: string;
  readonly jwtSecret: string;
  readonly viewerPrefix: string;
  readonly count: number;
  readonly concurrency: number;
}

export interface AutocannonCommand {
  readonly type: 'autocannon';
  readonly url: string;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly connections: number;
  readonly durationSeconds: number;
  /** The one correct answer: any other body counts as a mismatch. */
  readonly expectBody: string;
}

export interface AutocannonSummary {
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly mismatches: number;
}

export interface CloseCommand {
  readonly type: 'close';
}

export type LoadCommand = SubscribeGraphQLCommand | ConnectRawCommand | FanoutCommand | JoinStormCommand | SignInCommand | AutocannonCommand | CloseCommand;

export interface ConnectResult {
  readonly connected: number;
  readonly failed: number;
  readonly seconds: number;
  readonly firstError: string | null;
}

export interface LoadRequest {
  readonly id: number;
  readonly command: LoadCommand;
}

export type LoadResponse = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: string };

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

/**
 * N `roomConversation` subscribers, one viewer each, on a lean graphql-transport-ws client of
 * the bench's own over `ws` (the same protocol, one operation per socket): a frame another
 * subscriber already received (one class of one tick) is recognised by its bytes and not decoded
 * or parsed again (`frame-contents.ts`), so 10,000 subscribers of ~10 KB ticks do not saturate the
 * load generator's core.
 */
export interface SubscribeConversationCommand {
  readonly type: 'subscribe-conversation';
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
  /**
   * How clients parse frames: `each` (default, as a graphql-ws client does) or
   * `once-per-content` (as bench:conversation's subscribers do: a frame seen before is recognised
   * by its bytes and not decoded or parsed again).
   */
  readonly parse?: 'each' | 'once-per-content';
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
  /**
   * `socket`: each joiner sends `joinRoom` on its graphql-ws socket, opened before the storm by
   * {@link SignInCommand.openSocketsAt} (a scheduled room's page watched while waiting for the
   * start), as the web client does once its socket is live; `http`: one POST each.
   */
  readonly transport: MutationTransport;
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
  /**
   * Then opens each joiner's graphql-ws socket here and keeps it open (signed in, subscribed to
   * nothing) for a join storm over the socket transport; null: none.
   */
  readonly openSocketsAt: string | null;
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

/** A writer of the stage: profile id and bearer token. */
export interface StageWriter {
  readonly id: string;
  readonly token: string;
}

/**
 * Sends one stage message at a time until every `roomConversation` subscriber has had a tick (at
 * most 10), so every subscription is live before the load starts; then forgets what it counted.
 */
export interface ConversationWarmupCommand {
  readonly type: 'conversation-warmup';
  readonly httpUrl: string;
  readonly roomId: string;
  readonly writer: StageWriter;
  readonly timeoutMs: number;
}

/**
 * bench:conversation's load, sent from the load generator open loop (three loops at once), while
 * every `roomConversation` subscriber's ticks are counted: listeners' messages from `senders`
 * (subscribers in the room, in turn; one in `mentionEvery` mentions the next sender with
 * `@<profile id>`), the stage's messages from `stage` in turn, and reactions from `senders` in turn.
 */
/**
 * How the load's mutations travel: `socket`, over each sender's own graphql-ws socket (the one its
 * `roomConversation` subscription runs on; the stage's writers open one each), as the web client
 * sends a room's chat and reactions; `http`, one POST each.
 */
export type MutationTransport = 'socket' | 'http';

export interface ConversationLoadCommand {
  readonly type: 'conversation-load';
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly transport: MutationTransport;
  readonly roomId: string;
  readonly seconds: number;
  readonly listenerMessagesPerSecond: number;
  readonly stageMessagesPerSecond: number;
  readonly reactionsPerSecond: number;
  /** Subscriber indexes (viewer `${viewerPrefix}${index}`) who joined the room and write and react. */
  readonly senders: readonly number[];
  readonly viewerPrefix: string;
  readonly jwtSecret: string;
  readonly stage: readonly StageWriter[];
  /** One listener message in this many mentions another sender (0: none). */
  readonly mentionEvery: number;
  /** After the last answer: how long to wait for the last ticks to arrive. */
  readonly settleMs: number;
  /** Then: how long to count frames that must not come (nothing happened). */
  readonly quietMs: number;
}

/** Sends and answers of one of the load's loops. */
export interface ConversationSendCounts {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  /** From each send's scheduled time to its answer. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface ConversationLoadResult {
  readonly subscribers: number;
  /** From the first send to the last answer. */
  readonly loadSeconds: number;
  /** From the first send to the end of the settle time (the last ticks delivered). */
  readonly windowSeconds: number;
  readonly listener: ConversationSendCounts;
  readonly stage: ConversationSendCounts;
  /** `react` answers: `dropped` of the succeeded ones answered false (over the reaction rate). */
  readonly reactions: ConversationSendCounts & { readonly dropped: number };
  readonly firstError: string | null;
  /** Distinct ticks (`at` values) any subscriber received. */
  readonly ticks: number;
  /** From the first tick's `at` to the last's. */
  readonly tickSpanSeconds: number;
  /** Per tick: from its `at` (the tick's start, the server's clock) to its last delivery; and to its first. */
  readonly tickLastMs: number[];
  readonly tickFirstMs: number[];
  /** Per tick: how many subscribers received it. */
  readonly tickReach: number[];
  /** Frames per subscriber over the window: lowest, mean, highest. */
  readonly framesPerSubscriber: { readonly min: number; readonly mean: number; readonly max: number };
  /** Frames that repeated a tick its subscriber already had (two frames in one tick): must be 0. */
  readonly repeatedTicks: number;
  /** Frames that arrived during the quiet time, when nothing happened: must be 0. */
  readonly framesWhileQuiet: number;
  /** Stage messages answered: how many reached every subscriber, and the deliveries missing from the others. */
  readonly stageMessages: { readonly answered: number; readonly reachedEveryone: number; readonly missingDeliveries: number };
  /** Listener messages answered, and how many of them their author received. */
  readonly ownMessages: { readonly answered: number; readonly received: number };
  /** Answered listener messages that mention a sender, and how many the mentioned sender received. */
  readonly mentions: { readonly answered: number; readonly received: number };
  /** The reactions one non-sending subscriber saw counted in its ticks (every subscriber sees the same counts). */
  readonly reactionsCounted: number;
  /** Per frame: messages, and sampledOut, averaged over every frame. */
  readonly messagesPerFrame: number;
  readonly sampledOutPerFrame: number;
  /** A loaded tick's frame of a subscriber who neither writes nor is mentioned, as the server sends it (graphql-ws `next`). */
  readonly sampleFrame: string;
}

export interface CloseCommand {
  readonly type: 'close';
}

export type LoadCommand =
  | SubscribeGraphQLCommand
  | SubscribeConversationCommand
  | ConnectRawCommand
  | FanoutCommand
  | JoinStormCommand
  | SignInCommand
  | AutocannonCommand
  | ConversationWarmupCommand
  | ConversationLoadCommand
  | CloseCommand;

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

import { performance } from 'node:perf_hooks';

import WebSocket from 'ws';

import { summarise } from '../ranking/stats';
import { forEachLimited, type GraphQLResponse, postGraphQL, signToken } from './graphql-http';
import type {
  ConnectResult,
  ConversationLoadCommand,
  ConversationLoadResult,
  ConversationSendCounts,
  ConversationWarmupCommand,
  StageWriter,
  SubscribeConversationCommand,
} from './load-generator-protocol';
import { FrameContents, frameBuffer } from './frame-contents';
import { type OpenLoopResult, runOpenLoop } from './open-loop';

/**
 * bench:conversation's side of the load generator: `roomConversation` subscribers on a lean
 * graphql-transport-ws client, the counts of their ticks (frames per subscriber, each tick's reach
 * and last delivery, whether every stage message, own message and mention arrived), and the chat load.
 */

/** A tick as the bench's subscription selects it (what the counts read of it). */
interface TickData {
  readonly at: string;
  readonly sampledOut: number;
  readonly messages: readonly { readonly id: string; readonly author: { readonly id: string }; readonly mentions: readonly { readonly id: string }[] }[];
  readonly reactions: readonly { readonly reaction: string; readonly count: number }[];
}

/**
 * One distinct frame payload (one class of one tick), parsed once: what every subscriber that
 * receives it is counted for.
 */
interface TickContent {
  readonly at: string;
  readonly atMs: number;
  readonly messages: number;
  readonly sampledOut: number;
  readonly reactions: number;
  /** Its messages by stage authors. */
  readonly stageIds: readonly string[];
  /** Its other messages' ids, by author and by mentioned profile. */
  readonly byAuthor: ReadonlyMap<string, readonly string[]>;
  readonly byMention: ReadonlyMap<string, readonly string[]>;
  /** Subscribers that received it. */
  receivers: number;
  /** The frame as the server sent it (with the bench client's operation id). */
  readonly frame: string;
}

/** The one operation each lean client runs; the server echoes its id in every frame. */
const OPERATION_ID = '1';
const NEXT_PREFIX = `{"id":"${OPERATION_ID}","type":"next","payload":`;

const SEND_CHAT = 'mutation($r: ID!, $text: String!) { sendChatMessage(roomId: $r, text: $text) { id } }';
const REACT = 'mutation($r: ID!, $reaction: Reaction!) { react(roomId: $r, reaction: $reaction) }';
const REACTIONS = ['CLAP', 'HEART', 'LAUGH', 'INSIGHTFUL', 'PLUS_ONE'] as const;

/** The wall clock with sub-millisecond resolution: ticks carry the server's `at`, on the same machine's clock. */
const wallNow = (): number => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Operations other than the subscription, by id, on one socket: each settles with its one result. */
type PendingOperations = Map<string, (response: GraphQLResponse<unknown>) => void>;

/**
 * Settles a mutation's answer on a lean graphql-transport-ws client: `next` carries its result,
 * `error` its refusal; a `complete` that finds it still pending means no result came.
 */
function settleOperation(pending: PendingOperations, message: { id?: unknown; type?: unknown; payload?: unknown }): boolean {
  if (typeof message.id !== 'string' || message.id === OPERATION_ID) return false;
  const settle = pending.get(message.id);
  if (!settle) return message.type === 'complete';
  pending.delete(message.id);
  if (message.type === 'next') settle(message.payload as GraphQLResponse<unknown>);
  else if (message.type === 'error') settle({ errors: message.payload as GraphQLResponse<unknown>['errors'] });
  else settle({ errors: [{ message: `the operation ended with ${String(message.type)} and no result` }] });
  return true;
}

/** One mutation on an open, acknowledged socket; resolves with its result. */
function mutateOverSocket<T>(socket: WebSocket, pending: PendingOperations, id: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return new Promise((done) => {
    if (socket.readyState !== WebSocket.OPEN) {
      done({ errors: [{ message: `the socket is not open (readyState ${socket.readyState})` }] });
      return;
    }
    pending.set(id, done as (response: GraphQLResponse<unknown>) => void);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  });
}

/** A frame on a lean socket: its text, and its graphql-transport-ws message. */
export type LeanFrameHandler = (text: string, message: { id?: unknown; type?: unknown; payload?: unknown }) => void;

/**
 * A lean graphql-transport-ws socket signed in as `token`'s viewer and acknowledged, subscribed to
 * nothing: pings are answered, every other frame goes to `onFrame` (a stage writer's or a joiner's
 * answers). Rejects with `label` when no connection_ack comes within `timeoutMs`.
 */
export function openSignedInSocket(wsUrl: string, token: string, label: string, timeoutMs: number, onFrame: LeanFrameHandler): Promise<WebSocket> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      fail(new Error(`${label} had no connection_ack within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    socket.on('message', (data: WebSocket.RawData) => {
      const text = frameBuffer(data).toString('utf8');
      const message = JSON.parse(text) as { id?: unknown; type?: unknown; payload?: unknown };
      if (message.type === 'connection_ack') {
        clearTimeout(timer);
        done(socket);
      } else if (message.type === 'ping') socket.send('{"type":"pong"}');
      else onFrame(text, message);
    });
  });
}

export class ConversationTracker {
  private readonly sockets: WebSocket[] = [];
  /** Each subscriber socket's mutations in flight (bench:conversation's socket transport). */
  private readonly pending: PendingOperations[] = [];
  private readonly writerSockets: WebSocket[] = [];
  private nextOperation = 0;
  private readonly viewerIds: string[] = [];
  private readonly cache = new FrameContents<TickContent | null>();
  private contents: TickContent[] = [];
  private frames: number[] = [];
  private lastAt: (string | undefined)[] = [];
  private byTick = new Map<string, { count: number; first: number; last: number }>();
  private ownReceived = new Set<string>();
  private mentionReceived = new Set<string>();
  private stageAuthors: ReadonlySet<string> = new Set();
  private repeated = 0;
  private quietSince = Number.POSITIVE_INFINITY;
  private framesWhileQuiet = 0;
  private lastFrameAt = 0;
  private frameCount = 0;
  private messageCount = 0;
  private sampledOutSum = 0;
  /** A subscriber who neither writes nor is mentioned: its reactions and its fullest frame are reported. */
  private watchIndex = -1;
  private reactionsCounted = 0;
  private sampleFrame = '';
  private sampleFrameMessages = -1;
  private errors = 0;
  private firstError: string | null = null;
  private waiter: { target: number; done: () => void } | null = null;

  /** Opens `count` subscribers, each its own socket and viewer; resolves once each sent its subscribe. */
  async subscribe(command: SubscribeConversationCommand): Promise<ConnectResult> {
    const started = performance.now();
    let connected = 0;
    let failed = 0;
    const first = this.viewerIds.length;
    const indices = Array.from({ length: command.count }, (_, i) => first + i);
    const subscribe = JSON.stringify({ id: OPERATION_ID, type: 'subscribe', payload: { query: command.query, variables: command.variables } });
    await forEachLimited(indices, command.concurrency, async (index) => {
      const viewerId = `${command.viewerPrefix}${index}`;
      this.viewerIds[index] = viewerId;
      const token = await signToken(command.jwtSecret, viewerId, `Subscriber ${index}`);
      const ok = await new Promise<boolean>((done) => {
        const socket = new WebSocket(command.wsUrl, 'graphql-transport-ws');
        this.sockets[index] = socket;
        const pending: PendingOperations = new Map();
        this.pending[index] = pending;
        const timer = setTimeout(() => {
          this.error(`subscriber ${index}: no connection_ack within ${command.timeoutMs} ms`);
          socket.terminate();
          done(false);
        }, command.timeoutMs);
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
        socket.on('error', (error) => {
          clearTimeout(timer);
          this.error(`subscriber ${index}: ${error.message}`);
          done(false);
        });
        socket.on('close', (code, reason) => {
          clearTimeout(timer);
          if (code !== 1000) this.error(`subscriber ${index}: closed ${code} ${reason.toString()}`);
          done(false);
        });
        socket.on('message', (data: WebSocket.RawData) => {
          const frame = frameBuffer(data);
          // A tick's frame (nearly every frame) is recognised without decoding it.
          const content = this.cache.valueOf(frame, (text) => (text.startsWith(NEXT_PREFIX) ? this.parse(text.slice(NEXT_PREFIX.length, -1), text) : null));
          if (content) {
            this.frame(index, content);
            return;
          }
          const text = frame.toString('utf8');
          const message = JSON.parse(text) as { id?: unknown; type?: string; payload?: unknown };
          if (settleOperation(pending, message)) return;
          if (message.type === 'connection_ack') {
            socket.send(subscribe);
            clearTimeout(timer);
            done(true);
          } else if (message.type === 'ping') socket.send('{"type":"pong"}');
          else if (message.type === 'error' || message.type === 'complete') this.error(`subscriber ${index}: ${text.slice(0, 300)}`);
        });
      });
      if (ok) connected += 1;
      else failed += 1;
    });
    return { connected, failed, seconds: (performance.now() - started) / 1000, firstError: this.firstError };
  }

  private error(text: string): void {
    this.errors += 1;
    this.firstError ??= text;
  }

  private get subscribers(): number {
    return this.sockets.length;
  }

  private frame(index: number, content: TickContent): void {
    const now = wallNow();
    content.receivers += 1;
    this.frames[index] = (this.frames[index] ?? 0) + 1;
    this.lastFrameAt = now;
    this.frameCount += 1;
    this.messageCount += content.messages;
    this.sampledOutSum += content.sampledOut;
    if (content.atMs > this.quietSince) this.framesWhileQuiet += 1;
    if (this.lastAt[index] === content.at) this.repeated += 1;
    this.lastAt[index] = content.at;
    let tick = this.byTick.get(content.at);
    if (!tick) {
      tick = { count: 0, first: now, last: now };
      this.byTick.set(content.at, tick);
    }
    tick.count += 1;
    tick.last = now;
    const viewerId = this.viewerIds[index] as string;
    for (const id of content.byAuthor.get(viewerId) ?? []) this.ownReceived.add(id);
    for (const id of content.byMention.get(viewerId) ?? []) this.mentionReceived.add(id);
    if (index === this.watchIndex) {
      this.reactionsCounted += content.reactions;
      // The fullest frame of a listener: what the raw baseline broadcasts.
      if (content.messages > this.sampleFrameMessages) {
        this.sampleFrameMessages = content.messages;
        this.sampleFrame = content.frame;
      }
    }
    if (this.waiter && this.framedSubscribers() >= this.waiter.target) {
      const { done } = this.waiter;
      this.waiter = null;
      done();
    }
  }

  private parse(payload: string, frame: string): TickContent {
    const result = JSON.parse(payload) as { data?: { roomConversation?: TickData } | null; errors?: unknown };
    const tick = result.data?.roomConversation;
    if (!tick) {
      this.error(`a frame without a tick: ${payload.slice(0, 300)}`);
      return { at: '', atMs: 0, messages: 0, sampledOut: 0, reactions: 0, stageIds: [], byAuthor: new Map(), byMention: new Map(), receivers: 0, frame };
    }
    const stageIds: string[] = [];
    const byAuthor = new Map<string, string[]>();
    const byMention = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, id: string) => {
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    };
    for (const message of tick.messages) {
      if (this.stageAuthors.has(message.author.id)) {
        stageIds.push(message.id);
        continue;
      }
      add(byAuthor, message.author.id, message.id);
      for (const mention of message.mentions) add(byMention, mention.id, message.id);
    }
    const content: TickContent = {
      at: tick.at,
      atMs: Date.parse(tick.at),
      messages: tick.messages.length,
      sampledOut: tick.sampledOut,
      reactions: tick.reactions.reduce((sum, reaction) => sum + reaction.count, 0),
      stageIds,
      byAuthor,
      byMention,
      receivers: 0,
      frame,
    };
    this.contents.push(content);
    return content;
  }

  private framedSubscribers(): number {
    return this.frames.filter((count) => count > 0).length;
  }

  /** Forgets everything counted (the warm-up's frames). */
  private reset(stageAuthors: ReadonlySet<string>, watchIndex: number): void {
    this.cache.clear();
    this.contents = [];
    this.frames = [];
    this.lastAt = [];
    this.byTick = new Map();
    this.ownReceived = new Set();
    this.mentionReceived = new Set();
    this.stageAuthors = stageAuthors;
    this.repeated = 0;
    this.quietSince = Number.POSITIVE_INFINITY;
    this.framesWhileQuiet = 0;
    this.frameCount = 0;
    this.messageCount = 0;
    this.sampledOutSum = 0;
    this.watchIndex = watchIndex;
    this.reactionsCounted = 0;
    this.sampleFrame = '';
    this.sampleFrameMessages = -1;
  }

  /** Resolves true once every subscriber has had a frame, false after `timeoutMs`. */
  private everyoneFramed(timeoutMs: number): Promise<boolean> {
    const target = this.subscribers;
    if (this.framedSubscribers() >= target) return Promise.resolve(true);
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        done(false);
      }, timeoutMs);
      this.waiter = { target, done: () => (clearTimeout(timer), done(true)) };
    });
  }

  async warmup(command: ConversationWarmupCommand): Promise<{ seconds: number; attempts: number }> {
    const started = performance.now();
    this.reset(new Set([command.writer.id]), -1);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await sendChat((query, variables) => postGraphQL(command.httpUrl, query, variables, command.writer.token), command.roomId, `Warm-up ${attempt}: is everyone here?`);
      if (await this.everyoneFramed(command.timeoutMs)) return { seconds: (performance.now() - started) / 1000, attempts: attempt };
    }
    throw new Error(`after 10 warm-up messages, ${this.framedSubscribers()} of ${this.subscribers} subscribers had a tick (${this.errors} errors; first: ${this.firstError})`);
  }

  async load(command: ConversationLoadCommand): Promise<ConversationLoadResult> {
    const senderIds = command.senders.map((index) => `${command.viewerPrefix}${index}`);
    const senderTokens = await Promise.all(senderIds.map((id, i) => signToken(command.jwtSecret, id, `Subscriber ${command.senders[i]}`)));
    const involved = new Set(command.senders);
    // A subscriber who neither writes nor is mentioned (the last one).
    let watchIndex = -1;
    for (let index = this.viewerIds.length - 1; index >= 0 && watchIndex < 0; index -= 1) if (!involved.has(index)) watchIndex = index;
    this.reset(new Set(command.stage.map((writer) => writer.id)), watchIndex);
    const errorsBefore = this.errors;

    let firstError: string | null = null;
    const fail = (message: string): never => {
      firstError ??= message;
      throw new Error(message);
    };
    const ownExpected = new Set<string>();
    const mentionExpected = new Set<string>();
    const stageAnswered = new Set<string>();
    let dropped = 0;
    const count = (perSecond: number) => Math.round(perSecond * command.seconds);
    const started = wallNow();
    const sender = (i: number) => i % senderIds.length;
    const progress = setInterval(() => {
      const answered = ownExpected.size + stageAnswered.size;
      process.stdout.write(`  [load] conversation: ${answered} messages answered, ${this.byTick.size} ticks, ${this.frameCount} frames so far\n`);
    }, 5000);
    // The stage's writers subscribe to nothing here: over the socket transport each opens one for its sends.
    const writerPending: PendingOperations[] = command.stage.map(() => new Map());
    if (command.transport === 'socket') {
      const opened = await Promise.all(command.stage.map((writer, i) => openSignedInSocket(command.wsUrl, writer.token, "a stage writer's socket", 30_000, (_text, message) => settleOperation(writerPending[i] as PendingOperations, message))));
      this.writerSockets.push(...opened);
    }
    const operationId = () => `m${(this.nextOperation += 1)}`;
    /** A sender's mutation, over its subscriber socket or one POST (`command.transport`). */
    const asSender = <T>(author: number, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
      const index = command.senders[author] as number;
      return command.transport === 'socket'
        ? mutateOverSocket<T>(this.sockets[index] as WebSocket, this.pending[index] as PendingOperations, operationId(), query, variables)
        : postGraphQL<T>(command.httpUrl, query, variables, senderTokens[author] as string);
    };
    const asStage = <T>(writer: number, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
      command.transport === 'socket'
        ? mutateOverSocket<T>(this.writerSockets[writer] as WebSocket, writerPending[writer] as PendingOperations, operationId(), query, variables)
        : postGraphQL<T>(command.httpUrl, query, variables, (command.stage[writer] as StageWriter).token);
    const [listener, stage, reactions] = await Promise.all([
      runOpenLoop(Array.from({ length: count(command.listenerMessagesPerSecond) }, (_, i) => i), command.listenerMessagesPerSecond, async (i) => {
        const author = sender(i);
        const mention = command.mentionEvery > 0 && senderIds.length > 1 && i % command.mentionEvery === 0 ? senderIds[(author + 1) % senderIds.length] : null;
        const text = `Listener note ${i} from ${senderIds[author]}${mention ? ` for @${mention}` : ''}: how does this hold at scale?`;
        const id = await sendChat((query, variables) => asSender(author, query, variables), command.roomId, text).catch((error: unknown) => fail(String(error)));
        ownExpected.add(id);
        if (mention) mentionExpected.add(id);
      }),
      runOpenLoop(Array.from({ length: count(command.stageMessagesPerSecond) }, (_, i) => i), command.stageMessagesPerSecond, async (i) => {
        const writer = i % command.stage.length;
        const text = `Stage note ${i}: the answer to the last question, in short.`;
        stageAnswered.add(await sendChat((query, variables) => asStage(writer, query, variables), command.roomId, text).catch((error: unknown) => fail(String(error))));
      }),
      runOpenLoop(Array.from({ length: count(command.reactionsPerSecond) }, (_, i) => i), command.reactionsPerSecond, async (i) => {
        const response = await asSender<{ react: boolean }>(sender(i), REACT, { r: command.roomId, reaction: REACTIONS[i % REACTIONS.length] });
        if (response.errors?.length || response.data?.react === undefined) fail(`react: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
        if (response.data?.react === false) dropped += 1;
      }),
    ]);
    clearInterval(progress);
    for (const socket of this.writerSockets.splice(0)) socket.close(1000);
    const loadSeconds = (wallNow() - started) / 1000;
    // The last ticks: until frames have stopped for `settleMs` (bounded), however far behind the sockets are.
    const settleUntil = wallNow() + 120_000;
    while (wallNow() - Math.max(this.lastFrameAt, started + loadSeconds * 1000) < command.settleMs && wallNow() < settleUntil) await sleep(50);
    const windowSeconds = (wallNow() - started) / 1000;
    // Nothing happens from now on: a tick that starts now is one too many.
    this.quietSince = wallNow();
    await sleep(command.quietMs);

    const subscribers = this.subscribers;
    const stageReach = new Map<string, number>();
    for (const content of this.contents) for (const id of content.stageIds) stageReach.set(id, (stageReach.get(id) ?? 0) + content.receivers);
    let reachedEveryone = 0;
    let missingDeliveries = 0;
    for (const id of stageAnswered) {
      const reach = stageReach.get(id) ?? 0;
      if (reach >= subscribers) reachedEveryone += 1;
      else missingDeliveries += subscribers - reach;
    }
    const frames = Array.from({ length: subscribers }, (_, index) => this.frames[index] ?? 0);
    const ticks = [...this.byTick.entries()];
    return {
      subscribers,
      loadSeconds,
      windowSeconds,
      listener: sendCounts(listener),
      stage: sendCounts(stage),
      reactions: { ...sendCounts(reactions), dropped },
      firstError: firstError ?? (this.errors > errorsBefore ? this.firstError : null),
      ticks: ticks.length,
      tickSpanSeconds: ticks.length === 0 ? 0 : (Math.max(...ticks.map(([at]) => Date.parse(at))) - Math.min(...ticks.map(([at]) => Date.parse(at)))) / 1000,
      tickLastMs: ticks.map(([at, entry]) => entry.last - Date.parse(at)),
      tickFirstMs: ticks.map(([at, entry]) => entry.first - Date.parse(at)),
      tickReach: ticks.map(([, entry]) => entry.count),
      framesPerSubscriber: {
        min: Math.min(...frames),
        mean: frames.reduce((sum, n) => sum + n, 0) / Math.max(1, frames.length),
        max: Math.max(...frames),
      },
      repeatedTicks: this.repeated,
      framesWhileQuiet: this.framesWhileQuiet,
      stageMessages: { answered: stageAnswered.size, reachedEveryone, missingDeliveries },
      ownMessages: { answered: ownExpected.size, received: [...ownExpected].filter((id) => this.ownReceived.has(id)).length },
      mentions: { answered: mentionExpected.size, received: [...mentionExpected].filter((id) => this.mentionReceived.has(id)).length },
      reactionsCounted: this.reactionsCounted,
      messagesPerFrame: this.messageCount / Math.max(1, this.frameCount),
      sampledOutPerFrame: this.sampledOutSum / Math.max(1, this.frameCount),
      sampleFrame: this.sampleFrame,
    };
  }

  async close(): Promise<void> {
    for (const socket of [...this.sockets.splice(0), ...this.writerSockets.splice(0)]) socket.terminate();
  }
}

function sendCounts(result: OpenLoopResult): ConversationSendCounts {
  const { p50, p99 } = summarise(result.latenciesMs);
  return { sent: result.sent, succeeded: result.succeeded, failed: result.failed, p50Ms: p50, p99Ms: p99 };
}

/** Sends one GraphQL operation as one viewer, over whichever transport; resolves with its result. */
type SendAs = <T>(query: string, variables: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** `sendChatMessage`; resolves with the stored message's id. */
async function sendChat(send: SendAs, roomId: string, text: string): Promise<string> {
  const response = await send<{ sendChatMessage: { id: string } }>(SEND_CHAT, { r: roomId, text });
  const id = response.data?.sendChatMessage?.id;
  if (response.errors?.length || !id) throw new Error(`sendChatMessage: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
  return id;
}

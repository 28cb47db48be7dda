import { performance } from 'node:perf_hooks';

import { summarise } from '../ranking/stats';
import { postGraphQL, signToken } from './graphql-http';
import type {
  ConversationLoadCommand,
  ConversationLoadResult,
  ConversationSendCounts,
  ConversationWarmupCommand,
  StageWriter,
} from './load-generator-protocol';
import { type OpenLoopResult, runOpenLoop } from './open-loop';

/**
 * bench:conversation's side of the load generator: it counts every `roomConversation`
 * subscriber's ticks (frames per subscriber, each tick's reach and last delivery, and whether
 * every stage message, own message and mention arrived) and sends the chat load.
 */

/** What a subscriber's frame carries, as the bench's subscription selects it. */
export interface ConversationTickData {
  readonly at: string;
  readonly sampledOut: number;
  readonly messages: readonly { readonly id: string; readonly author: { readonly id: string }; readonly mentions: readonly { readonly id: string }[] }[];
  readonly reactions: readonly { readonly reaction: string; readonly count: number }[];
}

const SEND_CHAT = 'mutation($r: ID!, $text: String!) { sendChatMessage(roomId: $r, text: $text) { id } }';
const REACT = 'mutation($r: ID!, $reaction: Reaction!) { react(roomId: $r, reaction: $reaction) }';
const REACTIONS = ['CLAP', 'HEART', 'LAUGH', 'INSIGHTFUL', 'PLUS_ONE'] as const;

/** The wall clock with sub-millisecond resolution: ticks carry the server's `at` on the same machine's clock. */
const wallNow = (): number => performance.timeOrigin + performance.now();

export class ConversationTracker {
  private readonly viewerIds: string[] = [];
  private frames: number[] = [];
  private lastAt: (string | undefined)[] = [];
  private byTick = new Map<string, { count: number; first: number; last: number }>();
  private stageReceived = new Map<string, number>();
  private ownReceived = new Set<string>();
  private mentionReceived = new Set<string>();
  private stageAuthors: ReadonlySet<string> = new Set();
  private repeated = 0;
  private quiet = false;
  private framesWhileQuiet = 0;
  private messageCount = 0;
  private sampledOutSum = 0;
  private frameCount = 0;
  /** A subscriber who neither writes nor is mentioned: its reactions and a frame of its are reported. */
  private watchIndex = -1;
  private reactionsCounted = 0;
  private sampleFrame = '';
  private sampleFrameMessages = -1;
  private waiter: { target: number; done: () => void } | null = null;

  /** A subscriber collecting conversation ticks; `index` is its client's index. */
  register(index: number, viewerId: string): void {
    this.viewerIds[index] = viewerId;
  }

  get subscribers(): number {
    return this.viewerIds.filter((id) => id !== undefined).length;
  }

  frame(index: number, tick: ConversationTickData | undefined, serialise: () => string): void {
    if (!tick) return;
    const at = wallNow();
    this.frames[index] = (this.frames[index] ?? 0) + 1;
    if (this.quiet) this.framesWhileQuiet += 1;
    if (this.lastAt[index] === tick.at) this.repeated += 1;
    this.lastAt[index] = tick.at;
    let entry = this.byTick.get(tick.at);
    if (!entry) {
      entry = { count: 0, first: at, last: at };
      this.byTick.set(tick.at, entry);
    }
    entry.count += 1;
    entry.last = at;
    this.frameCount += 1;
    this.messageCount += tick.messages.length;
    this.sampledOutSum += tick.sampledOut;
    const viewerId = this.viewerIds[index];
    for (const message of tick.messages) {
      if (this.stageAuthors.has(message.author.id)) {
        this.stageReceived.set(message.id, (this.stageReceived.get(message.id) ?? 0) + 1);
        continue;
      }
      if (message.author.id === viewerId) this.ownReceived.add(message.id);
      if (message.mentions.some((mention) => mention.id === viewerId)) this.mentionReceived.add(message.id);
    }
    if (index === this.watchIndex) {
      for (const reaction of tick.reactions) this.reactionsCounted += reaction.count;
      // The fullest frame of a listener: what the raw baseline broadcasts.
      if (tick.messages.length > this.sampleFrameMessages) {
        this.sampleFrameMessages = tick.messages.length;
        this.sampleFrame = serialise();
      }
    }
    if (this.waiter && this.framedSubscribers() >= this.waiter.target) {
      const { done } = this.waiter;
      this.waiter = null;
      done();
    }
  }

  private framedSubscribers(): number {
    return this.frames.filter((count) => count > 0).length;
  }

  /** Forgets everything counted (the warm-up's frames). */
  private reset(stageAuthors: ReadonlySet<string>, watchIndex: number): void {
    this.frames = [];
    this.lastAt = [];
    this.byTick = new Map();
    this.stageReceived = new Map();
    this.ownReceived = new Set();
    this.mentionReceived = new Set();
    this.stageAuthors = stageAuthors;
    this.repeated = 0;
    this.quiet = false;
    this.framesWhileQuiet = 0;
    this.messageCount = 0;
    this.sampledOutSum = 0;
    this.frameCount = 0;
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
      await sendChat(command.httpUrl, command.roomId, command.writer.token, `Warm-up ${attempt}: is everyone here?`);
      if (await this.everyoneFramed(command.timeoutMs)) return { seconds: (performance.now() - started) / 1000, attempts: attempt };
    }
    throw new Error(`after 10 warm-up messages, ${this.framedSubscribers()} of ${this.subscribers} subscribers had a tick`);
  }

  async load(command: ConversationLoadCommand): Promise<ConversationLoadResult> {
    const senderIds = command.senders.map((index) => `${command.viewerPrefix}${index}`);
    const senderTokens = await Promise.all(senderIds.map((id, i) => signToken(command.jwtSecret, id, `Sender ${command.senders[i]}`)));
    const senders = new Set(command.senders);
    const mentioned = new Set(command.mentionEvery > 0 ? command.senders : []);
    // A subscriber who neither writes nor is mentioned (the last one that is neither).
    let watchIndex = -1;
    for (let index = this.viewerIds.length - 1; index >= 0 && watchIndex < 0; index -= 1) if (!senders.has(index) && !mentioned.has(index)) watchIndex = index;
    this.reset(new Set(command.stage.map((writer) => writer.id)), watchIndex);

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
    const [listener, stage, reactions] = await Promise.all([
      runOpenLoop(Array.from({ length: count(command.listenerMessagesPerSecond) }, (_, i) => i), command.listenerMessagesPerSecond, async (i) => {
        const author = sender(i);
        const mention = command.mentionEvery > 0 && senderIds.length > 1 && i % command.mentionEvery === 0 ? senderIds[(author + 1) % senderIds.length] : null;
        const text = `Listener note ${i} from ${senderIds[author]}${mention ? ` for @${mention}` : ''}: how does this hold at scale?`;
        const id = await sendChat(command.httpUrl, command.roomId, senderTokens[author] as string, text).catch((error: unknown) => fail(String(error)));
        ownExpected.add(id);
        if (mention) mentionExpected.add(id);
      }),
      runOpenLoop(Array.from({ length: count(command.stageMessagesPerSecond) }, (_, i) => i), command.stageMessagesPerSecond, async (i) => {
        const writer = command.stage[i % command.stage.length] as StageWriter;
        const id = await sendChat(command.httpUrl, command.roomId, writer.token, `Stage note ${i}: the answer to the last question, in short.`).catch((error: unknown) =>
          fail(String(error)),
        );
        stageAnswered.add(id);
      }),
      runOpenLoop(Array.from({ length: count(command.reactionsPerSecond) }, (_, i) => i), command.reactionsPerSecond, async (i) => {
        const response = await postGraphQL<{ react: boolean }>(command.httpUrl, REACT, { r: command.roomId, reaction: REACTIONS[i % REACTIONS.length] }, senderTokens[sender(i)] as string);
        if (response.errors?.length || response.data?.react === undefined) fail(`react: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
        if (response.data?.react === false) dropped += 1;
      }),
    ]);
    await new Promise((done) => setTimeout(done, command.settleMs));
    const windowSeconds = (wallNow() - started) / 1000;
    this.quiet = true;
    await new Promise((done) => setTimeout(done, command.quietMs));

    const subscribers = this.subscribers;
    let reachedEveryone = 0;
    let missingDeliveries = 0;
    for (const id of stageAnswered) {
      const reach = this.stageReceived.get(id) ?? 0;
      if (reach >= subscribers) reachedEveryone += 1;
      else missingDeliveries += subscribers - reach;
    }
    const frames = Array.from({ length: this.viewerIds.length }, (_, index) => this.frames[index] ?? 0).filter((_, index) => this.viewerIds[index] !== undefined);
    const ticks = [...this.byTick.entries()];
    return {
      subscribers,
      windowSeconds,
      listener: sendCounts(listener),
      stage: sendCounts(stage),
      reactions: { ...sendCounts(reactions), dropped },
      firstError,
      ticks: ticks.length,
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
}

function sendCounts(result: OpenLoopResult): ConversationSendCounts {
  const { p50, p99 } = summarise(result.latenciesMs);
  return { sent: result.sent, succeeded: result.succeeded, failed: result.failed, p50Ms: p50, p99Ms: p99 };
}

/** `sendChatMessage`; resolves with the stored message's id. */
async function sendChat(httpUrl: string, roomId: string, token: string, text: string): Promise<string> {
  const response = await postGraphQL<{ sendChatMessage: { id: string } }>(httpUrl, SEND_CHAT, { r: roomId, text }, token);
  const id = response.data?.sendChatMessage?.id;
  if (response.errors?.length || !id) throw new Error(`sendChatMessage: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
  return id;
}

import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

import { ConversationTracker, openSignedInSocket } from './conversation-load';
import { FrameContents, frameBuffer } from './frame-contents';
import { forEachLimited, keepAliveAgent, postGraphQL, signToken } from './graphql-http';
import {
  type AutocannonCommand,
  type AutocannonSummary,
  type ConnectRawCommand,
  type ConnectResult,
  type FanoutCommand,
  type FanoutResult,
  type JoinStormCommand,
  type JoinStormResult,
  type LoadCommand,
  type LoadRequest,
  type LoadResponse,
  type SignInCommand,
  type SubscribeGraphQLCommand,
} from './load-generator-protocol';

/**
 * The load generator: a child process (pinned to its own core by the parent) that holds every
 * client socket, fires the triggers and timestamps deliveries, all on one clock. It takes
 * commands over IPC (see load-generator-protocol.ts) and prints progress lines to stdout.
 */

const progress = (line: string) => process.stdout.write(`  [load] ${line}\n`);

/** Delivery bookkeeping: messages per key (room version, or raw broadcast epoch). */
class Deliveries {
  private readonly byKey = new Map<string, { count: number; first: number; last: number }>();
  private waiter: { key: string; target: number; done: () => void } | null = null;
  /** Per subscriber, messages counted while `counting` is on (join storm). */
  perSubscriber: number[] = [];
  counting = false;
  /** When the last counted message arrived. */
  lastCountedAt = 0;
  readonly types: Record<string, number> = {};

  record(key: string, subscriber: number, at: number, type: string): void {
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { count: 0, first: at, last: at };
      this.byKey.set(key, entry);
    }
    entry.count += 1;
    entry.last = at;
    if (this.counting) {
      this.perSubscriber[subscriber] = (this.perSubscriber[subscriber] ?? 0) + 1;
      this.types[type] = (this.types[type] ?? 0) + 1;
      this.lastCountedAt = at;
    }
    if (this.waiter && this.waiter.key === key && entry.count >= this.waiter.target) {
      const { done } = this.waiter;
      this.waiter = null;
      done();
    }
  }

  get(key: string): { count: number; first: number; last: number } | undefined {
    return this.byKey.get(key);
  }

  /** Resolves true once `key` has `target` deliveries, false after `timeoutMs`. */
  waitFor(key: string, target: number, timeoutMs: number): Promise<boolean> {
    if ((this.byKey.get(key)?.count ?? 0) >= target) return Promise.resolve(true);
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        done(false);
      }, timeoutMs);
      this.waiter = { key, target, done: () => (clearTimeout(timer), done(true)) };
    });
  }

  clear(): void {
    this.byKey.clear();
  }
}

const deliveries = new Deliveries();
/** The most recent frame subscriber 0 got, re-serialised: the raw baseline sends one of this size. */
let lastGraphQLFrame = '';
let graphqlClients: Client[] = [];
let rawSockets: WebSocket[] = [];
let rawEpoch = 0;
/** Frames the raw clients parsed, when they parse each distinct frame once. */
const rawFrameTypes = new FrameContents<string>();
/** bench:conversation's counts of `roomConversation` ticks. */
let conversation = new ConversationTracker();

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return JSON.stringify(error).slice(0, 300);
  if (error && typeof error === 'object' && 'code' in error) return `close ${(error as { code: unknown }).code} ${(error as { reason?: unknown }).reason ?? ''}`;
  return String(error);
}

async function subscribeGraphQL(command: SubscribeGraphQLCommand): Promise<ConnectResult> {
  const started = performance.now();
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  const indices = Array.from({ length: command.count }, (_, index) => graphqlClients.length + index);
  let lastPrint = 0;
  await forEachLimited(indices, command.concurrency, async (index) => {
    const token = await signToken(command.jwtSecret, `${command.viewerPrefix}${index}`, `Subscriber ${index}`);
    await new Promise<void>((done) => {
      let settled = false;
      const settle = (ok: boolean, error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (ok) connected += 1;
        else {
          failed += 1;
          firstError ??= errorText(error);
        }
        done();
      };
      const timer = setTimeout(() => settle(false, new Error('connect timeout')), command.timeoutMs);
      const client = createClient({
        url: command.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: true,
        on: { connected: () => settle(true), closed: (event) => settle(false, event), error: (error) => settle(false, error) },
      });
      graphqlClients.push(client);
      client.subscribe<{ roomEvents?: { __typename?: string; version?: number } }>(
        { query: command.query, variables: command.variables },
        {
          next: (result) => {
            const at = performance.now();
            const event = result.data?.roomEvents;
            if (event?.version !== undefined) deliveries.record(String(event.version), index, at, event.__typename ?? '?');
            if (index === 0) lastGraphQLFrame = graphqlNextFrame(result);
            else if (result.errors) firstError ??= errorText(result.errors);
          },
          error: (error) => {
            firstError ??= errorText(error);
          },
          complete: () => undefined,
        },
      );
    });
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      progress(`graphql-ws: ${connected} connected, ${failed} failed of ${command.count}`);
    }
  });
  progress(`graphql-ws: ${connected} connected, ${failed} failed of ${command.count}`);
  return { connected, failed, seconds: (performance.now() - started) / 1000, firstError };
}

async function connectRaw(command: ConnectRawCommand): Promise<ConnectResult> {
  const started = performance.now();
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  let lastPrint = 0;
  const indices = Array.from({ length: command.count }, (_, index) => index);
  await forEachLimited(indices, command.concurrency, async (index) => {
    await new Promise<void>((done) => {
      const socket = new WebSocket(command.wsUrl);
      const timer = setTimeout(() => socket.terminate(), command.timeoutMs);
      socket.on('open', () => {
        clearTimeout(timer);
        connected += 1;
        rawSockets.push(socket);
        done();
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        failed += 1;
        firstError ??= errorText(error);
        done();
      });
      socket.on('message', (data: WebSocket.RawData) => {
        const at = performance.now();
        // Parse like the benchmark's API clients parse their frames, so both sides pay the same:
        // each frame (a graphql-ws client), or each distinct frame once (bench:conversation's).
        const parse = (text: string) => (JSON.parse(text) as { type?: string }).type ?? '?';
        const type = command.parse === 'once-per-content' ? rawFrameTypes.valueOf(frameBuffer(data), parse) : parse(data.toString());
        deliveries.record(`raw-${rawEpoch}`, index, at, type);
      });
    });
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      progress(`raw ws: ${connected} connected, ${failed} failed of ${command.count}`);
    }
  });
  progress(`raw ws: ${connected} connected, ${failed} failed of ${command.count}`);
  return { connected, failed, seconds: (performance.now() - started) / 1000, firstError };
}

function postRaw(url: string): Promise<void> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', agent: keepAliveAgent }, (res) => {
      res.resume();
      res.on('end', () => done());
    });
    req.on('error', fail);
    req.end();
  });
}

async function fanout(command: FanoutCommand): Promise<FanoutResult> {
  const { trigger } = command;
  const subscribers = trigger.kind === 'graphql' ? graphqlClients.length : rawSockets.length;
  const latenciesMs: number[] = [];
  const firstDeliveryMs: number[] = [];
  const triggerMs: number[] = [];
  let incompleteEvents = 0;
  let sampleFrame = '';
  let turn = 0;

  /** One event: returns the timings, or null if it did not reach every subscriber in time. */
  const fire = async (timeoutMs: number): Promise<{ last: number; first: number; trigger: number; key: string } | null> => {
    const started = performance.now();
    let key: string;
    if (trigger.kind === 'graphql') {
      const mutation = trigger.mutations[turn % trigger.mutations.length];
      turn += 1;
      if (!mutation) throw new Error('no trigger mutation');
      const response = await postGraphQL<Record<string, { room?: { version?: number } }>>(trigger.httpUrl, mutation.query, trigger.variables, trigger.token);
      const version = response.data?.[mutation.field]?.room?.version;
      if (version === undefined) throw new Error(`trigger mutation failed: ${JSON.stringify(response).slice(0, 400)}`);
      key = String(version);
    } else {
      rawEpoch += 1;
      key = `raw-${rawEpoch}`;
      await postRaw(trigger.broadcastUrl);
    }
    const answered = performance.now();
    const complete = await deliveries.waitFor(key, subscribers, timeoutMs);
    const entry = deliveries.get(key);
    if (!complete || !entry) return null;
    return { last: entry.last - started, first: entry.first - started, trigger: answered - started, key };
  };

  let warmed = false;
  for (let attempt = 0; attempt < 10 && !warmed; attempt += 1) {
    const result = await fire(Math.min(command.timeoutMs, 30_000));
    warmed = result !== null;
    progress(`warm-up event ${attempt + 1}: ${warmed ? 'reached every subscriber' : 'did not reach every subscriber yet (subscriptions still starting?)'}`);
  }
  if (!warmed) throw new Error(`no warm-up event reached all ${subscribers} subscribers`);
  for (let index = 0; index < command.warmups; index += 1) await fire(command.timeoutMs);
  for (let index = 0; index < command.events; index += 1) {
    const result = await fire(command.timeoutMs);
    if (result) {
      latenciesMs.push(result.last);
      firstDeliveryMs.push(result.first);
      triggerMs.push(result.trigger);
    } else incompleteEvents += 1;
    progress(`event ${index + 1}/${command.events}: ${result ? `last delivery ${result.last.toFixed(1)} ms` : 'did not reach every subscriber'}`);
    await new Promise((done) => setTimeout(done, 20));
  }
  if (trigger.kind === 'graphql') sampleFrame = lastGraphQLFrame;
  deliveries.clear();
  return { latenciesMs, firstDeliveryMs, triggerMs, incompleteEvents, sampleFrame };
}


async function signIn(command: SignInCommand): Promise<{ seconds: number }> {
  const started = performance.now();
  const indices = Array.from({ length: command.count }, (_, index) => index);
  let done = 0;
  let lastPrint = 0;
  await forEachLimited(indices, command.concurrency, async (index) => {
    const token = await signToken(command.jwtSecret, `${command.viewerPrefix}${index}`, `Joiner ${index}`);
    const response = await postGraphQL(command.httpUrl, 'query { viewer { id } }', {}, token);
    if (response.errors?.length) throw new Error(`sign-in failed: ${JSON.stringify(response.errors).slice(0, 300)}`);
    if (command.openSocketsAt) {
      // Each frame answering the joiner's one operation (`next` or `error`) settles its join.
      joinerSockets[index] = await openSignedInSocket(command.openSocketsAt, token, 'a joiner socket', 60_000, (text, message) => {
        if (message.id === JOIN_OPERATION_ID && (message.type === 'next' || message.type === 'error')) joinerAnswers[index]?.(text);
      });
    }
    done += 1;
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      progress(`signed in ${done}/${command.count} joiners${command.openSocketsAt ? ', each with its socket open' : ''}`);
    }
  });
  return { seconds: (performance.now() - started) / 1000 };
}

/** The id of a joiner's one operation on its socket. */
const JOIN_OPERATION_ID = 'join';

/** Joiners' sockets opened by sign-in (`openSocketsAt`), by joiner index, and who waits on each one's answer. */
let joinerSockets: WebSocket[] = [];
const joinerAnswers: (((text: string) => void) | undefined)[] = [];

async function joinStorm(command: JoinStormCommand): Promise<JoinStormResult> {
  const tokens = await Promise.all(Array.from({ length: command.joins }, (_, index) => signToken(command.jwtSecret, `${command.viewerPrefix}${index}`, `Joiner ${index}`)));
  const query = 'mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }';
  const body = (index: number) => JSON.stringify({ query, variables: { roomId: command.roomId }, _: index });
  if (command.transport === 'socket' && joinerSockets.length < command.joins) {
    throw new Error(`a join storm over sockets needs ${command.joins} joiner sockets opened at sign-in; ${joinerSockets.length} are open`);
  }
  const answers = joinerAnswers;
  const latenciesMs: number[] = [];
  let succeeded = 0;
  let failed = 0;
  let timedOut = 0;
  let firstError: string | null = null;
  const pending = new Set<() => void>();
  deliveries.perSubscriber = new Array<number>(graphqlClients.length).fill(0);
  deliveries.counting = true;
  const started = performance.now();
  const hardStop = started + command.maxSeconds * 1000;
  let lastAnswer = started;

  const sendJoinOverSocket = (index: number) =>
    new Promise<void>((done) => {
      const sentAt = performance.now();
      const abort = () => {
        timedOut += 1;
        answers[index] = undefined;
        pending.delete(abort);
        done();
      };
      pending.add(abort);
      answers[index] = (text) => {
        answers[index] = undefined;
        const at = performance.now();
        lastAnswer = Math.max(lastAnswer, at);
        latenciesMs.push(at - sentAt);
        if (text.includes('"type":"next"') && !text.includes('"errors"')) succeeded += 1;
        else {
          failed += 1;
          firstError ??= text.slice(0, 300);
        }
        pending.delete(abort);
        done();
      };
      (joinerSockets[index] as WebSocket).send(JSON.stringify({ id: JOIN_OPERATION_ID, type: 'subscribe', payload: { query, variables: { roomId: command.roomId } } }));
    });

  const sendJoin = (index: number) =>
    command.transport === 'socket' ? sendJoinOverSocket(index) : sendJoinOverHttp(index);

  const sendJoinOverHttp = (index: number) =>
    new Promise<void>((done) => {
      const payload = body(index);
      const sentAt = performance.now();
      const req = request(
        command.httpUrl,
        {
          method: 'POST',
          agent: keepAliveAgent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${tokens[index]}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const at = performance.now();
            lastAnswer = Math.max(lastAnswer, at);
            latenciesMs.push(at - sentAt);
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === 200 && !text.includes('"errors"')) succeeded += 1;
            else {
              failed += 1;
              firstError ??= `HTTP ${res.statusCode}: ${text.slice(0, 300)}`;
            }
            pending.delete(abort);
            done();
          });
        },
      );
      const abort = () => {
        timedOut += 1;
        req.destroy();
        pending.delete(abort);
        done();
      };
      pending.add(abort);
      req.on('error', (error) => {
        if (!pending.has(abort)) return;
        failed += 1;
        firstError ??= errorText(error);
        pending.delete(abort);
        done();
      });
      req.end(payload);
    });

  // Open loop: join i is sent at i / rate seconds, whatever the answers do.
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  let lastPrint = started;
  while (sent < command.joins && performance.now() < hardStop) {
    const due = Math.min(command.joins, Math.floor(((performance.now() - started) / 1000) * command.joinsPerSecond) + 1);
    while (sent < due) {
      inFlight.push(sendJoin(sent));
      sent += 1;
    }
    if (performance.now() - lastPrint > 1000) {
      lastPrint = performance.now();
      progress(`join storm: ${sent} sent, ${succeeded + failed} answered`);
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  const remaining = Math.max(0, hardStop - performance.now());
  const stop = setTimeout(() => {
    for (const abort of [...pending]) abort();
  }, remaining);
  const waitPrint = setInterval(() => progress(`join storm: ${sent} sent, ${succeeded + failed} answered, waiting`), 2000);
  await Promise.all(inFlight);
  clearTimeout(stop);
  clearInterval(waitPrint);
  // Deliveries may trail the answers: count until the subscribers have been quiet for settleMs.
  deliveries.lastCountedAt = Math.max(deliveries.lastCountedAt, lastAnswer);
  while (performance.now() - deliveries.lastCountedAt < command.settleMs && performance.now() < hardStop + command.settleMs) {
    await new Promise((done) => setTimeout(done, 100));
  }
  const cutOff = performance.now() - deliveries.lastCountedAt < command.settleMs;
  deliveries.counting = false;
  const stormSeconds = (lastAnswer - started) / 1000;
  const lastMessage = Math.max(deliveries.lastCountedAt, lastAnswer);
  const result: JoinStormResult = {
    sent,
    succeeded,
    failed,
    timedOut,
    firstError,
    latenciesMs,
    stormSeconds,
    windowSeconds: (lastMessage - started) / 1000,
    deliveryLagSeconds: (lastMessage - lastAnswer) / 1000,
    cutOff,
    subscribers: graphqlClients.length,
    messagesPerSubscriber: [...deliveries.perSubscriber],
    messageTypes: { ...deliveries.types },
  };
  deliveries.clear();
  return result;
}

async function runAutocannon(command: AutocannonCommand): Promise<AutocannonSummary> {
  const instance = autocannon({
    url: command.url,
    method: 'POST',
    headers: command.headers,
    body: command.body,
    connections: command.connections,
    duration: command.durationSeconds,
    expectBody: command.expectBody,
  });
  const ticker = setInterval(() => progress(`autocannon running against ${command.url}…`), 5000);
  const result = await instance;
  clearInterval(ticker);
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}

async function closeAll(): Promise<void> {
  await Promise.all(graphqlClients.map((client) => client.dispose()));
  graphqlClients = [];
  for (const socket of rawSockets) socket.terminate();
  rawSockets = [];
  rawFrameTypes.clear();
  for (const socket of joinerSockets) socket.terminate();
  joinerSockets = [];
  joinerAnswers.length = 0;
  deliveries.clear();
  await conversation.close();
  conversation = new ConversationTracker();
}

async function handle(command: LoadCommand): Promise<unknown> {
  switch (command.type) {
    case 'subscribe-graphql':
      return subscribeGraphQL(command);
    case 'connect-raw':
      return connectRaw(command);
    case 'fanout':
      return fanout(command);
    case 'sign-in':
      return signIn(command);
    case 'join-storm':
      return joinStorm(command);
    case 'autocannon':
      return runAutocannon(command);
    case 'subscribe-conversation':
      return conversation.subscribe(command);
    case 'conversation-warmup':
      return conversation.warmup(command);
    case 'conversation-load':
      return conversation.load(command);
    case 'close':
      return closeAll();
  }
}

/** A `next` frame as graphql-ws's server writes it (its id is a 36-character UUID). */
function graphqlNextFrame(payload: unknown): string {
  return JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', type: 'next', payload });
}

process.on('message', (message: LoadRequest) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, result } satisfies LoadResponse),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies LoadResponse),
  );
});
process.on('disconnect', () => process.exit(0));
// Ended by the bench with SIGTERM: exit normally, so that BENCH_NODE_FLAGS="--cpu-prof …" writes this process's profile too.
process.on('SIGTERM', () => process.exit(0));

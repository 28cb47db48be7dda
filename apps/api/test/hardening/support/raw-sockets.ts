import WebSocket from 'ws';

const ROOM_EVENTS = `subscription($r: ID!) { roomEvents(roomId: $r) { version } }`;

/** A raw graphql-transport-ws socket; `closed` resolves with its close code. */
export interface RawSocket {
  readonly socket: WebSocket;
  readonly closed: Promise<number>;
}

/** Extra upgrade headers, e.g. the `X-Forwarded-For` a reverse proxy would add. */
type Headers = Record<string, string>;

function connect(wsUrl: string, headers: Headers): RawSocket {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers });
  // A refused upgrade or a reset connection ends as a close too (1006); the test counts codes.
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return { socket, closed };
}

/** A socket that opens and never sends connection_init (what an anonymous client holding sockets does). */
export async function silentSocket(wsUrl: string, headers: Headers = {}): Promise<RawSocket> {
  const raw = connect(wsUrl, headers);
  await Promise.race([new Promise<void>((resolve) => raw.socket.once('open', () => resolve())), raw.closed]);
  return raw;
}

/** A signed-in socket running one `roomEvents` subscription. */
export interface RoomSubscriber extends RawSocket {
  /** True once the upgrade completed; false if it closed first. */
  readonly opened: Promise<boolean>;
  /** True once connection_ack arrived and the subscription was sent; false if the socket closed first. */
  readonly subscribed: Promise<boolean>;
  /**
   * Resolves at the first `next` message (a room event delivered to this viewer), or, if the
   * socket closes first, with its close code: a lost viewer fails the test at once, saying how,
   * instead of leaving it waiting for its timeout.
   */
  readonly firstEvent: Promise<void | { closedBeforeEvent: number }>;
  /** Every `error` message payload received (none expected). */
  readonly errors: unknown[];
  /** Where it stands now, for a failure message: connecting, open, acknowledged, event, or closed:<code>. */
  readonly stage: () => string;
}

/**
 * Each promise's value, or `pending` for one still unsettled after `guardMs`: a hang guard that
 * lets a test fail saying what it waited for (never a timing assertion).
 */
export async function settledWithin<T>(promises: readonly Promise<T>[], guardMs: number): Promise<(T | 'pending')[]> {
  const results: (T | 'pending')[] = promises.map(() => 'pending');
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, guardMs);
  });
  await Promise.race([Promise.all(promises.map((promise, i) => promise.then((value) => (results[i] = value)))), guard]);
  clearTimeout(timer);
  return results;
}

/** How many subscribers are at each stage (see {@link RoomSubscriber.stage}). */
export function stagesOf(subscribers: readonly RoomSubscriber[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const subscriber of subscribers) tally[subscriber.stage()] = (tally[subscriber.stage()] ?? 0) + 1;
  return tally;
}

/**
 * Opens a socket, signs in with `token` once it is open and `signInWhen` has resolved, and
 * subscribes to `roomId`'s events. Holding every connection_init until a whole crowd is open is
 * what many clients with a network round trip between them and the API look like: every upgrade
 * is done before the first init arrives.
 */
export function roomSubscriber(
  wsUrl: string,
  token: string,
  roomId: string,
  options: { headers?: Headers; signInWhen?: Promise<unknown> } = {},
): RoomSubscriber {
  const raw = connect(wsUrl, options.headers ?? {});
  const errors: unknown[] = [];
  let stage = 'connecting';
  raw.socket.once('open', () => (stage = 'open'));
  let ack: (value: boolean) => void = () => undefined;
  let event: (value: void | { closedBeforeEvent: number }) => void = () => undefined;
  const subscribed = new Promise<boolean>((resolve) => {
    ack = resolve;
  });
  const firstEvent = new Promise<void | { closedBeforeEvent: number }>((resolve) => {
    event = resolve;
  });
  const opened = Promise.race([new Promise<boolean>((resolve) => raw.socket.once('open', () => resolve(true))), raw.closed.then(() => false)]);
  void Promise.all([opened, options.signInWhen]).then(([open]) => {
    if (open && raw.socket.readyState === WebSocket.OPEN) {
      raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    }
  });
  raw.socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; payload?: unknown };
    if (message.type === 'connection_ack') {
      raw.socket.send(JSON.stringify({ id: 'events', type: 'subscribe', payload: { query: ROOM_EVENTS, variables: { r: roomId } } }));
      stage = 'acknowledged';
      ack(true);
    } else if (message.type === 'next') {
      stage = 'event';
      event();
    } else if (message.type === 'error') {
      errors.push(message.payload);
    }
  });
  void raw.closed.then((code) => {
    stage = `closed:${code}`;
    ack(false);
    event({ closedBeforeEvent: code });
  });
  return { ...raw, opened, subscribed, firstEvent, errors, stage: () => stage };
}

/**
 * Keeps `count` silent sockets open from one client, opening a new one whenever one is closed
 * (graphql-ws's 3 s init timeout, or a budget), as the attacker did. `closes` counts the
 * close codes seen; `stop()` ends it.
 */
export class SilentSocketHolder {
  readonly closes = new Map<number, number>();
  private readonly sockets = new Set<WebSocket>();
  private stopped = false;

  private constructor(
    private readonly wsUrl: string,
    private readonly headers: Headers,
  ) {}

  static async hold(wsUrl: string, count: number, headers: Headers = {}): Promise<SilentSocketHolder> {
    const holder = new SilentSocketHolder(wsUrl, headers);
    await Promise.all(Array.from({ length: count }, () => holder.openOne()));
    return holder;
  }

  /** Sockets open right now. */
  get open(): number {
    return [...this.sockets].filter((socket) => socket.readyState === WebSocket.OPEN).length;
  }

  private async openOne(): Promise<void> {
    if (this.stopped) return;
    const { socket, closed } = await silentSocket(this.wsUrl, this.headers);
    this.sockets.add(socket);
    void closed.then((code) => {
      this.sockets.delete(socket);
      this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
      void this.openOne();
    });
  }

  stop(): void {
    this.stopped = true;
    for (const socket of this.sockets) socket.terminate();
  }
}

/**
 * `n` signed-in viewers `prefix-0…n-1` connecting at once from one client: every socket is
 * opened, and only when all are open does each send its connection_init and subscribe.
 * `subscribed` counts those acknowledged.
 */
export async function crowdSubscribes(wsUrl: string, roomId: string, tokens: readonly string[], headers: Headers = {}) {
  let allOpen: () => void = () => undefined;
  const signInWhen = new Promise<void>((resolve) => {
    allOpen = resolve;
  });
  const subscribers = tokens.map((token) => roomSubscriber(wsUrl, token, roomId, { headers, signInWhen }));
  void Promise.all(subscribers.map(({ opened }) => opened)).then(() => allOpen());
  const subscribed = await Promise.all(subscribers.map((subscriber) => subscriber.subscribed));
  return { subscribers, subscribed: subscribed.filter(Boolean).length };
}

/** How many of `codes` equal `code`. */
export function countOf(codes: readonly number[], code: number): number {
  return codes.filter((candidate) => candidate === code).length;
}

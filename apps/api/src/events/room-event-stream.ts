import { type EntityManager } from '@mikro-orm/postgresql';
import { audienceDelta, DomainError, ParticipantRole, RoomOperation, RoomStatus } from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput } from '../common/api-error';
import { parseUuid } from '../common/ids';
import { RoomEventEntity } from '../rooms/room.entity';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { type EventBus, PubSubUnavailableError, type Unsubscribe } from './event-bus';
import {
  AUDIENCE_JOINED_MAX,
  type AudienceChangedJson,
  endsStreamFor,
  parseRoomEventMessage,
  type RoomEventMessage,
  type RoomStreamItem,
} from './room-event-message';

/**
 * Takes one delivered item without the consumer pulling it; returns false to refuse it (it is
 * then queued for `next()`). Called synchronously while the room's channel delivers.
 */
export type RoomStreamSink = (item: RoomStreamItem) => boolean;

/** A room stream that can also push items to a sink (see {@link RoomSubscriber.setSink}). */
export interface PushableRoomStream extends AsyncIterableIterator<RoomStreamItem> {
  /** The room this stream carries (a lower-cased UUID), however the client named it. */
  readonly roomId: string;
  setSink(sink: RoomStreamSink | null): void;
}

export function isPushableRoomStream(value: unknown): value is PushableRoomStream {
  return typeof value === 'object' && value !== null && typeof (value as Partial<PushableRoomStream>).setSink === 'function';
}

/** The bus topic of one room's events. */
export const roomEventsTopic = (roomId: string): string => `room-events:${roomId}`;

/**
 * The one bus topic that tells a viewer's open streams (on every instance) to re-check their
 * access; the payload names the viewer. One topic for all viewers, so an instance subscribes to
 * room channels and this one only.
 */
export const VIEWER_ACCESS_TOPIC = 'viewer-access';

/** Most events a subscription replays from `sinceVersion`; further behind, refetch the room. */
export const MAX_REPLAY = 1000;

/**
 * Most items a subscriber holds that its consumer has not pulled yet. Past this its buffer is
 * dropped and it catches up from the room's recent events (or `room_events`) when the consumer
 * pulls again: memory stays bounded however slow a consumer is, and it never holds up others.
 */
export const MAX_BUFFERED_EVENTS = 256;

/** Default fold window of listener joins and leaves (`AUDIENCE_COALESCE_MS`). */
export const DEFAULT_AUDIENCE_COALESCE_MS = 500;

export interface RoomEventStreamDeps {
  readonly bus: EventBus;
  /** A fresh EntityManager for each read the stream makes after it opened. */
  readonly fork: () => EntityManager;
  readonly logger: Logger;
  /**
   * Listener joins and leaves are delivered as one AudienceChanged per room at most this often
   * (0: every event on its own). Stage events are always delivered one by one, exactly.
   */
  readonly audienceCoalesceMs?: number;
  /**
   * The one room access policy: a stream opens, and stays open, while it allows WATCH (asked when
   * the stream opens and whenever the viewer's access changes).
   */
  readonly access: RoomAccessPolicy;
}

/**
 * Owns everything about delivering a room's events: the topic, publishing after commit, and each
 * subscriber's stream — subscribe before reading, replay from `sinceVersion`, gap fill from
 * `room_events`, version order, the two tiers (stage events one by one; listener joins and leaves
 * folded into AudienceChanged), the end of the stream (room ended, viewer banned), and ending it
 * when the viewer loses access for any other reason.
 *
 * Per instance, each watched room has one {@link RoomChannel}: one bus subscription, one ordered
 * and folded sequence of items shared by all its local subscribers (so they can share one
 * execution per item), and the recent events that replays and reconnect storms read from memory.
 */
export class RoomEventStream {
  private readonly channels = new Map<string, RoomChannel>();
  private readonly byViewer = new Map<string, Set<RoomSubscriber>>();
  private accessSubscription: Promise<Unsubscribe> | null = null;
  private readonly coalesceMs: number;
  private readonly stopWatchingRestores: () => void;

  constructor(private readonly deps: RoomEventStreamDeps) {
    this.coalesceMs = deps.audienceCoalesceMs ?? DEFAULT_AUDIENCE_COALESCE_MS;
    this.stopWatchingRestores = deps.bus.onRestored(() => this.resumeAfterOutage());
  }

  /**
   * Publishes committed events in version order. A failure is logged and not thrown (the events
   * are committed): while pub/sub is down only at debug level, since the outage was logged once
   * and every open stream reads what it missed from `room_events` when pub/sub is back.
   */
  async publish(roomId: string, messages: readonly RoomEventMessage[]): Promise<void> {
    for (const message of messages) {
      try {
        await this.deps.bus.publish(roomEventsTopic(roomId), message);
      } catch (error) {
        const level = error instanceof PubSubUnavailableError ? 'debug' : 'error';
        this.deps.logger[level]({ err: error, roomId, version: message.event.version }, 'publishing a room event failed');
      }
    }
  }

  /**
   * Tells every open stream of `profileId` (on every instance) to re-check its access now. Lost
   * while pub/sub is down: every stream re-checks its access when pub/sub is back instead.
   */
  async notifyAccessChanged(profileId: string): Promise<void> {
    try {
      await this.deps.bus.publish(VIEWER_ACCESS_TOPIC, { profileId });
    } catch (error) {
      const level = error instanceof PubSubUnavailableError ? 'debug' : 'error';
      this.deps.logger[level]({ err: error, profileId }, 'publishing an access change failed');
    }
  }

  /**
   * After an outage every channel is subscribed again, but what was published meanwhile is lost:
   * each channel reads where its room stands and fills the gap from `room_events`, in version
   * order, and each stream re-checks its access (an access change published during the outage is lost too).
   */
  private resumeAfterOutage(): void {
    for (const channel of this.channels.values()) channel.catchUpWithLog();
    for (const subscribers of this.byViewer.values()) for (const subscriber of subscribers) subscriber.recheckAccess();
  }

  /** Subscribes this instance to the access topic (done lazily otherwise); idempotent. */
  async start(): Promise<void> {
    await this.ensureAccessSubscription();
  }

  /** Rooms with a channel on this instance (each holds one bus subscription). */
  watchedRoomCount(): number {
    return this.channels.size;
  }

  /**
   * Live streams on this instance (of one room, or over all rooms): started, so every event
   * committed from now on reaches them. A stream still opening (waiting for its room's channel,
   * reading where the room stands) is not counted yet: waiting for this count before committing an event is what
   * guarantees the stream receives it.
   */
  subscriberCount(roomId?: string): number {
    const channels = roomId !== undefined ? [this.channels.get(roomId.toLowerCase())] : [...this.channels.values()];
    let count = 0;
    for (const channel of channels) for (const subscriber of channel?.subscribers ?? []) if (subscriber.isLive()) count += 1;
    return count;
  }

  /**
   * Opens one viewer's stream of one room, in version order from `sinceVersion` (or from now).
   * Only viewers who may join the room may subscribe; a SCHEDULED room may be watched.
   * @throws DomainError NOT_FOUND / FORBIDDEN / CONFLICT as for joining; BAD_USER_INPUT for a
   *   `sinceVersion` outside `[current - MAX_REPLAY, current]`.
   */
  async open(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRoomId: string,
    sinceVersion: number | null,
    signal?: AbortSignal,
  ): Promise<AsyncIterableIterator<RoomStreamItem>> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    if (sinceVersion !== null && (!Number.isInteger(sinceVersion) || sinceVersion < 0)) {
      throw badInput('sinceVersion', 'sinceVersion must be a non-negative integer');
    }
    // A stream opened now would stay silent until pub/sub is back: refuse it, and the client retries.
    if (!this.deps.bus.isUp()) throw new PubSubUnavailableError();
    await this.assertMaySubscribe(em, viewer, roomId);
    await this.ensureAccessSubscription();
    const channel = this.channelFor(roomId);
    const subscriber = new RoomSubscriber(channel, viewer, this.deps, {
      mayStillSubscribe: (fork) => this.maySubscribe(fork, viewer, roomId),
      onClosed: (closed) => this.detach(closed),
    });
    this.attachViewer(subscriber);
    signal?.addEventListener('abort', () => void subscriber.return(), { once: true });
    try {
      // The channel subscribed to the bus before reading the version it starts from.
      await channel.ready();
      const current = await em.getConnection().execute<{ version: number }[]>(`select version from room_streams where room_id = ?`, [roomId]);
      const currentVersion = current[0]?.version ?? 0;
      if (sinceVersion !== null && (sinceVersion > currentVersion || currentVersion - sinceVersion > MAX_REPLAY)) {
        throw badInput(
          'sinceVersion',
          `sinceVersion must be between ${Math.max(0, currentVersion - MAX_REPLAY)} and ${currentVersion}; refetch the room`,
        );
      }
      subscriber.start(sinceVersion);
      if (signal?.aborted) await subscriber.return();
      return subscriber;
    } catch (error) {
      // Nothing will consume the stream: release what it holds.
      await subscriber.return();
      throw error;
    }
  }

  private channelFor(roomId: string): RoomChannel {
    let channel = this.channels.get(roomId);
    if (!channel) {
      channel = new RoomChannel(roomId, this.deps, this.coalesceMs, () => {
        if (this.channels.get(roomId) === channel) this.channels.delete(roomId);
      });
      this.channels.set(roomId, channel);
    }
    return channel;
  }

  private attachViewer(subscriber: RoomSubscriber): void {
    const id = subscriber.viewer.profileId;
    const set = this.byViewer.get(id) ?? new Set();
    set.add(subscriber);
    this.byViewer.set(id, set);
  }

  private detach(subscriber: RoomSubscriber): void {
    const set = this.byViewer.get(subscriber.viewer.profileId);
    set?.delete(subscriber);
    if (set && set.size === 0) this.byViewer.delete(subscriber.viewer.profileId);
  }

  private async ensureAccessSubscription(): Promise<void> {
    this.accessSubscription ??= this.deps.bus.subscribe(VIEWER_ACCESS_TOPIC, (payload) => {
      const profileId = (payload as { profileId?: unknown } | null)?.profileId;
      if (typeof profileId !== 'string') return;
      for (const subscriber of this.byViewer.get(profileId) ?? []) subscriber.recheckAccess();
    });
    await this.accessSubscription;
  }

  /** Releases the instance-wide access subscription (on shutdown). */
  async close(): Promise<void> {
    this.stopWatchingRestores();
    const pending = this.accessSubscription;
    this.accessSubscription = null;
    if (pending) await (await pending)();
  }

  /** The access policy's WATCH: visible, belongs, not banned, not blocked by the host, not suspended, not ended. */
  private async assertMaySubscribe(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<void> {
    await this.deps.access.require(em, viewer, roomId, RoomOperation.Watch);
  }

  private async maySubscribe(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<boolean> {
    try {
      await this.assertMaySubscribe(em, viewer, roomId);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}

/** How an event changes the number of listeners (the role of who left travels in the message). */
function listenerDelta(message: RoomEventMessage): number {
  return audienceDelta(message.event, message.subjectRole ?? null).listeners;
}

/** Audience-tier events: a listener joining or leaving. Everything else is delivered exactly. */
function isAudienceEvent(message: RoomEventMessage): boolean {
  const { event } = message;
  if (event.type === 'ParticipantJoined') return event.participant.role === ParticipantRole.Listener;
  if (event.type === 'ParticipantLeft') return message.subjectRole === ParticipantRole.Listener;
  return false;
}

/**
 * Folds a run of audience events into one AudienceChanged: joined participants still present
 * (at most {@link AUDIENCE_JOINED_MAX}), profiles that left (and had not just joined), and the
 * absolute listener count after the run.
 */
function foldAudience(run: readonly [RoomEventMessage, ...RoomEventMessage[]], listenerCountAfter: number): RoomStreamItem {
  const [first] = run;
  const last = run[run.length - 1] ?? first;
  const joined = new Map<string, { participantId: string | null; participant: AudienceChangedJson['joined'][number]['participant'] }>();
  const left = new Set<string>();
  for (const message of run) {
    const { event } = message;
    if (event.type === 'ParticipantJoined') {
      left.delete(event.participant.profileId);
      joined.set(event.participant.profileId, { participantId: message.participantId, participant: event.participant });
    } else if (event.type === 'ParticipantLeft') {
      // Joined and left within the run: no change anyone needs to see.
      if (!joined.delete(event.profileId)) left.add(event.profileId);
    }
  }
  const folded: AudienceChangedJson = {
    type: 'AudienceChanged',
    roomId: first.event.roomId,
    version: last.event.version,
    previousVersion: first.event.previousVersion,
    at: last.event.at,
    listenerCount: Math.max(0, listenerCountAfter),
    joined: [...joined.values()].slice(0, AUDIENCE_JOINED_MAX),
    leftProfileIds: [...left],
  };
  return { schema: 2, event: folded };
}

/**
 * Folds a version-ordered run of events into stream items: consecutive audience events become
 * one AudienceChanged, anything else passes as it is. `countAfter` is the listener count after
 * the last event; earlier counts are derived by undoing later events' deltas.
 */
function foldRange(events: readonly RoomEventMessage[], countAfter: number, fold: boolean): RoomStreamItem[] {
  if (!fold) return [...events];
  const countAfterIndex: number[] = new Array<number>(events.length).fill(countAfter);
  let count = countAfter;
  events.forEach((_message, offset) => {
    const i = events.length - 1 - offset;
    countAfterIndex[i] = count;
    count -= listenerDelta(events[i] as RoomEventMessage);
  });
  const items: RoomStreamItem[] = [];
  let run: RoomEventMessage[] = [];
  let runEnd = -1;
  const flush = () => {
    const [head, ...rest] = run;
    if (head) items.push(foldAudience([head, ...rest], countAfterIndex[runEnd] ?? countAfter));
    run = [];
  };
  events.forEach((message, index) => {
    if (isAudienceEvent(message)) {
      run.push(message);
      runEnd = index;
    } else {
      flush();
      items.push(message);
    }
  });
  flush();
  return items;
}

/**
 * One room on one instance: a single bus subscription, the room's events accepted in version
 * order (out-of-order publishes wait; gaps are filled from `room_events`), folded into the
 * delivered sequence, and the recent events replays read from memory.
 */
class RoomChannel {
  readonly subscribers = new Set<RoomSubscriber>();
  /** Accepted events, in version order, at most {@link MAX_REPLAY}. */
  private readonly recent: RoomEventMessage[] = [];
  private readonly pending = new Map<number, RoomEventMessage>();
  private lastAccepted = 0;
  /** Everything up to here has been delivered to subscribers. */
  deliveredUpTo = 0;
  /** Listeners after `lastAccepted`. */
  private listenerCount = 0;
  private fold: RoomEventMessage[] = [];
  private foldTimer: NodeJS.Timeout | null = null;
  private filling = false;
  /** A version the room reached that the bus may not have delivered (read after an outage): drain fills up to it. */
  private fillTo = 0;
  private unsubscribe: Unsubscribe | null = null;
  private disposed = false;
  /** Set once the channel knows where the room stands; before that, bus messages only queue. */
  private live = false;
  private readonly initialised: Promise<void>;

  constructor(
    readonly roomId: string,
    private readonly deps: RoomEventStreamDeps,
    private readonly coalesceMs: number,
    private readonly onDisposed: () => void,
  ) {
    this.initialised = this.initialise();
    // A failed start is reported to the subscribers waiting in ready().
    this.initialised.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.initialised;
  }

  private async initialise(): Promise<void> {
    // Subscribe before reading where the room stands, so nothing committed in between is lost.
    const unsubscribe = await this.deps.bus.subscribe(roomEventsTopic(this.roomId), (payload) => this.onBusMessage(payload));
    if (this.disposed) {
      await unsubscribe();
      return;
    }
    this.unsubscribe = unsubscribe;
    // One row: the version and the listener count the same command left agree.
    const rows = await this.deps.fork().getConnection().execute<{ version: number; listeners: number }[]>(
      `select version, listener_count as listeners from room_streams where room_id = ?`,
      [this.roomId],
    );
    this.lastAccepted = rows[0]?.version ?? 0;
    this.deliveredUpTo = this.lastAccepted;
    this.listenerCount = Number(rows[0]?.listeners ?? 0);
    for (const version of [...this.pending.keys()]) if (version <= this.lastAccepted) this.pending.delete(version);
    this.live = true;
    this.drain();
  }

  private onBusMessage(payload: unknown): void {
    if (this.disposed) return;
    let message: RoomEventMessage;
    try {
      message = parseRoomEventMessage(payload, 'bus');
    } catch (error) {
      this.deps.logger.warn({ err: error, roomId: this.roomId }, 'dropped an invalid room event from the bus');
      return;
    }
    if (message.event.version <= this.lastAccepted) return;
    this.pending.set(message.event.version, message);
    this.drain();
  }

  /** Accepts pending events in version order; a gap is filled from the log (once at a time). */
  private drain(): void {
    if (this.disposed || this.filling || !this.live) return;
    // Publishes that a gap fill already covered: without this, a late publish below the filled
    // range would start another fill of an empty range, forever (found publishing last-first).
    for (const version of this.pending.keys()) if (version <= this.lastAccepted) this.pending.delete(version);
    for (let next = this.pending.get(this.lastAccepted + 1); next; next = this.pending.get(this.lastAccepted + 1)) {
      this.pending.delete(this.lastAccepted + 1);
      this.accept(next);
    }
    if (this.pending.size === 0 && this.fillTo <= this.lastAccepted) return;
    const upTo = this.pending.size > 0 ? Math.min(...this.pending.keys()) - 1 : this.fillTo;
    this.filling = true;
    this.readRange(this.lastAccepted, upTo)
      .then((events) => {
        for (const event of events) if (event.event.version === this.lastAccepted + 1) this.accept(event);
        if (this.lastAccepted < upTo) {
          // Committed events are in the log before they are published; missing means never there.
          this.deps.logger.warn({ roomId: this.roomId, from: this.lastAccepted + 1, upTo }, 'room event range missing from room_events');
          this.lastAccepted = upTo;
        }
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error, roomId: this.roomId }, 'filling a room event gap failed'))
      .finally(() => {
        this.filling = false;
        this.drain();
      });
  }

  /**
   * Reads the room's version and fills what the bus did not deliver from `room_events` (after a
   * pub/sub outage). A channel still starting reads its version after this anyway.
   */
  catchUpWithLog(): void {
    if (this.disposed || !this.live) return;
    this.deps
      .fork()
      .getConnection()
      .execute<{ version: number }[]>(`select version from room_streams where room_id = ?`, [this.roomId])
      .then((rows) => {
        this.fillTo = Math.max(this.fillTo, rows[0]?.version ?? 0);
        this.drain();
      })
      // Not lost for good: the room's next event starts the same gap fill.
      .catch((error: unknown) => this.deps.logger.warn({ err: error, roomId: this.roomId }, 'reading a room version after a pub/sub outage failed'));
  }

  private accept(message: RoomEventMessage): void {
    this.lastAccepted = message.event.version;
    this.recent.push(message);
    if (this.recent.length > MAX_REPLAY) this.recent.splice(0, this.recent.length - MAX_REPLAY);
    if (this.coalesceMs > 0 && isAudienceEvent(message)) {
      this.listenerCount += listenerDelta(message);
      this.fold.push(message);
      this.foldTimer ??= setTimeout(() => this.flushFold(), this.coalesceMs);
      return;
    }
    // Stage events keep their place in the version chain: folded audience changes go first,
    // with the count as it was before this event.
    this.flushFold();
    this.listenerCount += listenerDelta(message);
    if (message.event.type === 'RoomStatusChanged' && message.event.status === RoomStatus.Ended) this.listenerCount = 0;
    this.deliver(message);
  }

  private flushFold(): void {
    if (this.foldTimer) clearTimeout(this.foldTimer);
    this.foldTimer = null;
    if (this.fold.length === 0) return;
    const [head, ...rest] = this.fold;
    this.fold = [];
    // Every event accepted since the run began is in it, so the current count is the count after it.
    if (head) this.deliver(foldAudience([head, ...rest], this.listenerCount));
  }

  private deliver(item: RoomStreamItem): void {
    this.deliveredUpTo = item.event.version;
    for (const subscriber of this.subscribers) subscriber.offer(item);
  }

  /**
   * The stream items for `(after, upTo]`, folded like live delivery: from memory when the recent
   * events cover it, else one read of `room_events` (shared by everyone asking for the same range).
   */
  async itemsBetween(after: number, upTo: number): Promise<RoomStreamItem[]> {
    if (upTo <= after) return [];
    const events = await this.readRange(after, upTo);
    // The listener count at `upTo`: now, minus what was accepted after it.
    let countAtUpTo = this.listenerCount;
    for (const message of this.recent) if (message.event.version > upTo) countAtUpTo -= listenerDelta(message);
    return foldRange(events, countAtUpTo, this.coalesceMs > 0);
  }

  private readonly inflightReads = new Map<string, Promise<RoomEventMessage[]>>();

  private async readRange(after: number, upTo: number): Promise<RoomEventMessage[]> {
    const firstRecent = this.recent[0]?.event.version;
    if (firstRecent !== undefined && firstRecent <= after + 1 && (this.recent.at(-1)?.event.version ?? 0) >= upTo) {
      return this.recent.filter((message) => message.event.version > after && message.event.version <= upTo);
    }
    const key = `${after}:${upTo}`;
    let read = this.inflightReads.get(key);
    if (!read) {
      read = this.deps
        .fork()
        .find(RoomEventEntity, { roomId: this.roomId, version: { $gt: after, $lte: upTo } }, { orderBy: { version: 'asc' } })
        .then((rows) => rows.map((row) => parseRoomEventMessage(row.payload, 'database')))
        .finally(() => this.inflightReads.delete(key));
      this.inflightReads.set(key, read);
    }
    return read;
  }

  add(subscriber: RoomSubscriber): void {
    this.subscribers.add(subscriber);
  }

  async remove(subscriber: RoomSubscriber): Promise<void> {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0 || this.disposed) return;
    this.disposed = true;
    if (this.foldTimer) clearTimeout(this.foldTimer);
    this.onDisposed();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
  }
}

interface SubscriberHooks {
  readonly mayStillSubscribe: (em: EntityManager) => Promise<boolean>;
  readonly onClosed: (subscriber: RoomSubscriber) => void;
}

/**
 * One subscriber's stream. Not an async generator on purpose: `return()` must release what the
 * stream holds at once — also before the first `next()` and while a `next()` waits — and an
 * async generator defers both (the leak of issue 6 #8).
 */
class RoomSubscriber implements PushableRoomStream {
  private last = 0;
  private started = false;
  private readonly ready: RoomStreamItem[] = [];
  /** Set when items were dropped (buffer overflow, or delivery that overlaps what was seen). */
  private catchUp = false;
  private catchingUp = false;
  private done = false;
  private endAfterReady = false;
  private accessChanged = false;
  private wake: (() => void) | null = null;
  private sink: RoomStreamSink | null = null;

  constructor(
    private readonly channel: RoomChannel,
    readonly viewer: AuthenticatedViewer,
    private readonly deps: RoomEventStreamDeps,
    private readonly hooks: SubscriberHooks,
  ) {
    channel.add(this);
  }

  get roomId(): string {
    return this.channel.roomId;
  }

  /** Starts after `sinceVersion` (replaying what it missed), or from what the channel delivered. */
  start(sinceVersion: number | null): void {
    this.last = sinceVersion ?? this.channel.deliveredUpTo;
    // Items offered before this call were queued; they are re-read as part of the catch-up.
    this.ready.length = 0;
    this.catchUp = this.last < this.channel.deliveredUpTo;
    this.started = true;
    this.signal();
  }

  /**
   * Sets (or clears) the push sink: while the consumer is waiting in `next()` with nothing queued,
   * an item that continues the version chain is handed to the sink at once instead of through
   * `next()` (no promise per subscriber per item). Everything else — replay, catch-up, an access
   * re-check in progress, the item that ends the stream, an item the sink refuses — still goes
   * through `next()`, so the consumer must keep pulling and must deliver both in one order.
   */
  setSink(sink: RoomStreamSink | null): void {
    this.sink = sink;
  }

  offer(item: RoomStreamItem): void {
    if (this.done || !this.started || this.catchingUp) return;
    if (item.event.version <= this.lastQueued()) return;
    if (this.mayPush(item) && this.sink?.(item)) {
      this.last = item.event.version;
      return;
    }
    if (this.catchUp || item.event.previousVersion !== this.lastQueued()) {
      // Behind (or ahead of what this instance folded): catch up from the channel instead.
      this.catchUp = true;
      this.ready.length = 0;
      this.signal();
      return;
    }
    if (this.ready.length >= MAX_BUFFERED_EVENTS) {
      this.catchUp = true;
      this.ready.length = 0;
    } else {
      this.ready.push(item);
    }
    this.signal();
  }

  /** Idle (the consumer waits in `next()`, nothing queued or pending) and `item` is the next link. */
  private mayPush(item: RoomStreamItem): boolean {
    return (
      this.wake !== null &&
      this.ready.length === 0 &&
      !this.catchUp &&
      !this.accessChanged &&
      !this.endAfterReady &&
      item.event.previousVersion === this.last &&
      !endsStreamFor(item.event, this.viewer.profileId)
    );
  }

  /** Started and not ended: every event delivered from now on reaches this stream. */
  isLive(): boolean {
    return this.started && !this.done;
  }

  /** Items waiting for the consumer (at most {@link MAX_BUFFERED_EVENTS}). */
  bufferedCount(): number {
    return this.ready.length;
  }

  private lastQueued(): number {
    return this.ready.at(-1)?.event.version ?? this.last;
  }

  recheckAccess(): void {
    if (this.done) return;
    this.accessChanged = true;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async next(): Promise<IteratorResult<RoomStreamItem>> {
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      if (this.accessChanged) {
        this.accessChanged = false;
        if (!(await this.hooks.mayStillSubscribe(this.deps.fork()))) {
          await this.return();
          continue;
        }
      }
      if (this.catchUp && this.started) {
        // Offers are ignored while catching up; whatever they carried is read in the next round.
        this.catchUp = false;
        this.catchingUp = true;
        const from = this.lastQueued();
        const upTo = this.channel.deliveredUpTo;
        try {
          const items = await this.channel.itemsBetween(from, upTo);
          if (this.done) continue;
          this.ready.push(...items.filter((item) => item.event.version > from));
          if (items.length === 0 && upTo > from && this.ready.length === 0) this.last = upTo;
        } finally {
          this.catchingUp = false;
        }
        // Another round only when this one made progress: never a busy loop on a missing range.
        if (this.lastQueued() > from && this.channel.deliveredUpTo > this.lastQueued()) this.catchUp = true;
        continue;
      }
      const item = this.ready.shift();
      if (item) return this.deliver(item);
      if (this.endAfterReady) {
        await this.return();
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private deliver(item: RoomStreamItem): IteratorResult<RoomStreamItem> {
    this.last = item.event.version;
    if (endsStreamFor(item.event, this.viewer.profileId)) {
      this.endAfterReady = true;
      this.ready.length = 0;
    }
    return { value: item, done: false };
  }

  async return(): Promise<IteratorResult<RoomStreamItem>> {
    if (!this.done) {
      this.done = true;
      this.sink = null;
      this.ready.length = 0;
      this.signal();
      this.hooks.onClosed(this);
      await this.channel.remove(this);
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<RoomStreamItem>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RoomStreamItem> {
    return this;
  }
}

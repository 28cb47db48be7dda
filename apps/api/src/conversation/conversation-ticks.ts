import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, fieldAccessClassOfRole, ParticipantRole, RoomOperation, STAGE_ROLES } from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseUuid } from '../common/ids';
import { type EventBus, PubSubUnavailableError, type Unsubscribe } from '../events/event-bus';
import { endsStreamFor, parseRoomEventMessage } from '../events/room-event-message';
import { roomEventsTopic, VIEWER_ACCESS_TOPIC } from '../events/room-event-stream';
import { RequestScope } from '../common/request-scope';
import { type ScopeOwner, SHARED_DELIVERY_STREAM, SharedDelivery } from '../events/shared-delivery';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { ChannelProfiles, PROFILE_REFRESH_MS, type ReadAside } from './channel-profiles';
import { type ChatMessageRecord, chatMessageRecord } from './chat-message.type';
import type { ChatMessageJson, ConversationFeed, ConversationItem } from './conversation-feed';
import { parseConversationItem, roomConversationTopic } from './conversation-item';
import { bucketOf, foldConversation, type QuestionVotes, type ReactionCount, TickPlan, type TickView } from './conversation-tick-plan';

/** `ConversationTick` as the subscription's resolver receives it: one object per class of subscriber. */
export interface ConversationTickValue {
  /** The room (a lower-cased UUID). */
  readonly roomId: string;
  /** When the tick started: the end of the interval it covers (before the room was read and the classes built). */
  readonly at: Date;
  /** Oldest first. */
  readonly messages: readonly ChatMessageRecord[];
  /** Messages of the interval not sent to this class. */
  readonly sampledOut: number;
  readonly reactions: readonly ReactionCount[];
  readonly questionVotes: readonly QuestionVotes[];
  readonly deletedMessageIds: readonly string[];
}

/** What a `roomConversation` stream yields: a tick shared by every local subscriber of its class. */
export type ConversationDelivery = SharedDelivery<ConversationTickValue>;

/** How ticks are made (README "Configuration": CONVERSATION_*). */
export interface ConversationSettings {
  /** Tick interval, in ms. */
  readonly tickMs: number;
  /** A room with more listeners than this (the stream head's count, or the local subscribers if more) samples listeners' messages. */
  readonly sampleAboveListeners: number;
  /** Listeners' messages per tick per listener in a sampled room. */
  readonly sampleMessages: number;
  /** Buckets of listeners that each receive their own sample. */
  readonly sampleBuckets: number;
}

export interface ConversationTicksDeps {
  readonly bus: EventBus;
  /** A fresh EntityManager for each read made outside a request. */
  readonly fork: () => EntityManager;
  /** One read off the request pool (`Database.readAside`): a tick's room snapshot and the profiles its messages name. */
  readonly readAside: ReadAside;
  readonly logger: Logger;
  /** The one room access policy: a stream opens, and stays open, while it allows WATCH. */
  readonly access: RoomAccessPolicy;
  readonly settings: ConversationSettings;
  /**
   * Called once per room tick delivered here with its seconds from the tick's start (its `at`) to
   * its last frame handed to a subscriber's socket (`roundtable_conversation_tick_written_seconds`).
   */
  readonly onTickWritten?: (seconds: number) => void;
}

/** Counts of what this instance's conversation channel did (`/metrics`, and the tests that count work). */
export interface ConversationStats {
  /** Items handed to {@link ConversationTicks.record} on this instance. */
  recorded: number;
  /** Of those, items the bus did not take (pub/sub down): lost, as the lossy channel allows. */
  lost: number;
  /** Items this instance's rooms received from the bus (any instance's). */
  received: number;
  /** Room ticks that delivered something to at least one local subscriber. */
  ticks: number;
  /**
   * Distinct tick objects handed out (one per view and field-access class): the serialisations a
   * tick costs. Executions are fewer: one per field-access class; the other views are reshaped.
   */
  classes: number;
  /** Of those, views with a viewer's own or mentioning messages added (the per-viewer part). */
  overlays: number;
  /** Ticks handed to local subscribers (at most one per subscriber per room tick). */
  deliveries: number;
  /** Ticks dropped from a subscriber whose consumer fell {@link MAX_QUEUED_TICKS} ticks behind. */
  dropped: number;
}

/**
 * Most ticks a subscriber holds that its consumer has not taken; past this the oldest is dropped
 * (the channel is lossy by design; a socket that far behind is closed as too slow anyway).
 */
export const MAX_QUEUED_TICKS = 8;

/** A room snapshot older than this many tick intervals is read again before a tick, not after. */
export const SNAPSHOT_REUSE_TICKS = 5;

/** Most items a room holds between two ticks; beyond this, items are dropped until the next tick. */
export const MAX_PENDING_ITEMS = 100_000;

/** What a tick reads of a room: its listener count (the stream head) and who sits on the stage, by role. */
interface RoomSnapshot {
  readonly listeners: number;
  readonly roles: ReadonlyMap<string, ParticipantRole>;
}

const ROOM_SNAPSHOT_SQL = `select
    coalesce((select s.listener_count from room_streams s where s.room_id = $1), 0) as listeners,
    coalesce((select json_agg(json_build_array(p.profile_id, p.role)) from participants p
               where p.room_id = $1 and p.left_at is null and p.role <> $2), '[]'::json) as stage`;

/**
 * THE ROOM CONVERSATION'S LOSSY CHANNEL (issue 17), one per API instance: the real
 * {@link ConversationFeed} and the `roomConversation` streams.
 *
 * - `record` publishes each item on the room's bus topic (`room-conversation:<roomId>`; Redis
 *   between instances), never throwing: a bus outage loses items, logged once per outage.
 * - Each instance with subscribers to a room holds one channel for it: it gathers the room's items
 *   from the bus and, every tick interval (`CONVERSATION_TICK_MS`), folds them into one tick
 *   (`conversation-tick-plan.ts`) — nothing when nothing happened.
 * - A tick is built once per class of subscriber — everything (the stage and moderators, or
 *   everyone in a small room), each listener bucket's sample in a large room — plus one per
 *   distinct set of a viewer's own or mentioning messages the sample left out; every subscriber
 *   of a class gets the same {@link SharedDelivery}. The fan-out executes "everything" once per
 *   field-access class (what the policy lets the role read) and serialises each class once: a
 *   sample is that result with fewer messages (`derivedFrom`), reshaped, not executed again.
 * - The room's roles and listener count come from a snapshot read off the tick's path (see
 *   `roomSnapshot`): a role change reaches the classes within about two ticks of a busy room.
 * - A stream opens while the access policy allows WATCH, and ends when it no longer does: the
 *   room ended, the viewer was banned (read from the room's events), or any other change of
 *   rights announced on the viewer-access topic (block, suspension, group leave, staff role).
 */
export class ConversationTicks implements ConversationFeed {
  readonly stats: ConversationStats = { recorded: 0, lost: 0, received: 0, ticks: 0, classes: 0, overlays: 0, deliveries: 0, dropped: 0 };
  private readonly channels = new Map<string, ConversationChannel>();
  private readonly byViewer = new Map<string, Set<ConversationSubscriber>>();
  private accessSubscription: Promise<Unsubscribe> | null = null;
  private readonly stopWatchingRestores: () => void;
  private timer: NodeJS.Timeout | null = null;
  private manual = false;
  private publishFailing = false;

  constructor(private readonly deps: ConversationTicksDeps) {
    // Whatever was published during an outage is lost (ticks are lossy); access changes are not:
    // every stream re-checks its access when pub/sub is back.
    this.stopWatchingRestores = deps.bus.onRestored(() => {
      for (const subscribers of this.byViewer.values()) for (const subscriber of subscribers) subscriber.recheckAccess();
    });
  }

  record(roomId: string, item: ConversationItem): void {
    this.stats.recorded += 1;
    let published: Promise<void>;
    try {
      published = this.deps.bus.publish(roomConversationTopic(roomId.toLowerCase()), item);
    } catch (error) {
      published = Promise.reject(error);
    }
    published.then(
      () => {
        if (!this.publishFailing) return;
        this.publishFailing = false;
        this.deps.logger.info('conversation items reach the bus again');
      },
      (error: unknown) => {
        this.stats.lost += 1;
        if (this.publishFailing) return;
        // Once per run of failures (an outage), not per item: reactions alone may be hundreds a second.
        this.publishFailing = true;
        const outage = error instanceof PubSubUnavailableError;
        this.deps.logger[outage ? 'warn' : 'error'](
          { err: error, roomId },
          outage ? 'pub/sub is down: conversation items (chat, reactions, vote counts) are lost until it is back' : 'publishing a conversation item failed',
        );
      },
    );
  }

  /**
   * Opens one viewer's `roomConversation` stream: ticks from now on, none when nothing happens.
   * @throws DomainError as WATCH refuses (ROOM_NOT_FOUND, BANNED, ROOM_ENDED, ...); BAD_USER_INPUT
   *   for an id that is not a UUID; PubSubUnavailableError while pub/sub is down.
   */
  async open(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, signal?: AbortSignal): Promise<AsyncIterableIterator<ConversationDelivery>> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    if (!this.deps.bus.isUp()) throw new PubSubUnavailableError();
    await this.deps.access.require(em, viewer, roomId, RoomOperation.Watch);
    await this.ensureAccessSubscription();
    const channel = this.channelFor(roomId);
    const subscriber = new ConversationSubscriber(channel, viewer.profileId, bucketOf(viewer.profileId, this.deps.settings.sampleBuckets), this.stats, {
      mayStillWatch: async () => {
        try {
          await this.deps.access.require(this.deps.fork(), viewer, roomId, RoomOperation.Watch);
          return true;
        } catch (error) {
          if (error instanceof DomainError) return false;
          throw error;
        }
      },
      onClosed: (closed) => this.detach(closed),
    });
    this.attach(subscriber);
    signal?.addEventListener('abort', () => void subscriber.return(), { once: true });
    try {
      await channel.ready();
      if (signal?.aborted) await subscriber.return();
      else subscriber.start();
      return subscriber;
    } catch (error) {
      await subscriber.return();
      throw error;
    }
  }

  /** Ticks every room with something pending now, and resolves once those ticks are handed to their subscribers. */
  async tickNow(): Promise<void> {
    await Promise.all([...this.channels.values()].map((channel) => channel.tick()));
  }

  /**
   * Stops the interval timer: from now on rooms tick only on {@link tickNow}. For tests and
   * benchmarks that count ticks; never called by the API itself.
   */
  useManualTicks(): void {
    this.manual = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Live `roomConversation` streams on this instance (of one room, or of all). */
  subscriberCount(roomId?: string): number {
    const channels = roomId !== undefined ? [this.channels.get(roomId.toLowerCase())] : [...this.channels.values()];
    let count = 0;
    for (const channel of channels) for (const subscriber of channel?.subscribers ?? []) if (subscriber.isLive()) count += 1;
    return count;
  }

  /** Items this instance holds for the room's next tick (tests wait for items from another instance with it). */
  pendingCount(roomId: string): number {
    return this.channels.get(roomId.toLowerCase())?.pendingCount() ?? 0;
  }

  /** Rooms with a channel on this instance (each holds two bus subscriptions: its items and its events). */
  watchedRoomCount(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.stopWatchingRestores();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const pending = this.accessSubscription;
    this.accessSubscription = null;
    if (pending) await (await pending)();
  }

  private channelFor(roomId: string): ConversationChannel {
    let channel = this.channels.get(roomId);
    if (!channel) {
      channel = new ConversationChannel(roomId, this.deps, this.stats, () => {
        if (this.channels.get(roomId) === channel) this.channels.delete(roomId);
      });
      this.channels.set(roomId, channel);
      this.startTimer();
    }
    return channel;
  }

  private startTimer(): void {
    if (this.timer || this.manual) return;
    this.timer = setInterval(() => {
      for (const channel of this.channels.values()) void channel.tick();
    }, this.deps.settings.tickMs);
    this.timer.unref();
  }

  private attach(subscriber: ConversationSubscriber): void {
    const set = this.byViewer.get(subscriber.viewerId) ?? new Set();
    set.add(subscriber);
    this.byViewer.set(subscriber.viewerId, set);
  }

  private detach(subscriber: ConversationSubscriber): void {
    const set = this.byViewer.get(subscriber.viewerId);
    set?.delete(subscriber);
    if (set && set.size === 0) this.byViewer.delete(subscriber.viewerId);
  }

  /** The viewer-access topic `RoomEventStream.notifyAccessChanged` publishes on: the same announcements end these streams. */
  private async ensureAccessSubscription(): Promise<void> {
    this.accessSubscription ??= this.deps.bus.subscribe(VIEWER_ACCESS_TOPIC, (payload) => {
      const profileId = (payload as { profileId?: unknown } | null)?.profileId;
      if (typeof profileId !== 'string') return;
      for (const subscriber of this.byViewer.get(profileId) ?? []) subscriber.recheckAccess();
    });
    await this.accessSubscription;
  }
}

/** One room on one instance: its items since the last tick, its local subscribers, and its ticks. */
class ConversationChannel {
  readonly subscribers = new Set<ConversationSubscriber>();
  private pending: ConversationItem[] = [];
  private overflowLogged = false;
  private ticking: Promise<void> | null = null;
  private lastRoom: RoomSnapshot = { listeners: 0, roles: new Map() };
  /** When `lastRoom` was read (ms since the epoch; 0: never). */
  private snapshotAt = 0;
  private snapshotRead: Promise<RoomSnapshot> | null = null;
  /** Authors and mentioned profiles, read as messages arrive (see {@link ChannelProfiles}). */
  private readonly profiles: ChannelProfiles;
  private unsubscribes: Unsubscribe[] = [];
  private disposed = false;
  private readonly initialised: Promise<void>;

  constructor(
    readonly roomId: string,
    private readonly deps: ConversationTicksDeps,
    private readonly stats: ConversationStats,
    private readonly onDisposed: () => void,
  ) {
    this.profiles = new ChannelProfiles(deps.fork, deps.readAside, deps.logger);
    this.initialised = this.initialise();
    this.initialised.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.initialised;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  private async initialise(): Promise<void> {
    const subscriptions = await Promise.all([
      this.deps.bus.subscribe(roomConversationTopic(this.roomId), (payload) => this.onItem(payload)),
      // The events that end every stream (the room ended) or one viewer's (banned).
      this.deps.bus.subscribe(roomEventsTopic(this.roomId), (payload) => this.onRoomEvent(payload)),
    ]);
    if (this.disposed) {
      await Promise.all(subscriptions.map((unsubscribe) => unsubscribe()));
      return;
    }
    this.unsubscribes = subscriptions;
    // The first tick need not wait for the room.
    await this.refreshSnapshot();
  }

  private onItem(payload: unknown): void {
    if (this.disposed) return;
    let item: ConversationItem;
    try {
      item = parseConversationItem(payload);
    } catch (error) {
      this.deps.logger.warn({ err: error, roomId: this.roomId }, 'dropped an invalid conversation item from the bus');
      return;
    }
    this.stats.received += 1;
    if (this.pending.length >= MAX_PENDING_ITEMS) {
      if (!this.overflowLogged) this.deps.logger.warn({ roomId: this.roomId, max: MAX_PENDING_ITEMS }, 'a room held too many conversation items for one tick: items are dropped until it ticks');
      this.overflowLogged = true;
      return;
    }
    this.pending.push(item);
    if (item.kind === 'message') this.profiles.want([item.message.authorId, ...item.message.mentionIds]);
  }

  private onRoomEvent(payload: unknown): void {
    // Only two kinds of event end a stream; the others (joins by the thousand) are not even parsed.
    const type = (payload as { event?: { type?: unknown } } | null)?.event?.type;
    if (this.disposed || (type !== 'RoomStatusChanged' && type !== 'ParticipantRemoved')) return;
    let event;
    try {
      event = parseRoomEventMessage(payload, 'bus').event;
    } catch {
      // The room's event stream logs invalid events; nothing here depends on it.
      return;
    }
    for (const subscriber of [...this.subscribers]) if (endsStreamFor(event, subscriber.viewerId)) void subscriber.return();
  }

  /** Builds and delivers this room's tick, if anything happened since the last one; one tick at a time. */
  tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    if (this.disposed || this.pending.length === 0) return Promise.resolve();
    const items = this.pending;
    this.pending = [];
    this.overflowLogged = false;
    this.ticking = this.deliver(items, new Date())
      .catch((error: unknown) => this.deps.logger.error({ err: error, roomId: this.roomId }, 'a conversation tick failed'))
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  /** `at`: the tick's start (its interval's end), before anything is read or built. */
  private async deliver(items: readonly ConversationItem[], at: Date): Promise<void> {
    const folded = foldConversation(items);
    if (!folded || ![...this.subscribers].some((subscriber) => subscriber.isLive())) return;
    const room = await this.roomSnapshot();
    const { settings } = this.deps;
    const subscribers = [...this.subscribers];
    const liveCount = subscribers.filter((subscriber) => subscriber.isLive()).length;
    const plan = new TickPlan(folded, Math.max(room.listeners, liveCount) > settings.sampleAboveListeners, {
      messagesPerTick: settings.sampleMessages,
      buckets: settings.sampleBuckets,
    });
    // Every class of this tick shares one request scope, primed with the authors and mentions read
    // as the messages arrived: executing the tick reads nothing they name from the database.
    // The read of names that arrived just before the tick is on the side connection: waiting for
    // it (a tick at most) costs less than the tick reading them through the request pool's queue.
    await this.profiles.settled(settings.tickMs);
    const requestScope = new RequestScope(() => this.deps.fork(), null);
    this.profiles.prime(requestScope, folded.messages.flatMap((message) => [message.authorId, ...message.mentionIds]));
    this.profiles.forgetOlderThan(2 * PROFILE_REFRESH_MS);
    const scopeOwner: ScopeOwner = { requestScope };
    const records = new Map<ChatMessageJson, ChatMessageRecord>();
    const recordOf = (message: ChatMessageJson): ChatMessageRecord => {
      let record = records.get(message);
      if (!record) {
        record = chatMessageRecord(message);
        records.set(message, record);
      }
      return record;
    };
    const valueOf = (view: TickView): ConversationTickValue => ({
      roomId: this.roomId,
      at,
      messages: view.messages.map(recordOf),
      sampledOut: view.sampledOut,
      reactions: folded.reactions,
      questionVotes: folded.questionVotes,
      deletedMessageIds: folded.deletedMessageIds,
    });
    const fieldClasses = new Map<ParticipantRole | null, string>();
    // Per field-access class: everything (executed once), and each other view derived from it
    // (a sample: the fan-out reshapes the executed result instead of executing again).
    const everything = new Map<string, ConversationDelivery>();
    const everythingFor = (fieldClass: string, role: ParticipantRole | null): ConversationDelivery => {
      let delivery = everything.get(fieldClass);
      if (!delivery) {
        delivery = new SharedDelivery(valueOf(plan.everything), `${fieldClass}|all`, role, scopeOwner);
        everything.set(fieldClass, delivery);
      }
      return delivery;
    };
    const derived = new Map<TickView, Map<string, ConversationDelivery>>();
    const delivered = new Set<ConversationDelivery>();
    let deliveries = 0;
    for (const subscriber of subscribers) {
      if (!subscriber.isLive()) continue;
      const role = room.roles.get(subscriber.viewerId) ?? null;
      const view = plan.view(subscriber.viewerId, subscriber.bucket, role !== null && STAGE_ROLES.has(role));
      let fieldClass = fieldClasses.get(role);
      if (fieldClass === undefined) {
        fieldClass = fieldAccessClassOfRole(role);
        fieldClasses.set(role, fieldClass);
      }
      let delivery: ConversationDelivery;
      if (view === plan.everything) delivery = everythingFor(fieldClass, role);
      else {
        let byClass = derived.get(view);
        if (!byClass) {
          byClass = new Map();
          derived.set(view, byClass);
        }
        const known = byClass.get(fieldClass);
        if (known) delivery = known;
        else {
          delivery = new SharedDelivery(valueOf(view), `${fieldClass}|${view.key}`, role, scopeOwner, {
            base: everythingFor(fieldClass, role),
            lists: { messages: view.indexes },
            scalars: { sampledOut: view.sampledOut },
          });
          byClass.set(fieldClass, delivery);
          if (view.key.includes('+')) this.stats.overlays += 1;
        }
      }
      delivered.add(delivery);
      subscriber.offer(delivery);
      deliveries += 1;
    }
    this.stats.classes += delivered.size;
    this.stats.deliveries += deliveries;
    if (deliveries > 0) {
      this.stats.ticks += 1;
      const { onTickWritten } = this.deps;
      if (onTickWritten) void Promise.all([...delivered].map((delivery) => delivery.written)).then(() => onTickWritten((Date.now() - at.getTime()) / 1000));
    }
  }

  /**
   * The room as a tick reads it, off the tick's path in a busy room: the last snapshot while it is
   * younger than {@link SNAPSHOT_REUSE_TICKS} intervals (read again in the background once it is a
   * tick old), else a fresh read. So a role change or the room's growth reaches the classes within
   * about two ticks of a busy room, and a quiet room's rare tick reads the room first.
   */
  private async roomSnapshot(): Promise<RoomSnapshot> {
    const age = Date.now() - this.snapshotAt;
    const { tickMs } = this.deps.settings;
    if (this.snapshotAt === 0 || age >= SNAPSHOT_REUSE_TICKS * tickMs) return this.refreshSnapshot();
    if (age >= tickMs) void this.refreshSnapshot();
    return this.lastRoom;
  }

  private refreshSnapshot(): Promise<RoomSnapshot> {
    this.snapshotRead ??= this.readRoom().finally(() => {
      this.snapshotRead = null;
    });
    return this.snapshotRead;
  }

  /** The room's listener count (the stream head) and its stage by role, in one statement; the last known on failure. */
  private async readRoom(): Promise<RoomSnapshot> {
    try {
      // On the side connection: behind a saturated pool (hundreds of chat and react mutations a
      // second) this read waited seconds, and a tick whose snapshot was too old waited with it.
      const rows = await this.deps.readAside<{ listeners: number | string; stage: [string, ParticipantRole][] | string }>(ROOM_SNAPSHOT_SQL, [
        this.roomId,
        ParticipantRole.Listener,
      ]);
      const row = rows[0];
      const stage = typeof row?.stage === 'string' ? (JSON.parse(row.stage) as [string, ParticipantRole][]) : (row?.stage ?? []);
      this.lastRoom = { listeners: Number(row?.listeners ?? 0), roles: new Map(stage) };
      this.snapshotAt = Date.now();
    } catch (error) {
      // Delivery goes on with what was known: at worst a stage member gets a listener's sample once.
      this.deps.logger.warn({ err: error, roomId: this.roomId }, 'reading a room for its conversation tick failed');
    }
    return this.lastRoom;
  }

  add(subscriber: ConversationSubscriber): void {
    this.subscribers.add(subscriber);
  }

  async remove(subscriber: ConversationSubscriber): Promise<void> {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0 || this.disposed) return;
    this.disposed = true;
    this.pending = [];
    this.onDisposed();
    const unsubscribes = this.unsubscribes;
    this.unsubscribes = [];
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
  }
}

interface SubscriberHooks {
  /** Asks WATCH again (a fresh EntityManager); false when the viewer lost it. */
  readonly mayStillWatch: () => Promise<boolean>;
  readonly onClosed: (subscriber: ConversationSubscriber) => void;
}

/**
 * One viewer's `roomConversation` stream. Pushes each tick straight to the fan-out's sink while
 * its consumer waits (no promise per subscriber per tick), queues it otherwise; ends at once on
 * `return()` (client gone, access lost, room ended).
 */
class ConversationSubscriber implements AsyncIterableIterator<ConversationDelivery> {
  readonly [SHARED_DELIVERY_STREAM] = true;
  private readonly queue: ConversationDelivery[] = [];
  private started = false;
  private done = false;
  private accessChanged = false;
  private wake: (() => void) | null = null;
  private sink: ((item: ConversationDelivery) => boolean) | null = null;

  constructor(
    private readonly channel: ConversationChannel,
    readonly viewerId: string,
    /** The viewer's sample bucket (`bucketOf`). */
    readonly bucket: number,
    private readonly stats: ConversationStats,
    private readonly hooks: SubscriberHooks,
  ) {
    channel.add(this);
  }

  get roomId(): string {
    return this.channel.roomId;
  }

  start(): void {
    this.started = true;
  }

  isLive(): boolean {
    return this.started && !this.done;
  }

  /** See `RoomSubscriber.setSink`: the fan-out takes idle deliveries without a pull. */
  setSink(sink: ((item: ConversationDelivery) => boolean) | null): void {
    this.sink = sink;
  }

  offer(delivery: ConversationDelivery): void {
    if (!this.isLive()) return;
    if (this.wake !== null && this.queue.length === 0 && !this.accessChanged && this.sink?.(delivery)) return;
    if (this.queue.length >= MAX_QUEUED_TICKS) {
      this.queue.shift();
      this.stats.dropped += 1;
    }
    this.queue.push(delivery);
    this.signal();
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

  async next(): Promise<IteratorResult<ConversationDelivery>> {
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      if (this.accessChanged) {
        this.accessChanged = false;
        if (!(await this.hooks.mayStillWatch())) {
          await this.return();
          continue;
        }
      }
      const delivery = this.queue.shift();
      if (delivery) return { value: delivery, done: false };
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<ConversationDelivery>> {
    if (!this.done) {
      this.done = true;
      this.sink = null;
      this.queue.length = 0;
      this.signal();
      this.hooks.onClosed(this);
      await this.channel.remove(this);
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ConversationDelivery>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ConversationDelivery> {
    return this;
  }
}

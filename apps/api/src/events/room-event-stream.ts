import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainErrorCode, DomainError, joinRefusal, joinRefusalMessage } from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import { RoomEntity, RoomEventEntity } from '../rooms/room.entity';
import { asDomainViewer, roomAccessFacts } from '../rooms/room-visibility';
import type { EventBus, Unsubscribe } from './event-bus';
import { endsStreamFor, parseRoomEventMessage, type RoomEventMessage } from './room-event-message';

/** The bus topic of one room's events. */
export const roomEventsTopic = (roomId: string): string => `room-events:${roomId}`;

/** The bus topic that tells a viewer's open streams to re-check their access (group left, …). */
export const viewerAccessTopic = (profileId: string): string => `viewer-access:${profileId}`;

/** Most events a subscription replays from `sinceVersion`; further behind, refetch the room. */
export const MAX_REPLAY = 1000;

/**
 * Most live events a stream holds for a consumer that has not pulled them yet. Past this the
 * buffer is dropped and the stream catches up from `room_events` when the consumer pulls again:
 * memory stays bounded however slow the consumer.
 */
export const MAX_BUFFERED_EVENTS = 256;

export interface RoomEventStreamDeps {
  readonly bus: EventBus;
  /** A fresh EntityManager for each read the stream makes after it opened. */
  readonly fork: () => EntityManager;
  readonly logger: Logger;
  /**
   * Further refusals checked whenever a stream opens or re-checks its access (trust and safety:
   * a suspended account, a profile the host blocked); throw a DomainError to refuse.
   */
  readonly accessGuards?: readonly ((em: EntityManager, viewer: AuthenticatedViewer, room: RoomEntity) => Promise<void>)[];
}

/**
 * Owns everything about delivering a room's events: the topic, publishing after commit, and each
 * subscriber's stream — subscribe before reading, replay from `sinceVersion`, gap fill from
 * `room_events`, version order, the end of the stream (room ended, viewer banned), and ending it
 * when the viewer loses access to the room for any other reason.
 */
export class RoomEventStream {
  constructor(private readonly deps: RoomEventStreamDeps) {}

  /** Publishes committed events in version order; a failure is logged (subscribers fill the gap). */
  async publish(roomId: string, messages: readonly RoomEventMessage[]): Promise<void> {
    for (const message of messages) {
      try {
        await this.deps.bus.publish(roomEventsTopic(roomId), message);
      } catch (error) {
        this.deps.logger.error({ err: error, roomId, version: message.event.version }, 'publishing a room event failed');
      }
    }
  }

  /** Tells every open stream of `profileId` (on every instance) to re-check its access now. */
  async notifyAccessChanged(profileId: string): Promise<void> {
    try {
      await this.deps.bus.publish(viewerAccessTopic(profileId), { profileId });
    } catch (error) {
      this.deps.logger.error({ err: error, profileId }, 'publishing an access change failed');
    }
  }

  /**
   * Opens one viewer's stream of one room's events, in version order from `sinceVersion` (or from
   * now). Only viewers who may join the room may subscribe; a SCHEDULED room may be watched.
   * @throws DomainError NOT_FOUND / FORBIDDEN / CONFLICT as for joining; BAD_USER_INPUT for a
   *   `sinceVersion` outside `[current - MAX_REPLAY, current]`.
   */
  async open(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRoomId: string,
    sinceVersion: number | null,
    signal?: AbortSignal,
  ): Promise<AsyncIterableIterator<RoomEventMessage>> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    if (sinceVersion !== null && (!Number.isInteger(sinceVersion) || sinceVersion < 0)) {
      throw badInput('sinceVersion', 'sinceVersion must be a non-negative integer');
    }
    await this.assertMaySubscribe(em, viewer, roomId);
    const stream = new RoomEventIterator(roomId, viewer, this.deps, (fork) => this.maySubscribe(fork, viewer, roomId));
    signal?.addEventListener('abort', () => void stream.return(), { once: true });
    try {
      // Subscribe before reading the version, so nothing committed in between is missed.
      await stream.start();
      const current = await em.getConnection().execute<{ version: number }[]>(`select version from rooms where id = ?`, [roomId]);
      const currentVersion = current[0]?.version ?? 0;
      if (sinceVersion !== null && (sinceVersion > currentVersion || currentVersion - sinceVersion > MAX_REPLAY)) {
        throw badInput(
          'sinceVersion',
          `sinceVersion must be between ${Math.max(0, currentVersion - MAX_REPLAY)} and ${currentVersion}; refetch the room`,
        );
      }
      stream.resumeFrom(sinceVersion ?? currentVersion, currentVersion);
      if (signal?.aborted) await stream.return();
      return stream;
    } catch (error) {
      // Nothing will consume the stream: release its bus subscriptions with it.
      await stream.return();
      throw error;
    }
  }

  private async assertMaySubscribe(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<void> {
    const room = await em.findOne(RoomEntity, { id: roomId });
    if (!room) throw notFound('Room');
    for (const guard of this.deps.accessGuards ?? []) await guard(em, viewer, room);
    const refusal = joinRefusal(await roomAccessFacts(em, room, viewer.profileId), asDomainViewer(viewer));
    // Permission to join is what counts; a SCHEDULED room may be watched until it goes live.
    if (refusal !== null && refusal !== DomainErrorCode.RoomNotLive) throw new DomainError(refusal, joinRefusalMessage(refusal));
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

/**
 * One subscriber's stream. Not an async generator on purpose: `return()` must release the bus
 * subscriptions at once — also before the first `next()` and while a `next()` waits — and an
 * async generator defers both (the leak of issue 6 #8).
 */
class RoomEventIterator implements AsyncIterableIterator<RoomEventMessage> {
  private last = 0;
  /** Known to be committed up to here (replay target, or an overflowed buffer). */
  private catchUpTo = 0;
  private readonly pending = new Map<number, RoomEventMessage>();
  private readonly ready: RoomEventMessage[] = [];
  private done = false;
  private endAfterReady = false;
  private accessChanged = false;
  private wake: (() => void) | null = null;
  private readonly unsubscribes: Unsubscribe[] = [];
  private resumed = false;

  constructor(
    private readonly roomId: string,
    private readonly viewer: AuthenticatedViewer,
    private readonly deps: RoomEventStreamDeps,
    private readonly mayStillSubscribe: (em: EntityManager) => Promise<boolean>,
  ) {}

  async start(): Promise<void> {
    const subscriptions = [
      this.deps.bus.subscribe(roomEventsTopic(this.roomId), (payload) => this.onEvent(payload)),
      this.deps.bus.subscribe(viewerAccessTopic(this.viewer.profileId), () => this.onAccessChanged()),
    ];
    for (const subscription of subscriptions) {
      const unsubscribe = await subscription;
      // return() may have run while the bus was subscribing.
      if (this.done) await unsubscribe();
      else this.unsubscribes.push(unsubscribe);
    }
  }

  resumeFrom(lastSeen: number, current: number): void {
    this.last = lastSeen;
    this.catchUpTo = Math.max(this.catchUpTo, current);
    this.resumed = true;
    for (const version of [...this.pending.keys()]) if (version <= lastSeen) this.pending.delete(version);
    this.signal();
  }

  private onEvent(payload: unknown): void {
    if (this.done) return;
    let message: RoomEventMessage;
    try {
      message = parseRoomEventMessage(payload, 'bus');
    } catch (error) {
      this.deps.logger.warn({ err: error, roomId: this.roomId }, 'dropped an invalid room event from the bus');
      return;
    }
    const { version } = message.event;
    if (this.resumed && version <= this.last) return;
    this.pending.set(version, message);
    if (this.pending.size > MAX_BUFFERED_EVENTS) {
      // A consumer this far behind catches up from the log instead of from memory.
      const newest = Math.max(...this.pending.keys());
      this.pending.clear();
      this.catchUpTo = Math.max(this.catchUpTo, newest);
    }
    this.signal();
  }

  private onAccessChanged(): void {
    if (this.done) return;
    this.accessChanged = true;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async next(): Promise<IteratorResult<RoomEventMessage>> {
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      if (this.accessChanged) {
        this.accessChanged = false;
        if (!(await this.mayStillSubscribe(this.deps.fork()))) {
          await this.return();
          continue;
        }
      }
      const readyEvent = this.ready.shift();
      if (readyEvent) return this.deliver(readyEvent);
      if (this.endAfterReady) {
        await this.return();
        continue;
      }
      if (this.resumed) {
        const nextLive = this.pending.get(this.last + 1);
        if (nextLive) {
          this.pending.delete(this.last + 1);
          return this.deliver(nextLive);
        }
        const lowestPending = this.pending.size > 0 ? Math.min(...this.pending.keys()) : null;
        const upTo = Math.max(this.catchUpTo, lowestPending === null ? 0 : lowestPending - 1);
        if (upTo > this.last) {
          await this.fill(upTo);
          continue;
        }
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Loads `(last, upTo]` from `room_events` into `ready`; what is not there is skipped. */
  private async fill(upTo: number): Promise<void> {
    const rows = await this.deps.fork().find(
      RoomEventEntity,
      { roomId: this.roomId, version: { $gt: this.last, $lte: upTo } },
      { orderBy: { version: 'asc' } },
    );
    if (this.done) return;
    for (const row of rows) this.ready.push(parseRoomEventMessage(row.payload, 'database'));
    if (rows.length === 0) {
      // Committed events are always in the log before they are published; nothing there means
      // the range does not exist: move on rather than ask again.
      this.last = upTo;
      this.deps.logger.warn({ roomId: this.roomId, upTo }, 'room event range missing from room_events');
    }
    this.catchUpTo = Math.max(this.catchUpTo, upTo);
  }

  private deliver(message: RoomEventMessage): IteratorResult<RoomEventMessage> {
    this.last = message.event.version;
    for (const version of [...this.pending.keys()]) if (version <= this.last) this.pending.delete(version);
    if (endsStreamFor(message.event, this.viewer.profileId)) {
      this.endAfterReady = true;
      this.ready.length = 0;
    }
    return { value: message, done: false };
  }

  async return(): Promise<IteratorResult<RoomEventMessage>> {
    if (!this.done) {
      this.done = true;
      this.pending.clear();
      this.ready.length = 0;
      this.signal();
      const unsubscribes = this.unsubscribes.splice(0);
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<RoomEventMessage>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RoomEventMessage> {
    return this;
  }
}

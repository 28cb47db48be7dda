import { AsyncResource } from 'node:async_hooks';

import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  Kind,
  print,
  type SelectionSetNode,
} from 'graphql';
import { fieldAccessClassOfRole, ParticipantRole } from '@roundtable/domain';

import type { GraphQLContext, NextFrameSender } from '../common/context';
import { RequestScope } from '../common/request-scope';
import type { Database } from '../database/orm';
import { type RoomStreamItem, subjectOf } from './room-event-message';
import { isPushableRoomStream } from './room-event-stream';
import { type DerivedFrom, isSharedDeliveryStream, ownScopeOf, reshapeResult, type RootFieldKeys, rootFieldKeys, SharedDelivery } from './shared-delivery';

/**
 * Fields whose value depends on who is asking, beyond the viewer's role in the room. A
 * subscription document selecting any of them is executed per subscriber, as graphql-ws does.
 */
export const VIEWER_SPECIFIC_FIELDS: ReadonlySet<string> = new Set([
  'viewerParticipant',
  'viewerFollows',
  'viewerBlocks',
  'viewerIsMember',
  'viewerMembership',
  'viewerJoinRequest',
  'viewerIsInvited',
  'members',
  'joinRequests',
  'viewerHasUpvoted',
]);

/** Counts of what the fan-out did, for `/metrics` (`roundtable_subscription_fanout_total`) and for tests that count executions. */
export interface FanoutStats {
  /** Documents executed for delivered items (shared or not). */
  executions: number;
  /** Deliveries served by an execution another subscriber started. */
  sharedDeliveries: number;
  /** Results serialised to JSON (once per execution of a shared class, whatever its subscribers). */
  serialisations: number;
  /** Items the room's channel handed straight to an idle subscription's frames (no pull, no promise). */
  pushed: number;
  /**
   * Shared deliveries derived from another's execution (`SharedDelivery.derivedFrom`: a listener
   * bucket's sample of a conversation tick) whose result was reshaped instead of executed.
   */
  projections: number;
}

/** One execution of a shared class: its result, and that result as graphql-ws payload JSON. */
interface SharedResult {
  readonly result: ExecutionResult;
  /** `{"data":…}` exactly as graphql-ws would serialise it; null when the result has errors. */
  readonly json: string | null;
}

/**
 * One execution's outcome, shared by every subscriber of its class. Subscribers that arrive
 * before it settles leave a callback instead of awaiting a promise each: ten thousand waiting
 * subscribers cost ten thousand array entries, not ten thousand promise reactions.
 */
class SharedExecution {
  value: SharedResult | null = null;
  /** `value.json` as UTF-8, encoded on the first delivery and reused by every other subscriber. */
  private encoded: Buffer | null = null;
  readonly settled: Promise<SharedResult>;
  private waiters: (() => void)[] = [];

  /** `run` is called once, at once; what it throws or rejects with is delivered as an internal error. */
  constructor(run: () => Promise<SharedResult>) {
    let started: Promise<SharedResult>;
    try {
      started = run();
    } catch (error) {
      started = Promise.reject(error);
    }
    this.settled = started
      .catch((error: unknown): SharedResult => ({ result: internalError(error), json: null }))
      .then((value) => {
        this.value = value;
        const waiters = this.waiters;
        this.waiters = [];
        for (const waiter of waiters) waiter();
        return value;
      });
  }

  /** Calls `waiter` once the value is set (never synchronously from here). */
  whenSettled(waiter: () => void): void {
    this.waiters.push(waiter);
  }

  /**
   * The settled value's payload JSON as UTF-8 bytes, encoded once (null: it has errors, or is not
   * settled). Never modified: sockets hold it, uncopied, in their write queues.
   */
  payloadBytes(): Buffer | null {
    if (this.encoded === null && this.value?.json != null) this.encoded = Buffer.from(this.value.json, 'utf8');
    return this.encoded;
  }
}

/** What an execution that threw (not a GraphQL error: a bug) is delivered as: masked by formatError. */
function internalError(error: unknown): ExecutionResult {
  return { errors: [new GraphQLError('Internal server error', { originalError: error instanceof Error ? error : undefined })] };
}

/**
 * One operation's `next` frames, in the order their items were delivered, whichever way each
 * item came (pushed by the room's channel, or pulled through the iterator). A frame waits for
 * the frames before it; at most one callback per operation waits on an execution.
 */
class OrderedFrames {
  private readonly queue: SharedExecution[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly frames: NextFrameSender) {}

  get size(): number {
    return this.queue.length;
  }

  enqueue(execution: SharedExecution): void {
    this.queue.push(execution);
    if (this.queue.length === 1) this.flush();
  }

  /** Resolves once every enqueued frame has been written (or dropped with its socket). */
  idle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private readonly flush = (): void => {
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      const value = head.value;
      if (!value) {
        head.whenSettled(this.flush);
        return;
      }
      this.queue.shift();
      // false: the operation or socket is gone (or was closed as too slow); the frame is dropped.
      const payload = head.payloadBytes();
      if (payload !== null) this.frames.bytes(payload);
      else this.frames.result(value.result);
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  };
}

/**
 * A shared delivery's frames are written, to every subscriber waiting on its execution, in the
 * callback that settles it: a reaction added to `settled` afterwards runs once they all are.
 */
function markWrittenWhenSettled(item: object, execution: SharedExecution): void {
  if (item instanceof SharedDelivery) item.trackExecution(execution.settled);
}

/** Most frames one operation holds waiting for executions before its pulls wait for them. */
const MAX_QUEUED_FRAMES = 64;

/**
 * graphql-ws's `subscribe`, executing each delivered room event ONCE per distinct (document,
 * variables, visibility class) on this instance, instead of once per subscriber. Every local
 * subscriber of a room receives the same item object from its channel, so the result is shared
 * through a cache keyed by that object; each subscriber's own stream (access, replay, end) is
 * still its own. The visibility class is what makes results differ between viewers: the fields
 * the room access policy lets the viewer read in their role (`fieldAccessClassOfRole`: hosts and
 * moderators see hand questions) and whether the event is about the viewer themself. Documents that select viewer-specific fields fall back to executing per
 * subscriber. All subscribers of one item share one RequestScope, so what an event needs is
 * loaded once per event per instance, whatever the number of subscribers.
 */
export class SubscriptionFanout {
  readonly stats: FanoutStats = { executions: 0, sharedDeliveries: 0, serialisations: 0, pushed: 0, projections: 0 };
  private readonly results = new WeakMap<object, Map<string, SharedExecution>>();
  private readonly scopes = new WeakMap<object, RequestScope>();
  private readonly documentKeys = new WeakMap<DocumentNode, string | null>();
  private readonly rootKeys = new WeakMap<DocumentNode, Map<string, RootFieldKeys | null>>();

  /** The async context shared executions run in: the fan-out's own, made outside any request. */
  private readonly root = new AsyncResource('roundtable.subscription-fanout');

  constructor(private readonly db: Database) {}

  /**
   * Drop-in for graphql's `subscribe` (graphql-ws `subscribe` option). A shareable subscription
   * whose context can write its own frames (`nextFrames`, set over WebSocket) gets one execution
   * and one JSON serialisation per class and item; per subscriber only a string concatenation and
   * a socket write, pushed from the room's channel without a promise per subscriber. Every other
   * subscription goes through graphql-ws as usual; the client sees the same protocol either way.
   */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    const documentKey = this.documentKey(args.document, args.operationName ?? null);
    const context = args.contextValue as GraphQLContext;
    const viewer = context.viewer;
    if (documentKey === null || !viewer) {
      return mapIterator(source, (item) => {
        this.stats.executions += 1;
        return Promise.resolve(execute({ ...args, rootValue: item }));
      });
    }
    const shareKey = `${documentKey}|${JSON.stringify(args.variableValues ?? {})}`;
    // A class is what the access policy lets the viewer read (fieldAccessClassOfRole) and whether
    // the event is about the viewer; its key is built once per role seen, not per delivery.
    const classKeys = new Map<string, string>();
    const classKey = (fieldClass: string, subject: boolean): string => {
      const name = `${fieldClass}|${subject ? 'subject' : 'other'}`;
      let key = classKeys.get(name);
      if (key === undefined) {
        key = `${shareKey}|${name}`;
        classKeys.set(name, key);
      }
      return key;
    };
    // The room of the stream itself: never read from the request's variables, whose names (or a
    // literal argument) are the client's choice; a moderator's class must not depend on them.
    let role = isPushableRoomStream(source) && !isSharedDeliveryStream(source) ? await this.initialRole(context, source.roomId) : null;
    const shared = (item: unknown): SharedExecution => {
      // One object per class, made by the stream that delivers it (conversation ticks): shared as it is.
      if (item instanceof SharedDelivery) {
        // The object is its class already: within it, executions differ only by document and
        // variables. The subscription's own key string, not one built per delivery: its hash is
        // computed once, not once per subscriber per tick (10,000 a tick in bench:conversation).
        const contextOf = (delivery: SharedDelivery<unknown>) => () => this.sharedContext(delivery.scopeOwner, context, delivery.roleHint);
        const keys = item.derivedFrom ? this.rootFieldKeysOf(args.document, args.operationName ?? null) : null;
        if (!item.derivedFrom || !keys) return this.sharedExecution(item, shareKey, args, contextOf(item));
        const { base } = item.derivedFrom;
        return this.derivedExecution(item, item.derivedFrom, shareKey, keys, args, contextOf(item), () =>
          this.sharedExecution(base, shareKey, args, contextOf(base), false),
        );
      }
      if (!isStreamItem(item)) {
        this.stats.executions += 1;
        return new SharedExecution(() => this.root.runInAsyncScope(async () => ({ result: await execute({ ...args, rootValue: item }), json: null })));
      }
      role = roleAfter(item, viewer.profileId, role);
      const subject = subjectOf(item.event) === viewer.profileId;
      const key = classKey(fieldAccessClassOfRole(role), subject);
      const itemRole = role;
      return this.sharedExecution(item, key, args, () => this.sharedContext(item, context, itemRole));
    };
    if (!context.nextFrames) return mapIterator(source, async (item) => (await shared(item).settled).result);
    return frameIterator(source, shared, new OrderedFrames(context.nextFrames), this.stats);
  }

  /**
   * The execution of `item` for the class `key`: the one already started for an earlier subscriber
   * of the class, or a new one (`contextValue` is only built then).
   */
  private sharedExecution(item: object, key: string, args: ExecutionArgs, contextOf: () => GraphQLContext, delivered = true): SharedExecution {
    const cached = this.cached(item, key, delivered);
    if (cached) return cached;
    this.stats.executions += 1;
    const context = contextOf();
    // In the fan-out's own async context, not that of whatever delivered the item (a mutation's
    // request, whose trace and transaction context must not take in this work).
    const execution = new SharedExecution(() =>
      this.root.runInAsyncScope(async (): Promise<SharedResult> => {
        const result = await execute({ ...args, rootValue: item, contextValue: context });
        if (result.errors) return { result, json: null };
        this.stats.serialisations += 1;
        return { result, json: JSON.stringify(result) };
      }),
    );
    this.results.get(item)?.set(key, execution);
    markWrittenWhenSettled(item, execution);
    return execution;
  }

  /** The execution already started for `item` and class `key` (counted as a shared delivery when `delivered`); makes the item's entry. */
  private cached(item: object, key: string, delivered: boolean): SharedExecution | null {
    let byKey = this.results.get(item);
    if (!byKey) {
      byKey = new Map();
      this.results.set(item, byKey);
    }
    const cached = byKey.get(key);
    if (cached && delivered) this.stats.sharedDeliveries += 1;
    return cached ?? null;
  }

  /**
   * A derived delivery's result: its base's (executed once, whoever needs it first) reshaped and
   * serialised, one projection per class; executed on its own when the base's result does not
   * have the expected shape (an error, say).
   */
  private derivedExecution(
    item: SharedDelivery<unknown>,
    derived: DerivedFrom,
    key: string,
    keys: RootFieldKeys,
    args: ExecutionArgs,
    contextOf: () => GraphQLContext,
    baseExecution: () => SharedExecution,
  ): SharedExecution {
    const cached = this.cached(item, key, true);
    if (cached) return cached;
    this.stats.projections += 1;
    const base = baseExecution();
    const execution = new SharedExecution(async (): Promise<SharedResult> => {
      const reshaped = reshapeResult((await base.settled).result, keys, derived);
      if (reshaped) {
        this.stats.serialisations += 1;
        return { result: reshaped, json: JSON.stringify(reshaped) };
      }
      this.stats.executions += 1;
      const contextValue = contextOf();
      const result = await this.root.runInAsyncScope(() => execute({ ...args, rootValue: item, contextValue }));
      if (result.errors) return { result, json: null };
      this.stats.serialisations += 1;
      return { result, json: JSON.stringify(result) };
    });
    this.results.get(item)?.set(key, execution);
    markWrittenWhenSettled(item, execution);
    return execution;
  }

  /** Where the document puts its root field's fields (cached per document and operation). */
  private rootFieldKeysOf(document: DocumentNode, operationName: string | null): RootFieldKeys | null {
    let byOperation = this.rootKeys.get(document);
    if (!byOperation) {
      byOperation = new Map();
      this.rootKeys.set(document, byOperation);
    }
    const name = operationName ?? '';
    if (!byOperation.has(name)) byOperation.set(name, rootFieldKeys(document, operationName));
    return byOperation.get(name) ?? null;
  }

  /**
   * One scope per item (or per `scopeOwner` of shared deliveries, which may bring its own, primed:
   * `ScopeOwner.requestScope`): every class and subscriber of the item reads through the same loaders.
   */
  private sharedContext(item: object, context: GraphQLContext, role: ParticipantRole | null): GraphQLContext {
    let scope = this.scopes.get(item);
    if (!scope) {
      scope = ownScopeOf(item) ?? new RequestScope(this.db.orm.em.fork(), null);
      this.scopes.set(item, scope);
    }
    const shared: GraphQLContext = {
      ...context,
      scope,
      roomRoleHint: role,
      // The scope is already fresh for this item; renewing it would lose the sharing.
      renewScope: keepScope,
    };
    return shared;
  }

  private async initialRole(context: GraphQLContext, roomId: string): Promise<ParticipantRole | null> {
    if (!context.viewer) return null;
    const rows = await this.db.orm.em
      .fork()
      .getConnection()
      .execute<{ role: ParticipantRole }[]>(`select role from participants where room_id = ? and profile_id = ? and left_at is null`, [
        roomId.toLowerCase(),
        context.viewer.profileId,
      ])
      .catch(() => []);
    return rows[0]?.role ?? null;
  }

  /** A stable key for a shareable document, or null when it must run per subscriber. */
  private documentKey(document: DocumentNode, operationName: string | null): string | null {
    if (this.documentKeys.has(document)) return this.documentKeys.get(document) ?? null;
    const operation = getOperationAST(document, operationName);
    let key: string | null = null;
    if (operation?.operation === 'subscription' && !selectsViewerSpecificField(document)) {
      key = `${operationName ?? ''}|${print(document)}`;
    }
    this.documentKeys.set(document, key);
    return key;
  }
}

/** `renewScope` of a shared context: the item's scope stays. */
function keepScope(): void {
  return;
}

function selectsViewerSpecificField(document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        return VIEWER_SPECIFIC_FIELDS.has(selection.name.value) || (selection.selectionSet ? visit(selection.selectionSet) : false);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      // Each fragment once: linear in the document however often it is spread.
      if (visited.has(selection.name.value)) return false;
      visited.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return fragment ? visit(fragment.selectionSet) : false;
    });
  return document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && visit(definition.selectionSet));
}

/** The viewer's role in the room after `item`, from what the stream itself carries. */
function roleAfter(item: RoomStreamItem, viewerId: string, role: ParticipantRole | null): ParticipantRole | null {
  const { event } = item;
  switch (event.type) {
    case 'AudienceChanged':
      if (event.leftProfileIds.includes(viewerId)) return null;
      return event.joined.some((entry) => entry.participant.profileId === viewerId) ? ParticipantRole.Listener : role;
    case 'ParticipantLeft':
    case 'ParticipantRemoved':
      return event.profileId === viewerId ? null : role;
    case 'RoomStatusChanged':
      return event.status === 'ENDED' ? null : role;
    default:
      return 'participant' in event && event.participant.profileId === viewerId ? event.participant.role : role;
  }
}

function isStreamItem(value: unknown): value is RoomStreamItem {
  return typeof value === 'object' && value !== null && 'event' in value && 'schema' in value;
}

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The iterator graphql-ws consumes for an operation whose frames are written directly: it never
 * yields a result. While the source idles, its room channel pushes each item straight into the
 * operation's ordered frames (no promise per subscriber per item); what the source yields instead
 * (replay, catch-up, the item that ends the stream) joins the same queue. It completes only after
 * the last frame is written, so graphql-ws's `complete` follows it.
 */
function frameIterator(
  source: AsyncIterableIterator<unknown>,
  shared: (item: unknown) => SharedExecution,
  frames: OrderedFrames,
  stats: FanoutStats,
): AsyncIterableIterator<ExecutionResult> {
  if (isPushableRoomStream(source)) {
    source.setSink((item) => {
      // Too many frames waiting on executions: refuse, so the source queues (and bounds) it.
      if (frames.size >= MAX_QUEUED_FRAMES) return false;
      frames.enqueue(shared(item));
      stats.pushed += 1;
      return true;
    });
  }
  return resultIterator(source, async () => {
    for (;;) {
      const next = await source.next();
      if (next.done) {
        await frames.idle();
        return { value: undefined, done: true };
      }
      frames.enqueue(shared(next.value));
      if (frames.size >= MAX_QUEUED_FRAMES) await frames.idle();
    }
  });
}

/** Maps a source iterator, one result per item. */
function mapIterator(
  source: AsyncIterableIterator<unknown>,
  map: (item: unknown) => Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  return resultIterator(source, async () => {
    const next = await source.next();
    if (next.done) return { value: undefined, done: true };
    return { value: await map(next.value), done: false };
  });
}

/** An iterator over `source` with its own `next`; `return()` reaches the source at once (it releases the subscription). */
function resultIterator(
  source: AsyncIterableIterator<unknown>,
  next: () => Promise<IteratorResult<ExecutionResult>>,
): AsyncIterableIterator<ExecutionResult> {
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next,
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

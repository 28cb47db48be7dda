import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  Kind,
  print,
  type SelectionSetNode,
} from 'graphql';
import { MODERATING_ROLES, ParticipantRole } from '@roundtable/domain';

import type { GraphQLContext } from '../common/context';
import { RequestScope } from '../common/request-scope';
import type { Database } from '../database/orm';
import { type RoomStreamItem, subjectOf } from './room-event-message';

/**
 * Fields whose value depends on who is asking, beyond the viewer's role in the room. A
 * subscription document selecting any of them is executed per subscriber, as graphql-ws does.
 */
export const VIEWER_SPECIFIC_FIELDS: ReadonlySet<string> = new Set(['viewerParticipant', 'viewerFollows', 'viewerBlocks', 'viewerIsMember']);

/** Counts of what the fan-out did, for `/metrics` and for tests that count executions. */
export interface FanoutStats {
  /** Documents executed for delivered items (shared or not). */
  executions: number;
  /** Deliveries served by an execution another subscriber started. */
  sharedDeliveries: number;
  /** Results serialised to JSON (once per execution of a shared class, whatever its subscribers). */
  serialisations: number;
}

/** One execution of a shared class: its result, and that result as graphql-ws payload JSON. */
interface SharedResult {
  readonly result: ExecutionResult;
  /** `{"data":…}` exactly as graphql-ws would serialise it; null when the result has errors. */
  readonly json: string | null;
}

/**
 * graphql-ws's `subscribe`, executing each delivered room event ONCE per distinct (document,
 * variables, visibility class) on this instance, instead of once per subscriber. Every local
 * subscriber of a room receives the same item object from its channel, so the result is shared
 * through a cache keyed by that object; each subscriber's own stream (access, replay, end) is
 * still its own. The visibility class is what makes results differ between viewers: whether the
 * viewer moderates the room (moderators see hand questions) and whether the event is about the
 * viewer themself. Documents that select viewer-specific fields fall back to executing per
 * subscriber. All subscribers of one item share one RequestScope, so what an event needs is
 * loaded once per event per instance, whatever the number of subscribers.
 */
export class SubscriptionFanout {
  readonly stats: FanoutStats = { executions: 0, sharedDeliveries: 0, serialisations: 0 };
  private readonly results = new WeakMap<object, Map<string, Promise<SharedResult>>>();
  private readonly scopes = new WeakMap<object, RequestScope>();
  private readonly documentKeys = new WeakMap<DocumentNode, string | null>();

  constructor(private readonly db: Database) {}

  /**
   * Drop-in for graphql's `subscribe` (graphql-ws `subscribe` option). A shareable subscription
   * whose context can send pre-serialised payloads (`sendNextPayload`, set over WebSocket) writes
   * each shared result's frame itself: one execution and one JSON serialisation per class, then
   * per subscriber only a string concatenation and a socket write. Results with errors, and every
   * other subscription, go through graphql-ws as usual, so the client sees the same protocol.
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
    // The four class keys, built once per subscription (not per delivery).
    const classKeys = {
      member: { other: `${shareKey}|member|other`, subject: `${shareKey}|member|subject` },
      moderator: { other: `${shareKey}|moderator|other`, subject: `${shareKey}|moderator|subject` },
    };
    let role = await this.initialRole(context, args.variableValues?.['roomId']);
    const shared = (item: unknown): Promise<SharedResult> => {
      if (!isStreamItem(item)) {
        this.stats.executions += 1;
        return Promise.resolve(execute({ ...args, rootValue: item })).then((result) => ({ result, json: null }));
      }
      role = roleAfter(item, viewer.profileId, role);
      const subject = subjectOf(item.event) === viewer.profileId;
      const moderating = role !== null && MODERATING_ROLES.has(role);
      const key = classKeys[moderating ? 'moderator' : 'member'][subject ? 'subject' : 'other'];
      let byKey = this.results.get(item);
      if (!byKey) {
        byKey = new Map();
        this.results.set(item, byKey);
      }
      const cached = byKey.get(key);
      if (cached) {
        this.stats.sharedDeliveries += 1;
        return cached;
      }
      this.stats.executions += 1;
      const pending = Promise.resolve(execute({ ...args, rootValue: item, contextValue: this.sharedContext(item, context, role) })).then(
        (result): SharedResult => {
          if (result.errors) return { result, json: null };
          this.stats.serialisations += 1;
          return { result, json: JSON.stringify(result) };
        },
      );
      byKey.set(key, pending);
      return pending;
    };
    const send = context.sendNextPayload;
    if (!send) return mapIterator(source, async (item) => (await shared(item)).result);
    return directIterator(source, shared, send);
  }

  /** One scope per item: every class and subscriber of the item reads through the same loaders. */
  private sharedContext(item: object, context: GraphQLContext, role: ParticipantRole | null): GraphQLContext {
    let scope = this.scopes.get(item);
    if (!scope) {
      scope = new RequestScope(this.db.orm.em.fork(), null);
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

  private async initialRole(context: GraphQLContext, roomId: unknown): Promise<ParticipantRole | null> {
    if (!context.viewer || typeof roomId !== 'string') return null;
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
 * An iterator for graphql-ws that writes shared results itself (`send`) and yields only what
 * graphql-ws must send (results with errors). Its `next()` keeps writing until a result must go
 * through graphql-ws or the source ends, so frames keep their order and `complete` follows the
 * last one.
 */
function directIterator(
  source: AsyncIterableIterator<unknown>,
  shared: (item: unknown) => Promise<SharedResult>,
  send: (payloadJson: string) => boolean,
): AsyncIterableIterator<ExecutionResult> {
  return resultIterator(source, async () => {
    for (;;) {
      const next = await source.next();
      if (next.done) return { value: undefined, done: true };
      const { result, json } = await shared(next.value);
      if (json === null) return { value: result, done: false };
      // false: the operation or socket is gone (or was closed as too slow); the frame is dropped.
      send(json);
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

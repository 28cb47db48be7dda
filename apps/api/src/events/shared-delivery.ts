import type { ParticipantRole } from '@roundtable/domain';
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';

import { RequestScope } from '../common/request-scope';

/**
 * How a {@link SharedDelivery} is another delivery's value with some of the root field's fields
 * changed: list fields keep only some of their items (by position in the base's list), and scalar
 * fields take other values. The base's execution is reused and its result reshaped, instead of
 * executing the document again: what a class costs then is one serialisation.
 */
export interface DerivedFrom {
  /** The delivery whose execution this one reuses; its value's lists hold every item of this one's. */
  readonly base: SharedDelivery<unknown>;
  /** By field name of the root field's type: the positions, in the base's list, of this delivery's items, in order. */
  readonly lists: Readonly<Record<string, readonly number[]>>;
  /** By field name of the root field's type: this delivery's values. */
  readonly scalars: Readonly<Record<string, unknown>>;
}

/**
 * One value delivered, as the same object, to every local subscriber of one class (issue 17's
 * conversation ticks): the subscription fan-out executes and serialises a document once per such
 * object, whatever the number of subscribers it reaches. The stream that delivers it decides the
 * classes; the fan-out only trusts that everyone handed one object may read one result.
 */
export class SharedDelivery<T> {
  private markWrittenOnce: () => void = () => undefined;
  /** Executions of this delivery (one per subscription document) started and not settled yet. */
  private unsettledExecutions = 0;
  /**
   * Settles once the fan-out has handed this delivery's frames to every subscriber that took it
   * before its executions settled (their writes run as each settles, in one go); never, when no
   * subscriber took it. For the time a delivery round takes to write (a conversation tick's).
   */
  readonly written = new Promise<void>((resolve) => {
    this.markWrittenOnce = resolve;
  });

  /**
   * @param value the subscription field's source (`@Root()` of its resolver).
   * @param classKey names the class within its delivery round (for logs and tests; sharing is by object).
   * @param roleHint the role in the room of every viewer of the class (`GraphQLContext.roomRoleHint`):
   *   all of them read the same fields under the room access policy.
   * @param scopeOwner the object whose deliveries share one request scope (e.g. the tick every
   *   class of it belongs to): what they need is loaded once for all of them. A {@link ScopeOwner}
   *   brings that scope itself.
   * @param derivedFrom when set, executing the document over `value` gives exactly the base's
   *   result reshaped as it says; the fan-out may reshape instead of executing (it executes
   *   `value` itself when it cannot tell where those fields are in the result).
   */
  constructor(
    readonly value: T,
    readonly classKey: string,
    readonly roleHint: ParticipantRole | null,
    readonly scopeOwner: object,
    readonly derivedFrom: DerivedFrom | null = null,
  ) {}

  /**
   * Called by the fan-out for each execution of this delivery it starts, with that execution's
   * settling (after which the frames waiting on it are written): `written` settles with the last.
   */
  trackExecution(settled: Promise<unknown>): void {
    this.unsettledExecutions += 1;
    void settled.then(() => {
      this.unsettledExecutions -= 1;
      if (this.unsettledExecutions === 0) this.markWrittenOnce();
    });
  }
}

/**
 * A `scopeOwner` that brings the request scope its deliveries' executions read through (say, one
 * primed with what they will need), instead of the fresh one the fan-out would make.
 */
export interface ScopeOwner {
  readonly requestScope: RequestScope;
}

/** The scope a `scopeOwner` brings, if it brings one. */
export function ownScopeOf(owner: object): RequestScope | null {
  const scope = (owner as Partial<ScopeOwner>).requestScope;
  return scope instanceof RequestScope ? scope : null;
}

/** Marks a stream whose items are {@link SharedDelivery} objects (not room events: no role to look up). */
export const SHARED_DELIVERY_STREAM = Symbol('roundtable.shared-delivery-stream');

export function isSharedDeliveryStream(value: unknown): boolean {
  return typeof value === 'object' && value !== null && SHARED_DELIVERY_STREAM in value;
}

/** Where a subscription document puts its root field's fields: response keys by field name. */
export interface RootFieldKeys {
  /** The root field's response key (its alias, or its name). */
  readonly rootKey: string;
  /** Response keys of each field of the root field's selection (every alias, through fragments). */
  readonly fieldKeys: ReadonlyMap<string, readonly string[]>;
}

/**
 * The response keys of a subscription document's root field and of the fields selected on it,
 * through inline fragments and fragment spreads; null when the operation is not a subscription
 * with one root field. Directives are not evaluated: a key they skip is simply absent from a result.
 */
export function rootFieldKeys(document: DocumentNode, operationName: string | null): RootFieldKeys | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fieldsOf = (selectionSet: SelectionSetNode, seen: Set<string>, visit: (name: string, key: string, selectionSet: SelectionSetNode | undefined) => void): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.alias?.value ?? selection.name.value, selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, seen, visit);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) fieldsOf(fragment.selectionSet, seen, visit);
      }
    }
  };
  const roots: { key: string; selectionSet: SelectionSetNode | undefined }[] = [];
  fieldsOf(operation.selectionSet, new Set(), (name, key, selectionSet) => {
    if (!name.startsWith('__')) roots.push({ key, selectionSet });
  });
  const rootKey = roots[0]?.key;
  if (rootKey === undefined || roots.some((root) => root.key !== rootKey)) return null;
  const fieldKeys = new Map<string, string[]>();
  for (const root of roots) {
    if (!root.selectionSet) continue;
    fieldsOf(root.selectionSet, new Set(), (name, key) => {
      const keys = fieldKeys.get(name) ?? [];
      if (!keys.includes(key)) keys.push(key);
      fieldKeys.set(name, keys);
    });
  }
  return { rootKey, fieldKeys };
}

/**
 * The base's result reshaped as `derived` says, key for key in the same order (so its JSON is what
 * executing the derived value gives); null when the result has errors or not the expected shape.
 */
export function reshapeResult(result: ExecutionResult, keys: RootFieldKeys, derived: DerivedFrom): ExecutionResult | null {
  if (result.errors || !result.data) return null;
  const root = (result.data as Record<string, unknown>)[keys.rootKey];
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return null;
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  for (const [name, positions] of Object.entries(derived.lists)) {
    for (const key of keys.fieldKeys.get(name) ?? []) {
      if (!(key in copy)) continue;
      const list = copy[key];
      if (!Array.isArray(list) || positions.some((position) => position >= list.length)) return null;
      copy[key] = positions.map((position) => list[position]);
    }
  }
  for (const [name, value] of Object.entries(derived.scalars)) for (const key of keys.fieldKeys.get(name) ?? []) if (key in copy) copy[key] = value;
  return { data: { [keys.rootKey]: copy } };
}

import { type DocumentNode, Kind, type ValueNode } from 'graphql';

/**
 * Bounds on client input that is nested by construction: JSON variables and extensions, and
 * list/object literals in a document. graphql-js coerces and prints these recursively, so a
 * 3,500-level `[[[…]]]` in variables overflowed the stack inside execution (HTTP 500; over
 * graphql-ws the message handler threw and the socket closed with 4500, ending every other
 * subscription on it). Issue 6, fault 3.
 *
 * Both walks here are iterative, so they cannot overflow whatever the input.
 */

/** The path (`variables.a.0.0`) of the first value nested deeper than `maxDepth`, else null. */
export function tooDeepValuePath(value: unknown, maxDepth: number, root: string): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: root }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return item.path;
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: item.depth + 1, path: `${item.path}.${key}` });
    }
  }
  return null;
}

/** Whether a list or object literal anywhere in `document` nests deeper than `maxDepth`. */
export function hasTooDeepLiteral(document: DocumentNode, maxDepth: number): boolean {
  const stack: { node: ValueNode; depth: number }[] = [];
  // Every literal hangs off an argument, a variable default or a directive argument; collect those
  // roots with a flat scan of the definitions' own nodes (no recursion into values).
  const roots: ValueNode[] = [];
  const pending: unknown[] = [...document.definitions];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') continue;
    const kind = node['kind'];
    if (kind === Kind.ARGUMENT || kind === Kind.OBJECT_FIELD) {
      roots.push(node['value'] as ValueNode);
      continue;
    }
    if (kind === Kind.VARIABLE_DEFINITION && node['defaultValue']) roots.push(node['defaultValue'] as ValueNode);
    for (const key of ['selectionSet', 'selections', 'arguments', 'directives', 'variableDefinitions']) {
      const child = node[key];
      if (Array.isArray(child)) pending.push(...child);
      else if (child && typeof child === 'object') pending.push(child);
    }
  }
  for (const root of roots) stack.push({ node: root, depth: 0 });
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) continue;
    if (item.node.kind === Kind.LIST) {
      if (item.depth >= maxDepth) return true;
      for (const value of item.node.values) stack.push({ node: value, depth: item.depth + 1 });
    } else if (item.node.kind === Kind.OBJECT) {
      if (item.depth >= maxDepth) return true;
      for (const field of item.node.fields) stack.push({ node: field.value, depth: item.depth + 1 });
    }
  }
  return false;
}

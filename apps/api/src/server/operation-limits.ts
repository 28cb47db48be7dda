import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

import { ApiErrorCode, apiError } from '../common/api-error';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
}

/**
 * Depth of the deepest field selection, following fragments. Introspection fields (`__schema`,
 * `__type`) count as one level: their depth is bounded by the schema, not by data, and the
 * standard introspection query that GraphiQL and codegen tools send is 15 levels deep.
 */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depthOf = (selectionSet: SelectionSetNode, visiting: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) {
          deepest = Math.max(deepest, 1);
          continue;
        }
        deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, visiting) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment cycle is a validation error reported elsewhere; do not recurse forever.
        if (fragment && !visiting.has(name)) {
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visiting, name])));
        }
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

/** Cost: one point per field, list fields multiplied by their page size (`first`) or bound. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** The limits applied to every operation over HTTP and WebSocket; returns the error, if any. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: OperationLimits,
): GraphQLError | null {
  const depth = operationDepth(document, operationName);
  if (depth > limits.maxDepth) {
    return apiError(ApiErrorCode.BadUserInput, `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
      reason: 'QUERY_TOO_DEEP',
      http: { status: 400 },
    });
  }
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables);
  } catch (error) {
    // Bad variables and the like surface here before execution; execution reports them properly.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  if (cost > limits.maxCost) {
    return apiError(ApiErrorCode.BadUserInput, `Query cost ${cost} exceeds the limit of ${limits.maxCost}`, {
      reason: 'QUERY_TOO_COMPLEX',
      http: { status: 400 },
    });
  }
  return null;
}

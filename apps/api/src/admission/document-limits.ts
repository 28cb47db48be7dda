import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  type ValidationContext,
  type ValidationRule,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export interface DocumentLimits {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxExpandedFields: number;
  readonly maxCost: number;
  /** Field comparisons graphql's overlap check may make ({@link fieldMergeComparisons}). */
  readonly maxFieldMergeComparisons: number;
}

/**
 * Parses with a token budget (graphql-armor's max-tokens lexer): a document longer than the
 * budget stops being read at the first token over it, so no later check sees it.
 * Throws graphql's syntax GraphQLError.
 */
export function parseWithTokenLimit(query: string, maxTokens: number): DocumentNode {
  // The armor parser takes graphql's `noLocation`-style options; `n` is the token budget.
  return new MaxTokensParserWLexer(query, { n: maxTokens, exposeLimits: true }).parseDocument();
}

/** How much work {@link expandedSelectionSize} did: the selection nodes it looked at. */
export interface WorkCounter {
  visits: number;
}

/**
 * The number of field selections in the document's operations with every fragment spread
 * expanded, i.e. the size of what execution and every fragment-following check would walk.
 *
 * Linear in the document: each fragment's own size is computed once and memoised, so
 * `F_i` spreading `F_{i+1}` twice, 23 levels deep (1.7 KB, 2^23 expanded fields) costs 23
 * fragment visits here, where a naive walk costs 2^23 (issue 6, fault 1: 12 s of CPU in the old
 * depth check). The sum saturates at `cap + 1`, so numbers stay small. Fragment cycles count
 * as zero; validation reports them. Nesting (fields, inline fragments and spreads) deeper than
 * {@link MAX_SELECTION_NESTING} also counts as over the cap, so neither this walk nor the
 * recursive checks after it can run out of stack whatever QUERY_MAX_TOKENS allows.
 */
export const MAX_SELECTION_NESTING = 256;

export function expandedSelectionSize(document: DocumentNode, cap: number, counter: WorkCounter = { visits: 0 }): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const limit = cap + 1;
  const add = (a: number, b: number) => Math.min(limit, a + b);

  const fragmentSize = (name: string, nesting: number): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const size = selectionSetSize(fragment.selectionSet, nesting + 1);
    inProgress.delete(name);
    memo.set(name, size);
    return size;
  };
  const selectionSetSize = (selectionSet: SelectionSetNode, nesting: number): number => {
    if (nesting > MAX_SELECTION_NESTING) return limit;
    let size = 0;
    for (const selection of selectionSet.selections) {
      counter.visits += 1;
      if (selection.kind === Kind.FIELD) {
        size = add(size, 1 + (selection.selectionSet ? selectionSetSize(selection.selectionSet, nesting + 1) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        size = add(size, selectionSetSize(selection.selectionSet, nesting + 1));
      } else {
        size = add(size, fragmentSize(selection.name.value, nesting));
      }
      if (size >= limit) return limit;
    }
    return size;
  };

  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total = add(total, selectionSetSize(definition.selectionSet, 0));
  }
  return total;
}

/**
 * graphql-armor's depth, alias and directive rules, run with graphql's own validation. Each
 * memoises fragments (visits each once). They report through `reportError` instead of throwing,
 * so the response lists the refusal like any other validation error.
 */
export function documentLimitRules(limits: DocumentLimits, refusal: (message: string, reason: string) => GraphQLError): ValidationRule[] {
  // Armor words its errors "Syntax Error: Query depth limit of 10 exceeded, found 11."; clients
  // get ours, which name what was measured.
  const reportAs = (reason: string, what: string, limit: number) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(refusal(`${what}${found ? ` ${found}` : ''} exceeds the limit of ${limit}`, reason));
      },
    ],
  });
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reportAs('QUERY_TOO_DEEP', 'Query depth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('TOO_MANY_ALIASES', 'Alias count', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('TOO_MANY_DIRECTIVES', 'Directive count', limits.maxDirectives) }),
  ] as unknown as ValidationRule[];
}

/**
 * Cost: one point per field, list fields multiplied by their page size (`first`) or their
 * declared complexity (graphql-query-complexity with our per-field extensions and the variables).
 * Not memoised by the library, so it runs only after {@link expandedSelectionSize} has bounded
 * the expanded document.
 */
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

/**
 * The variables an operation's cost can depend on: those used (at any depth of a value) in the
 * arguments of fields that declare a complexity (`extensions.complexity`, read by
 * `fieldExtensionsEstimator` with the field's arguments), and in directive arguments
 * (`@skip`/`@include` decide which fields count). Every other part of the cost — the simple
 * estimator's one point per field, the shape of the document — is fixed by the document and the
 * schema. So a cost computed once is valid for every request of the same document and operation
 * whose values of these variables are the same; `Admission` keeps costs by them. Sorted names.
 */
export function costVariables(schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  const typeInfo = new TypeInfo(schema);
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (typeInfo.getFieldDef()?.extensions['complexity'] !== undefined) for (const argument of node.arguments ?? []) collect(argument.value);
      },
      Directive(node) {
        for (const argument of node.arguments ?? []) collect(argument.value);
      },
    }),
  );
  return [...names].sort();
}

/** Per response name in one selection set: how many fields answer to it, and the largest subtree among them. */
interface ResponseNameGroup {
  count: number;
  largestSubtree: number;
}

/**
 * An upper estimate of the field comparisons graphql's `OverlappingFieldsCanBeMerged` rule would
 * make on the document (issue 14, section 5): within every selection set, each pair of fields
 * sharing a response name is compared, subtree against subtree, so a group of `n` same-name
 * fields with subtrees of up to `s` selections costs `n(n-1)/2 × (1 + s)`; `k` distinct fragment
 * spreads in one set add `k(k-1)/2` fragment-pair comparisons. Fields of inline fragments and of
 * spread fragments count in the set they are merged into, as graphql merges them. `{ viewer {
 * interests { slug } } }` 266 times is 35,245 pairs × 3 = 105,735 (0.8 s of graphql's `validate`).
 *
 * One pass over the document: each fragment's merged response names are computed once and
 * memoised, as is every subtree's size (call it after {@link expandedSelectionSize} has bounded
 * the expanded document and its nesting). Saturates at `cap + 1`. Cycles count as empty.
 */
export function fieldMergeComparisons(document: DocumentNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const limit = cap + 1;
  const add = (a: number, b: number) => Math.min(limit, a + b);
  // Subtree sizes, each selection set and each fragment sized once (cycles count zero).
  const sizes = new WeakMap<SelectionSetNode, number>();
  const sizing = new Set<SelectionSetNode>();
  const subtreeSize = (selectionSet: SelectionSetNode): number => {
    const known = sizes.get(selectionSet);
    if (known !== undefined) return known;
    if (sizing.has(selectionSet)) return 0;
    sizing.add(selectionSet);
    let size = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) size = add(size, 1 + (selection.selectionSet ? subtreeSize(selection.selectionSet) : 0));
      else if (selection.kind === Kind.INLINE_FRAGMENT) size = add(size, subtreeSize(selection.selectionSet));
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) size = add(size, subtreeSize(fragment.selectionSet));
      }
    }
    sizing.delete(selectionSet);
    sizes.set(selectionSet, size);
    return size;
  };
  const fragmentGroups = new Map<string, Map<string, ResponseNameGroup>>();
  const inProgress = new Set<string>();
  const merge = (into: Map<string, ResponseNameGroup>, name: string, count: number, subtree: number) => {
    const group = into.get(name);
    if (group) {
      group.count += count;
      group.largestSubtree = Math.max(group.largestSubtree, subtree);
    } else into.set(name, { count, largestSubtree: subtree });
  };
  /** The response names one selection set merges, through inline fragments and spreads. */
  const groupsOf = (selectionSet: SelectionSetNode, groups: Map<string, ResponseNameGroup>, spreads: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        merge(groups, (selection.alias ?? selection.name).value, 1, selection.selectionSet ? subtreeSize(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        groupsOf(selection.selectionSet, groups, spreads);
      } else {
        const name = selection.name.value;
        spreads.add(name);
        for (const [responseName, group] of fragmentGroupsOf(name)) merge(groups, responseName, group.count, group.largestSubtree);
      }
    }
  };
  const fragmentGroupsOf = (name: string): Map<string, ResponseNameGroup> => {
    const known = fragmentGroups.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const groups = new Map<string, ResponseNameGroup>();
    if (!fragment || inProgress.has(name)) return groups;
    inProgress.add(name);
    groupsOf(fragment.selectionSet, groups, new Set());
    inProgress.delete(name);
    fragmentGroups.set(name, groups);
    return groups;
  };

  let total = 0;
  const pairs = (n: number) => (n * (n - 1)) / 2;
  // Every selection set of the document once, as graphql's rule visits them.
  const visitSet = (selectionSet: SelectionSetNode, nesting: number): boolean => {
    if (nesting > MAX_SELECTION_NESTING) {
      total = limit;
      return false;
    }
    const groups = new Map<string, ResponseNameGroup>();
    const spreads = new Set<string>();
    groupsOf(selectionSet, groups, spreads);
    for (const group of groups.values()) total = Math.min(limit, total + pairs(group.count) * (1 + group.largestSubtree));
    total = Math.min(limit, total + pairs(spreads.size));
    if (total >= limit) return false;
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet && !visitSet(selection.selectionSet, nesting + 1)) return false;
    }
    return true;
  };
  for (const definition of document.definitions) {
    if ((definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) && !visitSet(definition.selectionSet, 0)) break;
  }
  return total;
}

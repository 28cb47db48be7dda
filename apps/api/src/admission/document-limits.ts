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

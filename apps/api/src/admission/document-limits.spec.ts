import {
  buildSchema,
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
} from 'graphql';

import { costVariables, documentLimitRules, expandedSelectionSize, fieldMergeComparisons, operationCost, parseWithTokenLimit } from './document-limits';

const schema = buildSchema('type Query { a: Int, q: Query }');
const limits = { maxTokens: 50, maxDepth: 3, maxAliases: 3, maxDirectives: 3, maxExpandedFields: 100, maxCost: 100, maxFieldMergeComparisons: 1000 };
const rules = documentLimitRules(limits, (message, reason) => new GraphQLError(message, { extensions: { reason } }));
const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, ...rules]).map((error) => error.message);

describe('document limits', () => {
  it('counts aliases, directives and depth with graphql-armor, following fragments once', () => {
    expect(errorsOf('{ a1: a a2: a a3: a a4: a }')).toEqual(['Alias count 4 exceeds the limit of 3']);
    expect(errorsOf('{ a @include(if: true) q { a @skip(if: false) } q2: q { a @include(if: true) a2: a @skip(if: false) } }')).toEqual([
      'Directive count 4 exceeds the limit of 3',
    ]);
    expect(errorsOf('{ q { q { q { a } } } }')).toEqual(['Query depth 4 exceeds the limit of 3']);
    expect(errorsOf('{ ...F } fragment F on Query { q { ...G } } fragment G on Query { q { q { a } } }')).toEqual(['Query depth 4 exceeds the limit of 3']);
    expect(errorsOf('{ q { q { a } } b: a }')).toEqual([]);
  });

  it('stops parsing at the token budget', () => {
    expect(() => parseWithTokenLimit(`{ ${'a '.repeat(60)} }`, 50)).toThrow(/Token limit of 50/);
    expect(parseWithTokenLimit('{ a }', 50).definitions).toHaveLength(1);
  });

  it('measures the expanded size through fragments and inline fragments, cycles counting zero', () => {
    expect(expandedSelectionSize(parse('{ ...F ...F } fragment F on Query { q { a } }'), 100)).toBe(4);
    expect(expandedSelectionSize(parse('{ ...F } fragment F on Query { a ...G } fragment G on Query { ...F }'), 100)).toBe(1);
  });

  it('counts nesting beyond 256 levels as over the cap, before any recursive check sees it', () => {
    const deep = `${'{ q '.repeat(1000)}{ a }${' }'.repeat(1000)}`;
    expect(expandedSelectionSize(parseWithTokenLimit(deep, 100_000), 1_000_000)).toBe(1_000_001);
    const fine = `${'{ q '.repeat(200)}{ a }${' }'.repeat(200)}`;
    expect(expandedSelectionSize(parse(fine), 1_000_000)).toBe(201);
  });

  describe('field merge comparisons: the work of graphql\'s overlapping-fields check, in one linear pass', () => {
    const comparisons = (query: string) => fieldMergeComparisons(parse(query), 1_000_000);

    it('the issue case: `viewer { interests { slug } }` 266 times is 35,245 pairs of 3-selection subtrees', () => {
      expect(comparisons(`{ ${'viewer { interests { slug } } '.repeat(266)} }`)).toBe(((266 * 265) / 2) * 3);
    });

    it('counts same-name fields as graphql merges them: aliases by response name, inline fragments and spreads flattened', () => {
      expect(comparisons('{ a b q { a } }')).toBe(0);
      expect(comparisons('{ x: a x: b }')).toBe(1);
      expect(comparisons('{ a: q { a } q }')).toBe(0);
      expect(comparisons('{ a ... on Query { a } ...F } fragment F on Query { a }')).toBe(3 + 0);
      // Two distinct spreads are also one fragment pair.
      expect(comparisons('{ ...F ...G } fragment F on Query { a } fragment G on Query { b }')).toBe(1);
      // A cycle (refused by validation) ends: the fragment's own fields are merged once.
      expect(comparisons('{ ...F } fragment F on Query { ...F a }')).toBe(1);
    });

    it('saturates at the cap + 1, and stops walking there', () => {
      expect(fieldMergeComparisons(parse(`{ ${'a '.repeat(100)} }`), 10)).toBe(11);
    });

    it('stays linear where graphql is quadratic: 2,000 same-name fields are counted without comparing them', () => {
      // 2000 × 1999 / 2 = 1,999,000 pairs, counted from one group size.
      expect(fieldMergeComparisons(parse(`{ ${'a '.repeat(2000)} }`), 10_000_000)).toBe(1_999_000);
    });
  });

  describe('cost variables: the only variables an operation cost can read', () => {
    const item: GraphQLObjectType = new GraphQLObjectType({
      name: 'Item',
      fields: () => ({
        a: { type: GraphQLInt },
        children: {
          type: new GraphQLList(item),
          args: { first: { type: GraphQLInt }, label: { type: GraphQLString } },
          extensions: { complexity: ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => 1 + (args.first ?? 10) * childComplexity },
        },
      }),
    });
    const costSchema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          item: { type: item, args: { id: { type: GraphQLID } } },
          items: {
            type: new GraphQLList(item),
            args: { first: { type: GraphQLInt } },
            extensions: { complexity: ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => 1 + (args.first ?? 10) * childComplexity },
          },
        },
      }),
    });
    const query = parse(`query($id: ID, $n: Int, $m: Int, $label: String, $show: Boolean!) {
      item(id: $id) { a children(first: $m, label: $label) { a } }
      ...F
    }
    fragment F on Query { items(first: $n) { a @include(if: $show) } }`);
    const cost = (variables: Record<string, unknown>) => operationCost(costSchema, query, undefined, variables);
    const base = { id: '1', n: 3, m: 4, label: 'x', show: true };

    it('are the arguments of fields with a declared complexity, fragments included, and directive arguments', () => {
      expect(costVariables(costSchema, query)).toEqual(['label', 'm', 'n', 'show']);
    });

    it('any other variable leaves the cost as it is; a cost variable can change it', () => {
      expect(cost({ ...base, id: '2' })).toBe(cost(base));
      expect(cost({ ...base, id: 'another' })).toBe(cost(base));
      expect(cost({ ...base, n: 30 })).toBeGreaterThan(cost(base));
      expect(cost({ ...base, m: 40 })).toBeGreaterThan(cost(base));
      expect(cost({ ...base, show: false })).toBeLessThan(cost(base));
    });
  });
});

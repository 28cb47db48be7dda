import { randomUUID } from 'node:crypto';

import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

const cursorOf = (at: string, id: string) => Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');

/** Hostile values by kind: what a careless client or an attacker sends. */
export function hostilePools(knownIds: readonly string[]) {
  return {
    String: [
      '',
      ' ',
      'x',
      'a'.repeat(3000),
      'nul\u0000byte',
      '\u0007\u001b[31mansi',
      "'; drop table rooms; --",
      '" or ""="',
      '<script>alert(1)</script>',
      '\uD800 lone surrogate',
      '😀'.repeat(200),
      '%s%n%x',
      '../../etc/passwd',
      'null',
      cursorOf('0000-01-01T00:00:00.000Z', randomUUID()),
      cursorOf('+275760-09-13T00:00:00.000Z', randomUUID()),
      cursorOf('2026-01-01T00:00:00.000Z', "x' or 1=1 --"),
      Buffer.from('[[[[', 'utf8').toString('base64url'),
      'machine-learning',
      'fintech',
    ],
    ID: [
      randomUUID(),
      '00000000-0000-0000-0000-000000000000',
      '',
      'not-an-id',
      "' or 1=1 --",
      'a'.repeat(300),
      'fuzz-viewer',
      'nul\u0000id',
      '../..',
      ...knownIds,
    ],
    Int: [0, -1, 1, 2, 20, 100, 101, 2147483647, -2147483648],
    Float: [0, -1.5, 1e308, Number.MIN_VALUE],
    Boolean: [true, false],
    DateTime: ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '2026-13-45T99:00:00Z', 'yesterday', new Date(Date.now() + 3_600_000).toISOString()],
    /** Values of the wrong JSON type, sent through variables. */
    wrongType: [null, 'seven', 7.5, 2 ** 40, [], {}, [[[1]]], { $gt: '' }, true],
  };
}

interface Built {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/**
 * Builds random operations from a schema read by introspection: a root field with hostile
 * arguments (inline literals or variables, sometimes of the wrong type) and a small selection.
 */
export class OperationFuzzer {
  private readonly pools: ReturnType<typeof hostilePools>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: () => number,
    knownIds: readonly string[],
  ) {
    this.pools = hostilePools(knownIds);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private scalarValue(type: GraphQLNamedType): unknown {
    if (isEnumType(type)) return this.chance(0.9) ? this.pick(type.getValues()).value : 'NOT_A_VALUE';
    const pool = (this.pools as unknown as Record<string, readonly unknown[]>)[type.name] ?? this.pools.String;
    return this.pick(pool);
  }

  /** A JSON value for an input type (for variables); sometimes deliberately wrong. */
  private inputValue(type: GraphQLInputType, depth: number): unknown {
    if (this.chance(0.05)) return this.pick(this.pools.wrongType);
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      return Array.from({ length: Math.floor(this.random() * 3) }, () => this.inputValue(nullable.ofType, depth + 1));
    }
    if (isInputObjectType(nullable)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        if (isNonNullType(field.type) || (depth < 3 && this.chance(0.5))) value[field.name] = this.inputValue(field.type, depth + 1);
      }
      if (this.chance(0.05)) value['unknownField'] = 'x';
      return value;
    }
    return this.scalarValue(getNamedType(nullable));
  }

  /** The same as a GraphQL literal (enums bare, strings quoted as JSON). */
  private literal(type: GraphQLInputType, value: unknown): string {
    if (value === null || value === undefined) return 'null';
    const nullable = getNullableType(type);
    if (isListType(nullable) && Array.isArray(value)) return `[${value.map((item) => this.literal(nullable.ofType, item)).join(', ')}]`;
    if (isInputObjectType(nullable) && typeof value === 'object' && !Array.isArray(value)) {
      const fields = nullable.getFields();
      return `{ ${Object.entries(value)
        .filter(([name]) => fields[name])
        .map(([name, item]) => `${name}: ${this.literal(fields[name]!.type, item)}`)
        .join(', ')} }`;
    }
    if (isEnumType(nullable) && typeof value === 'string' && /^[A-Z_]+$/.test(value)) return value;
    if (typeof value === 'number' && !Number.isFinite(value)) return '0';
    return JSON.stringify(value);
  }

  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isScalarType(named) || isEnumType(named)) return '';
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = this.schema.getPossibleTypes(named);
      const chosen = possible.length > 0 ? this.pick(possible) : null;
      return `{ __typename ${chosen ? `... on ${chosen.name} ${this.selection(chosen, depth)}` : ''} }`;
    }
    if (!isObjectType(named)) return '';
    const fields = Object.values(named.getFields());
    const scalars = fields.filter((field) => {
      const inner = getNamedType(field.type);
      return (isScalarType(inner) || isEnumType(inner)) && field.args.every((arg) => !isNonNullType(arg.type));
    });
    const parts = new Set<string>(['__typename']);
    for (let i = 0; i < 3 && scalars.length > 0; i += 1) parts.add(this.pick(scalars).name);
    const objects = fields.filter((field) => !scalars.includes(field) && field.args.every((arg) => !isNonNullType(arg.type)));
    if (depth < 3 && objects.length > 0 && this.chance(0.7)) {
      const field = this.pick(objects);
      parts.add(`${field.name}${this.inlineArguments(field)} ${this.selection(field.type, depth + 1)}`);
    }
    return `{ ${[...parts].join(' ')} }`;
  }

  private inlineArguments(field: GraphQLField<unknown, unknown>): string {
    const args = field.args.filter((arg) => isNonNullType(arg.type) || this.chance(0.5));
    if (args.length === 0) return '';
    return `(${args.map((arg) => `${arg.name}: ${this.literal(arg.type, this.inputValue(arg.type, 0))}`).join(', ')})`;
  }

  /** One operation on `root` (Query, Mutation or Subscription). */
  build(root: GraphQLObjectType, keyword: 'query' | 'mutation' | 'subscription'): Built {
    const field = this.pick(Object.values(root.getFields()));
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && this.chance(0.4)) continue;
      if (this.chance(0.5)) {
        definitions.push(`$${arg.name}: ${arg.type.toString()}`);
        variables[arg.name] = this.inputValue(arg.type, 0);
      } else {
        args.push(`${arg.name}: ${this.literal(arg.type, this.inputValue(arg.type, 0))}`);
        continue;
      }
      args.push(`${arg.name}: $${arg.name}`);
    }
    const header = definitions.length > 0 ? `${keyword} Fuzz(${definitions.join(', ')})` : keyword;
    const query = `${header} { ${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''} ${this.selection(field.type, 1)} }`;
    return { query, variables };
  }
}

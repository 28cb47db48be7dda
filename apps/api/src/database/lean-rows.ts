import { createHash } from 'node:crypto';

import { type EntityMetadata, type EntityProperty, type Platform, ReferenceKind } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';

/**
 * Set on every lean row: the entity class it stands for (e.g. `'ProfileEntity'`), so
 * `Node.resolveType` can name its GraphQL type without a class instance.
 */
export const LEAN_ENTITY = Symbol('roundtable.leanEntity');

/**
 * Reads an entity's rows without the ORM's unit of work: raw SQL in, plain read-only objects out,
 * with the entity's property names and types (timestamps as `Date`, `text[]` as arrays).
 * For hot read paths (the room page: issue 9), where hydrating managed entities — one property
 * accessor per column, identity map, change-set snapshot — cost more CPU than the query itself.
 * Never pass a lean row to `em.persist`/`assign`/`refresh`: load the entity in the transaction.
 */
export interface LeanRowMapper<T> {
  /**
   * `"alias"."column" as "<prefix>column", …` for every column of the entity (SQL); timestamps
   * as epoch milliseconds. `map` reads rows of exactly this select list.
   */
  columns(alias: string, prefix?: string): string;
  /**
   * The plain object for one result row, reading the columns `columns(…, prefix)` named; null
   * when the primary-key column is null (the missing side of a left join).
   */
  map(row: Readonly<Record<string, unknown>>, prefix?: string): T | null;
}

/** How a column's value becomes the property's: as it comes, a timestamp, a number, or the property's custom type. */
type Conversion = 'as-is' | 'timestamp' | 'number' | 'custom';

interface Column {
  readonly property: string;
  readonly field: string;
  readonly conversion: Conversion;
  readonly prop: EntityProperty;
}

const mappers = new WeakMap<EntityMetadata, LeanRowMapper<object>>();

/** The lean mapper of one entity class (built once per ORM from its metadata). */
export function leanRows<T extends object>(em: EntityManager, entity: abstract new (...args: never[]) => T): LeanRowMapper<T> {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata;
  let mapper = mappers.get(meta);
  if (!mapper) {
    mapper = buildMapper(meta, em.getPlatform());
    mappers.set(meta, mapper);
  }
  return mapper as LeanRowMapper<T>;
}

function conversionOf(prop: EntityProperty): Conversion {
  if (prop.customType) return 'custom';
  if (prop.runtimeType === 'Date') return 'timestamp';
  if (prop.runtimeType === 'number') return 'number';
  return 'as-is';
}

function buildMapper(meta: EntityMetadata, platform: Platform): LeanRowMapper<object> {
  const columns: Column[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false) continue;
    // Relations, embeddables and multi-column properties are not lean: refuse at start-up, so an
    // entity that grows one fails loudly here instead of reading wrong values.
    if (prop.kind !== ReferenceKind.SCALAR || prop.fieldNames.length !== 1) {
      throw new Error(`leanRows(${meta.className}): property ${prop.name} is not a single scalar column`);
    }
    columns.push({ property: prop.name, field: prop.fieldNames[0] as string, conversion: conversionOf(prop), prop });
  }
  const primaryFields = meta.primaryKeys.map((key) => meta.properties[key]?.fieldNames[0] as string);
  const className = meta.className;
  const selectLists = new Map<string, string>();
  // One compiled function per prefix (see `compileRowMapper`): a page maps hundreds of rows.
  const mapsByPrefix = new Map<string, (row: Readonly<Record<string, unknown>>) => object | null>();
  return {
    columns(alias, prefix = '') {
      const key = `${alias}\u0000${prefix}`;
      let list = selectLists.get(key);
      if (list === undefined) {
        // Timestamps come as whole epoch milliseconds (int8, rounded down as the ORM's parser
        // does): far cheaper to turn into a Date than timestamptz text, and as exact.
        list = columns
          .map((column) =>
            column.conversion === 'timestamp'
              ? `floor(extract(epoch from "${alias}"."${column.field}") * 1000)::int8 as "${prefix}${column.field}"`
              : `"${alias}"."${column.field}" as "${prefix}${column.field}"`,
          )
          .join(', ');
        selectLists.set(key, list);
      }
      return list;
    },
    map(row, prefix = '') {
      let map = mapsByPrefix.get(prefix);
      if (!map) {
        map = compileRowMapper(className, columns, primaryFields, prefix, platform);
        mapsByPrefix.set(prefix, map);
      }
      return map(row);
    },
  };
}

/**
 * The row → plain object function of one entity and result-key prefix, generated once from the
 * entity's metadata (never from input: names are the entity's own, written as JSON string
 * literals). One object literal of the final shape per row, with constant keys, instead of a
 * copied template filled by computed keys: on the room page (108 rows a request) the generic
 * loop cost about as much CPU as parsing the rows (issue 14 §5).
 *
 * Each property: null when the column is null or absent; a timestamp's epoch milliseconds
 * (int8 text or number) as a `Date`; a number column as a number; a custom type through its
 * `convertToJSValue`; anything else as it comes.
 */
function compileRowMapper(
  className: string,
  columns: readonly Column[],
  primaryFields: readonly string[],
  prefix: string,
  platform: Platform,
): (row: Readonly<Record<string, unknown>>) => object | null {
  const key = (field: string) => JSON.stringify(prefix + field);
  const customs: ((value: unknown) => unknown)[] = [];
  const properties = columns.map((column) => {
    const value = `(v = row[${key(column.field)}]) === null || v === undefined ? null : `;
    let converted: string;
    switch (column.conversion) {
      case 'as-is':
        converted = 'v';
        break;
      case 'timestamp':
        // int8 arrives as a decimal string (the select list in `columns`).
        converted = 'new Date(Number(v))';
        break;
      case 'number':
        converted = "typeof v === 'number' ? v : Number(v)";
        break;
      case 'custom': {
        const prop = column.prop;
        customs.push((v) => prop.customType?.convertToJSValue(v, platform));
        converted = `custom[${customs.length - 1}](v)`;
        break;
      }
    }
    return `${JSON.stringify(column.property)}: ${value}${converted}`;
  });
  const missing = primaryFields.map((field) => `row[${key(field)}] === null || row[${key(field)}] === undefined`).join(' || ');
  const body = `return function leanRow(row) {
    ${missing ? `if (${missing}) return null;` : ''}
    let v;
    return { [LEAN]: ${JSON.stringify(className)}, ${properties.join(',\n      ')} };
  };`;
  return new Function('LEAN', 'custom', body)(LEAN_ENTITY, customs) as (row: Readonly<Record<string, unknown>>) => object | null;
}

/** A pooled `pg` client, as knex's PostgreSQL client hands it out. */
interface PooledClient {
  query(text: string | { name: string; text: string; values: readonly unknown[] }, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** How {@link leanQuery} runs its statement. */
export interface LeanQueryOptions {
  /**
   * As a named prepared statement (pg's `{ name, text }`): each pooled connection parses it once
   * and PostgreSQL may keep one plan for it, instead of parsing and planning it on every call.
   * For hot statements of a fixed text (the access policy's relation read runs once per join:
   * planning it was the largest share of PostgreSQL's time in a join storm, docs/benchmarks.md).
   * The name is derived from the text, so two texts never share one. Inside a transaction the
   * statement goes through the EntityManager as always, unprepared.
   */
  readonly prepare?: boolean;
}

/** The prepared statement's name for a (numbered) text: `lean_` and 24 hex digits of its SHA-256. */
const preparedNames = new Map<string, string>();
export function preparedStatementName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) {
    name = `lean_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (preparedNames.size >= 1000) preparedNames.clear();
    preparedNames.set(text, name);
  }
  return name;
}

/** `?` placeholders (knex's) as PostgreSQL's `$1, $2, …`. The lean queries hold no other `?`. */
const numberedSql = new Map<string, string>();
function numbered(sql: string): string {
  let text = numberedSql.get(sql);
  if (text === undefined) {
    let index = 0;
    text = sql.replace(/\?/g, () => `$${(index += 1)}`);
    if (numberedSql.size >= 1000) numberedSql.clear();
    numberedSql.set(sql, text);
  }
  return text;
}

/**
 * Runs one read (SQL with `?` placeholders, none inside literals) on a pooled connection, below
 * the ORM's and knex's query builders (issue 9: on the room page their per-statement work cost
 * more than the statements). The statement is still reported to the ORM's logger, so
 * `Database.onQuery` counts it. Inside a transaction it goes through the EntityManager, so it
 * reads what the transaction wrote.
 */
export async function leanQuery(em: EntityManager, sql: string, params: readonly unknown[], options: LeanQueryOptions = {}): Promise<Record<string, unknown>[]> {
  if (em.getTransactionContext()) return em.execute<Record<string, unknown>[]>(sql, [...params]);
  const knex = em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as PooledClient;
  try {
    const text = numbered(sql);
    const { rows } = options.prepare === true ? await client.query({ name: preparedStatementName(text), text, values: params }) : await client.query(text, params);
    em.config.getLogger().logQuery({ query: sql, level: 'info', results: rows.length });
    return rows;
  } finally {
    await knex.client.releaseConnection(client);
  }
}


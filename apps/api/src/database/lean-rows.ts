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
  /** `"alias"."column" as "<prefix>column", …` for every column of the entity (SQL). */
  columns(alias: string, prefix?: string): string;
  /**
   * The plain object for one result row, reading the columns `columns(…, prefix)` named; null
   * when the primary-key column is null (the missing side of a left join).
   */
  map(row: Readonly<Record<string, unknown>>, prefix?: string): T | null;
}

interface Column {
  readonly property: string;
  readonly field: string;
  readonly convert: (value: unknown) => unknown;
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

function converter(prop: EntityProperty, platform: Platform): (value: unknown) => unknown {
  if (prop.customType) {
    const type = prop.customType;
    return (value) => (value === null || value === undefined ? null : type.convertToJSValue(value, platform));
  }
  if (prop.runtimeType === 'Date') {
    return (value) => (value === null || value === undefined ? null : value instanceof Date ? value : platform.parseDate(value as string));
  }
  if (prop.runtimeType === 'number') {
    return (value) => (value === null || value === undefined ? null : typeof value === 'number' ? value : Number(value));
  }
  return (value) => (value === undefined ? null : value);
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
    columns.push({ property: prop.name, field: prop.fieldNames[0] as string, convert: converter(prop, platform) });
  }
  const primaryFields = meta.primaryKeys.map((key) => meta.properties[key]?.fieldNames[0] as string);
  const className = meta.className;
  return {
    columns(alias, prefix = '') {
      return columns.map((column) => `"${alias}"."${column.field}" as "${prefix}${column.field}"`).join(', ');
    },
    map(row, prefix = '') {
      if (primaryFields.some((field) => row[prefix + field] === null || row[prefix + field] === undefined)) return null;
      const entity: Record<string | symbol, unknown> = { [LEAN_ENTITY]: className };
      for (const column of columns) entity[column.property] = column.convert(row[prefix + column.field]);
      return entity;
    },
  };
}

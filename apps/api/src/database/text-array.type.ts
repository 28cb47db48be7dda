import { ArrayType, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * A PostgreSQL array literal (`{"a","b"}`) that reads back as exactly `values`: every element
 * double-quoted, with only `\` and `"` escaped by a backslash (PostgreSQL's array input rules:
 * inside quotes, a backslash takes the next character literally and nothing else is special).
 *
 * MikroORM's own marshalling quotes an element only when it holds `"{},\` or is empty, so an
 * element spelled `NULL` (in any case) was stored as SQL NULL, and one with leading or trailing
 * blanks lost them: PostgreSQL reads unquoted elements that way. Quoting every element keeps them.
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * MikroORM's `ArrayType` for `text[]` columns, written with {@link textArrayLiteral}: what a person
 * types (a skill "null", say) is stored as typed. Reading is ArrayType's (node-postgres parses
 * arrays already). Use it for every `text[]` property.
 */
export class TextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(value: string[] | null, platform: Platform, context?: TransformContext): string | null {
    if (Array.isArray(value)) return textArrayLiteral(value.map(String));
    return super.convertToDatabaseValue(value, platform, context);
  }
}

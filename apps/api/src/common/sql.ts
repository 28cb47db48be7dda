/** `?, ?, ?` for a knex-style raw query with one binding per value. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** `text` as a LIKE/ILIKE pattern that matches it literally: `%`, `_` and `\` are escaped with `\`. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

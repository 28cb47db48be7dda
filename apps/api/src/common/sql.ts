/** `?, ?, ?` for a knex-style raw query with one binding per value. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

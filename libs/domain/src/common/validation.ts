import { DomainError } from '../errors/domain-error';
import { textLength } from './text';

/**
 * Trims `raw` and checks its length in characters; throws `InvalidInput` naming `field`.
 * Used for every free-text field so limits mean the same thing everywhere.
 */
export function requiredText(field: string, raw: string, min: number, max: number): string {
  const text = raw.trim();
  const length = textLength(text);
  if (length < min) {
    throw DomainError.invalidInput(field, min <= 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`);
  }
  if (length > max) throw DomainError.invalidInput(field, `${field} must be at most ${max} characters`);
  return text;
}

/** Like {@link requiredText} for optional fields: null, undefined and blank all become null. */
export function optionalText(field: string, raw: string | null | undefined, max: number): string | null {
  const text = raw?.trim() ?? '';
  return text === '' ? null : requiredText(field, text, 1, max);
}

/** The items once each, first occurrence first, compared by `key`. */
export function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

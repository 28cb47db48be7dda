import { badInput } from './api-error';

export const MAX_PAGE_SIZE = 100;

export function parseFirst(first: number | null | undefined, fallback: number, field = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(field, `${field} must be an integer between 0 and ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/** Keyset cursors: the timestamp and id of the last row, opaque to clients. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor from {@link encodeCursor}; anything else (bad base64, JSON, timestamp, or an id
 * `isValidId` refuses) is BAD_USER_INPUT before it reaches SQL.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  isValidId: (id: string) => boolean,
  field = 'after',
): { at: Date; id: string } | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime()) && isValidId(parsed[1])) return { at, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(field, `${field} is not a valid cursor`);
}

export interface Page<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a connection from `first + 1` fetched rows. */
export function toPage<T>(rows: readonly T[], first: number, cursorOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

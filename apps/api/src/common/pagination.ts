import { DomainError } from '@roundtable/domain';

export const MAX_PAGE_SIZE = 100;

export function parseFirst(first: number | null | undefined, fallback: number, field = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw DomainError.invalidInput(field, `${field} must be an integer between 0 and ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/**
 * Timestamps a cursor may carry. PostgreSQL has no year 0 and JavaScript dates reach further than
 * timestamptz does; a cursor outside this range was not made by {@link encodeCursor} and would
 * fail inside SQL (issue 6, fault 6), so it is BAD_USER_INPUT instead.
 */
export const CURSOR_MIN_TIME = Date.UTC(1970, 0, 1);
export const CURSOR_MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isCursorTime(at: Date): boolean {
  const time = at.getTime();
  return Number.isFinite(time) && time >= CURSOR_MIN_TIME && time <= CURSOR_MAX_TIME;
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
      if (isCursorTime(at) && isValidId(parsed[1])) return { at, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.invalidInput(field, `${field} is not a valid cursor`);
}

export interface Page<T> {
  readonly edges: { cursor: string; node: T }[];
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** An edge whose cursor is encoded only when read (most pages select no edge cursors). */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

/**
 * Builds a Relay connection from `first + 1` fetched rows, read after `after` (the decoded cursor
 * the page was asked for with, or null for the first page).
 *
 * `hasPreviousPage` is true when the page starts after a cursor: a cursor names an item of an
 * earlier page, so items come before it. (The Cursor Connections spec lets a forward-only page
 * answer without another query; this keeps every page one statement.) `startCursor` and
 * `endCursor` are the first and last edges' cursors, null on an empty page.
 */
export function toPage<T>(rows: readonly T[], first: number, cursorOf: (row: T) => string, after: object | null): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => new Edge(node, cursorOf));
  const head = nodes.at(0);
  const last = nodes.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: head === undefined ? null : cursorOf(head),
      endCursor: last === undefined ? null : cursorOf(last),
    },
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';

import { ApiError } from '../api/api-error';
import { LatestRequest } from '../api/latest-request';

/** One page of a connection, flattened: its nodes, the cursor to the next page, if any, and the connection's `totalCount` where it has one. */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly next: string | null;
  readonly total?: number;
}

/**
 * The list after one more page: a first page (no cursor) replaces it; a later page is appended,
 * skipping items already shown (a decision or a new entry can shift a cursor page by one).
 */
export function mergePage<T extends { readonly id: string }>(current: readonly T[] | null, nodes: readonly T[], after: string | null): T[] {
  if (after === null || current === null) return [...nodes];
  const seen = new Set(current.map((item) => item.id));
  return [...current, ...nodes.filter((node) => !seen.has(node.id))];
}

/**
 * A cursor-paginated list for "Load more": the first page on mount (and on `reload`, and whenever
 * `fetchPage` changes with a search or filter), each further page appended. Only answers to the
 * newest first page and its further pages are shown: an older answer arriving late is dropped
 * (`LatestRequest`). A FORBIDDEN answer is kept as `forbidden` for the page to explain in words;
 * other failures go to `onError`.
 */
export function usePagedList<T extends { readonly id: string }>(fetchPage: (after: string | null) => Promise<Page<T>>, onError: (error: unknown) => void) {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const latest = useRef(new LatestRequest());

  const load = useCallback(
    async (after: string | null) => {
      const ticket = latest.current.ticketFor(after);
      setLoading(true);
      try {
        const page = await fetchPage(after);
        if (!latest.current.isCurrent(ticket)) return;
        setItems((current) => mergePage(current, page.nodes, after));
        setNext(page.next);
        if (page.total !== undefined) setTotal(page.total);
      } catch (error) {
        if (!latest.current.isCurrent(ticket)) return;
        if (error instanceof ApiError && error.code === 'FORBIDDEN') setForbidden(true);
        else onError(error);
        setItems((current) => current ?? []);
      } finally {
        if (latest.current.isCurrent(ticket)) setLoading(false);
      }
    },
    [fetchPage, onError],
  );

  useEffect(() => void load(null), [load]);

  const replace = useCallback((item: T) => setItems((current) => current?.map((existing) => (existing.id === item.id ? item : existing)) ?? null), []);
  const loadMore = useCallback(() => (next ? load(next) : Promise.resolve()), [load, next]);

  return { items, total, hasMore: next !== null, loading, forbidden, loadMore, replace, reload: useCallback(() => load(null), [load]) };
}

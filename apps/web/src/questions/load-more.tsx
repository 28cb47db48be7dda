/** What {@link LoadMoreButton} reads of a paged list. */
export interface PagedList {
  readonly hasNextPage: boolean;
  readonly loading: boolean;
  loadMore(): Promise<void>;
}

/** "Show more" under a paged question list, while it has another page; "Loading…" while it reads one. */
export function LoadMoreButton({ list }: { readonly list: PagedList }) {
  if (!list.hasNextPage) return null;
  return (
    <button type="button" className="button button-small load-more" disabled={list.loading} onClick={() => void list.loadMore()}>
      {list.loading ? 'Loading…' : 'Show more'}
    </button>
  );
}

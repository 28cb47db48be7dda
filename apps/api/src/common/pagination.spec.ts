import { encodeCursor, toPage } from './pagination';

const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, at: new Date(Date.UTC(2026, 0, n)) }));
const cursorOf = (row: { id: string; at: Date }) => encodeCursor(row.at, row.id);

describe('toPage: Relay PageInfo, all four fields', () => {
  it('a first page: no previous page, start and end cursors of its first and last edges', () => {
    const page = toPage(rows, 2, cursorOf, null);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['id-1', 'id-2']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: cursorOf(rows[0]!),
      endCursor: cursorOf(rows[1]!),
    });
  });

  it('a page asked for after a cursor has a previous page; the last page has no next page', () => {
    const page = toPage(rows.slice(2), 2, cursorOf, { at: rows[1]!.at, id: rows[1]!.id });
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: cursorOf(rows[2]!), endCursor: cursorOf(rows[2]!) });
  });

  it('an empty page has null cursors', () => {
    expect(toPage([], 5, cursorOf, null).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

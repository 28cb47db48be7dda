import { mergePage } from './use-paged-list';

const item = (id: string) => ({ id });

describe('mergePage', () => {
  it('a first page replaces the list', () => {
    expect(mergePage([item('old')], [item('a'), item('b')], null)).toEqual([item('a'), item('b')]);
    expect(mergePage(null, [item('a')], 'cursor')).toEqual([item('a')]);
  });

  it('"Load more" appends in the order the API returns, without repeating items already shown', () => {
    expect(mergePage([item('a'), item('b')], [item('b'), item('c'), item('d')], 'cursor-b')).toEqual([item('a'), item('b'), item('c'), item('d')]);
    expect(mergePage([item('a')], [], 'cursor-a')).toEqual([item('a')]);
  });
});

import { LatestRequest } from './latest-request';

describe('kind: a late answer to an older request replaces a newer one (LatestRequest)', () => {
  it('the given case: the unfiltered first page answers after the searched one, and is dropped', () => {
    const list = new LatestRequest();
    const unfiltered = list.ticketFor(null);
    const searched = list.ticketFor(null);
    expect(list.isCurrent(searched)).toBe(true);
    expect(list.isCurrent(unfiltered)).toBe(false);
  });

  it('a variant: "Load more" of the old filter, answered after the filter changed, is dropped; of the current one, kept', () => {
    const list = new LatestRequest();
    list.ticketFor(null);
    const moreOfOld = list.ticketFor('cursor-20');
    expect(list.isCurrent(moreOfOld)).toBe(true);
    const newFilter = list.ticketFor(null);
    expect(list.isCurrent(moreOfOld)).toBe(false);
    const moreOfNew = list.ticketFor('cursor-20');
    expect(moreOfNew).toBe(newFilter);
    expect(list.isCurrent(moreOfNew)).toBe(true);
  });

  it('restart without a request (the view cleared) makes every answer in flight stale', () => {
    const list = new LatestRequest();
    const inFlight = list.restart();
    list.restart();
    expect(list.isCurrent(inFlight)).toBe(false);
    expect(list.isCurrent(list.current())).toBe(true);
  });
});

import { displayReasons, roomMatches } from './room-card-text';

// Bug 9 (kind: chips and counts that read wrong): duplicate chips, chips repeating the badge, bad plurals.
describe('displayReasons', () => {
  it('drops duplicate "Live now" / "Popular" chips and the one that repeats the Live badge (as reported)', () => {
    expect(displayReasons(['Live now', 'Popular', 'Popular', 'live now'], 'LIVE')).toEqual(['Popular']);
    expect(displayReasons(['Popular: 5 listening', 'Live now · 5 listening'], 'LIVE')).toEqual(['Popular: 5 listening']);
  });

  it('makes "Host has 1 followers" singular, and leaves 11 or 21 alone (variant)', () => {
    expect(displayReasons(['Host has 1 followers'], 'SCHEDULED')).toEqual(['Host has 1 follower']);
    expect(displayReasons(['Host has 11 followers', '21 listeners'], 'SCHEDULED')).toEqual(['Host has 11 followers', '21 listeners']);
  });

  it('keeps a "Live now" reason on a scheduled card (it does not repeat that badge)', () => {
    expect(displayReasons(['Matches your skills: Go'], 'LIVE')).toEqual(['Matches your skills: Go']);
  });
});

describe('roomMatches', () => {
  const room = { title: 'Kubernetes upgrades without downtime', host: { displayName: 'Linus Kern' } };
  it('matches words from the title and the host, in any order and case', () => {
    expect(roomMatches(room, 'kern UPGRADES')).toBe(true);
    expect(roomMatches(room, '')).toBe(true);
    expect(roomMatches(room, 'postgres')).toBe(false);
  });
  it('ignores accents', () => {
    expect(roomMatches({ title: 'Café strategy', host: { displayName: 'José' } }, 'cafe jose')).toBe(true);
  });
});

import { addPerson, offeredPeople, PEOPLE_SEARCH_MAX, removePerson, searchTermOf } from './people-picker-state';

const ada = { id: 'ada', displayName: 'Ada Lovelace', headline: 'Analyst' };
const tom = { id: 'tom', displayName: 'Tom Becker', headline: null };
const linus = { id: 'linus', displayName: 'Linus Kern', headline: 'Kernel' };

describe('people picker', () => {
  it('searches only what the API accepts: trimmed, at least 2 characters, at most 100', () => {
    expect(searchTermOf('')).toBeNull();
    expect(searchTermOf('  a  ')).toBeNull();
    expect(searchTermOf(' ad ')).toBe('ad');
    expect(searchTermOf('Ada Love')).toBe('Ada Love');
    const long = `${'x'.repeat(PEOPLE_SEARCH_MAX)}yyy`;
    expect(searchTermOf(long)).toBe('x'.repeat(PEOPLE_SEARCH_MAX));
    // Cut at 100, then trimmed again: a space at the cut does not count.
    expect(searchTermOf(`${'x'.repeat(PEOPLE_SEARCH_MAX - 1)} tail`)).toBe('x'.repeat(PEOPLE_SEARCH_MAX - 1));
  });

  it('adds a person once, keeps the order chosen, and stops at the invitee limit', () => {
    const one = addPerson([], tom, 3);
    const two = addPerson(one, linus, 3);
    expect(two.map((p) => p.id)).toEqual(['tom', 'linus']);
    expect(addPerson(two, tom, 3).map((p) => p.id)).toEqual(['tom', 'linus']);
    expect(addPerson(two, ada, 2).map((p) => p.id)).toEqual(['tom', 'linus']);
    expect(removePerson(two, 'tom').map((p) => p.id)).toEqual(['linus']);
    expect(removePerson(two, 'nobody')).toEqual(two);
  });

  it('never offers the viewer or someone already chosen', () => {
    expect(offeredPeople([ada, tom, linus], [linus], 'ada').map((p) => p.id)).toEqual(['tom']);
    expect(offeredPeople([ada], [], 'tom')).toEqual([ada]);
  });
});

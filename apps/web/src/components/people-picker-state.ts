/** Someone offered by, or chosen in, the people picker. */
export interface PickedPerson {
  readonly id: string;
  readonly displayName: string;
  readonly headline: string | null;
}

/** The API's bounds on `searchProfiles(query)`, in characters once trimmed. */
export const PEOPLE_SEARCH_MIN = 2;
export const PEOPLE_SEARCH_MAX = 100;

/**
 * What to send as `searchProfiles(query)` for what is typed: trimmed, cut to the API's maximum
 * (a longer paste still searches its start); null while it is shorter than the minimum, so the
 * picker asks for more instead of sending a request the API would refuse.
 */
export function searchTermOf(typed: string): string | null {
  const term = typed.trim().slice(0, PEOPLE_SEARCH_MAX).trim();
  return term.length >= PEOPLE_SEARCH_MIN ? term : null;
}

/** `person` added at the end of `chosen`, once; `max` bounds the list (the API's invitee limit). */
export function addPerson(chosen: readonly PickedPerson[], person: PickedPerson, max: number): PickedPerson[] {
  if (chosen.some((p) => p.id === person.id) || chosen.length >= max) return [...chosen];
  return [...chosen, person];
}

export function removePerson(chosen: readonly PickedPerson[], id: string): PickedPerson[] {
  return chosen.filter((p) => p.id !== id);
}

/** Search results worth offering: not the viewer (a host is always in their own room), not someone already chosen. */
export function offeredPeople(results: readonly PickedPerson[], chosen: readonly PickedPerson[], viewerId: string): PickedPerson[] {
  const taken = new Set(chosen.map((p) => p.id));
  return results.filter((p) => p.id !== viewerId && !taken.has(p.id));
}

/** A group this browser created or joined. */
export interface KnownGroup {
  readonly id: string;
  readonly name: string;
}

const KEY = 'roundtable.groups';

/**
 * The served schema has no "the viewer's groups" field yet, so the groups page lists the groups
 * created or joined in this browser (per profile), and any group opens by its link.
 */
export function loadKnownGroups(profileId: string): KnownGroup[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(`${KEY}.${profileId}`) ?? '[]');
    return Array.isArray(stored) ? stored.filter((g): g is KnownGroup => typeof g?.id === 'string' && typeof g?.name === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberGroup(profileId: string, group: KnownGroup): void {
  const groups = [group, ...loadKnownGroups(profileId).filter((known) => known.id !== group.id)].slice(0, 50);
  try {
    window.localStorage.setItem(`${KEY}.${profileId}`, JSON.stringify(groups));
  } catch {
    // Private modes may refuse storage; the list then lasts as long as the page.
  }
}

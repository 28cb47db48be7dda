/** The client's pages; the API serves index.html for every path that is not its own. */
export type Route =
  | { readonly page: 'home' }
  /** A new room; from a group's page, a GROUP room of that group. */
  | { readonly page: 'new-room'; readonly groupId?: string | undefined }
  | { readonly page: 'room'; readonly roomId: string }
  | { readonly page: 'profile'; readonly profileId: string | null }
  | { readonly page: 'groups' }
  | { readonly page: 'group'; readonly groupId: string }
  | { readonly page: 'notices' }
  /** Public: how recommendations are made (rankingTransparency), readable without signing in. */
  | { readonly page: 'how-recommendations-work' }
  /** What the viewer marked "Not interested", with unhide. */
  | { readonly page: 'hidden-recommendations' }
  /** The viewer's notifications (issue 18), with their calendar feed. */
  | { readonly page: 'notifications' }
  | { readonly page: 'staff'; readonly tab: StaffTab };

/** Trust-and-safety staff pages: the report queue, open appeals, the audit log. */
export type StaffTab = 'reports' | 'appeals' | 'log';

export function parseRoute(pathname: string): Route {
  const room = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (room?.[1]) return { page: 'room', roomId: decodeURIComponent(room[1]) };
  const profile = /^\/people\/([^/]+)\/?$/.exec(pathname);
  if (profile?.[1]) return { page: 'profile', profileId: decodeURIComponent(profile[1]) };
  const groupRoom = /^\/groups\/([^/]+)\/new\/?$/.exec(pathname);
  if (groupRoom?.[1]) return { page: 'new-room', groupId: decodeURIComponent(groupRoom[1]) };
  const group = /^\/groups\/([^/]+)\/?$/.exec(pathname);
  if (group?.[1]) return { page: 'group', groupId: decodeURIComponent(group[1]) };
  if (/^\/new\/?$/.test(pathname)) return { page: 'new-room' };
  if (/^\/profile\/?$/.test(pathname)) return { page: 'profile', profileId: null };
  if (/^\/groups\/?$/.test(pathname)) return { page: 'groups' };
  if (/^\/notices\/?$/.test(pathname)) return { page: 'notices' };
  if (/^\/recommendations\/how\/?$/.test(pathname)) return { page: 'how-recommendations-work' };
  if (/^\/recommendations\/hidden\/?$/.test(pathname)) return { page: 'hidden-recommendations' };
  if (/^\/notifications\/?$/.test(pathname)) return { page: 'notifications' };
  const staff = /^\/staff(?:\/(reports|appeals|log))?\/?$/.exec(pathname);
  if (staff) return { page: 'staff', tab: (staff[1] as StaffTab | undefined) ?? 'reports' };
  return { page: 'home' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'new-room':
      return route.groupId ? `/groups/${encodeURIComponent(route.groupId)}/new` : '/new';
    case 'room':
      return `/rooms/${encodeURIComponent(route.roomId)}`;
    case 'profile':
      return route.profileId === null ? '/profile' : `/people/${encodeURIComponent(route.profileId)}`;
    case 'groups':
      return '/groups';
    case 'group':
      return `/groups/${encodeURIComponent(route.groupId)}`;
    case 'notices':
      return '/notices';
    case 'how-recommendations-work':
      return '/recommendations/how';
    case 'hidden-recommendations':
      return '/recommendations/hidden';
    case 'notifications':
      return '/notifications';
    case 'staff':
      return `/staff/${route.tab}`;
  }
}

export function titleOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return 'Discover';
    case 'new-room':
      return 'New room';
    case 'room':
      return 'Room';
    case 'profile':
      return 'Profile';
    case 'groups':
    case 'group':
      return 'Groups';
    case 'notices':
      return 'Your notices';
    case 'how-recommendations-work':
      return 'How recommendations work';
    case 'hidden-recommendations':
      return 'Hidden from recommendations';
    case 'notifications':
      return 'Notifications';
    case 'staff':
      return route.tab === 'reports' ? 'Reports' : route.tab === 'appeals' ? 'Appeals' : 'Audit log';
  }
}

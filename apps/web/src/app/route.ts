/** The client's pages; the API serves index.html for every path that is not its own. */
export type Route = { readonly page: 'home' } | { readonly page: 'new-room' } | { readonly page: 'room'; readonly roomId: string };

export function parseRoute(pathname: string): Route {
  const room = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (room?.[1]) return { page: 'room', roomId: decodeURIComponent(room[1]) };
  if (/^\/new\/?$/.test(pathname)) return { page: 'new-room' };
  return { page: 'home' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'new-room':
      return '/new';
    case 'room':
      return `/rooms/${encodeURIComponent(route.roomId)}`;
  }
}

import { parseRoute, pathOf, type Route } from './route';
import { normaliseToken } from './token-store';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { page: 'home' }],
    ['/new', { page: 'new-room' }],
    ['/rooms/abc-123', { page: 'room', roomId: 'abc-123' }],
    ['/rooms/abc-123/', { page: 'room', roomId: 'abc-123' }],
    ['/profile', { page: 'profile', profileId: null }],
    ['/people/demo-ada', { page: 'profile', profileId: 'demo-ada' }],
    ['/groups', { page: 'groups' }],
    ['/groups/g-1', { page: 'group', groupId: 'g-1' }],
    ['/groups/g-1/new', { page: 'new-room', groupId: 'g-1' }],
    ['/notices', { page: 'notices' }],
    ['/recommendations/how', { page: 'how-recommendations-work' }],
    ['/recommendations/hidden/', { page: 'hidden-recommendations' }],
    ['/notifications', { page: 'notifications' }],
    ['/notifications/', { page: 'notifications' }],
    ['/staff', { page: 'staff', tab: 'reports' }],
    ['/staff/appeals', { page: 'staff', tab: 'appeals' }],
    ['/staff/log/', { page: 'staff', tab: 'log' }],
    ['/staff/other', { page: 'home' }],
    ['/nowhere', { page: 'home' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips ids that need encoding', () => {
    for (const route of [
      { page: 'room', roomId: 'Um9vbTox/=' },
      { page: 'profile', profileId: 'a b/c' },
      { page: 'group', groupId: '?x' },
      { page: 'new-room', groupId: 'a/b c' },
    ] as const) {
      expect(parseRoute(pathOf(route))).toEqual(route);
    }
  });
});

describe('normaliseToken', () => {
  it('accepts a pasted token with "Bearer ", quotes and whitespace', () => {
    expect(normaliseToken('  Bearer eyJ.a.b\n')).toBe('eyJ.a.b');
    expect(normaliseToken('"eyJ.a.b"')).toBe('eyJ.a.b');
  });
});

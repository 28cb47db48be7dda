import { parseRoute, pathOf, type Route } from './route';
import { normaliseToken } from './token-store';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { page: 'home' }],
    ['/new', { page: 'new-room' }],
    ['/rooms/abc-123', { page: 'room', roomId: 'abc-123' }],
    ['/rooms/abc-123/', { page: 'room', roomId: 'abc-123' }],
    ['/nowhere', { page: 'home' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips room ids that need encoding', () => {
    const route: Route = { page: 'room', roomId: 'Um9vbTox/=' };
    expect(parseRoute(pathOf(route))).toEqual(route);
  });
});

describe('normaliseToken', () => {
  it('accepts a pasted token with "Bearer ", quotes and whitespace', () => {
    expect(normaliseToken('  Bearer eyJ.a.b\n')).toBe('eyJ.a.b');
    expect(normaliseToken('"eyJ.a.b"')).toBe('eyJ.a.b');
  });
});

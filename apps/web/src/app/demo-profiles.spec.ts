import { parseDemoProfiles } from './demo-profiles';

describe('parseDemoProfiles', () => {
  it('reads the documented shape', () => {
    const body = { profiles: [{ id: 'demo-ada', displayName: 'Ada Lovelace', headline: 'Principal Engineer', role: 'host', token: 't1' }] };
    expect(parseDemoProfiles(body)).toEqual(body.profiles);
  });

  it('drops malformed entries and bodies (an HTML 404 page, an error object)', () => {
    expect(parseDemoProfiles({ profiles: [{ id: 1 }, null, { id: 'x', displayName: 'X', token: 't' }] })).toEqual([
      { id: 'x', displayName: 'X', headline: null, role: '', token: 't' },
    ]);
    expect(parseDemoProfiles('<html>')).toEqual([]);
    expect(parseDemoProfiles({ error: 'nope' })).toEqual([]);
  });
});

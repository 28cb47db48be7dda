import { mayBeStaff, STAFF_ROLE, tokenRoles } from './token-roles';

/** An unsigned JWT with these claims (the client never verifies; the server does). */
function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

describe('tokenRoles', () => {
  it('reads the roles claim', () => {
    expect(tokenRoles(jwt({ sub: 'demo-ada', roles: [STAFF_ROLE] }))).toEqual(['trust_safety']);
    expect(tokenRoles(`Bearer ${jwt({ sub: 'x', roles: ['a', 3, 'b'] })}`)).toEqual(['a', 'b']);
  });

  it('treats a missing claim as no roles, and unreadable tokens as unknown', () => {
    expect(tokenRoles(jwt({ sub: 'demo-tom' }))).toEqual([]);
    expect(tokenRoles('opaque-token')).toBeNull();
    expect(tokenRoles('a.%%%.c')).toBeNull();
    expect(tokenRoles(jwt({ roles: 'trust_safety' }))).toBeNull();
  });

  it('decodes non-ASCII claims (a name with accents beside the roles)', () => {
    expect(tokenRoles(jwt({ name: 'Zoë Ångström', roles: [STAFF_ROLE] }))).toEqual([STAFF_ROLE]);
  });
});

describe('mayBeStaff', () => {
  it('shows the staff link to staff and when the client cannot tell, never to known non-staff', () => {
    expect(mayBeStaff(jwt({ roles: [STAFF_ROLE] }))).toBe(true);
    expect(mayBeStaff('opaque-token')).toBe(true);
    expect(mayBeStaff(jwt({ roles: [] }))).toBe(false);
    expect(mayBeStaff(jwt({}))).toBe(false);
  });
});

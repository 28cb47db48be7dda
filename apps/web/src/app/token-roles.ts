/** The role that marks trust-and-safety staff in a token's `roles` claim (the API's STAFF_ROLE). */
export const STAFF_ROLE = 'trust_safety';

/**
 * The `roles` claim of a JWT, read without verifying it: the server checks every staff request,
 * so this only decides which links to show. Null when the token is not a readable JWT (then the
 * client cannot tell, shows the staff link, and the server's FORBIDDEN is explained on the page).
 */
export function tokenRoles(token: string): readonly string[] | null {
  const payload = token.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims: unknown = JSON.parse(decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')));
    if (typeof claims !== 'object' || claims === null) return null;
    const roles = (claims as { roles?: unknown }).roles;
    if (roles === undefined) return [];
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : null;
  } catch {
    return null;
  }
}

/** Whether to show the staff pages' link: yes for staff, and when the token cannot be read. */
export function mayBeStaff(token: string): boolean {
  const roles = tokenRoles(token);
  return roles === null || roles.includes(STAFF_ROLE);
}

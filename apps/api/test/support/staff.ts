import { signDevelopmentToken } from '../../src/auth/authenticator';
import { DEV_JWT_SECRET } from '../../src/config/config';
import { grantStaffRole, revokeStaffRole, TRUST_SAFETY_ROLE } from '../../src/staff/staff-roles';
import type { TestApi } from './test-api';

/**
 * Staff rights come from the staff_roles record only (issue 14): tests grant them there, as the
 * `staff` CLI does, and make the API re-read the record at once instead of within its
 * STAFF_ROLES_REFRESH_MS.
 */
export async function grantStaff(api: TestApi, profileId: string): Promise<void> {
  await grantStaffRole(api.api.db.orm.em.fork(), { profileId, role: TRUST_SAFETY_ROLE, grantedBy: 'test' });
  await api.api.server.services.staff.refresh();
}

/** Withdraws the role in the record; `refresh: false` leaves it to the API's own refresh (what a CLI withdrawal gets). */
export async function revokeStaff(api: TestApi, profileId: string, options: { refresh?: boolean } = {}): Promise<void> {
  await revokeStaffRole(api.api.db.orm.em.fork(), profileId, TRUST_SAFETY_ROLE);
  if (options.refresh ?? true) await api.api.server.services.staff.refresh();
}

/**
 * A staff member's token: the role granted in the record, and a token that lives one hour
 * (within AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS). Its `roles` claim is a label only.
 */
export async function staffTokenFor(api: TestApi, profileId: string, options: { name?: string; expiresIn?: string } = {}): Promise<string> {
  await grantStaff(api, profileId);
  return signDevelopmentToken(DEV_JWT_SECRET, { sub: profileId, name: options.name ?? profileId, roles: [TRUST_SAFETY_ROLE] }, options.expiresIn ?? '1h');
}

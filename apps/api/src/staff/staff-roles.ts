import type { EntityManager } from '@mikro-orm/postgresql';
import { PERIODIC_SQL_MARK } from '../database/orm';

/** Roles the staff record knows. `trust_safety`: reviews reports, decides, suspends, sees every room. */
export const STAFF_ROLES = ['trust_safety'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const TRUST_SAFETY_ROLE: StaffRole = 'trust_safety';

export const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

/** One row of `staff_roles`: who holds which role, since when, granted by whom. */
export interface StaffRoleGrant {
  readonly profileId: string;
  readonly role: StaffRole;
  readonly grantedAt: Date;
  readonly grantedBy: string;
}

interface StaffRoleRow {
  profile_id: string;
  role: StaffRole;
  granted_at: Date;
  granted_by: string;
}

const toGrant = (row: StaffRoleRow): StaffRoleGrant => ({ profileId: row.profile_id, role: row.role, grantedAt: new Date(row.granted_at), grantedBy: row.granted_by });

/**
 * Grants `role` to `profileId` in the staff record (the only source of staff rights). Granting a
 * role already held keeps the first grant. Returns whether the role was newly granted.
 */
export async function grantStaffRole(em: EntityManager, grant: { profileId: string; role: StaffRole; grantedBy: string }): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute<{ profile_id: string }[]>(
      `insert into staff_roles (profile_id, role, granted_by) values (?, ?, ?) on conflict (profile_id, role) do nothing returning profile_id`,
      [grant.profileId, grant.role, grant.grantedBy],
    );
  return rows.length > 0;
}

/** Withdraws `role` from `profileId`; every instance stops honouring it within STAFF_ROLES_REFRESH_MS. Returns whether it was held. */
export async function revokeStaffRole(em: EntityManager, profileId: string, role: StaffRole): Promise<boolean> {
  const rows = await em
    .getConnection()
    .execute<{ profile_id: string }[]>(`delete from staff_roles where profile_id = ? and role = ? returning profile_id`, [profileId, role]);
  return rows.length > 0;
}

/**
 * Every grant (or one profile's), by profile then role. `periodic`: read by the staff directory's
 * refresh, marked as housekeeping ({@link PERIODIC_SQL_MARK}).
 */
export async function listStaffRoles(em: EntityManager, profileId?: string, options: { periodic?: boolean } = {}): Promise<StaffRoleGrant[]> {
  const rows = await em
    .getConnection()
    .execute<StaffRoleRow[]>(
      `${options.periodic === true ? PERIODIC_SQL_MARK : ''}select profile_id, role, granted_at, granted_by from staff_roles ${profileId === undefined ? '' : 'where profile_id = ?'} order by profile_id, role`,
      profileId === undefined ? [] : [profileId],
    );
  return rows.map(toGrant);
}

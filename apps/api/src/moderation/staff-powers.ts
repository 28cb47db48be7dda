import { type EntityManager } from '@mikro-orm/postgresql';
import { assertStaffPowers, hasStaffPowers } from '@roundtable/moderation';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { requireStaff } from './staff';
import type { SuspensionService } from './suspension.service';

/**
 * Staff rights that may be used now: `requireStaff` (FORBIDDEN for everyone else), then the
 * policy's `assertStaffPowers` — a suspended account has no staff powers (FORBIDDEN,
 * `STAFF_POWERS_SUSPENDED`). One indexed query for staff, none for anyone else.
 */
export async function requireStaffPowers(em: EntityManager, viewer: AuthenticatedViewer, suspensions: SuspensionService): Promise<void> {
  requireStaff(viewer);
  const suspended = (await suspensions.activeSuspension(em, viewer.profileId)) !== null;
  assertStaffPowers({ profileId: viewer.profileId, isStaff: viewer.isStaff, suspended });
}

/** The policy's `hasStaffPowers` for `viewer`, without throwing (field-level checks). */
export async function viewerHasStaffPowers(em: EntityManager, viewer: AuthenticatedViewer | null, suspensions: SuspensionService): Promise<boolean> {
  if (!viewer?.isStaff) return false;
  const suspended = (await suspensions.activeSuspension(em, viewer.profileId)) !== null;
  return hasStaffPowers({ profileId: viewer.profileId, isStaff: viewer.isStaff, suspended });
}

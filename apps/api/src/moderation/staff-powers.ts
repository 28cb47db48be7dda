import { type EntityManager } from '@mikro-orm/postgresql';
import { assertStaffAccess, assertStaffActor, type CaseParties, decideStaffAccess, isPartyToCase, type StaffOperation, type StaffRelation } from '@roundtable/moderation';

import type { AuthenticatedViewer } from '../auth/authenticator';
import type { SuspensionService } from './suspension.service';

/**
 * The staff access policy (`STAFF_ACCESS_TABLE`, beside the room table) as the API asks it: this
 * module only gathers the viewer's relation (the staff record, a suspension in force: one indexed
 * query, for staff only) and the case's parties; every rule is the table's.
 */

/** The viewer's part of a {@link StaffRelation}; the suspension is read only for staff (nobody else has powers to lose). */
export async function staffActorOf(em: EntityManager, viewer: AuthenticatedViewer | null, suspensions: SuspensionService): Promise<Pick<StaffRelation, 'isStaff' | 'isSuspended'>> {
  if (!viewer?.isStaff) return { isStaff: false, isSuspended: false };
  return { isStaff: true, isSuspended: (await suspensions.activeSuspension(em, viewer.profileId)) !== null };
}

const actorByScope = new WeakMap<object, Promise<Pick<StaffRelation, 'isStaff' | 'isSuspended'>>>();

/**
 * {@link staffActorOf} asked at most once per request scope (`scope` is the request's; its `em`
 * reads): field resolvers of many parents share one query and stay batched.
 */
export function staffActorOfScope(
  scope: { readonly em: EntityManager },
  viewer: AuthenticatedViewer | null,
  suspensions: SuspensionService,
): Promise<Pick<StaffRelation, 'isStaff' | 'isSuspended'>> {
  let actor = actorByScope.get(scope);
  if (!actor) {
    actor = staffActorOf(scope.em, viewer, suspensions);
    actorByScope.set(scope, actor);
  }
  return actor;
}

/**
 * Refuses `operation` unless the table allows it for the viewer alone (FORBIDDEN: NOT_STAFF,
 * STAFF_POWERS_SUSPENDED); returns the viewer's part for a later {@link assertStaffMayDecide}.
 */
export async function requireStaffAccess(
  em: EntityManager,
  viewer: AuthenticatedViewer,
  suspensions: SuspensionService,
  operation: StaffOperation,
): Promise<Pick<StaffRelation, 'isStaff' | 'isSuspended'>> {
  const actor = await staffActorOf(em, viewer, suspensions);
  assertStaffActor(operation, actor);
  return actor;
}

/** The whole row for a decision once its case is read: separation of duties (OWN_CASE, FORBIDDEN) among it. */
export function assertStaffMayDecide(operation: StaffOperation, viewer: AuthenticatedViewer, actor: Pick<StaffRelation, 'isStaff' | 'isSuspended'>, parties: CaseParties): void {
  assertStaffAccess(operation, { ...actor, isPartyToCase: isPartyToCase(viewer.profileId, parties), ownsRecord: false });
}

/** Whether the table allows `operation` to the viewer (field-level and `node` checks), without throwing. */
export async function viewerMayAccessStaff(
  em: EntityManager,
  viewer: AuthenticatedViewer | null,
  suspensions: SuspensionService,
  operation: StaffOperation,
  ownsRecord = false,
): Promise<boolean> {
  // A record's owner needs no staff powers: no query then.
  const actor = ownsRecord ? { isStaff: false, isSuspended: false } : await staffActorOf(em, viewer, suspensions);
  return decideStaffAccess(operation, { ...actor, isPartyToCase: false, ownsRecord }).allowed;
}

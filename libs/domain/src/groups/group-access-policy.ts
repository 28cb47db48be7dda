import { DomainErrorCode } from '../errors/domain-error';
import { firstRefusal, type RuleDecision, type RuleDefinition } from '../common/rule-table';

/**
 * THE GROUP ACCESS POLICY: the group rows of the one access policy, beside the room table
 * (`ROOM_ACCESS_TABLE`). Operation × the viewer's {@link GroupRelation} → allowed, or the first
 * refused rule with its code. A change to {@link GROUP_ACCESS_TABLE} is a permission change: its
 * snapshot (`group-access-policy.spec.ts`) shows it in review. Who sees a group's GROUP rooms is
 * the room table's (`BELONGS`: a current member); a group's name, description, join policy and
 * member count are public to anyone signed in.
 */

/** What a viewer may ask of one group. */
export enum GroupOperation {
  /** `Group.members`. */
  SeeMembers = 'SEE_MEMBERS',
  /** `Group.joinRequests`. */
  SeeJoinRequests = 'SEE_JOIN_REQUESTS',
  /** `approveJoinRequest`, `declineJoinRequest`. */
  DecideJoinRequest = 'DECIDE_JOIN_REQUEST',
  /** `inviteToGroup`. */
  Invite = 'INVITE',
  /** `joinGroup`, and `requestToJoinGroup` joining at once: becoming a member without an admin's approval. */
  JoinAtOnce = 'JOIN_AT_ONCE',
}

/** Everything the group policy knows about one viewer and one group. */
export interface GroupRelation {
  /** The group admits anyone signed in at once (OPEN), rather than by request. */
  readonly isOpen: boolean;
  readonly isMember: boolean;
  /** An admin of the group (admins are members). */
  readonly isAdmin: boolean;
  /** One of the group's admins invited the viewer. */
  readonly isInvited: boolean;
  /** Trust-and-safety staff rights in the server's record. */
  readonly isStaff: boolean;
  /** A suspension is in force on the viewer's account (it takes staff powers away). */
  readonly isSuspended: boolean;
}

/** The named rules of the group table; each refuses NOT_ALLOWED (FORBIDDEN). */
export enum GroupAccessRule {
  /** A member, or staff with staff powers (staff, not suspended). */
  MemberOrStaffPowers = 'MEMBER_OR_STAFF_POWERS',
  /** An admin of the group. */
  Admin = 'ADMIN',
  /** Already a member, or the group is OPEN, or an admin invited the viewer: knowing a BY_REQUEST group's id admits nobody. */
  Admitted = 'ADMITTED',
}

const notAllowed = () => DomainErrorCode.NotAllowed;
const RULES: Readonly<Record<GroupAccessRule, RuleDefinition<GroupRelation, DomainErrorCode>>> = {
  [GroupAccessRule.MemberOrStaffPowers]: { holds: (r) => r.isMember || (r.isStaff && !r.isSuspended), refusal: notAllowed },
  [GroupAccessRule.Admin]: { holds: (r) => r.isAdmin, refusal: notAllowed },
  [GroupAccessRule.Admitted]: { holds: (r) => r.isMember || r.isOpen || r.isInvited, refusal: notAllowed },
};

/** The table: for each operation, the rules that must all hold, in the order they are checked. */
export const GROUP_ACCESS_TABLE: Readonly<Record<GroupOperation, readonly GroupAccessRule[]>> = {
  [GroupOperation.SeeMembers]: [GroupAccessRule.MemberOrStaffPowers],
  [GroupOperation.SeeJoinRequests]: [GroupAccessRule.Admin],
  [GroupOperation.DecideJoinRequest]: [GroupAccessRule.Admin],
  [GroupOperation.Invite]: [GroupAccessRule.Admin],
  [GroupOperation.JoinAtOnce]: [GroupAccessRule.Admitted],
};

/** The group policy's answer: allowed, or the first rule that failed with its code. */
export type GroupAccessDecision = RuleDecision<GroupAccessRule, DomainErrorCode>;

/** Decides one operation for one relation (refusals: NOT_ALLOWED). Pure and total. */
export function decideGroupAccess(operation: GroupOperation, relation: GroupRelation): GroupAccessDecision {
  return firstRefusal(GROUP_ACCESS_TABLE[operation], (rule) => RULES[rule], relation);
}

/** Whether {@link decideGroupAccess} allows the operation. */
export function mayAccessGroup(operation: GroupOperation, relation: GroupRelation): boolean {
  return decideGroupAccess(operation, relation).allowed;
}

import { decideGroupAccess, DomainError, GroupOperation, type GroupRelation, mayAccessGroup } from '@roundtable/domain';

/**
 * Who may enter a group, see its members, and run it: the group access policy's table
 * (`GROUP_ACCESS_TABLE` in `@roundtable/domain`, beside the room table). This module names the
 * group's enums and turns a viewer's standing (gathered by `group-access.ts`) into the policy's
 * relation; it states no rule of its own.
 */

/** How a signed-in viewer becomes a member (`Group.joinPolicy`). */
export enum GroupJoinPolicy {
  /** Anyone signed in joins at once. */
  Open = 'OPEN',
  /** A viewer asks to join; one of the group's admins approves or declines. */
  ByRequest = 'BY_REQUEST',
}

/** A member's role in a group (`GroupMembership.role`). */
export enum GroupRole {
  Member = 'MEMBER',
  /** Approves and declines join requests and invites people; the creator is the first admin. */
  Admin = 'ADMIN',
}

/** A join request's state (`GroupJoinRequest.status`). */
export enum GroupJoinRequestStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
  Declined = 'DECLINED',
}

/** What is known about one viewer and one group. */
export interface GroupStanding {
  readonly joinPolicy: GroupJoinPolicy;
  /** The viewer's role, or null when not a member. */
  readonly role: GroupRole | null;
  /** Whether an admin invited the viewer (an invitation admits to a BY_REQUEST group). */
  readonly invited: boolean;
  /** Trust and safety staff (the server's record). */
  readonly isStaff: boolean;
  /** A suspension is in force (it takes staff powers away); gathered only where staff powers matter. */
  readonly isSuspended?: boolean;
}

/** The group access policy's relation (`GROUP_ACCESS_TABLE` in `@roundtable/domain`) for a standing. */
export function groupRelationOf(standing: GroupStanding): GroupRelation {
  return {
    isOpen: standing.joinPolicy === GroupJoinPolicy.Open,
    isMember: standing.role !== null,
    isAdmin: standing.role === GroupRole.Admin,
    isInvited: standing.invited,
    isStaff: standing.isStaff,
    isSuspended: standing.isSuspended ?? false,
  };
}

/**
 * Throws the group access policy's refusal of `operation` (NOT_ALLOWED, FORBIDDEN) with `message`,
 * or returns. The rule is the table's; the message says what was refused.
 */
export function assertGroupAccess(operation: GroupOperation, standing: GroupStanding, message: string): void {
  const decision = decideGroupAccess(operation, groupRelationOf(standing));
  if (!decision.allowed) throw new DomainError(decision.code, message);
}

/**
 * How `joinGroup` treats the viewer: `'member'` already in, `'join'` may become a member at once
 * (the policy's JOIN_AT_ONCE: OPEN group, or invited), `'request'` must ask. Knowing a group's id
 * never admits to a BY_REQUEST group by itself.
 */
export function joinOutcome(standing: GroupStanding): 'member' | 'join' | 'request' {
  if (standing.role !== null) return 'member';
  return mayAccessGroup(GroupOperation.JoinAtOnce, groupRelationOf(standing)) ? 'join' : 'request';
}

/**
 * Whether leaving leaves a group without an admin while members remain: then the longest-standing
 * member becomes admin, so someone can still approve requests and invite.
 * @param adminsLeft admins after the departure; @param membersLeft members after the departure.
 */
export const needsSuccessorAdmin = (adminsLeft: number, membersLeft: number): boolean => adminsLeft === 0 && membersLeft > 0;

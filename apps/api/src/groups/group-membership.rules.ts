/**
 * Who may enter a group, see its members, and run it: small pure rules over facts the caller
 * gathered (`group-access.ts` reads them). The room access policy reads group membership through
 * these, so "member of the group" means one thing everywhere.
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
  /** Trust and safety staff. */
  readonly isStaff: boolean;
}

export const isGroupMember = (standing: Pick<GroupStanding, 'role'>): boolean => standing.role !== null;

export const isGroupAdmin = (standing: Pick<GroupStanding, 'role'>): boolean => standing.role === GroupRole.Admin;

/**
 * How `joinGroup` treats the viewer: `'member'` already in, `'join'` may become a member at once
 * (OPEN group, or invited), `'request'` must ask (BY_REQUEST and not invited). Knowing a group's id
 * never admits to a BY_REQUEST group by itself.
 */
export function joinOutcome(standing: GroupStanding): 'member' | 'join' | 'request' {
  if (isGroupMember(standing)) return 'member';
  if (standing.joinPolicy === GroupJoinPolicy.Open || standing.invited) return 'join';
  return 'request';
}

/** Members (and staff) see who the members are; nobody else does, whatever the policy. */
export const maySeeGroupMembers = (standing: Pick<GroupStanding, 'role' | 'isStaff'>): boolean =>
  isGroupMember(standing) || standing.isStaff;

/** Only the group's admins see, approve and decline join requests, and invite people. */
export const mayManageGroupMembership = (standing: Pick<GroupStanding, 'role'>): boolean => isGroupAdmin(standing);

/**
 * Whether leaving leaves a group without an admin while members remain: then the longest-standing
 * member becomes admin, so someone can still approve requests and invite.
 * @param adminsLeft admins after the departure; @param membersLeft members after the departure.
 */
export const needsSuccessorAdmin = (adminsLeft: number, membersLeft: number): boolean => adminsLeft === 0 && membersLeft > 0;

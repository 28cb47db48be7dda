import fc from 'fast-check';

import { DomainErrorCode } from '../errors/domain-error';
import { decideGroupAccess, GROUP_ACCESS_TABLE, GroupOperation, type GroupRelation, mayAccessGroup } from './group-access-policy';

const relation = fc
  .record<GroupRelation>({ isOpen: fc.boolean(), isMember: fc.boolean(), isAdmin: fc.boolean(), isInvited: fc.boolean(), isStaff: fc.boolean(), isSuspended: fc.boolean() })
  .map((r) => ({ ...r, isMember: r.isMember || r.isAdmin }));
const outsider: GroupRelation = { isOpen: false, isMember: false, isAdmin: false, isInvited: false, isStaff: false, isSuspended: false };

/** The reviewed group permission table, beside the room table: a change to this snapshot is a permission change. */
describe('the group access table (snapshot: a change here is a permission change)', () => {
  it('declares, for every operation, the rules checked in order', () => {
    expect(Object.fromEntries(Object.values(GroupOperation).map((operation) => [operation, GROUP_ACCESS_TABLE[operation].join(' → ')]))).toMatchSnapshot();
  });
});

describe('decideGroupAccess', () => {
  it.each<[string, Partial<GroupRelation>, GroupOperation, boolean]>([
    ['kind "a group\'s members are listed to non-members": given case, an outsider', {}, GroupOperation.SeeMembers, false],
    ['variant: an invited outsider of an OPEN group', { isOpen: true, isInvited: true }, GroupOperation.SeeMembers, false],
    ['a member sees the members', { isMember: true }, GroupOperation.SeeMembers, true],
    ['staff see the members', { isStaff: true }, GroupOperation.SeeMembers, true],
    ['kind "a suspended account keeps staff powers": given case, a suspended staff member sees no members', { isStaff: true, isSuspended: true }, GroupOperation.SeeMembers, false],
    ['only admins see join requests', { isMember: true }, GroupOperation.SeeJoinRequests, false],
    ['staff do not decide join requests', { isStaff: true }, GroupOperation.DecideJoinRequest, false],
    ['an admin invites', { isMember: true, isAdmin: true }, GroupOperation.Invite, true],
    ['kind "knowing an id grants membership": given case, a BY_REQUEST group is not joined at once', {}, GroupOperation.JoinAtOnce, false],
    ['variant: an invitation admits', { isInvited: true }, GroupOperation.JoinAtOnce, true],
    ['an OPEN group admits', { isOpen: true }, GroupOperation.JoinAtOnce, true],
  ])('%s', (_name, overrides, operation, allowed) => {
    const decision = decideGroupAccess(operation, { ...outsider, ...overrides });
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.code).toBe(DomainErrorCode.NotAllowed);
  });

  it('losing membership, admin rights, an invitation or staff powers never adds an operation (property)', () => {
    const losses: ((r: GroupRelation) => GroupRelation)[] = [
      (r) => ({ ...r, isMember: false, isAdmin: false }),
      (r) => ({ ...r, isAdmin: false }),
      (r) => ({ ...r, isInvited: false }),
      (r) => ({ ...r, isStaff: false }),
      (r) => ({ ...r, isSuspended: true }),
    ];
    fc.assert(
      fc.property(relation, fc.constantFrom(...Object.values(GroupOperation)), fc.constantFrom(...losses), (r, operation, lose) => {
        if (mayAccessGroup(operation, lose(r))) expect(mayAccessGroup(operation, r)).toBe(true);
      }),
    );
  });
});

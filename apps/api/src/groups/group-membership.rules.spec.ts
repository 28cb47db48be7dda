import { GroupOperation, mayAccessGroup } from '@roundtable/domain';
import fc from 'fast-check';

import { GroupJoinPolicy, GroupRole, groupRelationOf, type GroupStanding, joinOutcome, needsSuccessorAdmin } from './group-membership.rules';

const standing = fc.record<GroupStanding>({
  joinPolicy: fc.constantFrom(GroupJoinPolicy.Open, GroupJoinPolicy.ByRequest),
  role: fc.constantFrom(null, GroupRole.Member, GroupRole.Admin),
  invited: fc.boolean(),
  isStaff: fc.boolean(),
  isSuspended: fc.boolean(),
});

describe('group membership rules', () => {
  it('joinOutcome: members stay, OPEN groups and invitations admit, BY_REQUEST without an invitation asks', () => {
    const outsider = { role: null, invited: false, isStaff: false };
    expect(joinOutcome({ ...outsider, joinPolicy: GroupJoinPolicy.Open })).toBe('join');
    expect(joinOutcome({ ...outsider, joinPolicy: GroupJoinPolicy.ByRequest })).toBe('request');
    expect(joinOutcome({ ...outsider, joinPolicy: GroupJoinPolicy.ByRequest, invited: true })).toBe('join');
    expect(joinOutcome({ ...outsider, joinPolicy: GroupJoinPolicy.ByRequest, role: GroupRole.Member })).toBe('member');
  });

  it('kind: knowing an id grants membership — property: a non-member, non-invited viewer of a BY_REQUEST group is never admitted, staff or not', () => {
    fc.assert(
      fc.property(standing, (s) => {
        if (s.joinPolicy === GroupJoinPolicy.ByRequest && s.role === null && !s.invited) expect(joinOutcome(s)).toBe('request');
      }),
    );
  });

  it("kind: a group's members are listed to non-members — property: only members and staff with staff powers see members; only admins manage (the group access table, asked with the standing's relation)", () => {
    fc.assert(
      fc.property(standing, (s) => {
        const relation = groupRelationOf(s);
        expect(mayAccessGroup(GroupOperation.SeeMembers, relation)).toBe(s.role !== null || (s.isStaff && !s.isSuspended));
        for (const operation of [GroupOperation.SeeJoinRequests, GroupOperation.DecideJoinRequest, GroupOperation.Invite]) {
          expect(mayAccessGroup(operation, relation)).toBe(s.role === GroupRole.Admin);
        }
      }),
    );
  });

  it('needsSuccessorAdmin: only when no admin is left and members remain', () => {
    expect(needsSuccessorAdmin(0, 3)).toBe(true);
    expect(needsSuccessorAdmin(0, 0)).toBe(false);
    expect(needsSuccessorAdmin(1, 3)).toBe(false);
  });
});

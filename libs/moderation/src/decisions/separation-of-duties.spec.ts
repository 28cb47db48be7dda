import { ModerationErrorCode } from '../errors/moderation-error';
import { distinctReportersVisibleTo } from '../reports/report-visibility';
import { AuditAction, buildAuditEntry } from '../audit/audit-log';
import { StaffOperation } from '../access/staff-access-policy';
import { assertStaffAccess, assertStaffActor, isPartyToCase } from './separation-of-duties';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('kind: an actor decides about themself', () => {
  it('given case: a suspended staff member has no staff powers (queue, decisions, appeals)', () => {
    expect(codeOf(() => assertStaffActor(StaffOperation.ReadQueue, { isStaff: true, isSuspended: true }))).toBe(ModerationErrorCode.StaffPowersSuspended);
    expect(codeOf(() => assertStaffActor(StaffOperation.DecideReport, { isStaff: true, isSuspended: true }))).toBe(ModerationErrorCode.StaffPowersSuspended);
    expect(codeOf(() => assertStaffActor(StaffOperation.ReadQueue, { isStaff: false, isSuspended: false }))).toBe(ModerationErrorCode.NotStaff);
    expect(codeOf(() => assertStaffActor(StaffOperation.ReadQueue, { isStaff: true, isSuspended: false }))).toBeUndefined();
  });

  it('given case: staff never decide reports or appeals about themselves', () => {
    const decide = (actorId: string, parties: { subjectIds: (string | null)[]; reporterIds: (string | null)[] }) => () =>
      assertStaffAccess(StaffOperation.DecideReport, { isStaff: true, isSuspended: false, ownsRecord: false, isPartyToCase: isPartyToCase(actorId, parties) });
    expect(isPartyToCase('staff-1', { subjectIds: ['staff-1'], reporterIds: ['a', 'b'] })).toBe(true);
    expect(codeOf(decide('staff-1', { subjectIds: ['staff-1'], reporterIds: [] }))).toBe(ModerationErrorCode.OwnCase);
    expect(codeOf(decide('staff-2', { subjectIds: ['staff-1'], reporterIds: ['a', null] }))).toBeUndefined();
  });

  it('variant: nor a case they raised themselves (one of its reporters), and a room report is nobody\'s own', () => {
    expect(isPartyToCase('staff-1', { subjectIds: ['sam'], reporterIds: ['a', 'staff-1'] })).toBe(true);
    expect(isPartyToCase('staff-1', { subjectIds: [null], reporterIds: [null] })).toBe(false);
  });

  it('the audit log can never record actor = subject', () => {
    const entry = { action: AuditAction.Warned, roomId: 'r', reportIds: ['x'], at: new Date(0) };
    expect(() => buildAuditEntry({ ...entry, actorId: 'staff-1', subjectProfileId: 'staff-1' })).toThrow(TypeError);
    expect(buildAuditEntry({ ...entry, actorId: 'staff-2', subjectProfileId: 'staff-1' }).actorId).toBe('staff-2');
  });
});

describe('kind: a cheap signal triggers a costly automatic action — distinctReporters is staff knowledge', () => {
  it('given case: a reporter reads 1 for their own report, never the running count', () => {
    expect(distinctReportersVisibleTo({ profileId: 'r3', hasStaffPowers: false }, { reporterId: 'r3' })).toBe(1);
  });

  it('variant: anyone else reads 0; staff read the group; suspended staff (no powers) read only their own part', () => {
    expect(distinctReportersVisibleTo({ profileId: 'r1', hasStaffPowers: false }, { reporterId: 'r3' })).toBe(0);
    expect(distinctReportersVisibleTo({ profileId: null, hasStaffPowers: false }, { reporterId: null })).toBe(0);
    expect(distinctReportersVisibleTo({ profileId: 'staff', hasStaffPowers: true }, { reporterId: 'r3' })).toBe('group');
  });
});

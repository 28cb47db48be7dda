import fc from 'fast-check';

import { ModerationErrorCode } from '../errors/moderation-error';
import {
  CASE_RULES,
  decideStaffAccess,
  decideStaffActor,
  STAFF_ACCESS_TABLE,
  StaffOperation,
  type StaffRelation,
} from './staff-access-policy';

const relation = fc.record<StaffRelation>({ isStaff: fc.boolean(), isSuspended: fc.boolean(), isPartyToCase: fc.boolean(), ownsRecord: fc.boolean() });
const staff: StaffRelation = { isStaff: true, isSuspended: false, isPartyToCase: false, ownsRecord: false };

/**
 * The reviewed staff permission table, beside the room table. A change to this snapshot is a
 * permission change and must read as one in review.
 */
describe('the staff access table (snapshot: a change here is a permission change)', () => {
  it('declares, for every operation, the rules checked in order', () => {
    expect(Object.fromEntries(Object.values(StaffOperation).map((operation) => [operation, STAFF_ACCESS_TABLE[operation].join(' → ')]))).toMatchSnapshot();
  });

  it('puts the viewer rules before the case rules in every row, so asking the viewer part first and the whole row later answers as the row', () => {
    for (const operation of Object.values(StaffOperation)) {
      const row = STAFF_ACCESS_TABLE[operation];
      const firstCase = row.findIndex((rule) => CASE_RULES.has(rule));
      expect({ operation, viewerRulesAfterCase: firstCase === -1 ? [] : row.slice(firstCase).filter((rule) => !CASE_RULES.has(rule)) }).toEqual({ operation, viewerRulesAfterCase: [] });
    }
    fc.assert(
      fc.property(relation, fc.constantFrom(...Object.values(StaffOperation)), (r, operation) => {
        const actor = decideStaffActor(operation, r);
        const whole = decideStaffAccess(operation, r);
        if (!actor.allowed) expect(whole).toEqual(actor);
      }),
    );
  });
});

describe('kind: an actor decides about themself (separation of duties, rules of the table)', () => {
  it.each<[string, Partial<StaffRelation>, StaffOperation, ModerationErrorCode | null]>([
    ['given case: a suspended staff member has no staff powers (queue)', { isSuspended: true }, StaffOperation.ReadQueue, ModerationErrorCode.StaffPowersSuspended],
    ['variant: nor for decisions', { isSuspended: true }, StaffOperation.DecideReport, ModerationErrorCode.StaffPowersSuspended],
    ['variant: nor for appeals, the log or evidence', { isSuspended: true }, StaffOperation.ReadAppeals, ModerationErrorCode.StaffPowersSuspended],
    ['variant: the audit log', { isSuspended: true }, StaffOperation.ReadAuditLog, ModerationErrorCode.StaffPowersSuspended],
    ['variant: evidence', { isSuspended: true }, StaffOperation.ReadEvidence, ModerationErrorCode.StaffPowersSuspended],
    ['given case: staff never decide reports about themselves', { isPartyToCase: true }, StaffOperation.DecideReport, ModerationErrorCode.OwnCase],
    ['variant: nor appeals of their own notices', { isPartyToCase: true }, StaffOperation.DecideAppeal, ModerationErrorCode.OwnCase],
    ['another staff member decides', {}, StaffOperation.DecideAppeal, null],
    ['someone without staff rights reads no queue', { isStaff: false }, StaffOperation.ReadQueue, ModerationErrorCode.NotStaff],
    ['a reporter reads their own report', { isStaff: false, ownsRecord: true }, StaffOperation.ReadRecord, null],
    ['a suspended staff member reads only their own records', { isSuspended: true }, StaffOperation.ReadRecord, ModerationErrorCode.NotStaff],
  ])('%s', (_name, overrides, operation, code) => {
    const decision = decideStaffAccess(operation, { ...staff, ...overrides });
    if (code === null) expect(decision).toEqual({ allowed: true });
    else expect(decision).toMatchObject({ allowed: false, code });
  });

  it('losing staff rights or being suspended never adds an operation (property)', () => {
    fc.assert(
      fc.property(relation, fc.constantFrom(...Object.values(StaffOperation)), (r, operation) => {
        for (const lost of [{ ...r, isStaff: false }, { ...r, isSuspended: true }]) {
          if (decideStaffAccess(operation, lost).allowed) expect(decideStaffAccess(operation, r).allowed).toBe(true);
        }
      }),
    );
  });
});

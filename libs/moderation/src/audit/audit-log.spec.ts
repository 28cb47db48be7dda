import { AuditAction, AUTOMATIC_AUDIT_ACTIONS, buildAuditEntry } from './audit-log';

const at = new Date('2026-11-30T13:00:00Z');

describe('buildAuditEntry', () => {
  it('records who, what, why, when and the report ids, deduplicated in order', () => {
    expect(
      buildAuditEntry({
        actorId: 'staff-1',
        action: AuditAction.Suspended,
        subjectProfileId: 'p-bad',
        roomId: 'room-1',
        reportIds: ['rep-2', 'rep-1', 'rep-2'],
        note: '  Repeated slurs.  ',
        at,
      }),
    ).toEqual({
      actorId: 'staff-1',
      action: AuditAction.Suspended,
      subjectProfileId: 'p-bad',
      roomId: 'room-1',
      reportIds: ['rep-2', 'rep-1'],
      note: 'Repeated slurs.',
      at,
    });
  });

  it('has no actor for automatic actions, and needs one for staff actions', () => {
    for (const action of Object.values(AuditAction)) {
      const automatic = AUTOMATIC_AUDIT_ACTIONS.has(action);
      const entry = { action, subjectProfileId: 'p', roomId: 'r', reportIds: ['rep-1'], at };
      expect(buildAuditEntry({ ...entry, actorId: automatic ? null : 'staff-1' }).action).toBe(action);
      expect(() => buildAuditEntry({ ...entry, actorId: automatic ? 'staff-1' : null })).toThrow(TypeError);
    }
    expect([...AUTOMATIC_AUDIT_ACTIONS].sort()).toEqual([AuditAction.AutoMuted, AuditAction.ScreeningFlagged]);
  });

  it('needs report ids, except for appeal decisions', () => {
    const entry = { actorId: 'staff-1', subjectProfileId: 'p', roomId: null, reportIds: [], at };
    expect(() => buildAuditEntry({ ...entry, action: AuditAction.Warned })).toThrow(TypeError);
    expect(buildAuditEntry({ ...entry, action: AuditAction.AppealReversed }).reportIds).toEqual([]);
    expect(buildAuditEntry({ ...entry, action: AuditAction.AppealUpheld, note: ' ' }).note).toBeNull();
  });
});

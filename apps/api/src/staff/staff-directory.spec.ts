import pino from 'pino';

import { StaffDirectory, viewerFromToken } from './staff-directory';
import type { StaffRole } from './staff-roles';

const logger = pino({ level: 'silent' });

function directoryOver(rows: { profileId: string; role: StaffRole }[], clock: { now: number }, onChange: (ids: readonly string[]) => void = () => undefined) {
  return new StaffDirectory({ read: async () => [...rows], refreshMs: 1000, logger, now: () => clock.now, onChange });
}

describe('StaffDirectory: the staff_roles record, as each instance sees it', () => {
  it('reports the roles of the last read, and the profiles whose roles changed', async () => {
    const clock = { now: 0 };
    const rows: { profileId: string; role: StaffRole }[] = [{ profileId: 'ann', role: 'trust_safety' }];
    const changes: string[][] = [];
    const directory = directoryOver(rows, clock, (ids) => changes.push([...ids]));
    expect(directory.hasRole('ann', 'trust_safety')).toBe(false);
    await directory.refresh();
    expect(directory.hasRole('ann', 'trust_safety')).toBe(true);
    rows.splice(0, 1, { profileId: 'bob', role: 'trust_safety' });
    await directory.refresh();
    expect(directory.hasRole('ann', 'trust_safety')).toBe(false);
    expect(directory.hasRole('bob', 'trust_safety')).toBe(true);
    expect(changes).toEqual([['ann'], ['ann', 'bob']]);
    await directory.refresh();
    expect(changes).toHaveLength(2);
  });

  it('fails closed: a record not read for staleAfterMs grants nobody anything', async () => {
    const clock = { now: 0 };
    const directory = directoryOver([{ profileId: 'ann', role: 'trust_safety' }], clock);
    await directory.refresh();
    clock.now = directory.staleAfterMs;
    expect(directory.hasRole('ann', 'trust_safety')).toBe(true);
    clock.now += 1;
    expect(directory.hasRole('ann', 'trust_safety')).toBe(false);
  });

  it('reports a lapse once to the profiles that lost their rights, and their return on the next read', async () => {
    const clock = { now: 0 };
    const changes: string[][] = [];
    const directory = directoryOver([{ profileId: 'ann', role: 'trust_safety' }], clock, (ids) => changes.push([...ids]));
    await directory.refresh();
    directory.reportLapse();
    expect(changes).toEqual([['ann']]);
    clock.now = directory.staleAfterMs + 1;
    directory.reportLapse();
    directory.reportLapse();
    expect(changes).toEqual([['ann'], ['ann']]);
    await directory.refresh();
    expect(changes).toEqual([['ann'], ['ann'], ['ann']]);
    expect(directory.hasRole('ann', 'trust_safety')).toBe(true);
  });
});

describe('kind: a token outlives the right it carried (viewerFromToken)', () => {
  it("a viewer's isStaff follows the record after the viewer was made (an open socket keeps its viewer)", async () => {
    const rows: { profileId: string; role: StaffRole }[] = [{ profileId: 'ann', role: 'trust_safety' }];
    const directory = directoryOver(rows, { now: 0 });
    await directory.refresh();
    const viewer = viewerFromToken({ profileId: 'ann', name: 'Ann', expiresAt: 1e13, lifetimeSeconds: 3600 }, directory, 12 * 3600);
    expect(viewer.isStaff).toBe(true);
    rows.length = 0;
    await directory.refresh();
    expect(viewer.isStaff).toBe(false);
  });

  it('a token issued for longer than the staff limit carries no staff rights, even for a profile in the record', async () => {
    const directory = directoryOver([{ profileId: 'ann', role: 'trust_safety' }], { now: 0 });
    await directory.refresh();
    expect(viewerFromToken({ profileId: 'ann', name: null, expiresAt: 1e13, lifetimeSeconds: 12 * 3600 + 1 }, directory, 12 * 3600).isStaff).toBe(false);
    expect(viewerFromToken({ profileId: 'ann', name: null, expiresAt: 1e13, lifetimeSeconds: 12 * 3600 }, directory, 12 * 3600).isStaff).toBe(true);
  });
});

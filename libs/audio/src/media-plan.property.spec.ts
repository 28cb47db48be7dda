import fc from 'fast-check';

import { isMediaConnected, type MediaParticipant } from './media-participant';
import { permissionsForRole } from './media-permissions';
import {
  type DesiredMediaPresence,
  type DesiredRoomParticipant,
  type MediaCall,
  type MediaCallMethod,
  planParticipantSync,
  planRoomReconciliation,
  satisfiesDesiredMedia,
} from './media-plan';
import { applyMediaCalls, arbitraryDesired, arbitraryParticipant, meetsDesired } from './media-plan.test-helper';

const ROOM = 'room-p';
const RUNS = { numRuns: 500 };

describe('planParticipantSync properties', () => {
  it('applying the plan reaches the desired state, and planning again yields no call', () => {
    const reach = new Map<MediaCallMethod | 'none', number>();
    fc.assert(
      fc.property(arbitraryDesired, fc.option(arbitraryParticipant(), { nil: null }), (desired, actual) => {
        const calls = planParticipantSync({ roomId: ROOM, profileId: 'p', desired, actual });
        for (const call of calls) reach.set(call.method, (reach.get(call.method) ?? 0) + 1);
        if (calls.length === 0) reach.set('none', (reach.get('none') ?? 0) + 1);

        const after = applyMediaCalls(actual, calls);
        expect(meetsDesired(desired, after)).toBe(true);
        expect(planParticipantSync({ roomId: ROOM, profileId: 'p', desired, actual: after })).toEqual([]);
      }),
      RUNS,
    );
    // The generators really exercise every kind of call and the no-op.
    const rarelyReached = (['updateParticipant', 'mutePublishedTrack', 'removeParticipant', 'none'] as const).filter(
      (method) => (reach.get(method) ?? 0) <= 10,
    );
    expect(rarelyReached).toEqual([]);
  });

  it('plans nothing exactly when the participant already is what was decided', () => {
    fc.assert(
      fc.property(arbitraryDesired, fc.option(arbitraryParticipant(), { nil: null }), (desired, actual) => {
        expect(satisfiesDesiredMedia(desired, actual)).toBe(meetsDesired(desired, actual));
      }),
      RUNS,
    );
  });

  it('only ever sends whole role permissions, never un-mutes, removes alone, and updates before muting', () => {
    fc.assert(
      fc.property(arbitraryDesired, fc.option(arbitraryParticipant(), { nil: null }), (desired, actual) => {
        const calls = planParticipantSync({ roomId: ROOM, profileId: 'p', desired, actual });
        for (const call of calls) {
          expect(call).toMatchObject({ roomId: ROOM });
          if (call.method === 'updateParticipant') {
            expect([permissionsForRole('listener'), permissionsForRole('stage')]).toContainEqual(call.permissions);
            expect(call.permissions).toEqual(permissionsForRole(desired.kind === 'stage' ? 'stage' : 'listener'));
          }
          if (call.method === 'mutePublishedTrack') expect(call.muted).toBe(true);
        }
        const methods = calls.map((call) => call.method);
        if (methods.includes('removeParticipant')) {
          expect(methods).toEqual(['removeParticipant']);
          expect(mayBeRemoved(desired, actual)).toBe(true);
        }
        expect(methods.filter((method) => method === 'updateParticipant').length).toBeLessThanOrEqual(1);
        const update = methods.indexOf('updateParticipant');
        if (update >= 0) expect(methods.slice(0, update)).toEqual([]);
        expect(methods).not.toContain('deleteRoom');
      }),
      RUNS,
    );
  });
});

describe('planRoomReconciliation properties', () => {
  const profileIds = ['a', 'b', 'c', 'd', 'e'];
  const arbitraryRoom = fc.record({
    desired: fc.uniqueArray(
      fc.record({ profileId: fc.constantFrom(...profileIds), desired: arbitraryDesired, recordedConnected: fc.boolean() }),
      { selector: (entry) => entry.profileId, maxLength: profileIds.length },
    ),
    actual: fc.uniqueArray(arbitraryParticipant(fc.constantFrom(...profileIds, 'stranger')), {
      selector: (participant) => participant.profileId,
      maxLength: profileIds.length + 1,
    }),
  });

  it('converges: after the calls and corrections, planning again yields nothing', () => {
    fc.assert(
      fc.property(arbitraryRoom, ({ desired, actual }) => {
        const plan = planRoomReconciliation({ roomId: ROOM, desired, actual });

        const after = applyRoomCalls(actual, plan.calls);
        const corrected: DesiredRoomParticipant[] = desired.map((entry) => {
          const correction = plan.connectionCorrections.find((c) => c.profileId === entry.profileId);
          return correction ? { ...entry, recordedConnected: correction.connected } : entry;
        });

        expect(planRoomReconciliation({ roomId: ROOM, desired: corrected, actual: after })).toEqual({
          calls: [],
          connectionCorrections: [],
        });
        for (const participant of after) {
          if (participant.kind !== 'standard') continue;
          const wanted = desired.find((entry) => entry.profileId === participant.profileId)?.desired ?? { kind: 'not-in-room' };
          expect(meetsDesired(wanted, participant)).toBe(true);
        }
        // Recorded `connected` ends up as the truth for everyone Roundtable knows.
        for (const entry of corrected) {
          const live = after.find((p) => p.profileId === entry.profileId && p.kind === 'standard');
          expect(entry.recordedConnected).toBe(isMediaConnected(live));
        }
      }),
      RUNS,
    );
  });

  it('leaves non-standard participants (egress, agents…) untouched and removes only the unwanted', () => {
    fc.assert(
      fc.property(arbitraryRoom, ({ desired, actual }) => {
        const { calls } = planRoomReconciliation({ roomId: ROOM, desired, actual });
        const nonStandard = new Set(actual.filter((p) => p.kind !== 'standard').map((p) => p.profileId));
        for (const call of calls) {
          if (call.method === 'deleteRoom') throw new Error('reconciliation never deletes the room');
          expect(nonStandard.has(call.profileId)).toBe(false);
          if (call.method === 'removeParticipant') {
            const wanted = desired.find((entry) => entry.profileId === call.profileId)?.desired ?? { kind: 'not-in-room' as const };
            expect(mayBeRemoved(wanted, actual.find((p) => p.profileId === call.profileId) ?? null)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

/**
 * Whom a plan may remove from the media room: someone not (or no longer) in the room, or a
 * listener who connected at or after losing the stage (a stale stage token; the plan removes it
 * only while the connection still publishes).
 */
function mayBeRemoved(desired: DesiredMediaPresence, actual: MediaParticipant | null): boolean {
  if (desired.kind === 'not-in-room' || desired.kind === 'removed' || desired.kind === 'banned') return true;
  return desired.kind === 'listener' && actual !== null && desired.rightsLostAt != null && actual.joinedAt.getTime() >= desired.rightsLostAt.getTime();
}

function applyRoomCalls(actual: readonly MediaParticipant[], calls: readonly MediaCall[]): MediaParticipant[] {
  return actual.flatMap((participant) => {
    if (participant.kind !== 'standard') return [participant];
    const own = calls.filter((call) => call.method !== 'deleteRoom' && call.profileId === participant.profileId);
    const after = applyMediaCalls(participant, own);
    return after === null ? [] : [after];
  });
}

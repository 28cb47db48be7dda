import fc from 'fast-check';

import { LiveKitMediaControl } from './livekit-media-control';
import { executeMediaCall } from './media-call-executor';
import { allowsPublishing, type MediaPermissions } from './media-permissions';
import { type DesiredRoomParticipant, planParticipantSync, planRoomEnded, planRoomReconciliation } from './media-plan';
import { arbitraryDesired, arbitraryPermissions, meetsDesired } from './media-plan.test-helper';
import { LiveKitDouble } from './testing';

/**
 * The planner's calls, executed through the real adapter over HTTP against the LiveKit double,
 * converge: what the server reports afterwards is what was decided, and planning again from the
 * server's own report yields no call.
 */
describe('media plans executed on LiveKit', () => {
  let double: LiveKitDouble;
  let control: LiveKitMediaControl;

  beforeAll(async () => {
    double = await LiveKitDouble.start();
    control = new LiveKitMediaControl({ ...double.settings, requestTimeoutSeconds: 5 });
  });
  afterAll(() => double.close());

  const connectedAs = fc.option(
    fc.record({
      permissions: arbitraryPermissions,
      microphone: fc.constantFrom('none' as const, 'muted' as const, 'unmuted' as const),
      camera: fc.boolean(),
    }),
    { nil: null },
  );

  function connect(roomId: string, profileId: string, state: { permissions: MediaPermissions; microphone: 'none' | 'muted' | 'unmuted'; camera: boolean }) {
    // A client publishes only what its permissions let it (the server refuses the rest).
    const microphone = allowsPublishing(state.permissions, 'microphone') ? state.microphone : 'none';
    double.connect({ roomId, profileId, permissions: state.permissions, microphone });
    if (state.camera && allowsPublishing(state.permissions, 'camera')) double.publishTrack(roomId, profileId, { source: 'camera' });
  }

  it('one participant: plan, execute, re-read, and nothing is left to do', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDesired, connectedAs, async (desired, state) => {
        double.reset();
        if (state) connect('room', 'p', state);

        const actual = await control.getParticipant('room', 'p');
        const calls = planParticipantSync({ roomId: 'room', profileId: 'p', desired, actual });
        for (const call of calls) await executeMediaCall(control, call);

        const after = await control.getParticipant('room', 'p');
        expect(meetsDesired(desired, after)).toBe(true);
        expect(planParticipantSync({ roomId: 'room', profileId: 'p', desired, actual: after })).toEqual([]);
        expect(double.calls.every((call) => call.status === 200 || call.method === 'GetParticipant')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a whole room: reconcile from listParticipants, execute, and the next pass is empty', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...ids.map(() => fc.record({ desired: fc.option(arbitraryDesired, { nil: null }), connected: connectedAs, recorded: fc.boolean() }))),
        async (people) => {
          double.reset();
          const desired: DesiredRoomParticipant[] = [];
          people.forEach((person, index) => {
            const profileId = ids[index]!;
            if (person.connected) connect('room', profileId, person.connected);
            if (person.desired) desired.push({ profileId, desired: person.desired, recordedConnected: person.recorded });
          });

          const plan = planRoomReconciliation({ roomId: 'room', desired, actual: await control.listParticipants('room') });
          for (const call of plan.calls) await executeMediaCall(control, call);
          const corrected = desired.map((entry) => ({
            ...entry,
            recordedConnected:
              plan.connectionCorrections.find((c) => c.profileId === entry.profileId)?.connected ?? entry.recordedConnected,
          }));

          const again = planRoomReconciliation({ roomId: 'room', desired: corrected, actual: await control.listParticipants('room') });
          expect(again).toEqual({ calls: [], connectionCorrections: [] });
          for (const entry of corrected) expect(entry.recordedConnected).toBe(double.identities('room').includes(entry.profileId));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('ending a room deletes the media room once; sending the call again is harmless', async () => {
    double.reset();
    double.connect({ roomId: 'ended', profileId: 'a' });
    const [call] = planRoomEnded('ended');
    await expect(executeMediaCall(control, call!)).resolves.toBe('applied');
    await expect(executeMediaCall(control, call!)).resolves.toBe('absent');
    expect(double.hasRoom('ended')).toBe(false);
    expect(double.succeededCalls('DeleteRoom')).toEqual([{ room: 'ended' }]);
  });
});

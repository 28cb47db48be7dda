import { LiveKitMediaControl } from './livekit-media-control';
import { MediaControlError, MediaControlErrorCode } from './media-control.error';
import { permissionsForRole } from './media-permissions';
import { type InjectedFailure, LiveKitDouble } from './testing';

const ROOM = 'room-outage';

describe('LiveKitMediaControl during a LiveKit outage', () => {
  let double: LiveKitDouble;
  let control: LiveKitMediaControl;

  beforeAll(async () => {
    double = await LiveKitDouble.start();
    control = new LiveKitMediaControl({ ...double.settings, requestTimeoutSeconds: 5 });
  });
  afterAll(() => double.close());
  beforeEach(() => double.reset());

  it.each<InjectedFailure>(['unavailable', 'drop'])(
    'fails with a retryable Unavailable error while down (%s), changes nothing, and succeeds once back',
    async (mode) => {
      double.connect({ roomId: ROOM, profileId: 'ann', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
      double.setDown(true, mode);

      const attempts = [
        () => control.updatePermissions(ROOM, 'ann', permissionsForRole('listener')),
        () => control.mutePublishedTrack(ROOM, 'ann', 'TR_any', true),
        () => control.removeParticipant(ROOM, 'ann'),
        () => control.deleteRoom(ROOM),
        () => control.listRooms(),
        () => control.listParticipants(ROOM),
        () => control.getParticipant(ROOM, 'ann'),
      ];
      for (const attempt of attempts) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MediaControlError);
        expect(error).toMatchObject({
          code: MediaControlErrorCode.Unavailable,
          retryable: true,
          status: mode === 'drop' ? null : 503,
          serverCode: mode === 'drop' ? null : 'unavailable',
        });
      }
      expect(double.calls).toHaveLength(attempts.length);
      expect(double.calls.every((call) => call.injectedFailure)).toBe(true);
      expect(double.mediaParticipant(ROOM, 'ann')?.permissions).toEqual(permissionsForRole('stage'));

      double.setDown(false);
      await expect(control.updatePermissions(ROOM, 'ann', permissionsForRole('listener'))).resolves.toBe('applied');
      await expect(control.getParticipant(ROOM, 'ann')).resolves.toMatchObject({ permissions: permissionsForRole('listener'), tracks: [] });
    },
  );

  it('failNext(n) fails exactly the next n calls; the retry after them takes effect once', async () => {
    double.connect({ roomId: ROOM, profileId: 'bo' });
    double.failNext(2);

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      outcomes.push(
        await control.removeParticipant(ROOM, 'bo').catch((e: unknown) => (e instanceof MediaControlError ? e.code : 'other')),
      );
    }

    expect(outcomes).toEqual([MediaControlErrorCode.Unavailable, MediaControlErrorCode.Unavailable, 'applied']);
    expect(double.calls.map((call) => [call.method, call.status, call.injectedFailure])).toEqual([
      ['RemoveParticipant', 503, true],
      ['RemoveParticipant', 503, true],
      ['RemoveParticipant', 200, false],
    ]);
    expect(double.succeededCalls('RemoveParticipant')).toHaveLength(1);
  });

  it('a server that is not listening at all is Unavailable too', async () => {
    const gone = await LiveKitDouble.start();
    const settings = gone.settings;
    await gone.close();
    const error = await new LiveKitMediaControl(settings).listParticipants(ROOM).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: MediaControlErrorCode.Unavailable, retryable: true, status: null });
    expect((error as Error).message).toMatch(/listParticipants/);
  });
});

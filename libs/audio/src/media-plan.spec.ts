import type { MediaParticipant, MediaTrack } from './media-participant';
import { permissionsForRole, samePermissions } from './media-permissions';
import {
  type DesiredMediaPresence,
  planParticipantSync,
  planRoomEnded,
  planRoomReconciliation,
  revocationCutoff,
  satisfiesDesiredMedia,
} from './media-plan';

const ROOM = 'room-1';
const LISTENER = permissionsForRole('listener');
const STAGE = permissionsForRole('stage');
const mic = (muted: boolean, sid = 'TR_mic'): MediaTrack => ({ sid, kind: 'audio', source: 'microphone', muted });

function participant(profileId: string, overrides: Partial<MediaParticipant> = {}): MediaParticipant {
  return {
    sid: `PA_${profileId}`,
    profileId,
    name: profileId,
    state: 'active',
    kind: 'standard',
    permissions: LISTENER,
    tracks: [],
    joinedAt: new Date(0),
    ...overrides,
  };
}

const plan = (desired: DesiredMediaPresence, actual: MediaParticipant | null) =>
  planParticipantSync({ roomId: ROOM, profileId: 'ann', desired, actual });

describe('permissionsForRole', () => {
  it('gives listeners subscribe only and the stage the microphone only; nobody publishes data', () => {
    expect(LISTENER).toEqual({
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canPublishSources: [],
      hidden: false,
      recorder: false,
      canUpdateMetadata: false,
      agent: false,
      canSubscribeMetrics: false,
      canManageAgentSession: false,
    });
    expect(STAGE).toEqual({ ...LISTENER, canPublish: true, canPublishSources: ['microphone'] });
    expect(Object.isFrozen(STAGE)).toBe(true);
  });

  it('compares publish sources as sets and every other field exactly', () => {
    expect(samePermissions({ ...STAGE, canPublishSources: ['microphone', 'microphone'] }, STAGE)).toBe(true);
    expect(samePermissions({ ...STAGE, canPublishSources: ['microphone', 'camera'] }, STAGE)).toBe(false);
    expect(samePermissions({ ...STAGE, canPublishData: true }, STAGE)).toBe(false);
    expect(samePermissions({ ...STAGE, canSubscribe: false }, STAGE)).toBe(false);
  });
});

describe('planParticipantSync', () => {
  it('plans nothing for someone not connected, whatever was decided', () => {
    for (const desired of [
      { kind: 'stage', muted: true },
      { kind: 'listener' },
      { kind: 'not-in-room' },
      { kind: 'banned', decidedAt: new Date(0) },
    ] as const) {
      expect(plan(desired, null)).toEqual([]);
      expect(plan(desired, participant('ann', { state: 'disconnected', permissions: STAGE, tracks: [mic(false)] }))).toEqual([]);
    }
  });

  it('invites a listener to the stage with the full stage permissions', () => {
    expect(plan({ kind: 'stage', muted: false }, participant('ann'))).toEqual([
      { method: 'updateParticipant', roomId: ROOM, profileId: 'ann', permissions: STAGE },
    ]);
  });

  it('moves a speaker back to the audience with the full listener permissions', () => {
    expect(plan({ kind: 'listener' }, participant('ann', { permissions: STAGE, tracks: [mic(false)] }))).toEqual([
      { method: 'updateParticipant', roomId: ROOM, profileId: 'ann', permissions: LISTENER },
    ]);
  });

  it('mutes the unmuted microphone of a muted speaker, and no other track', () => {
    const tracks = [mic(false, 'TR_a'), mic(true, 'TR_b')];
    expect(plan({ kind: 'stage', muted: true }, participant('ann', { permissions: STAGE, tracks }))).toEqual([
      { method: 'mutePublishedTrack', roomId: ROOM, profileId: 'ann', trackSid: 'TR_a', muted: true },
    ]);
  });

  it('never un-mutes: un-muting is the speaker’s own act', () => {
    expect(plan({ kind: 'stage', muted: false }, participant('ann', { permissions: STAGE, tracks: [mic(true)] }))).toEqual([]);
  });

  it('corrects permissions first and then mutes, when a muted speaker holds the wrong ones', () => {
    const actual = participant('ann', { permissions: { ...STAGE, canPublishData: true }, tracks: [mic(false)] });
    expect(plan({ kind: 'stage', muted: true }, actual).map((call) => call.method)).toEqual(['updateParticipant', 'mutePublishedTrack']);
  });

  it('re-applies permissions to someone publishing what the role forbids, even when the permission looks right', () => {
    const camera: MediaTrack = { sid: 'TR_cam', kind: 'video', source: 'camera', muted: false };
    expect(plan({ kind: 'stage', muted: false }, participant('ann', { permissions: STAGE, tracks: [camera] }))).toEqual([
      { method: 'updateParticipant', roomId: ROOM, profileId: 'ann', permissions: STAGE },
    ]);
    expect(plan({ kind: 'listener' }, participant('ann', { permissions: LISTENER, tracks: [mic(false)] }))).toEqual([
      { method: 'updateParticipant', roomId: ROOM, profileId: 'ann', permissions: LISTENER },
    ]);
    expect(plan({ kind: 'listener' }, participant('ann', { permissions: null }))).toHaveLength(1);
  });

  it('removes the banned and the removed, revoking tokens issued up to the decision (its second included)', () => {
    const decidedAt = new Date('2026-03-01T10:00:00.900Z');
    for (const kind of ['banned', 'removed'] as const) {
      expect(plan({ kind, decidedAt }, participant('ann', { permissions: STAGE }))).toEqual([
        { method: 'removeParticipant', roomId: ROOM, profileId: 'ann', revokeTokensIssuedBefore: Date.parse('2026-03-01T10:00:01Z') / 1000 },
      ]);
    }
    expect(revocationCutoff(new Date('2026-03-01T10:00:00.000Z'))).toBe(Date.parse('2026-03-01T10:00:01Z') / 1000);
  });

  describe('kind: a media grant outlives the right it was issued for', () => {
    const lostAt = new Date('2026-03-01T10:00:00.400Z');
    const cutoff = Date.parse('2026-03-01T10:00:01Z') / 1000;
    const staleReconnect = (overrides: Partial<MediaParticipant> = {}) =>
      participant('ann', { permissions: STAGE, tracks: [mic(false)], joinedAt: new Date(lostAt.getTime() + 2000), ...overrides });

    it('given case: a demoted speaker who reconnects with the stage token is removed and that token revoked', () => {
      expect(plan({ kind: 'listener', rightsLostAt: lostAt }, staleReconnect())).toEqual([
        { method: 'removeParticipant', roomId: ROOM, profileId: 'ann', revokeTokensIssuedBefore: cutoff },
      ]);
    });

    it('variant: a stale token that has not published yet (permissions only), joined in the very instant of the loss', () => {
      expect(plan({ kind: 'listener', rightsLostAt: lostAt }, staleReconnect({ tracks: [], joinedAt: lostAt }))).toEqual([
        { method: 'removeParticipant', roomId: ROOM, profileId: 'ann', revokeTokensIssuedBefore: cutoff },
      ]);
    });

    it('the connection that was live when the speaker was moved is downgraded in place, and a fresh listener token is left alone', () => {
      const live = participant('ann', { permissions: STAGE, tracks: [mic(false)], joinedAt: new Date(lostAt.getTime() - 60_000) });
      expect(plan({ kind: 'listener', rightsLostAt: lostAt }, live)).toEqual([
        { method: 'updateParticipant', roomId: ROOM, profileId: 'ann', permissions: LISTENER },
      ]);
      expect(plan({ kind: 'listener', rightsLostAt: lostAt }, staleReconnect({ permissions: LISTENER, tracks: [] }))).toEqual([]);
    });
  });

  it('removes someone who is not in the room without revoking their tokens', () => {
    expect(plan({ kind: 'not-in-room' }, participant('ann'))).toEqual([
      { method: 'removeParticipant', roomId: ROOM, profileId: 'ann', revokeTokensIssuedBefore: null },
    ]);
  });

  it('plans nothing when the participant already matches', () => {
    expect(plan({ kind: 'listener' }, participant('ann'))).toEqual([]);
    expect(plan({ kind: 'stage', muted: true }, participant('ann', { permissions: STAGE, tracks: [mic(true)] }))).toEqual([]);
    expect(satisfiesDesiredMedia({ kind: 'listener' }, participant('ann'))).toBe(true);
    expect(satisfiesDesiredMedia({ kind: 'stage', muted: false }, participant('ann'))).toBe(false);
  });

  it('produces calls that survive a JSON round trip unchanged (outbox rows)', () => {
    const calls = plan({ kind: 'stage', muted: true }, participant('ann', { permissions: LISTENER }));
    expect(JSON.parse(JSON.stringify(calls))).toEqual(calls);
  });
});

describe('planRoomReconciliation', () => {
  it('removes the banned, the removed and strangers; corrects permissions, mutes and connected flags', () => {
    const decidedAt = new Date(1_000_000);
    const result = planRoomReconciliation({
      roomId: ROOM,
      desired: [
        { profileId: 'host', desired: { kind: 'stage', muted: false }, recordedConnected: false },
        { profileId: 'muted-speaker', desired: { kind: 'stage', muted: true }, recordedConnected: true },
        { profileId: 'sneaky-listener', desired: { kind: 'listener' }, recordedConnected: true },
        { profileId: 'banned', desired: { kind: 'banned', decidedAt }, recordedConnected: true },
        { profileId: 'gone', desired: { kind: 'listener' }, recordedConnected: true },
      ],
      actual: [
        participant('stranger'),
        participant('host', { permissions: STAGE, tracks: [mic(false)] }),
        participant('muted-speaker', { permissions: STAGE, tracks: [mic(false, 'TR_ms')] }),
        participant('sneaky-listener', { permissions: STAGE, tracks: [mic(false)] }),
        participant('banned'),
        participant('recorder', { kind: 'egress', permissions: { ...LISTENER, hidden: true, recorder: true } }),
      ],
    });

    expect(result.calls).toEqual([
      { method: 'removeParticipant', roomId: ROOM, profileId: 'banned', revokeTokensIssuedBefore: 1001 },
      { method: 'mutePublishedTrack', roomId: ROOM, profileId: 'muted-speaker', trackSid: 'TR_ms', muted: true },
      { method: 'updateParticipant', roomId: ROOM, profileId: 'sneaky-listener', permissions: LISTENER },
      { method: 'removeParticipant', roomId: ROOM, profileId: 'stranger', revokeTokensIssuedBefore: null },
    ]);
    expect(result.connectionCorrections).toEqual([
      { profileId: 'banned', connected: false },
      { profileId: 'gone', connected: false },
      { profileId: 'host', connected: true },
    ]);
  });

  it('prefers the live entry when a reconnect lists the same identity twice', () => {
    const result = planRoomReconciliation({
      roomId: ROOM,
      desired: [{ profileId: 'ann', desired: { kind: 'listener' }, recordedConnected: false }],
      actual: [participant('ann', { state: 'active', sid: 'PA_new' }), participant('ann', { state: 'disconnected', sid: 'PA_old' })],
    });
    expect(result).toEqual({ calls: [], connectionCorrections: [{ profileId: 'ann', connected: true }] });
  });

  it('plans nothing for a room that already matches', () => {
    expect(
      planRoomReconciliation({
        roomId: ROOM,
        desired: [{ profileId: 'ann', desired: { kind: 'listener' }, recordedConnected: true }],
        actual: [participant('ann')],
      }),
    ).toEqual({ calls: [], connectionCorrections: [] });
  });
});

describe('planRoomEnded', () => {
  it('deletes the media room', () => {
    expect(planRoomEnded(ROOM)).toEqual([{ method: 'deleteRoom', roomId: ROOM }]);
  });
});

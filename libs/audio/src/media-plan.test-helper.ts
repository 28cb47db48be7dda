import fc from 'fast-check';

import type { MediaParticipant, MediaTrack } from './media-participant';
import { allowsPublishing, type MediaPermissions, type MediaTrackSource, permissionsForRole } from './media-permissions';
import type { DesiredMediaPresence, MediaCall } from './media-plan';

/**
 * A model of what LiveKit does with each RoomService call, for one participant: the same rules
 * the LiveKit double implements (whole permission replacement that unpublishes forbidden tracks,
 * mute by track sid, removal). Absent targets are no-ops, as the port treats `not_found`.
 */
export function applyMediaCalls(actual: MediaParticipant | null, calls: readonly MediaCall[]): MediaParticipant | null {
  let state = actual;
  for (const call of calls) {
    if (state === null) continue;
    switch (call.method) {
      case 'updateParticipant':
        state = {
          ...state,
          permissions: call.permissions,
          tracks: state.tracks.filter((track) => allowsPublishing(call.permissions, track.source)),
        };
        break;
      case 'mutePublishedTrack':
        state = { ...state, tracks: state.tracks.map((t) => (t.sid === call.trackSid ? { ...t, muted: call.muted } : t)) };
        break;
      case 'removeParticipant':
      case 'deleteRoom':
        state = null;
        break;
    }
  }
  return state;
}

/** Whether `actual` is what `desired` means, stated independently of the planner. */
export function meetsDesired(desired: DesiredMediaPresence, actual: MediaParticipant | null): boolean {
  if (actual === null || actual.state === 'disconnected') return true;
  switch (desired.kind) {
    case 'not-in-room':
    case 'removed':
    case 'banned':
      return false;
    case 'listener':
      return sameJson(actual.permissions, permissionsForRole('listener')) && actual.tracks.length === 0;
    case 'stage':
      return (
        sameJson(actual.permissions, permissionsForRole('stage')) &&
        actual.tracks.every((track) => track.source === 'microphone') &&
        (!desired.muted || actual.tracks.every((track) => track.muted))
      );
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const SOURCES: MediaTrackSource[] = ['unknown', 'camera', 'microphone', 'screen_share', 'screen_share_audio'];

export const arbitraryPermissions: fc.Arbitrary<MediaPermissions> = fc.oneof(
  { arbitrary: fc.constant(permissionsForRole('listener')), weight: 1 },
  { arbitrary: fc.constant(permissionsForRole('stage')), weight: 2 },
  { weight: 1, arbitrary: fc.record({
    canSubscribe: fc.boolean(),
    canPublish: fc.boolean(),
    canPublishData: fc.boolean(),
    canPublishSources: fc.uniqueArray(fc.constantFrom(...SOURCES), { maxLength: 3 }),
    hidden: fc.boolean(),
    recorder: fc.boolean(),
    canUpdateMetadata: fc.boolean(),
    agent: fc.boolean(),
    canSubscribeMetrics: fc.boolean(),
    canManageAgentSession: fc.boolean(),
  }) },
);

export const arbitraryDesired: fc.Arbitrary<DesiredMediaPresence> = fc.oneof(
  // Twice as likely as each other kind: a muted speaker with a live microphone is the one case
  // that plans mutePublishedTrack, and the properties check every call is reached often.
  { arbitrary: fc.record({ kind: fc.constant('stage' as const), muted: fc.boolean() }), weight: 2 },
  fc.constant({ kind: 'listener' as const }),
  // Lost the stage at or before the participants' join time (epoch 0: a reconnect with an older
  // token) or after it (the connection that was live when they were moved).
  fc.record({ kind: fc.constant('listener' as const), rightsLostAt: fc.option(fc.date({ min: new Date(0), max: new Date(2000), noInvalidDate: true }), { nil: null }) }),
  fc.constant({ kind: 'not-in-room' as const }),
  fc.record({ kind: fc.constant('removed' as const), decidedAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }) }),
  fc.record({ kind: fc.constant('banned' as const), decidedAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }) }),
);

const arbitraryTrack = (index: number): fc.Arbitrary<MediaTrack> =>
  fc.record({
    sid: fc.constant(`TR_${index}`),
    kind: fc.constantFrom('audio' as const, 'video' as const),
    // Mostly microphones: what an audio room publishes, and what muting acts on.
    source: fc.oneof({ arbitrary: fc.constant('microphone' as const), weight: 3 }, { arbitrary: fc.constantFrom(...SOURCES), weight: 1 }),
    muted: fc.boolean(),
  });

/**
 * Any participant LiveKit could report, and some it could not (tracks its permissions forbid,
 * no permission at all), so the planner is tested beyond what the server enforces.
 */
export function arbitraryParticipant(profileId: fc.Arbitrary<string> = fc.constant('p')): fc.Arbitrary<MediaParticipant> {
  return fc
    .record({
      profileId,
      permissions: fc.option(arbitraryPermissions, { nil: null, freq: 8 }),
      trackCount: fc.nat({ max: 3 }),
      state: fc.constantFrom('joining' as const, 'joined' as const, 'active' as const, 'active' as const, 'disconnected' as const),
      kind: fc.constantFrom('standard' as const, 'standard' as const, 'standard' as const, 'egress' as const),
    })
    .chain(({ trackCount, ...rest }) =>
      fc.tuple(...Array.from({ length: trackCount }, (_, index) => arbitraryTrack(index))).map((tracks) => ({
        sid: `PA_${rest.profileId}`,
        name: rest.profileId,
        joinedAt: new Date(0),
        ...rest,
        tracks,
      })),
    );
}

/**
 * Conversions between LiveKit's protocol messages and Roundtable's plain media types. Both the
 * production adapter and the test double use these, so they agree by construction on names.
 */
import {
  type ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  TrackSource,
  TrackType,
  type TrackInfo,
} from '@livekit/protocol';

import type { MediaParticipant, MediaParticipantKind, MediaParticipantState, MediaTrack } from './media-participant';
import type { MediaPermissions, MediaTrackKind, MediaTrackSource } from './media-permissions';

const SOURCE_TO_PROTOCOL: Record<MediaTrackSource, TrackSource> = {
  unknown: TrackSource.UNKNOWN,
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export function toProtocolTrackSource(source: MediaTrackSource): TrackSource {
  return SOURCE_TO_PROTOCOL[source];
}

export function fromProtocolTrackSource(source: TrackSource): MediaTrackSource {
  switch (source) {
    case TrackSource.CAMERA:
      return 'camera';
    case TrackSource.MICROPHONE:
      return 'microphone';
    case TrackSource.SCREEN_SHARE:
      return 'screen_share';
    case TrackSource.SCREEN_SHARE_AUDIO:
      return 'screen_share_audio';
    default:
      return 'unknown';
  }
}

function fromProtocolTrackType(type: TrackType): MediaTrackKind {
  switch (type) {
    case TrackType.VIDEO:
      return 'video';
    case TrackType.DATA:
      return 'data';
    default:
      return 'audio';
  }
}

/** The full `ParticipantPermission` message for `permissions` (every field set). */
export function toProtocolPermission(permissions: MediaPermissions): ParticipantPermission {
  return new ParticipantPermission({
    canSubscribe: permissions.canSubscribe,
    canPublish: permissions.canPublish,
    canPublishData: permissions.canPublishData,
    canPublishSources: permissions.canPublishSources.map(toProtocolTrackSource),
    hidden: permissions.hidden,
    recorder: permissions.recorder,
    canUpdateMetadata: permissions.canUpdateMetadata,
    agent: permissions.agent,
    canSubscribeMetrics: permissions.canSubscribeMetrics,
    canManageAgentSession: permissions.canManageAgentSession,
  });
}

export function fromProtocolPermission(permission: ParticipantPermission): MediaPermissions {
  return {
    canSubscribe: permission.canSubscribe,
    canPublish: permission.canPublish,
    canPublishData: permission.canPublishData,
    canPublishSources: permission.canPublishSources.map(fromProtocolTrackSource),
    hidden: permission.hidden,
    recorder: permission.recorder,
    canUpdateMetadata: permission.canUpdateMetadata,
    agent: permission.agent,
    canSubscribeMetrics: permission.canSubscribeMetrics,
    canManageAgentSession: permission.canManageAgentSession,
  };
}

export function fromProtocolTrack(track: TrackInfo): MediaTrack {
  return {
    sid: track.sid,
    kind: fromProtocolTrackType(track.type),
    source: fromProtocolTrackSource(track.source),
    muted: track.muted,
  };
}

function fromProtocolState(state: ParticipantInfo_State): MediaParticipantState {
  switch (state) {
    case ParticipantInfo_State.JOINING:
      return 'joining';
    case ParticipantInfo_State.JOINED:
      return 'joined';
    case ParticipantInfo_State.ACTIVE:
      return 'active';
    default:
      return 'disconnected';
  }
}

function fromProtocolKind(kind: ParticipantInfo_Kind): MediaParticipantKind {
  switch (kind) {
    case ParticipantInfo_Kind.STANDARD:
      return 'standard';
    case ParticipantInfo_Kind.INGRESS:
      return 'ingress';
    case ParticipantInfo_Kind.EGRESS:
      return 'egress';
    case ParticipantInfo_Kind.SIP:
      return 'sip';
    case ParticipantInfo_Kind.AGENT:
      return 'agent';
    case ParticipantInfo_Kind.CONNECTOR:
      return 'connector';
    default:
      return 'other';
  }
}

/** LiveKit's `ParticipantInfo` as Roundtable plans from it. */
export function fromProtocolParticipant(info: ParticipantInfo): MediaParticipant {
  const joinedAtMs = info.joinedAtMs > 0n ? Number(info.joinedAtMs) : Number(info.joinedAt) * 1000;
  return {
    sid: info.sid,
    profileId: info.identity,
    name: info.name,
    state: fromProtocolState(info.state),
    kind: fromProtocolKind(info.kind),
    permissions: info.permission ? fromProtocolPermission(info.permission) : null,
    tracks: info.tracks.map(fromProtocolTrack),
    joinedAt: new Date(joinedAtMs),
  };
}

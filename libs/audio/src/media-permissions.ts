/**
 * What a media participant may do, in Roundtable terms. Pure: no I/O, no media-server types.
 *
 * The shape mirrors LiveKit's `ParticipantPermission` field for field on purpose: LiveKit
 * replaces a participant's permissions WHOLE on `UpdateParticipant` (any field left out is reset
 * to its zero value, and the server only confirms the call once the stored permission equals the
 * one sent), so every field is required here and there is no partial form to send by mistake.
 */

/** Track sources, by LiveKit's protocol names (as they appear in token grants). */
export type MediaTrackSource = 'unknown' | 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

/** Track kinds, by LiveKit's protocol names. */
export type MediaTrackKind = 'audio' | 'video' | 'data';

/** Where someone is in the room, as far as media goes: on the stage or in the audience. */
export type MediaRole = 'listener' | 'stage';

/** The full permission object of a media participant. Every field is always sent. */
export interface MediaPermissions {
  readonly canSubscribe: boolean;
  readonly canPublish: boolean;
  readonly canPublishData: boolean;
  /** When non-empty, only these sources may be published (LiveKit: supersedes `canPublish`). */
  readonly canPublishSources: readonly MediaTrackSource[];
  readonly hidden: boolean;
  readonly recorder: boolean;
  readonly canUpdateMetadata: boolean;
  readonly agent: boolean;
  readonly canSubscribeMetrics: boolean;
  readonly canManageAgentSession: boolean;
}

const LISTENER_PERMISSIONS: MediaPermissions = Object.freeze({
  canSubscribe: true,
  canPublish: false,
  canPublishData: false,
  canPublishSources: Object.freeze([]) as readonly MediaTrackSource[],
  hidden: false,
  recorder: false,
  canUpdateMetadata: false,
  agent: false,
  canSubscribeMetrics: false,
  canManageAgentSession: false,
});

const STAGE_PERMISSIONS: MediaPermissions = Object.freeze({
  ...LISTENER_PERMISSIONS,
  canPublish: true,
  // Audio rooms: the stage publishes microphones only (no camera, no screen share).
  canPublishSources: Object.freeze(['microphone']) as readonly MediaTrackSource[],
});

/**
 * The one source of truth for grants by role, used both for access tokens and for
 * `UpdateParticipant`, so a freshly joined participant already matches what reconciliation
 * expects (no churn). Listeners subscribe only; the stage publishes its microphone only.
 * Nobody publishes data or updates their own metadata.
 */
export function permissionsForRole(role: MediaRole): MediaPermissions {
  return role === 'stage' ? STAGE_PERMISSIONS : LISTENER_PERMISSIONS;
}

/** Field-by-field equality; publish sources compare as sets. */
export function samePermissions(a: MediaPermissions, b: MediaPermissions): boolean {
  return (
    a.canSubscribe === b.canSubscribe &&
    a.canPublish === b.canPublish &&
    a.canPublishData === b.canPublishData &&
    a.hidden === b.hidden &&
    a.recorder === b.recorder &&
    a.canUpdateMetadata === b.canUpdateMetadata &&
    a.agent === b.agent &&
    a.canSubscribeMetrics === b.canSubscribeMetrics &&
    a.canManageAgentSession === b.canManageAgentSession &&
    sameSourceSet(a.canPublishSources, b.canPublishSources)
  );
}

/** Whether these permissions let a track of `source` stay published (LiveKit's rule). */
export function allowsPublishing(permissions: MediaPermissions, source: MediaTrackSource): boolean {
  if (permissions.canPublishSources.length > 0) {
    return permissions.canPublish && permissions.canPublishSources.includes(source);
  }
  return permissions.canPublish;
}

function sameSourceSet(a: readonly MediaTrackSource[], b: readonly MediaTrackSource[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((source) => right.has(source));
}

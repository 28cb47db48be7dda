/**
 * Media planning: what must the media server be told so that what a participant can actually do
 * there matches what Roundtable decided? Pure functions, no I/O: the API plans, stores the calls
 * (e.g. in an outbox) and a worker executes them with {@link executeMediaCall}.
 *
 * Every call a plan contains is idempotent: re-sending it after a crash, a timeout or a retry
 * leaves the media server in the same state, and the port treats "already gone" as success.
 */
import { isMediaConnected, type MediaParticipant } from './media-participant';
import { allowsPublishing, type MediaPermissions, permissionsForRole, samePermissions } from './media-permissions';

/**
 * What Roundtable decided about one profile in one room.
 * - `stage`: host, moderator or speaker; publishes the microphone; `muted` is the moderation flag
 *   (a muted speaker's microphone track is muted on the server; un-muting is the speaker's own act,
 *   so no plan ever un-mutes a track).
 * - `listener`: in the audience; subscribes only. `rightsLostAt`: when they last lost a media
 *   right in this room (moved off the stage), or absent/null. A connection made at or after that
 *   instant that still may publish was made with a token issued before it (a stale token): it is
 *   removed with that token revoked, not merely downgraded, so it cannot be used again.
 * - `not-in-room`: never joined, or unknown to Roundtable, with no revocation on record: must not
 *   be connected.
 * - `removed` / `banned`: lost their place at `decidedAt` (left, removed, suspended, blocked, or
 *   banned); media tokens issued up to that instant are revoked as the participant is removed
 *   (see {@link revocationCutoff}).
 */
export type DesiredMediaPresence =
  | { readonly kind: 'stage'; readonly muted: boolean }
  | { readonly kind: 'listener'; readonly rightsLostAt?: Date | null }
  | { readonly kind: 'not-in-room' }
  | { readonly kind: 'removed'; readonly decidedAt: Date }
  | { readonly kind: 'banned'; readonly decidedAt: Date };

/**
 * One RoomService call. Plain JSON (strings, numbers, booleans, arrays): safe to store in an
 * outbox row and to compare in tests. `roomId` is the Roundtable room id (= LiveKit room name),
 * `profileId` the profile id (= LiveKit participant identity).
 */
export type MediaCall =
  | {
      readonly method: 'updateParticipant';
      readonly roomId: string;
      readonly profileId: string;
      /** The FULL permission object; LiveKit replaces permissions whole. */
      readonly permissions: MediaPermissions;
    }
  | {
      readonly method: 'mutePublishedTrack';
      readonly roomId: string;
      readonly profileId: string;
      readonly trackSid: string;
      readonly muted: true;
    }
  | {
      readonly method: 'removeParticipant';
      readonly roomId: string;
      readonly profileId: string;
      /**
       * Unix seconds (LiveKit's `revoke_token_ts`); tokens with an earlier `nbf` stop working.
       * `null`: revoke nothing. Always {@link revocationCutoff} of the decision.
       */
      readonly revokeTokensIssuedBefore: number | null;
    }
  | { readonly method: 'deleteRoom'; readonly roomId: string };

export type MediaCallMethod = MediaCall['method'];

/** Input of {@link planParticipantSync}. */
export interface ParticipantSyncInput {
  readonly roomId: string;
  readonly profileId: string;
  readonly desired: DesiredMediaPresence;
  /** What the media server reports for this identity (`getParticipant`), or `null` if absent. */
  readonly actual: MediaParticipant | null;
}

/**
 * The calls that bring one participant's media state to `desired`, in order; `[]` when nothing
 * needs to change. Someone who is not connected needs no call: the next token they get carries
 * the grants of their role, and reconciliation or the `participant_joined` webhook catches a
 * connection made with an older token.
 */
export function planParticipantSync(input: ParticipantSyncInput): MediaCall[] {
  const { roomId, profileId, desired, actual } = input;
  if (!isMediaConnected(actual) || actual === null) return [];

  switch (desired.kind) {
    case 'not-in-room':
      return [{ method: 'removeParticipant', roomId, profileId, revokeTokensIssuedBefore: null }];
    case 'removed':
    case 'banned':
      return [
        { method: 'removeParticipant', roomId, profileId, revokeTokensIssuedBefore: revocationCutoff(desired.decidedAt) },
      ];
    case 'listener': {
      const lostAt = desired.rightsLostAt ?? null;
      if (lostAt !== null && actual.joinedAt.getTime() >= lostAt.getTime() && holdsStageRights(actual)) {
        // Connected after losing the stage, with a token that still publishes: a stale token.
        return [{ method: 'removeParticipant', roomId, profileId, revokeTokensIssuedBefore: revocationCutoff(lostAt) }];
      }
      return permissionCalls(roomId, profileId, 'listener', actual);
    }
    case 'stage': {
      const calls = permissionCalls(roomId, profileId, 'stage', actual);
      if (!desired.muted) return calls;
      for (const track of actual.tracks) {
        if (track.source === 'microphone' && !track.muted) {
          calls.push({ method: 'mutePublishedTrack', roomId, profileId, trackSid: track.sid, muted: true });
        }
      }
      return calls;
    }
    default:
      return assertUnreachable(desired);
  }
}

/** Whether the connection may publish anything, or has published something, a listener may not. */
function holdsStageRights(actual: MediaParticipant): boolean {
  const listener = permissionsForRole('listener');
  const permissions = actual.permissions;
  const mayPublish = permissions !== null && (permissions.canPublish || permissions.canPublishData || permissions.canPublishSources.length > 0);
  return mayPublish || actual.tracks.some((track) => !allowsPublishing(listener, track.source));
}

function permissionCalls(roomId: string, profileId: string, role: 'listener' | 'stage', actual: MediaParticipant) {
  const wanted = permissionsForRole(role);
  const drifted = actual.permissions === null || !samePermissions(actual.permissions, wanted);
  // A track the role may not publish means the permissions were not enforced yet: re-apply them,
  // which makes LiveKit unpublish it.
  const forbiddenTrack = actual.tracks.some((track) => !allowsPublishing(wanted, track.source));
  const calls: MediaCall[] = [];
  if (drifted || forbiddenTrack) {
    calls.push({ method: 'updateParticipant', roomId, profileId, permissions: wanted });
  }
  return calls;
}

/**
 * Whether `actual` already is what `desired` asks for; exactly when
 * {@link planParticipantSync} returns no call.
 */
export function satisfiesDesiredMedia(desired: DesiredMediaPresence, actual: MediaParticipant | null): boolean {
  return planParticipantSync({ roomId: '', profileId: '', desired, actual }).length === 0;
}

/** One profile Roundtable knows in a room, for {@link planRoomReconciliation}. */
export interface DesiredRoomParticipant {
  readonly profileId: string;
  readonly desired: DesiredMediaPresence;
  /** What Roundtable has recorded as `Participant.connected`. */
  readonly recordedConnected: boolean;
}

/** Input of {@link planRoomReconciliation}. */
export interface RoomReconciliationInput {
  readonly roomId: string;
  /** Everyone Roundtable knows in this LIVE room (participants, removed and banned profiles). */
  readonly desired: readonly DesiredRoomParticipant[];
  /** The media server's participant list for the room (`listParticipants`). */
  readonly actual: readonly MediaParticipant[];
}

/** A correction of `Participant.connected`. */
export interface ConnectionCorrection {
  readonly profileId: string;
  readonly connected: boolean;
}

export interface RoomReconciliationPlan {
  /** Calls in order; per participant as {@link planParticipantSync}, participants by identity. */
  readonly calls: MediaCall[];
  /** Recorded `connected` flags that differ from the truth once the calls are applied. */
  readonly connectionCorrections: ConnectionCorrection[];
}

/**
 * Reconciliation of one LIVE room: remove media participants who are not allowed (banned,
 * removed, or unknown to Roundtable), re-apply permissions to anyone holding the wrong ones
 * (e.g. publishing without a stage role), re-mute muted speakers, and correct `connected`.
 * Non-standard media participants (egress, ingress, SIP, agents) are left alone.
 */
export function planRoomReconciliation(input: RoomReconciliationInput): RoomReconciliationPlan {
  const { roomId } = input;
  const desiredById = new Map(input.desired.map((entry) => [entry.profileId, entry]));
  const actualById = new Map<string, MediaParticipant>();
  for (const participant of input.actual) {
    if (participant.kind !== 'standard') continue;
    const seen = actualById.get(participant.profileId);
    // During a reconnect LiveKit can briefly list the old (disconnected) and new entry together.
    if (seen === undefined || (!isMediaConnected(seen) && isMediaConnected(participant))) {
      actualById.set(participant.profileId, participant);
    }
  }

  const calls: MediaCall[] = [];
  const removed = new Set<string>();
  for (const profileId of [...actualById.keys()].sort()) {
    const desired = desiredById.get(profileId)?.desired ?? { kind: 'not-in-room' };
    const participantCalls = planParticipantSync({ roomId, profileId, desired, actual: actualById.get(profileId) ?? null });
    if (participantCalls.some((call) => call.method === 'removeParticipant')) removed.add(profileId);
    calls.push(...participantCalls);
  }

  const connectionCorrections: ConnectionCorrection[] = [];
  for (const entry of [...input.desired].sort((a, b) => compare(a.profileId, b.profileId))) {
    const connected = isMediaConnected(actualById.get(entry.profileId)) && !removed.has(entry.profileId);
    if (connected !== entry.recordedConnected) connectionCorrections.push({ profileId: entry.profileId, connected });
  }
  return { calls, connectionCorrections };
}

/** The call that ends a room's media session (`deleteRoom`); absent rooms count as deleted. */
export function planRoomEnded(roomId: string): MediaCall[] {
  return [{ method: 'deleteRoom', roomId }];
}

/**
 * The `revoke_token_ts` (unix seconds) that revokes every media token issued up to `decidedAt`:
 * the first whole second AFTER it. Token times (`nbf`) have second precision, so a token signed
 * earlier in the same second as the decision is revoked too; a token issued after the decision
 * must therefore carry this second as its `nbf` (LiveKit accepts an `nbf` up to a minute ahead;
 * `AudioAccessRequest.notBefore`), or the server would refuse it.
 */
export function revocationCutoff(decidedAt: Date): number {
  return Math.floor(decidedAt.getTime() / 1000) + 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled desired media presence: ${JSON.stringify(value)}`);
}

import type { MediaPermissions, MediaTrackKind, MediaTrackSource } from './media-permissions';

/**
 * A participant as the media server reports it: the projection of LiveKit's `ParticipantInfo`
 * that Roundtable plans from. Plain data (no protocol classes), so the API never holds a
 * media-server type and the planner stays pure.
 */
export interface MediaParticipant {
  /** The media server's participant sid (`PA_…`); changes on every connection. */
  readonly sid: string;
  /** The participant identity: a Roundtable profile id. */
  readonly profileId: string;
  readonly name: string;
  /** LiveKit's participant state; `disconnected` entries are on their way out. */
  readonly state: MediaParticipantState;
  /**
   * LiveKit's participant kind. Roundtable issues `standard` tokens only; other kinds (egress,
   * ingress, SIP, agents) can only be created with the API secret and are left alone.
   */
  readonly kind: MediaParticipantKind;
  /** The participant's full current permissions; `null` when the server reported none. */
  readonly permissions: MediaPermissions | null;
  readonly tracks: readonly MediaTrack[];
  /** When the participant joined, from `joinedAtMs` (ms precision) or `joinedAt` (seconds). */
  readonly joinedAt: Date;
}

export type MediaParticipantState = 'joining' | 'joined' | 'active' | 'disconnected';

export type MediaParticipantKind = 'standard' | 'ingress' | 'egress' | 'sip' | 'agent' | 'connector' | 'other';

/** A published track. */
export interface MediaTrack {
  /** The media server's track sid (`TR_…`), what `mutePublishedTrack` addresses. */
  readonly sid: string;
  readonly kind: MediaTrackKind;
  readonly source: MediaTrackSource;
  readonly muted: boolean;
}

/** Whether the participant counts as connected: present and not on its way out. */
export function isMediaConnected(participant: MediaParticipant | null | undefined): boolean {
  return participant != null && participant.state !== 'disconnected';
}

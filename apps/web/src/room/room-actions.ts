import { MODERATING_ROLES, ParticipantRole, ROOM_LIMITS, RoomStatus } from '@roundtable/domain';

import type { Participant } from '../api/types';

/** What a moderator may do to one participant; the API decides finally, this only picks buttons. */
export type ParticipantAction =
  | 'inviteToStage'
  | 'moveToAudience'
  | 'mute'
  | 'makeModerator'
  | 'removeModerator'
  | 'remove'
  | 'removeAndBan';

export const ACTION_LABELS: Readonly<Record<ParticipantAction, string>> = {
  inviteToStage: 'Invite to stage',
  moveToAudience: 'Move to audience',
  mute: 'Mute',
  makeModerator: 'Make moderator',
  removeModerator: 'Remove moderator',
  remove: 'Remove',
  removeAndBan: 'Remove and ban',
};

export const QUESTION_MAX_LENGTH = ROOM_LIMITS.questionMax;

export const canModerate = (role: ParticipantRole | null | undefined): boolean => role != null && MODERATING_ROLES.has(role);

/** Buttons shown to the viewer (by role) for another participant. */
export function actionsFor(viewerRole: ParticipantRole | null | undefined, target: Participant, viewerId: string): ParticipantAction[] {
  if (!canModerate(viewerRole) || target.profile.id === viewerId || target.role === ParticipantRole.Host) return [];
  const isHost = viewerRole === ParticipantRole.Host;
  const actions: ParticipantAction[] = [];
  if (target.role === ParticipantRole.Listener && target.invitedToStageAt === null) actions.push('inviteToStage');
  if (target.role === ParticipantRole.Speaker || (target.role === ParticipantRole.Moderator && isHost)) actions.push('moveToAudience');
  if (target.role !== ParticipantRole.Listener && !target.muted) actions.push('mute');
  if (isHost && target.role === ParticipantRole.Speaker) actions.push('makeModerator');
  if (isHost && target.role === ParticipantRole.Moderator) actions.push('removeModerator');
  if (isHost || target.role !== ParticipantRole.Moderator) actions.push('remove', 'removeAndBan');
  return actions;
}

/** What the viewer may do about their own participation. */
export interface ViewerControls {
  readonly join: boolean;
  readonly leave: boolean;
  readonly raiseHand: boolean;
  readonly lowerHand: boolean;
  readonly answerInvite: boolean;
  readonly leaveStage: boolean;
  readonly start: boolean;
  readonly end: boolean;
}

export function viewerControls(status: RoomStatus, viewer: Participant | null, viewerIsHost: boolean): ViewerControls {
  const ended = status === RoomStatus.Ended;
  const listener = viewer?.role === ParticipantRole.Listener;
  return {
    join: !ended && viewer === null,
    leave: !ended && viewer !== null,
    raiseHand: !ended && listener && viewer.handRaisedAt === null && viewer.invitedToStageAt === null,
    lowerHand: !ended && listener && viewer.handRaisedAt !== null,
    answerInvite: !ended && listener && viewer.invitedToStageAt !== null,
    leaveStage: !ended && viewer?.role === ParticipantRole.Speaker,
    start: viewerIsHost && status === RoomStatus.Scheduled,
    end: viewerIsHost && status === RoomStatus.Live,
  };
}

/** The audio status line: this client never connects to a media server, it shows the grant. */
export function audioStatus(audio: { readonly serverUrl: string; readonly canPublish: boolean } | null, inRoom: boolean): string {
  if (!inRoom) return 'Audio: join the room to get a media token.';
  if (!audio) return 'Audio: requesting a media token…';
  const grant = audio.canPublish ? 'speaker token ready (may publish the microphone)' : 'listen-only token ready';
  return `Audio: ${grant} for ${audio.serverUrl}. This web client does not connect to a media server.`;
}

/** "Live · started 14:05", "Starts Tue 18:30", "Ended". */
export function roomTiming(room: { status: RoomStatus; startedAt: string | null; scheduledFor: string | null }, locale?: string): string {
  const format = (iso: string) =>
    new Date(iso).toLocaleString(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  if (room.status === RoomStatus.Live) return room.startedAt ? `Live · started ${format(room.startedAt)}` : 'Live';
  if (room.status === RoomStatus.Scheduled) return room.scheduledFor ? `Starts ${format(room.scheduledFor)}` : 'Scheduled';
  return 'Ended';
}

/** Two initials for an avatar ("Ada Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  const letters = last ? `${first.charAt(0)}${last.charAt(0)}` : first.slice(0, 2);
  return letters.toUpperCase() || '?';
}

/** A stable hue per profile, so a person keeps their colour across the page. */
export function hueOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return hash % 360;
}

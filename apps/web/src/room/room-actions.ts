import { ROOM_LIMITS } from '@roundtable/domain';

import type { RoomSnapshot } from './room-reducer';
import { MODERATING_ROLES, type Participant, type ParticipantRole, type RoomStatus } from './room-types';

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

export const ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = {
  HOST: 'Host',
  MODERATOR: 'Moderator',
  SPEAKER: 'Speaker',
  LISTENER: 'Listener',
};

export const QUESTION_MAX_LENGTH = ROOM_LIMITS.questionMax;

export const canModerate = (role: ParticipantRole | null | undefined): boolean => role != null && MODERATING_ROLES.has(role);

/** Buttons shown to the viewer (by role) for another participant; none in a room that is not live. */
export function actionsFor(viewerRole: ParticipantRole | null | undefined, target: Participant, viewerId: string, status: RoomStatus = 'LIVE'): ParticipantAction[] {
  if (status !== 'LIVE' || !canModerate(viewerRole) || target.profile.id === viewerId || target.role === 'HOST') return [];
  const isHost = viewerRole === 'HOST';
  const actions: ParticipantAction[] = [];
  if (target.role === 'LISTENER' && target.invitedToStageAt === null) actions.push('inviteToStage');
  if (target.role === 'SPEAKER' || (target.role === 'MODERATOR' && isHost)) actions.push('moveToAudience');
  if (target.role !== 'LISTENER' && !target.muted) actions.push('mute');
  if (isHost && target.role === 'SPEAKER') actions.push('makeModerator');
  if (isHost && target.role === 'MODERATOR') actions.push('removeModerator');
  if (isHost || target.role !== 'MODERATOR') actions.push('remove', 'removeAndBan');
  return actions;
}

/** Why the viewer cannot join right now, in words; null when Join is offered. */
export type JoinBlock = 'scheduled' | 'ended' | 'banned' | 'refused' | null;

/** What the viewer may do about their own participation. */
export interface ViewerControls {
  readonly join: boolean;
  readonly joinBlock: JoinBlock;
  readonly leave: boolean;
  readonly raiseHand: boolean;
  readonly lowerHand: boolean;
  readonly answerInvite: boolean;
  readonly leaveStage: boolean;
  readonly unmute: boolean;
  readonly start: boolean;
  readonly end: boolean;
}

export interface ViewerSituation {
  readonly status: RoomStatus;
  readonly viewer: Participant | null;
  readonly viewerIsHost: boolean;
  /** This page saw a moderator remove the viewer (with or without a ban). */
  readonly removed: { readonly banned: boolean } | null;
  /** The server refused this viewer's last join (CONFLICT: banned, full, ...). */
  readonly joinRefused: boolean;
}

export function viewerControls(situation: ViewerSituation): ViewerControls {
  const { status, viewer, viewerIsHost, removed, joinRefused } = situation;
  const live = status === 'LIVE';
  const listener = viewer?.role === 'LISTENER';
  const onStage = viewer !== null && viewer.role !== 'LISTENER';
  const joinBlock: JoinBlock =
    viewer !== null ? null : status === 'ENDED' ? 'ended' : status === 'SCHEDULED' ? 'scheduled' : removed?.banned ? 'banned' : joinRefused ? 'refused' : null;
  return {
    join: viewer === null && live && joinBlock === null,
    joinBlock,
    leave: status !== 'ENDED' && viewer !== null,
    raiseHand: live && listener && viewer.handRaisedAt === null && viewer.invitedToStageAt === null,
    lowerHand: live && listener && viewer.handRaisedAt !== null,
    answerInvite: live && listener && viewer.invitedToStageAt !== null,
    leaveStage: live && viewer?.role === 'SPEAKER',
    unmute: live && onStage && viewer.muted,
    start: viewerIsHost && status === 'SCHEDULED',
    end: viewerIsHost && live,
  };
}

export const JOIN_BLOCK_MESSAGES: Readonly<Record<Exclude<JoinBlock, null>, string>> = {
  scheduled: 'This room has not started yet. You can join once the host starts it.',
  ended: 'This room has ended.',
  banned: 'A moderator removed you from this room, and you may not join it again.',
  refused: 'You cannot join this room right now.',
};

/** What the host's leaving does, to confirm before it happens (the server's rule: longest-serving moderator). */
export function hostLeaveConsequence(room: Pick<RoomSnapshot, 'stage'>): string {
  const successor = room.stage.find((participant) => participant.role === 'MODERATOR');
  return successor
    ? `You are the host. If you leave, ${successor.profile.displayName} becomes the host.`
    : 'You are the host and there is no moderator to take over: leaving ends the room for everyone.';
}

/** "Live · started 14:05", "Starts Tue 18:30", "Ended". */
export function roomTiming(room: { status: RoomStatus; startedAt: string | null; scheduledFor: string | null }, locale?: string): string {
  const format = (iso: string) => new Date(iso).toLocaleString(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  if (room.status === 'LIVE') return room.startedAt ? `Live · started ${format(room.startedAt)}` : 'Live';
  if (room.status === 'SCHEDULED') return room.scheduledFor ? `Starts ${format(room.scheduledFor)}` : 'Scheduled';
  return 'Ended';
}

/** "1 listener", "2 listeners", "1 follower": English plurals for counts. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** Two initials for an avatar ("Ada Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  const letters = last ? `${first.charAt(0)}${last.charAt(0)}` : first.slice(0, 2);
  return letters.toUpperCase() || '?';
}

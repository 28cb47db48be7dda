import type { RoomCommand } from './room.commands';
import type { Decision, RoomEvent } from './room.events';
import { ParticipantRole, type RoomState } from './room.types';

/**
 * Whether a command may turn out to be an audience change (see {@link isAudienceDecision}):
 * joining and leaving. Every other command is a stage command whatever it decides.
 */
export function mayBeAudienceCommand(command: RoomCommand): boolean {
  return command.type === 'JoinRoom' || command.type === 'LeaveRoom';
}

/**
 * True when a decision changes nothing but the audience: each event is a listener joining or a
 * listener (as they were in `before`) leaving, and the room's own fields (status, host, start and
 * end) are unchanged. Such a decision reads and writes no stage participant and not the room
 * row, so the API runs it without the room row lock. A decision with no events (joining twice)
 * is an audience decision. The host or a speaker joining or leaving, and the host leaving that
 * hands the room over or ends it, are not.
 */
export function isAudienceDecision(before: RoomState, decision: Decision): boolean {
  const after = decision.state;
  if (after.status !== before.status || after.hostId !== before.hostId || after.startedAt !== before.startedAt || after.endedAt !== before.endedAt) {
    return false;
  }
  return decision.events.every((event) => {
    if (event.type === 'ParticipantJoined') return event.participant.role === ParticipantRole.Listener;
    if (event.type === 'ParticipantLeft') return before.participants.get(event.profileId)?.role === ParticipantRole.Listener;
    return false;
  });
}

/** How one event moves a room's audience counters (`listenerCount`, `participantCount`). */
export interface AudienceDelta {
  readonly listeners: number;
  readonly participants: number;
}

const NO_CHANGE: AudienceDelta = { listeners: 0, participants: 0 };

/** What {@link audienceDelta} reads of an event: a domain event, or its stored (wire) form. */
export interface AudienceEventFields {
  readonly type: RoomEvent['type'];
  readonly participant?: { readonly role: ParticipantRole };
  readonly previousRole?: ParticipantRole;
}

/**
 * How `event` changes the number of listeners and of participants. `leavingRole` is the role the
 * participant had before a `ParticipantLeft` or `ParticipantRemoved` (null: they were not in the
 * room, e.g. a ban ahead of a join; then nothing changes). The end of a room is not a delta: it
 * resets both counters to zero, which callers do themselves. Shared by the command side (the
 * counters kept with each command) and the delivery side (the count carried by AudienceChanged).
 */
export function audienceDelta(event: AudienceEventFields, leavingRole: ParticipantRole | null): AudienceDelta {
  const listener = (role: ParticipantRole | null) => (role === ParticipantRole.Listener ? 1 : 0);
  switch (event.type) {
    case 'ParticipantJoined':
      return { listeners: listener(event.participant?.role ?? null), participants: 1 };
    case 'ParticipantLeft':
    case 'ParticipantRemoved':
      return leavingRole === null ? NO_CHANGE : { listeners: 0 - listener(leavingRole), participants: -1 };
    case 'RoleChanged':
      return { listeners: listener(event.participant?.role ?? null) - listener(event.previousRole ?? null), participants: 0 };
    default:
      return NO_CHANGE;
  }
}

import type { RoomCommand } from './room.commands';
import type { Decision } from './room.events';
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

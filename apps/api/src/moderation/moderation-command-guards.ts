import { DomainError, DomainErrorCode, type RoomCommand } from '@roundtable/domain';

import type { CommandGuard } from '../rooms/room-command.handler';
import { hasActiveStageHold } from './stage-holds';

/**
 * The room command pipeline's trust-and-safety guards, in the order they run. Who may give a
 * command at all (a suspension, the host's block, trust and safety's own `EnforceModeration`) is
 * the room access policy's answer, checked by the pipeline before these run (`ROOM_ACCESS_TABLE`);
 * what is left here is a state of the moderation record, not a right.
 */
export function moderationCommandGuards(): CommandGuard[] {
  return [
    {
      // A held automatic mute: the participant keeps their role but cannot unmute themselves,
      // nor come back on stage (where they would arrive unmuted), until staff act.
      name: 'held automatic mute',
      async check({ tx, room, command }) {
        const heldId = heldProfileOf(command);
        if (heldId !== null && (await hasActiveStageHold(tx, room.id, heldId))) {
          throw new DomainError(
            DomainErrorCode.NotAllowed,
            'This participant was muted automatically after several reports; they cannot unmute or return to the stage until trust and safety staff review them',
          );
        }
      },
    },
  ];
}

/** The participant whose held automatic mute a command would end: unmuting, or coming (back) on stage. */
function heldProfileOf(command: RoomCommand): string | null {
  switch (command.type) {
    case 'UnmuteSelf':
    case 'AcceptStageInvite':
      return command.actorId;
    case 'InviteToStage':
      return command.targetId;
    default:
      return null;
  }
}

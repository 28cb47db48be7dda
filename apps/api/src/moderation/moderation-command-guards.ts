import { commandChecksRule, DomainError, DomainErrorCode, RoomAccessRule, type RoomCommand } from '@roundtable/domain';

import type { CommandGuard } from '../rooms/room-command.handler';
import { BlocksService } from './blocks.service';
import { hasActiveStageHold } from './stage-holds';
import { SuspensionService } from './suspension.service';

/**
 * Which commands the suspension and the host's block apply to is the room access policy's answer
 * (`ROOM_COMMAND_OPERATIONS` and `ROOM_ACCESS_TABLE`: a rule applies when the command's operation
 * checks it). A suspended account may still step out (leave, lower a hand, decline, end its own
 * room); a profile the host blocked may do nothing else in the host's rooms. These guards only
 * gather the facts, batched for group commit.
 */
const refusedWhileSuspended = (command: RoomCommand): boolean => commandChecksRule(command.type, RoomAccessRule.NotSuspended);
const refusedWhenBlockedByHost = (command: RoomCommand, hostId: string): boolean =>
  command.actorId !== hostId && commandChecksRule(command.type, RoomAccessRule.NotBlockedByHost);

/** The room command pipeline's trust-and-safety guards, in the order they run. */
export function moderationCommandGuards(deps: { suspensions: SuspensionService; blocks: BlocksService }): CommandGuard[] {
  return [
    {
      // Only the moderation service issues EnforceModeration, as staff or the system actor.
      name: 'trust and safety only',
      async check({ viewer, command }) {
        if (command.type === 'EnforceModeration' && !viewer.isStaff) {
          throw DomainError.notAllowed('Only trust and safety can enforce moderation decisions');
        }
      },
    },
    {
      name: 'suspended accounts',
      async check({ tx, command }) {
        if (refusedWhileSuspended(command)) await deps.suspensions.assertNotSuspended(tx, command.actorId);
      },
      async checkMany({ tx, commands }) {
        const checked = commands.map(({ command }) => (refusedWhileSuspended(command) ? command.actorId : null));
        const suspended = await deps.suspensions.activeSuspensions(
          tx,
          checked.filter((id): id is string => id !== null),
        );
        return checked.map((id) => {
          const suspension = id === null ? undefined : suspended.get(id);
          return suspension ? SuspensionService.refusal(suspension) : null;
        });
      },
    },
    {
      name: 'blocked by the host',
      async check({ tx, room, command }) {
        if (refusedWhenBlockedByHost(command, room.hostId)) await deps.blocks.assertNotBlockedByHost(tx, room.hostId, command.actorId);
      },
      async checkMany({ tx, room, commands }) {
        const joining = commands.map(({ command }) => (refusedWhenBlockedByHost(command, room.hostId) ? command.actorId : null));
        const blocked = await deps.blocks.blockedAmong(
          tx,
          room.hostId,
          joining.filter((id): id is string => id !== null),
        );
        return joining.map((id) => (id !== null && blocked.has(id) ? BlocksService.blockedByHostRefusal() : null));
      },
    },
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

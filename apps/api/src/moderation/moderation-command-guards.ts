import { DomainError, DomainErrorCode, type RoomCommand, type RoomCommandType } from '@roundtable/domain';

import type { CommandGuard } from '../rooms/room-command.handler';
import { BlocksService } from './blocks.service';
import { hasActiveStageHold } from './stage-holds';
import { SuspensionService } from './suspension.service';

/**
 * What a suspended account may still do in a room: step out of it. Everything else (join, speak,
 * raise a hand, go on stage, host, moderate) is refused while suspended. RecordMediaConnection
 * comes from LiveKit webhooks about the account, not from the account.
 */
const ALLOWED_WHILE_SUSPENDED: ReadonlySet<RoomCommandType> = new Set([
  'LeaveRoom',
  'LowerHand',
  'DeclineStageInvite',
  'EndRoom',
  'RecordMediaConnection',
  'EnforceModeration',
]);

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
        if (ALLOWED_WHILE_SUSPENDED.has(command.type)) return;
        await deps.suspensions.assertNotSuspended(tx, command.actorId);
      },
      async checkMany({ tx, commands }) {
        const checked = commands.map(({ command }) => (ALLOWED_WHILE_SUSPENDED.has(command.type) ? null : command.actorId));
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
        if (command.type === 'JoinRoom') await deps.blocks.assertNotBlockedByHost(tx, room.hostId, command.actorId);
      },
      async checkMany({ tx, room, commands }) {
        const joining = commands.map(({ command }) => (command.type === 'JoinRoom' && command.actorId !== room.hostId ? command.actorId : null));
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

import type { MediaCallOutcome, MediaControl } from './media-control';
import type { MediaCall } from './media-plan';

/**
 * Sends one planned call through the port. Throws what the port throws (`MediaControlError`);
 * an outbox worker retries while `error.retryable`.
 */
export function executeMediaCall(control: MediaControl, call: MediaCall): Promise<MediaCallOutcome> {
  switch (call.method) {
    case 'updateParticipant':
      return control.updatePermissions(call.roomId, call.profileId, call.permissions);
    case 'mutePublishedTrack':
      return control.mutePublishedTrack(call.roomId, call.profileId, call.trackSid, call.muted);
    case 'removeParticipant':
      return control.removeParticipant(call.roomId, call.profileId, {
        revokeTokensIssuedBefore: call.revokeTokensIssuedBefore,
      });
    case 'deleteRoom':
      return control.deleteRoom(call.roomId);
    default:
      return assertUnreachable(call);
  }
}

function assertUnreachable(call: never): never {
  throw new Error(`Unknown media call: ${JSON.stringify(call)}`);
}

/** Commands are what a profile asks of a room; `actorId` is always the signed-in profile. */
export type RoomCommand =
  | { readonly type: 'StartRoom'; readonly actorId: string }
  | {
      readonly type: 'EndRoom';
      readonly actorId: string;
      /**
       * `cancelRoom` (issue 18): end a SCHEDULED room that never starts. Asks the CANCEL row, whose
       * `SCHEDULED` rule is judged on the room's state in the command's own transaction, so a
       * cancel that lost a race to `startRoom` is refused (ROOM_ALREADY_LIVE), never ends a live room.
       */
      readonly cancel?: boolean;
    }
  | { readonly type: 'JoinRoom'; readonly actorId: string }
  | { readonly type: 'LeaveRoom'; readonly actorId: string }
  | { readonly type: 'RaiseHand'; readonly actorId: string; readonly question: string | null }
  | { readonly type: 'LowerHand'; readonly actorId: string }
  /** Host and moderators: take down someone's raised hand (question answered, or off-topic). */
  | { readonly type: 'DismissHand'; readonly actorId: string; readonly targetId: string }
  | { readonly type: 'InviteToStage'; readonly actorId: string; readonly targetId: string }
  | { readonly type: 'AcceptStageInvite'; readonly actorId: string }
  | { readonly type: 'DeclineStageInvite'; readonly actorId: string }
  | { readonly type: 'MoveToAudience'; readonly actorId: string; readonly targetId: string }
  | {
      readonly type: 'SetModerator';
      readonly actorId: string;
      readonly targetId: string;
      readonly moderator: boolean;
    }
  | { readonly type: 'MuteParticipant'; readonly actorId: string; readonly targetId: string }
  | { readonly type: 'UnmuteSelf'; readonly actorId: string }
  /**
   * The media server reports the actor's own audio connection going up or down. Only the stage's
   * connections are room events (listeners' come and go too often to matter to everyone).
   */
  | { readonly type: 'RecordMediaConnection'; readonly actorId: string; readonly connected: boolean }
  | {
      readonly type: 'RemoveParticipant';
      readonly actorId: string;
      readonly targetId: string;
      readonly ban: boolean;
    }
  /**
   * Trust and safety acts on a participant without being in the room: the API issues it only
   * from its moderation service (an automatic mute on a pile-up of reports, a staff removal),
   * never from a client. `actorId` is the staff profile, or {@link TRUST_AND_SAFETY_ACTOR_ID}
   * for an automatic action. The host stays protected (`HostIsProtected`), as for every other
   * moderation of the host.
   */
  | {
      readonly type: 'EnforceModeration';
      readonly actorId: string;
      readonly targetId: string;
      readonly enforcement: ModerationEnforcement;
    };

/** What trust and safety does to a participant through {@link RoomCommand} `EnforceModeration`. */
export type ModerationEnforcement =
  /**
   * Mute them where they are (an automatic mute pending review). An automatic action never
   * changes a role: a speaker stays a speaker and a moderator a moderator, only muted.
   */
  | 'Mute'
  /** Remove them and ban them from the room (staff's REMOVE_FROM_ROOM). */
  | 'RemoveAndBan';

/**
 * The actor of automatic trust-and-safety actions. A `/` cannot appear in a profile id, so no
 * signed-in profile can ever be this actor.
 */
export const TRUST_AND_SAFETY_ACTOR_ID = 'system/trust-and-safety';

export type RoomCommandType = RoomCommand['type'];

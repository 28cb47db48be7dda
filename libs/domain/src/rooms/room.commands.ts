/** Commands are what a profile asks of a room; `actorId` is always the signed-in profile. */
export type RoomCommand =
  | { readonly type: 'StartRoom'; readonly actorId: string }
  | { readonly type: 'EndRoom'; readonly actorId: string }
  | { readonly type: 'JoinRoom'; readonly actorId: string }
  | { readonly type: 'LeaveRoom'; readonly actorId: string }
  | { readonly type: 'RaiseHand'; readonly actorId: string; readonly question: string | null }
  | { readonly type: 'LowerHand'; readonly actorId: string }
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
    };

export type RoomCommandType = RoomCommand['type'];

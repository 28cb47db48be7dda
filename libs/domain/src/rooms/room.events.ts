import type { ChatMode } from '../conversation/chat-rules';
import type { QuestionSnapshot } from '../questions/question-queue';
import type { ParticipantRole, ParticipantState, RoomState, RoomStatus } from './room.types';

interface EventBase {
  readonly roomId: string;
  /** The room's version after this event. */
  readonly version: number;
  /** The room's version before this event (version - 1 for every event the rules emit). */
  readonly previousVersion: number;
  readonly at: Date;
}

/**
 * One change to a room. The names match the contract's RoomEvent types; the API adds
 * `StageInvitationDeclined` and `ParticipantUnmuted`, which the contract allows it to add.
 */
export type RoomEvent =
  | (EventBase & { readonly type: 'ParticipantJoined'; readonly participant: ParticipantState })
  | (EventBase & { readonly type: 'ParticipantLeft'; readonly profileId: string })
  | (EventBase & { readonly type: 'HandRaised'; readonly participant: ParticipantState })
  | (EventBase & { readonly type: 'HandLowered'; readonly participant: ParticipantState })
  | (EventBase & { readonly type: 'StageInvitation'; readonly participant: ParticipantState })
  | (EventBase & { readonly type: 'StageInvitationDeclined'; readonly participant: ParticipantState })
  | (EventBase & {
      readonly type: 'RoleChanged';
      readonly participant: ParticipantState;
      readonly previousRole: ParticipantRole;
    })
  | (EventBase & { readonly type: 'ParticipantMuted'; readonly participant: ParticipantState })
  | (EventBase & { readonly type: 'ParticipantUnmuted'; readonly participant: ParticipantState })
  | (EventBase & {
      readonly type: 'ParticipantRemoved';
      readonly profileId: string;
      readonly banned: boolean;
    })
  | (EventBase & { readonly type: 'RoomStatusChanged'; readonly status: RoomStatus })
  | (EventBase & {
      readonly type: 'ParticipantConnectionChanged';
      readonly participant: ParticipantState;
      readonly connected: boolean;
    })
  /**
   * A question of the room's queue changed state (asked, screened, answered, closed, merged, or
   * its asker raised or lowered a hand to ask it in person; issue 16). Never emitted by `decide`:
   * the API's question chain appends it after the room's own events, in the same version chain.
   * Carries the question as it is after the change; who may read it is the access policy's
   * question (`questionVisibleTo`), answered per viewer at delivery.
   */
  | (EventBase & { readonly type: 'QuestionChanged'; readonly question: QuestionSnapshot })
  /** The room's conversation settings changed (`updateRoomConversation`): all of them, as they are now. */
  | (EventBase & { readonly type: 'RoomConversationChanged'; readonly settings: ConversationSettings });

/** A room's conversation settings (`RoomConversationChanged`, `updateRoomConversation`). */
export interface ConversationSettings {
  readonly screensQuestions: boolean;
  readonly chatMode: ChatMode;
  readonly chatSlowModeSeconds: number;
  /** Newest first; `pinnedAt` as ISO-8601. */
  readonly pinnedLinks: readonly { readonly url: string; readonly title: string | null; readonly pinnedById: string; readonly pinnedAt: string }[];
}

export type RoomEventType = RoomEvent['type'];

/** The outcome of a command that the rules accepted. */
export interface Decision {
  /** The state after all events; `version` is the last event's version. */
  readonly state: RoomState;
  /** In order; empty when the command was an idempotent no-op (e.g. joining twice). */
  readonly events: readonly RoomEvent[];
}

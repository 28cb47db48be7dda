/**
 * THE ROOM CONVERSATION'S LOSSY CHANNEL (issue 17; `room-conversation.graphql`, `ConversationTick`).
 * Chat messages, deletions, reactions and question vote counts are not room events: they never
 * enter the exact version chain. Whatever produces them (a mutation, after its commit) records
 * them here; each room's items are folded into at most one `ConversationTick` per tick interval
 * per subscriber class, and delivered to `roomConversation` subscribers. Between API instances
 * they travel over the event bus like room events do.
 *
 * The producer side is this file's interface; the folding, sampling and delivery live beside it.
 */

/** `Reaction` of the contract. */
export enum Reaction {
  Clap = 'CLAP',
  Heart = 'HEART',
  Laugh = 'LAUGH',
  Insightful = 'INSIGHTFUL',
  PlusOne = 'PLUS_ONE',
}

/** A stored chat message as it travels in the conversation channel (dates as ISO-8601 strings). */
export interface ChatMessageJson {
  /** UUID of the `chat_messages` row. */
  readonly id: string;
  readonly roomId: string;
  readonly authorId: string;
  readonly text: string;
  /** Profiles mentioned with @ and resolved to people in the room when it was sent. */
  readonly mentionIds: readonly string[];
  /**
   * True when the author was on the stage or moderating when it was sent: such messages are never
   * sampled out for anyone.
   */
  readonly fromStage: boolean;
  /** ISO-8601. */
  readonly createdAt: string;
}

/** One thing that happened in a room's conversation. */
export type ConversationItem =
  | { readonly kind: 'message'; readonly message: ChatMessageJson }
  /** A moderator (or the author) deleted a message: it reaches clients in `deletedMessageIds`. */
  | { readonly kind: 'deleted'; readonly messageId: string }
  /** One person's reaction that passed their reaction rate (beyond it, reactions are never recorded). */
  | { readonly kind: 'reaction'; readonly reaction: Reaction; readonly profileId: string }
  /** A question's upvote count after a vote (the latest count per question per tick wins). */
  | { readonly kind: 'questionVotes'; readonly questionId: string; readonly upvoteCount: number };

/** Where producers record conversation items of a room. */
export interface ConversationFeed {
  /**
   * Hands `item` to the room's next tick. Never throws and never waits on delivery: the channel is
   * lossy by design (an outage of the bus loses items, which the contract allows), and the item's
   * own mutation has already committed.
   */
  record(roomId: string, item: ConversationItem): void;
}

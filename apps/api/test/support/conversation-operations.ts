// The room conversation's lossy channel (issue 17) as tests drive it: typed operations, a message
// recorded the way the chat mutations record theirs, and the tick service of a test API.
import { randomUUID } from 'node:crypto';

import type { ChatMessageJson } from '../../src/conversation/conversation-feed';
import type { ConversationTicks } from '../../src/conversation/conversation-ticks';
import { pollUntil } from './poll';
import { Collector, type TestApi } from './test-api';

export const CONVERSATION_OPS = {
  roomConversation: `subscription($r: ID!) {
    roomConversation(roomId: $r) {
      roomId at sampledOut deletedMessageIds
      messages { id text deleted createdAt author { id } mentions { id } }
      reactions { reaction count }
      questionVotes { questionId upvoteCount }
    }
  }`,
  react: `mutation($r: ID!, $reaction: Reaction!) { react(roomId: $r, reaction: $reaction) }`,
  sendChatMessage: `mutation($r: ID!, $text: String!) { sendChatMessage(roomId: $r, text: $text) { id text mentions { id } } }`,
  deleteChatMessage: `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id deleted } }`,
  askQuestion: `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id status upvoteCount } }`,
  upvoteQuestion: `mutation($q: ID!) { upvoteQuestion(questionId: $q) { id upvoteCount } }`,
  removeQuestionUpvote: `mutation($q: ID!) { removeQuestionUpvote(questionId: $q) { id upvoteCount } }`,
} as const;

/** One `ConversationTick` as `CONVERSATION_OPS.roomConversation` selects it. */
export interface TickResult {
  roomConversation: {
    roomId: string;
    at: string;
    sampledOut: number;
    deletedMessageIds: string[];
    messages: { id: string; text: string; deleted: boolean; createdAt: string; author: { id: string }; mentions: { id: string }[] }[];
    reactions: { reaction: string; count: number }[];
    questionVotes: { questionId: string; upvoteCount: number }[];
  };
}

/** The tick service of a test API. */
export const conversationOf = (api: TestApi): ConversationTicks => api.api.server.services.conversation;

/** Opens `roomConversation` for `token` on `api` and returns what it collects. */
export function watchConversation(api: TestApi, token: string, roomId: string): Collector<TickResult> {
  const ticks = new Collector<TickResult>();
  api.wsClient(token).subscribe({ query: CONVERSATION_OPS.roomConversation, variables: { r: roomId } }, ticks.sink);
  return ticks;
}

/** Waits (bounded) until `roomId` has at least `count` live conversation streams on `api`. */
export async function conversationSubscribersReach(api: TestApi, roomId: string, count: number): Promise<void> {
  expect(await pollUntil(() => conversationOf(api).subscriberCount(roomId), (n) => n >= count)).toBeGreaterThanOrEqual(count);
}

let sequence = 0;

/**
 * A chat message as the chat mutations record it after their commit (`services.conversation.record`),
 * for the channel's own tests: the message need not be stored, only its author must be a profile.
 */
export function recordMessage(api: TestApi, roomId: string, authorId: string, options: { fromStage?: boolean; mentionIds?: string[]; text?: string } = {}): ChatMessageJson {
  sequence += 1;
  const message: ChatMessageJson = {
    id: randomUUID(),
    roomId,
    authorId,
    text: options.text ?? `message ${sequence} from ${authorId}`,
    mentionIds: options.mentionIds ?? [],
    fromStage: options.fromStage ?? false,
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString(),
  };
  conversationOf(api).record(roomId, { kind: 'message', message });
  return message;
}

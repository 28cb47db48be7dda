import { z } from 'zod';

import { type ConversationItem, Reaction } from './conversation-feed';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO-8601 date');

const conversationItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message'),
    message: z.object({
      id: z.string().min(1),
      roomId: z.string().min(1),
      authorId: z.string().min(1),
      text: z.string(),
      mentionIds: z.array(z.string().min(1)),
      fromStage: z.boolean(),
      createdAt: isoDate,
    }),
  }),
  z.object({ kind: z.literal('deleted'), messageId: z.string().min(1) }),
  z.object({ kind: z.literal('reaction'), reaction: z.nativeEnum(Reaction), profileId: z.string().min(1) }),
  z.object({ kind: z.literal('questionVotes'), questionId: z.string().min(1), upvoteCount: z.number().int().nonnegative() }),
]);

/**
 * A conversation item as it came off the bus (another instance's `record`, or Redis), checked
 * against {@link ConversationItem}'s shape.
 * @throws Error naming the first problems when it does not have that shape.
 */
export function parseConversationItem(raw: unknown): ConversationItem {
  const parsed = conversationItem.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`not a conversation item: ${issues}`);
  }
  return parsed.data;
}

/** The bus topic of one room's conversation items (a lower-cased room UUID). */
export const roomConversationTopic = (roomId: string): string => `room-conversation:${roomId}`;

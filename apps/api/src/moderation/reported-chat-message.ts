import { type EntityManager } from '@mikro-orm/postgresql';
import { CHAT_LIMITS } from '@roundtable/domain';

import { chatContext, type StoredChatMessage } from '../conversation/chat.store';
import type { EvidenceChatMessageSnapshot } from './report-evidence';

/**
 * The reported message and up to `CHAT_LIMITS.reportContext` (10) messages of its room on each
 * side, oldest first, as they are in `tx` now: the evidence of a report on a chat message. A
 * message deleted by then keeps the text it was written with (`storedText`), marked `deleted`:
 * staff judge what was said, which a deletion (by its author, or a moderator before the report)
 * must not hide. One statement (`chatContext`), in the report's transaction.
 */
export async function chatContextEvidence(tx: EntityManager, message: StoredChatMessage): Promise<EvidenceChatMessageSnapshot[]> {
  const around = await chatContext(tx, message.roomId, message.id, CHAT_LIMITS.reportContext);
  return around.map((each) => ({
    messageId: each.id,
    authorId: each.authorId,
    text: each.storedText,
    at: each.createdAt.toISOString(),
    reported: each.id === message.id,
    deleted: each.deleted,
  }));
}

import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { chatClosed, decideChatWrite, mentionHandles, normaliseChatText, RoomOperation, STAGE_ROLES } from '@roundtable/domain';

import type { PerAccountLimiter } from '../admission/per-account-limiter';
import type { AuthenticatedViewer } from '../auth/authenticator';
import { ApiErrorCode, apiError } from '../common/api-error';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import type { TextScreeningService } from '../moderation/text-screening.service';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { RoomEntity } from '../rooms/room.entity';
import type { ChatMessageRecord } from './chat-message.type';
import { findChatMessage, insertChatMessage, lastMessageAt, markChatMessageDeleted, resolveMentions } from './chat.store';
import type { ConversationFeed } from './conversation-feed';

export interface ChatServiceDeps {
  readonly access: RoomAccessPolicy;
  readonly screening: TextScreeningService;
  /** Messages per sender per window: listeners' limit, and the stage's and moderators' (higher). */
  readonly listenerRate: PerAccountLimiter;
  readonly stageRate: PerAccountLimiter;
  /** The conversation's lossy channel (ticks); messages and deletions are recorded after commit. */
  readonly feed: () => ConversationFeed | null;
  readonly now?: () => Date;
}

/**
 * The room chat (issue 17): sending and deleting messages. Who may is the room access policy's
 * (`WRITE_CHAT`, `MODERATE_CHAT`, `DELETE_OWN_CHAT_MESSAGE`); the chat mode and slow mode are the
 * domain's `decideChatWrite`; text is screened like every user text; @ words resolve to people
 * in the room. A refusal is a contract error (`RATE_LIMITED` with `retryAfterSeconds`, `CONFLICT`,
 * `FORBIDDEN`, `BAD_USER_INPUT`) and stores nothing; a message is never dropped silently.
 */
export class ChatService {
  private readonly now: () => Date;

  constructor(private readonly deps: ChatServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Stores one message and hands it to the room's next conversation tick.
   * @returns the stored message (the sender's answer, whatever sampling later does with it).
   * @throws BAD_USER_INPUT (text, roomId), NOT_FOUND / FORBIDDEN / CONFLICT from the access policy,
   *   CONFLICT (CHAT_CLOSED) when the mode refuses, RATE_LIMITED in slow mode or past the sender's rate.
   */
  async send(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, rawText: string): Promise<ChatMessageRecord> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    const text = normaliseChatText(rawText);
    const flags = this.deps.screening.screen({ text });
    const message = await em.transactional(async (tx) => {
      // One writer at a time per (room, author): slow mode's "previous message" is exact under concurrency.
      await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`chat:${roomId}:${viewer.profileId}`]);
      const found = (await this.deps.access.relationsOf(tx, roomId, [viewer])).get(viewer.profileId);
      if (!found) throw notFound('Room');
      this.deps.access.assert(RoomOperation.WriteChat, found.relation, found.suspendedUntil);
      const room = await tx.findOneOrFail(RoomEntity, { id: roomId }, { refresh: true });
      const onStage = found.relation.role !== null && STAGE_ROLES.has(found.relation.role);
      const now = this.now();
      const decision = decideChatWrite({
        mode: room.chatMode,
        slowModeSeconds: room.chatSlowModeSeconds,
        onStage,
        lastSentAt: room.chatMode === 'SLOW' && !onStage ? await lastMessageAt(tx, roomId, viewer.profileId) : null,
        now,
      });
      if (!decision.allowed) {
        if (decision.kind === 'closed') throw chatClosed(decision.message);
        throw apiError(ApiErrorCode.RateLimited, `Slow mode: you can write again in ${decision.retryAfterSeconds} s`, {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
      // Counted last, so a message the mode refuses does not use up the sender's rate.
      await (onStage ? this.deps.stageRate : this.deps.listenerRate).consume(viewer.profileId);
      const mentionIds = (await resolveMentions(tx, roomId, mentionHandles(text))).filter((id) => id !== viewer.profileId);
      const record: ChatMessageRecord = { id: randomUUID(), roomId, authorId: viewer.profileId, text, deleted: false, mentionIds, createdAt: now };
      await insertChatMessage(tx, record);
      return { record, fromStage: onStage };
    });
    await this.deps.screening.fileFlagsNow(em, viewer.profileId, roomId, flags);
    const { record, fromStage } = message;
    this.deps.feed()?.record(roomId, {
      kind: 'message',
      message: { id: record.id, roomId, authorId: record.authorId, text: record.text, mentionIds: record.mentionIds, fromStage, createdAt: record.createdAt.toISOString() },
    });
    return record;
  }

  /**
   * Deletes a message: the author their own (`DELETE_OWN_CHAT_MESSAGE`, also after leaving), the
   * host and moderators any (`MODERATE_CHAT`). Idempotent. The message keeps its place with empty
   * text; the deletion reaches clients in the next tick's `deletedMessageIds`.
   * @throws BAD_USER_INPUT (messageId), NOT_FOUND, FORBIDDEN.
   */
  async delete(em: EntityManager, viewer: AuthenticatedViewer, rawMessageId: string): Promise<ChatMessageRecord> {
    const messageId = parseUuid(rawMessageId, 'messageId');
    const message = await findChatMessage(em, messageId);
    if (!message) throw notFound('Message');
    const found = await this.deps.access.relationTo(em, viewer, message.roomId);
    if (!found || !this.deps.access.decide(RoomOperation.ReadChat, found.relation).allowed) throw notFound('Message');
    const own = message.authorId === viewer.profileId;
    this.deps.access.assert(own ? RoomOperation.DeleteOwnChatMessage : RoomOperation.ModerateChat, found.relation, found.suspendedUntil);
    if (!message.deleted) {
      await markChatMessageDeleted(em, messageId, viewer.profileId, this.now());
      this.deps.feed()?.record(message.roomId, { kind: 'deleted', messageId });
    }
    const { storedText: _kept, ...served } = message;
    return { ...served, text: '', deleted: true };
  }
}

import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { ChatMode, chatClosed, decideChatWrite, mentionHandles, normaliseChatText, RoomOperation, STAGE_ROLES } from '@roundtable/domain';

import type { PerAccountLimiter } from '../admission/per-account-limiter';
import type { AuthenticatedViewer } from '../auth/authenticator';
import { ApiErrorCode, apiError } from '../common/api-error';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import type { TextScreeningService } from '../moderation/text-screening.service';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import type { ChatMessageRecord } from './chat-message.type';
import { findChatMessage, insertChatMessage, lastMessageAt, markChatMessageDeleted, resolveMentions } from './chat.store';
import type { ConversationFeed } from './conversation-feed';

/** The room's chat settings, read with the viewer's relation (`RoomAccessPolicy.relationsToRooms`). */
const CHAT_SETTINGS_COLUMNS = { columns: 'r.chat_mode, r.chat_slow_mode_seconds', params: [] } as const;

interface ChatRelation {
  readonly onStage: boolean;
  readonly mode: ChatMode;
  readonly slowModeSeconds: number;
}

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
    // The viewer's relation and the room's chat settings in one statement. Only slow mode needs
    // more (the sender's previous message, exact under concurrency): then everything is read again
    // in a transaction under the (room, author) lock. Otherwise the message is one more statement.
    const first = await this.chatRelation(em, viewer, roomId);
    const message =
      first.mode === ChatMode.Slow && !first.onStage
        ? await em.transactional(async (tx) => {
            // One writer at a time per (room, author): slow mode's "previous message" is exact under concurrency.
            await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`chat:${roomId}:${viewer.profileId}`]);
            return this.write(tx, viewer, roomId, text, await this.chatRelation(tx, viewer, roomId));
          })
        : await this.write(em, viewer, roomId, text, first);
    await this.deps.screening.fileFlagsNow(em, viewer.profileId, roomId, flags);
    const { record, fromStage } = message;
    this.deps.feed()?.record(roomId, {
      kind: 'message',
      message: { id: record.id, roomId, authorId: record.authorId, text: record.text, mentionIds: record.mentionIds, fromStage, createdAt: record.createdAt.toISOString() },
    });
    return record;
  }

  /** The viewer's relation to the room (asserted: WRITE_CHAT) and the room's chat settings, in one statement. */
  private async chatRelation(db: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<ChatRelation> {
    const read = (await this.deps.access.relationsToRooms(db, viewer, [roomId], CHAT_SETTINGS_COLUMNS)).get(roomId);
    if (!read) throw notFound('Room');
    const { relation, suspendedUntil } = read.found;
    this.deps.access.assert(RoomOperation.WriteChat, relation, suspendedUntil);
    return {
      onStage: relation.role !== null && STAGE_ROLES.has(relation.role),
      mode: read.row['chat_mode'] as ChatMode,
      slowModeSeconds: Number(read.row['chat_slow_mode_seconds']),
    };
  }

  /** The mode's and the rate's decision, then the insert (in `db`: the slow-mode transaction, or the request's manager). */
  private async write(
    db: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    text: string,
    { onStage, mode, slowModeSeconds }: ChatRelation,
  ): Promise<{ record: ChatMessageRecord; fromStage: boolean }> {
    const now = this.now();
    const decision = decideChatWrite({
      mode,
      slowModeSeconds,
      onStage,
      lastSentAt: mode === ChatMode.Slow && !onStage ? await lastMessageAt(db, roomId, viewer.profileId) : null,
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
    const mentionIds = (await resolveMentions(db, roomId, mentionHandles(text))).filter((id) => id !== viewer.profileId);
    const record: ChatMessageRecord = { id: randomUUID(), roomId, authorId: viewer.profileId, text, deleted: false, mentionIds, createdAt: now };
    await insertChatMessage(db, record);
    return { record, fromStage: onStage };
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
    if (!found) throw notFound('Message');
    const own = message.authorId === viewer.profileId;
    // Someone who may not read the room's chat learns nothing of others' messages. Their own they
    // know, and DELETE_OWN_CHAT_MESSAGE is open to the blocked and the suspended: the read check
    // must not stand in front of it.
    if (!own && !this.deps.access.decide(RoomOperation.ReadChat, found.relation).allowed) throw notFound('Message');
    this.deps.access.assert(own ? RoomOperation.DeleteOwnChatMessage : RoomOperation.ModerateChat, found.relation, found.suspendedUntil);
    if (!message.deleted) {
      await markChatMessageDeleted(em, messageId, viewer.profileId, this.now());
      this.deps.feed()?.record(message.roomId, { kind: 'deleted', messageId });
    }
    const { storedText: _kept, ...served } = message;
    return { ...served, text: '', deleted: true };
  }
}

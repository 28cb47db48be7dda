import { type ChatMode, checkSlowModeSeconds, normalisePinnedLinks, RoomOperation } from '@roundtable/domain';
import { readableUrl } from '@roundtable/moderation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { type GraphQLContext, requireViewer } from '../common/context';
import { CHAT_MESSAGE_NODE } from '../common/node.type';
import { LEAN_ENTITY } from '../database/lean-rows';
import { type Page, parseFirst } from '../common/pagination';
import { ProfileType } from '../profiles/dto/profile.type';
import type { ProfileEntity } from '../profiles/profile.entity';
import { type PinnedLinkRecord, pinnedLinkRecord } from '../rooms/dto/room-event.mapper';
import { RoomType } from '../rooms/dto/room.type';
import type { RoomEntity } from '../rooms/room.entity';
import { type ChatMessageRecord, ChatMessageType } from './chat-message.type';
import { chatPageColumn, chatPageOf, findChatMessage } from './chat.store';
import { ChatMessageConnectionType, ChatModeGql, PinnedLinkType, UpdateRoomConversationInput } from './conversation.type';

/**
 * `node(id)` for a chat message: the message (a deleted one with empty text) when the viewer may
 * read the room's chat (READ_CHAT), else null. Tagged for the Node interface's type resolution.
 */
export async function visibleChatMessageNode(ctx: GraphQLContext, viewer: AuthenticatedViewer, id: string): Promise<object | null> {
  const message = await findChatMessage(ctx.scope.em, id);
  if (!message) return null;
  const found = await ctx.services.access.relationTo(ctx.scope.em, viewer, message.roomId);
  if (!found || !ctx.services.access.decide(RoomOperation.ReadChat, found.relation).allowed) return null;
  const { storedText: _kept, ...served } = message;
  return { ...served, [LEAN_ENTITY]: CHAT_MESSAGE_NODE };
}

/** Messages one `Room.chatMessages` page returns by default. */
const CHAT_PAGE_DEFAULT = 50;

/**
 * The room chat and the room's conversation settings (issues 16 and 17): `sendChatMessage`,
 * `deleteChatMessage`, `updateRoomConversation`, and `Room.chatMode`, `chatSlowModeSeconds`,
 * `chatMessages` and `pinnedLinks`. Reactions and the `roomConversation` ticks live beside them.
 */
@Resolver(() => RoomType)
export class ConversationResolver {
  @Mutation(() => ChatMessageType, { description: "1–1000 characters once trimmed; screened; follows the room's chat mode and the sender's rate." })
  async sendChatMessage(
    @Arg('roomId', () => ID) roomId: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChatMessageRecord> {
    return ctx.services.chat.send(ctx.scope.em, requireViewer(ctx), roomId, text);
  }

  @Mutation(() => ChatMessageType, { description: 'Host and moderators (and the author, for their own message).' })
  async deleteChatMessage(@Arg('messageId', () => ID) messageId: string, @Ctx() ctx: GraphQLContext): Promise<ChatMessageRecord> {
    return ctx.services.chat.delete(ctx.scope.em, requireViewer(ctx), messageId);
  }

  @Mutation(() => RoomType, { description: 'Host and moderators.' })
  async updateRoomConversation(
    @Arg('input', () => UpdateRoomConversationInput) input: UpdateRoomConversationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoomEntity> {
    const viewer = requireViewer(ctx);
    // Checked before anything runs: bad input changes nothing.
    const chatSlowModeSeconds = input.chatSlowModeSeconds === null || input.chatSlowModeSeconds === undefined ? null : checkSlowModeSeconds(input.chatSlowModeSeconds);
    const pinnedLinks = input.pinnedLinks ? normalisePinnedLinks(input.pinnedLinks) : null;
    // A link is text others read, as its title is: the URL is screened as the words it shows
    // (`readableUrl`). Refused ones stop here; flagged ones are stored and filed, as every other screened text.
    const flags = pinnedLinks
      ? ctx.services.screening.screen(
          Object.fromEntries(pinnedLinks.flatMap((link, i) => [[`pinnedLinks.${i}.url`, readableUrl(link.url)], [`pinnedLinks.${i}.title`, link.title]])),
        )
      : [];
    const outcome = await ctx.services.roomCommands.handleConversationUpdate(ctx.scope.em, viewer, input.roomId, {
      screensQuestions: input.screensQuestions ?? null,
      chatMode: input.chatMode ?? null,
      chatSlowModeSeconds,
      pinnedLinks,
    });
    await ctx.services.screening.fileFlagsNow(ctx.scope.em, viewer.profileId, outcome.room.id, flags);
    return outcome.room;
  }

  @FieldResolver(() => ChatModeGql)
  chatMode(@Root() room: RoomEntity): ChatMode {
    return room.chatMode;
  }

  @FieldResolver(() => Int, { description: 'Seconds between two messages of one person in SLOW mode.' })
  chatSlowModeSeconds(@Root() room: RoomEntity): number {
    return room.chatSlowModeSeconds;
  }

  @FieldResolver(() => [PinnedLinkType], { description: 'Links the host and moderators pinned, newest first (at most 5).' })
  pinnedLinks(@Root() room: RoomEntity): PinnedLinkRecord[] {
    return room.pinnedLinks.map(pinnedLinkRecord);
  }

  @FieldResolver(() => ChatMessageConnectionType, {
    description: 'Chat history the viewer may see, newest first; deleted messages keep their place with empty text.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? CHAT_PAGE_DEFAULT) * childComplexity,
  })
  async chatMessages(
    @Root() room: RoomEntity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: CHAT_PAGE_DEFAULT }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<ChatMessageRecord>> {
    const viewer = requireViewer(ctx);
    const query = chatPageColumn(parseFirst(first, CHAT_PAGE_DEFAULT), after);
    // The viewer's relation and the page in one statement; the page is served only when READ_CHAT allows.
    const read = (await ctx.services.access.relationsToRooms(ctx.scope.em, viewer, [room.id], query)).get(room.id);
    // The banned and the blocked do not read the room's chat (READ_CHAT); an empty history for them.
    if (!read || !ctx.services.access.decide(RoomOperation.ReadChat, read.found.relation).allowed) {
      return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    }
    return chatPageOf(read.row, query);
  }
}

/** `PinnedLink.pinnedBy`. */
@Resolver(() => PinnedLinkType)
export class PinnedLinkResolver {
  @FieldResolver(() => ProfileType)
  async pinnedBy(@Root() link: PinnedLinkRecord, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return ctx.scope.profile.load(link.pinnedById);
  }
}

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';

import { CHAT_PAGE, DELETE_CHAT_MESSAGE, ROOM_CHAT, SEND_CHAT_MESSAGE } from '../api/operations';
import { useConnectionState, useSession } from '../app/session';
import { type ChatMessage, chatListReducer, createChatList } from './chat-list';
import type { ConversationTickListener } from './use-conversation-ticks';

/** What the send box learns: sent, or refused with the error (the box keeps the text either way it decides). */
export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/**
 * The room's chat for the panel: the newest page of history on mount, older pages on
 * `loadOlder()`, the conversation's ticks from `onTick` (new messages, deletions, messages sampled
 * out), and the viewer's own sends and deletes shown from their answers at once. After the
 * live connection comes back, the newest page is read again to fill in what the lost ticks carried.
 */
export function useChat(roomId: string, enabled: boolean, onTick: (listener: ConversationTickListener) => () => void) {
  const { api, showError } = useSession();
  const connection = useConnectionState();
  const [state, dispatch] = useReducer(chatListReducer, undefined, createChatList);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [sending, setSending] = useState(false);

  const readPage = useCallback(
    async (after: string | null) => {
      const { room } = await api.query(ROOM_CHAT, { id: roomId, first: CHAT_PAGE, after });
      if (!room) return;
      const { edges, pageInfo } = room.chatMessages;
      dispatch({ type: 'pageLoaded', nodes: edges.map((edge) => edge.node), hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor, older: after !== null });
    },
    [api, roomId],
  );

  useEffect(() => {
    if (enabled) readPage(null).catch(showError);
  }, [enabled, readPage, showError]);

  // A dropped socket loses the ticks it missed (they are lossy by design); history has them.
  const previousConnection = useRef(connection);
  useEffect(() => {
    const was = previousConnection.current;
    previousConnection.current = connection;
    if (enabled && connection === 'live' && (was === 'reconnecting' || was === 'offline')) readPage(null).catch(showError);
  }, [enabled, connection, readPage, showError]);

  const olderCursor = state.olderCursor;
  const hasOlder = state.hasOlder;
  const loadOlder = useCallback(async () => {
    if (!hasOlder || !olderCursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      await readPage(olderCursor);
    } catch (error) {
      showError(error);
    } finally {
      setLoadingOlder(false);
    }
  }, [hasOlder, olderCursor, loadingOlder, readPage, showError]);

  const send = useCallback(
    async (text: string): Promise<SendOutcome> => {
      setSending(true);
      try {
        // Over the room's live socket (its chat subscription holds it open), else HTTP.
        const { sendChatMessage } = await api.mutate(SEND_CHAT_MESSAGE, { roomId, text }, { overLiveSocket: true });
        dispatch({ type: 'messageReturned', message: sendChatMessage });
        return { ok: true };
      } catch (error) {
        return { ok: false, error };
      } finally {
        setSending(false);
      }
    },
    [api, roomId],
  );

  const remove = useCallback(
    async (message: ChatMessage) => {
      try {
        const { deleteChatMessage } = await api.mutate(DELETE_CHAT_MESSAGE, { messageId: message.id });
        dispatch({ type: 'messageReturned', message: deleteChatMessage });
      } catch (error) {
        showError(error);
      }
    },
    [api, showError],
  );

  useEffect(() => onTick((tick) => dispatch({ type: 'tickReceived', tick })), [onTick]);

  return { entries: state.entries, loaded: state.loaded, hasOlder: state.hasOlder, loadingOlder, loadOlder, sending, send, remove };
}

export type Chat = ReturnType<typeof useChat>;

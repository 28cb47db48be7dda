import { useCallback, useEffect, useRef } from 'react';

import { ROOM_CONVERSATION } from '../api/operations';
import { useSession } from '../app/session';
import type { RoomConversationSubscription } from '../gql/graphql';

/** One tick of the room's conversation (`ConversationTick`), as this client selects it. */
export type ConversationTick = RoomConversationSubscription['roomConversation'];

/** Something on the page that follows the ticks: the chat, the reaction bar, the question lists. */
export type ConversationTickListener = (tick: ConversationTick) => void;

/**
 * Follows `roomConversation(roomId)`: at most one tick a second, and none when nothing happened
 * (lossy by design: what a dropped socket missed is not replayed; the chat reads its history
 * again after a reconnect). `onTick` lets each part of the page see every tick. graphql-ws
 * resubscribes by itself after a dropped socket; the server ends the stream when the viewer may
 * no longer watch (the room stream says why, so nothing is shown twice).
 */
export function useConversationTicks(roomId: string, enabled: boolean) {
  const { api } = useSession();
  const listeners = useRef(new Set<ConversationTickListener>());
  const onTick = useCallback((listener: ConversationTickListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    return api.subscribe(
      ROOM_CONVERSATION,
      { roomId },
      {
        next: ({ roomConversation }) => {
          for (const listener of listeners.current) listener(roomConversation);
        },
        // Access refusals and the end of the room reach the page through the room's own stream.
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }, [api, roomId, enabled]);

  return onTick;
}

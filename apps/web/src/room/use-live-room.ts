import { useCallback, useEffect, useRef, useState } from 'react';

import { ApiError } from '../api/api-error';
import { subscribe, type Subscription } from '../api/graphql-client';
import { AUDIENCE_PAGE, AUDIENCE_QUERY, ROOM_EVENTS, ROOM_QUERY } from '../api/operations';
import type { PageInfo, Participant, RoomDetail, RoomEvent } from '../api/types';
import { useSession } from '../app/session';
import {
  appendAudiencePage,
  applyRoomEvent,
  dispositionOf,
  removeParticipant,
  roomStateFrom,
  type RoomState,
  upsertParticipant,
} from './room-state';

export type LiveStatus = 'connecting' | 'live' | 'closed' | 'failed';

/**
 * Loads a room, then follows `roomEvents(roomId, sinceVersion: room.version)`. Events apply in
 * version order; a gap (previousVersion ≠ last version seen) refetches the room and
 * resubscribes from the new version, as the contract asks.
 */
export function useLiveRoom(roomId: string) {
  const session = useSession();
  const { request, showError, viewer } = session;
  const [room, setRoomState] = useState<RoomState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [refetches, setRefetches] = useState(0);
  const roomRef = useRef<RoomState | null>(null);
  const subscriptionRef = useRef<Subscription | null>(null);
  const stopListeningRef = useRef<(() => void) | null>(null);
  const generation = useRef(0);

  const setRoom = useCallback((next: RoomState) => {
    roomRef.current = next;
    setRoomState(next);
  }, []);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    subscriptionRef.current?.dispose();
    subscriptionRef.current = null;
    stopListeningRef.current?.();
    setLive('connecting');
    let detail: RoomDetail | null;
    try {
      detail = (await request<{ room: RoomDetail | null }>(ROOM_QUERY, { id: roomId, audienceFirst: AUDIENCE_PAGE })).room;
    } catch (error) {
      if (mine !== generation.current) return;
      setLoadError(error instanceof ApiError ? error : ApiError.network(String(error)));
      setLive('failed');
      return;
    }
    if (mine !== generation.current) return;
    if (!detail) {
      setLoadError(new ApiError('NOT_FOUND', 'This room does not exist or is not visible to you.'));
      setLive('failed');
      return;
    }
    setLoadError(null);
    setRoom(roomStateFrom(detail));
    subscriptionRef.current = subscribe<{ roomEvents: RoomEvent }>(
      session.live(),
      ROOM_EVENTS,
      { roomId, sinceVersion: detail.version },
      {
        next: ({ roomEvents: event }) => {
          if (mine !== generation.current) return;
          setLive('live');
          const current = roomRef.current;
          if (!current) return;
          const disposition = dispositionOf(current.version, event);
          if (disposition === 'apply') setRoom(applyRoomEvent(current, event, viewer.id));
          else if (disposition === 'refetch') {
            setRefetches((count) => count + 1);
            void load();
          }
        },
        error: (error) => {
          if (mine !== generation.current) return;
          setLive('failed');
          showError(error);
        },
        // The stream ends when the room ends or the viewer is banned.
        complete: () => {
          if (mine === generation.current) setLive('closed');
        },
      },
    );
    // graphql-ws acknowledges no subscription start; the replay or first event marks it live,
    // and a quiet room is live once connected.
    stopListeningRef.current = session.live().on('connected', () => {
      if (mine === generation.current) setLive((status) => (status === 'connecting' ? 'live' : status));
    });
  }, [request, roomId, session, setRoom, showError, viewer.id]);

  useEffect(() => {
    void load();
    return () => {
      generation.current += 1;
      stopListeningRef.current?.();
      subscriptionRef.current?.dispose();
      subscriptionRef.current = null;
    };
  }, [load]);

  /** Applies a mutation's result at once; the matching event later changes nothing. */
  const applyParticipant = useCallback(
    (participant: Participant, knownNew = false) => {
      if (roomRef.current) setRoom(upsertParticipant(roomRef.current, participant, viewer.id, knownNew));
    },
    [setRoom, viewer.id],
  );

  const applyRemoval = useCallback(
    (profileId: string) => {
      if (roomRef.current) setRoom(removeParticipant(roomRef.current, profileId, viewer.id));
    },
    [setRoom, viewer.id],
  );

  const loadMoreAudience = useCallback(async () => {
    const current = roomRef.current;
    if (!current?.audiencePage.endCursor) return;
    try {
      const data = await request<{ room: { audience: { edges: { node: Participant }[]; pageInfo: PageInfo } } | null }>(AUDIENCE_QUERY, {
        id: roomId,
        after: current.audiencePage.endCursor,
      });
      if (data.room && roomRef.current) {
        setRoom(appendAudiencePage(roomRef.current, data.room.audience.edges.map((edge) => edge.node), data.room.audience.pageInfo));
      }
    } catch (error) {
      showError(error);
    }
  }, [request, roomId, setRoom, showError]);

  return { room, loadError, live, refetches, reload: load, applyParticipant, applyRemoval, loadMoreAudience };
}

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';

import { ApiError } from '../api/api-error';
import { AUDIENCE_PAGE, AUDIENCE_QUERY, ROOM_EVENTS, ROOM_QUERY } from '../api/operations';
import { useSession } from '../app/session';
import { createLiveRoomState, roomReducer, type RoomAction, type RoomSnapshot, type LiveRoomState, visibleRoom } from './room-reducer';
import type { RoomEvent, UnknownRoomEvent } from './room-types';

/** Something else on the page that follows the room's events (the question list). */
export type RoomEventListener = (event: RoomEvent | UnknownRoomEvent) => void;

/** The room stream itself, apart from the socket: running, ended by the server, or refused. */
export type StreamState = 'running' | 'ended' | 'failed';

type PageAction = RoomAction | { readonly type: 'firstLoad'; readonly state: LiveRoomState };

function pageReducer(state: LiveRoomState | null, action: PageAction): LiveRoomState | null {
  if (action.type === 'firstLoad') return action.state;
  return state === null ? null : roomReducer(state, action);
}

/**
 * Loads a room, then follows `roomEvents(roomId, sinceVersion: room.version)`. The reducer applies
 * events in version order; a gap or an unknown event type asks for a refetch, which reloads the
 * room and resubscribes from its new version. graphql-ws resubscribes by itself after a dropped
 * socket (with backoff), and the replay from sinceVersion fills in what happened meanwhile.
 * `onRoomEvent` lets another part of the page see every event as it arrives, in stream order (it
 * checks the version chain itself).
 */
export function useLiveRoom(roomId: string) {
  const { api, viewer, showError } = useSession();
  const [state, dispatch] = useReducer(pageReducer, null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [stream, setStream] = useState<StreamState>('running');
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);
  const listeners = useRef(new Set<RoomEventListener>());
  const onRoomEvent = useCallback((listener: RoomEventListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  useEffect(() => {
    let current = true;
    let unsubscribe: (() => void) | null = null;
    setStream('running');
    api.query(ROOM_QUERY, { id: roomId, audienceFirst: AUDIENCE_PAGE }).then(
      ({ room }) => {
        if (!current) return;
        if (!room) {
          setLoadError(new ApiError('NOT_FOUND', 'This room does not exist or is not visible to you.'));
          return;
        }
        setLoadError(null);
        dispatch(loads === 0 ? { type: 'firstLoad', state: createLiveRoomState(room, viewer.id) } : { type: 'roomLoaded', room });
        // An ended room sends nothing more.
        if (room.status === 'ENDED') return;
        unsubscribe = api.subscribe(
          ROOM_EVENTS,
          { roomId, sinceVersion: room.version },
          {
            next: ({ roomEvents }) => {
              dispatch({ type: 'eventReceived', event: roomEvents });
              for (const listener of listeners.current) listener(roomEvents);
            },
            error: (error) => {
              setStream('failed');
              showError(error);
            },
            // The server ends the stream when the room ends or the viewer is banned.
            complete: () => setStream('ended'),
          },
        );
      },
      (error: unknown) => {
        if (!current) return;
        if (loads === 0) setLoadError(error instanceof ApiError ? error : ApiError.network(String(error)));
        else {
          setStream('failed');
          showError(error);
        }
      },
    );
    return () => {
      current = false;
      unsubscribe?.();
    };
  }, [api, roomId, viewer.id, showError, loads]);

  const refetchNeeded = state?.refetchNeeded ?? false;
  useEffect(() => {
    if (refetchNeeded) reload();
  }, [refetchNeeded, reload]);

  const loadMoreAudience = useCallback(
    async (after: string) => {
      try {
        const { room } = await api.query(AUDIENCE_QUERY, { id: roomId, first: AUDIENCE_PAGE, after });
        if (room) dispatch({ type: 'audiencePageLoaded', participants: room.audience.edges.map((edge) => edge.node), pageInfo: room.audience.pageInfo });
      } catch (error) {
        showError(error);
      }
    },
    [api, roomId, showError],
  );

  const room: RoomSnapshot | null = useMemo(() => (state ? visibleRoom(state) : null), [state]);
  return { room, viewerRemoved: state?.viewerRemoved ?? null, loadError, stream, reload, dispatch, loadMoreAudience, onRoomEvent };
}

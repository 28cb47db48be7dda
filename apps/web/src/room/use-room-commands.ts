import { type Dispatch, useCallback, useState } from 'react';

import { ApiError } from '../api/api-error';
import {
  ACCEPT_INVITE,
  DECLINE_INVITE,
  DISMISS_HAND,
  END_ROOM,
  INVITE_TO_STAGE,
  JOIN_ROOM,
  LEAVE_ROOM,
  LOWER_HAND,
  MOVE_TO_AUDIENCE,
  MUTE,
  RAISE_HAND,
  REMOVE_PARTICIPANT,
  SET_MODERATOR,
  START_ROOM,
  UNMUTE_SELF,
} from '../api/operations';
import { useSession } from '../app/session';
import type { ParticipantAction } from './room-actions';
import type { RoomAction } from './room-reducer';
import type { AudioAccess, Participant } from './room-types';

/**
 * Every command the room page sends. Each result goes to the reducer as a pending change (shown
 * at once, replaced by its event, never added to it); failures show as a message in plain words.
 * Each command resolves to whether it succeeded, so a form clears what the person typed only
 * then: a refused form keeps its text.
 */
export function useRoomCommands(roomId: string, dispatch: Dispatch<RoomAction>) {
  const { api, viewer, showError } = useSession();
  const [busy, setBusy] = useState(false);
  const [joinRefused, setJoinRefused] = useState(false);
  const [joinAudio, setJoinAudio] = useState<AudioAccess | null>(null);

  const run = useCallback(
    async (work: () => Promise<void>, onError?: (error: unknown) => boolean): Promise<boolean> => {
      setBusy(true);
      try {
        await work();
        return true;
      } catch (error) {
        if (!onError?.(error)) showError(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [showError],
  );

  const changed = useCallback((participant: Participant) => dispatch({ type: 'participantChanged', participant }), [dispatch]);

  const join = useCallback(
    () =>
      run(
        async () => {
          // Over the room page's live socket (it watches the room's events), else HTTP: a rush of
          // joins into one room costs the API no HTTP request each.
          const { joinRoom } = await api.mutate(JOIN_ROOM, { roomId }, { overLiveSocket: true });
          setJoinRefused(false);
          setJoinAudio(joinRoom.audio);
          changed(joinRoom.participant);
        },
        (error) => {
          // CONFLICT (banned, ended, not started): Join will not work again, so it goes away.
          if (error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'FORBIDDEN')) setJoinRefused(true);
          return false;
        },
      ),
    [api, roomId, run, changed],
  );

  const leave = useCallback(
    () =>
      run(async () => {
        await api.mutate(LEAVE_ROOM, { roomId });
        setJoinAudio(null);
        dispatch({ type: 'participantRemoved', profileId: viewer.id });
      }),
    [api, roomId, run, dispatch, viewer.id],
  );

  const raiseHand = useCallback(
    (question: string | null) => run(async () => changed((await api.mutate(RAISE_HAND, { roomId, question })).raiseHand)),
    [api, roomId, run, changed],
  );
  const lowerHand = useCallback(() => run(async () => changed((await api.mutate(LOWER_HAND, { roomId })).lowerHand)), [api, roomId, run, changed]);
  const acceptInvite = useCallback(() => run(async () => changed((await api.mutate(ACCEPT_INVITE, { roomId })).acceptStageInvite)), [api, roomId, run, changed]);
  const declineInvite = useCallback(() => run(async () => changed((await api.mutate(DECLINE_INVITE, { roomId })).declineStageInvite)), [api, roomId, run, changed]);
  const unmuteSelf = useCallback(() => run(async () => changed((await api.mutate(UNMUTE_SELF, { roomId })).unmuteSelf)), [api, roomId, run, changed]);
  const leaveStage = useCallback(
    () => run(async () => changed((await api.mutate(MOVE_TO_AUDIENCE, { roomId, profileId: viewer.id })).moveToAudience)),
    [api, roomId, run, changed, viewer.id],
  );
  const start = useCallback(() => run(async () => void (await api.mutate(START_ROOM, { roomId }))), [api, roomId, run]);
  const end = useCallback(() => run(async () => void (await api.mutate(END_ROOM, { roomId }))), [api, roomId, run]);

  /** Host and moderators take down a raised hand; HandLowered then updates every page. */
  const dismissHand = useCallback(
    (target: Participant) => run(async () => changed((await api.mutate(DISMISS_HAND, { roomId, profileId: target.profile.id })).dismissHand)),
    [api, roomId, run, changed],
  );

  /** A moderator's action on someone else; removals were confirmed by the caller. */
  const perform = useCallback(
    (action: ParticipantAction, target: Participant) => {
      const profileId = target.profile.id;
      switch (action) {
        case 'inviteToStage':
          return run(async () => changed((await api.mutate(INVITE_TO_STAGE, { roomId, profileId })).inviteToStage));
        case 'moveToAudience':
          return run(async () => changed((await api.mutate(MOVE_TO_AUDIENCE, { roomId, profileId })).moveToAudience));
        case 'mute':
          return run(async () => changed((await api.mutate(MUTE, { roomId, profileId })).muteParticipant));
        case 'makeModerator':
        case 'removeModerator':
          return run(async () => changed((await api.mutate(SET_MODERATOR, { roomId, profileId, moderator: action === 'makeModerator' })).setModerator));
        case 'remove':
        case 'removeAndBan':
          return run(async () => {
            await api.mutate(REMOVE_PARTICIPANT, { roomId, profileId, ban: action === 'removeAndBan' });
            dispatch({ type: 'participantRemoved', profileId });
          });
      }
    },
    [api, roomId, run, changed, dispatch],
  );

  return { busy, joinRefused, joinAudio, join, leave, raiseHand, lowerHand, acceptInvite, declineInvite, unmuteSelf, leaveStage, start, end, perform, dismissHand };
}

export type RoomCommands = ReturnType<typeof useRoomCommands>;

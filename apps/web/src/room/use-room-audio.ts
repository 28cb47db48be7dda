import type { Participant as MediaParticipant, Room as MediaRoom } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';

import { REFRESH_AUDIO } from '../api/operations';
import { useSession } from '../app/session';
import type { AudioAccess, ParticipantRole } from './room-types';

/**
 * - `off`: not in a live room, nothing to hear;
 * - `connecting` / `connected`: joining the media server with the AudioAccess grant;
 * - `unavailable`: the media server cannot be reached (or refused the grant). Everything else on
 *   the page works without it.
 */
export type AudioState = 'off' | 'connecting' | 'connected' | 'unavailable';

export interface RoomAudio {
  readonly state: AudioState;
  /** The browser blocked playback until a click (autoplay rules). */
  readonly playbackBlocked: boolean;
  /** Profile ids LiveKit reports as speaking now (participant identity = profile id). */
  readonly speaking: ReadonlySet<string>;
  readonly micOn: boolean;
  readonly canPublish: boolean;
  setMicOn(on: boolean): Promise<void>;
  startPlayback(): Promise<void>;
  retry(): void;
}

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Room audio with livekit-client. Connects with the AudioAccess from joinRoom (or, on a page
 * opened while already in the room, from refreshAudioAccess); when the viewer's role changes it
 * asks for a fresh grant (a speaker may publish, a listener may not) and reconnects with it.
 */
export function useRoomAudio(roomId: string, options: { inRoom: boolean; role: ParticipantRole | null; serverMuted: boolean; joinAudio: AudioAccess | null }): RoomAudio {
  const { inRoom, role, serverMuted, joinAudio } = options;
  const { api } = useSession();
  const [access, setAccess] = useState<AudioAccess | null>(null);
  const [state, setState] = useState<AudioState>('off');
  const [speaking, setSpeaking] = useState<ReadonlySet<string>>(NO_ONE);
  const [micOn, setMicOnState] = useState(false);
  const [playbackBlocked, setPlaybackBlocked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mediaRoom = useRef<MediaRoom | null>(null);
  const grantedRole = useRef<ParticipantRole | null>(null);

  // The join's grant is for the role the viewer joined with.
  useEffect(() => {
    if (joinAudio) setAccess(joinAudio);
  }, [joinAudio]);

  // A grant per role: fetch one when the role changes, or when the page opened inside the room.
  useEffect(() => {
    if (!inRoom || role === null) {
      grantedRole.current = null;
      setAccess(null);
      return;
    }
    if (grantedRole.current === role) return;
    const first = grantedRole.current === null;
    grantedRole.current = role;
    if (first && joinAudio) return;
    let current = true;
    api.mutate(REFRESH_AUDIO, { roomId }).then(
      ({ refreshAudioAccess }) => current && setAccess(refreshAudioAccess),
      () => current && setState('unavailable'),
    );
    return () => {
      current = false;
    };
  }, [api, roomId, inRoom, role, joinAudio]);

  useEffect(() => {
    if (!access) {
      setState('off');
      return;
    }
    let current = true;
    let room: MediaRoom | null = null;
    const audioElements = new Map<string, HTMLMediaElement>();
    setState('connecting');
    // livekit-client is most of the bundle: it loads when the viewer is in a room, not before.
    import('livekit-client').then(
      ({ Room, RoomEvent: MediaEvent, Track }) => {
        if (!current) return;
        const media = new Room({ adaptiveStream: true, dynacast: true });
        room = media;
        mediaRoom.current = media;
        media
          .on(MediaEvent.ActiveSpeakersChanged, (speakers: MediaParticipant[]) => setSpeaking(new Set(speakers.map((p) => p.identity))))
          .on(MediaEvent.TrackSubscribed, (track, publication) => {
            if (track.kind !== Track.Kind.Audio) return;
            const element = track.attach();
            element.hidden = true;
            document.body.appendChild(element);
            audioElements.set(publication.trackSid, element);
          })
          .on(MediaEvent.TrackUnsubscribed, (track, publication) => {
            track.detach().forEach((element) => element.remove());
            audioElements.delete(publication.trackSid);
          })
          .on(MediaEvent.AudioPlaybackStatusChanged, () => setPlaybackBlocked(!media.canPlaybackAudio))
          .on(MediaEvent.ParticipantPermissionsChanged, () => {
            // A moderator moved the viewer off the stage: the media server revoked publishing.
            if (!media.localParticipant.permissions?.canPublish) {
              void media.localParticipant.setMicrophoneEnabled(false);
              setMicOnState(false);
            }
          })
          .on(MediaEvent.Disconnected, () => {
            if (current) setState('unavailable');
          });
        media.connect(access.serverUrl, access.token, { maxRetries: 0, websocketTimeout: 5000, peerConnectionTimeout: 8000 }).then(
          () => {
            if (!current) return;
            setState('connected');
            setPlaybackBlocked(!media.canPlaybackAudio);
          },
          () => current && setState('unavailable'),
        );
      },
      () => current && setState('unavailable'),
    );
    return () => {
      current = false;
      setSpeaking(NO_ONE);
      setMicOnState(false);
      for (const element of audioElements.values()) element.remove();
      if (room) void room.disconnect();
      if (mediaRoom.current === room) mediaRoom.current = null;
    };
  }, [access, attempt]);

  const canPublish = access?.canPublish === true && !serverMuted;

  // A moderator's mute turns the microphone off here too.
  useEffect(() => {
    if (!serverMuted || !mediaRoom.current) return;
    void mediaRoom.current.localParticipant.setMicrophoneEnabled(false);
    setMicOnState(false);
  }, [serverMuted]);

  const setMicOn = useCallback(
    async (on: boolean) => {
      const room = mediaRoom.current;
      if (!room || state !== 'connected') return;
      await room.localParticipant.setMicrophoneEnabled(on && canPublish);
      setMicOnState(on && canPublish);
    },
    [canPublish, state],
  );

  const startPlayback = useCallback(async () => {
    await mediaRoom.current?.startAudio();
    setPlaybackBlocked(false);
  }, []);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  return { state, playbackBlocked, speaking, micOn, canPublish, setMicOn, startPlayback, retry };
}

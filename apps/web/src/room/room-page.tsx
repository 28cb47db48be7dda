import { useCallback, useState } from 'react';

import { toastForError } from '../api/api-error';
import { useConnectionState, useSession } from '../app/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ReportDialog } from '../moderation/report-dialog';
import { HostQueue } from '../questions/host-queue';
import type { Question } from '../questions/question-list';
import { QuestionsPanel } from '../questions/questions-panel';
import { Audience } from './components/audience';
import { liveIndicatorState } from './live-state';
import { RoomHeader } from './components/room-header';
import { Stage } from './components/stage';
import { ViewerPanel } from './components/viewer-panel';
import { actionsFor, canModerate, hostLeaveConsequence, type ParticipantAction, viewerControls } from './room-actions';
import type { Participant } from './room-types';
import { useLiveRoom } from './use-live-room';
import { useRoomAudio } from './use-room-audio';
import { useRoomCommands } from './use-room-commands';

interface Confirmation {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly danger: boolean;
  run(): void;
}

/**
 * A live room: header, stage, the viewer's controls, the audience, and the questions: the host's
 * queue (raised hands and questions together) for host and moderators, the questions panel for
 * everyone else.
 */
export function RoomPage(props: { roomId: string }) {
  const { roomId } = props;
  const { viewer, navigate } = useSession();
  const connection = useConnectionState();
  const { room, viewerRemoved, loadError, stream, reload, dispatch, loadMoreAudience, onRoomEvent } = useLiveRoom(roomId);
  const commands = useRoomCommands(roomId, dispatch);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [reporting, setReporting] = useState<Participant | null>(null);
  const [reportingQuestion, setReportingQuestion] = useState<Question | null>(null);

  const me = room?.viewerParticipant ?? null;
  const live = room?.status === 'LIVE';
  const audio = useRoomAudio(roomId, { inRoom: live && me !== null, role: me?.role ?? null, serverMuted: me?.muted ?? false, joinAudio: commands.joinAudio });

  const viewerRole = me?.role ?? null;
  const perform = commands.perform;
  const onAction = useCallback(
    (action: ParticipantAction, target: Participant) => {
      if (action !== 'remove' && action !== 'removeAndBan') {
        void perform(action, target);
        return;
      }
      const ban = action === 'removeAndBan';
      const name = target.profile.displayName;
      setConfirmation({
        title: ban ? `Remove and ban ${name}?` : `Remove ${name}?`,
        message: ban ? `${name} leaves the room now and cannot join it again.` : `${name} leaves the room now; they may join again.`,
        confirmLabel: ban ? 'Remove and ban' : 'Remove',
        danger: true,
        run: () => void perform(action, target),
      });
    },
    [perform],
  );

  if (loadError) {
    const message = toastForError(loadError);
    return (
      <section className="card" role="alert">
        <h1>Room unavailable</h1>
        <p>{message.detail || message.title}</p>
        <button type="button" className="button" onClick={() => navigate({ page: 'home' })}>
          Back to rooms
        </button>
      </section>
    );
  }
  if (!room) return <p className="muted">Loading the room…</p>;

  const ended = room.status === 'ENDED';
  // room.host follows hand-overs (RoleChanged to HOST), so a host who left no longer gets Start or End.
  const viewerIsHost = room.host.id === viewer.id;
  const controls = viewerControls({ status: room.status, viewer: me, viewerIsHost, removed: viewerRemoved, joinRefused: commands.joinRefused });
  const moderating = canModerate(viewerRole) && live;
  const targetActions = (target: Participant) => actionsFor(viewerRole, target, viewer.id, room.status);
  // Anyone may report anyone else in the room (not themself); the server decides whether it counts.
  const reportFor = (target: Participant) => (target.profile.id === viewer.id ? undefined : setReporting);

  const leave = () => {
    if (me?.role !== 'HOST') {
      void commands.leave();
      return;
    }
    setConfirmation({ title: 'Leave your room?', message: hostLeaveConsequence(room), confirmLabel: 'Leave room', danger: true, run: () => void commands.leave() });
  };
  const end = () =>
    setConfirmation({
      title: 'End the room for everyone?',
      message: 'Everyone is disconnected and the room cannot be restarted.',
      confirmLabel: 'End room',
      danger: true,
      run: () => void commands.end(),
    });

  return (
    <article className="room" aria-labelledby="room-title">
      <RoomHeader
        room={room}
        controls={controls}
        live={liveIndicatorState(connection, stream)}
        busy={commands.busy}
        onBack={() => navigate({ page: 'home' })}
        onRetry={reload}
        onJoin={() => void commands.join()}
        onLeave={leave}
        onStart={() => void commands.start()}
        onEnd={end}
      />

      {viewerRemoved && !me && (
        <p className="banner banner-danger" role="alert" data-testid="removed-banner">
          A moderator removed you from this room{viewerRemoved.banned ? ', and you may not join it again' : ''}.
        </p>
      )}
      {ended ? (
        <section className="card ended" role="status" data-testid="ended-notice">
          <h2>This room has ended</h2>
          <p className="muted">
            {room.endedAt ? `It ended ${new Date(room.endedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}. ` : ''}
            Find another room on the home page.
          </p>
        </section>
      ) : (
        // One column on a phone, in this order: the stage and the viewer's own controls, the
        // moderator's queue or the questions, then the audience (hundreds of icons would otherwise
        // push the queue out of reach). From 900 px the queue is a column of its own beside the
        // other two.
        <div className="room-layout">
          <div className="room-main">
            <Stage
              stage={room.stage}
              maxSpeakers={room.maxSpeakers}
              viewerId={viewer.id}
              speaking={audio.speaking}
              actionsFor={targetActions}
              busy={commands.busy}
              onAction={onAction}
              reportFor={reportFor}
            />
            <ViewerPanel me={me} controls={controls} commands={commands} audio={audio} inLiveRoom={live} />
          </div>
          {moderating ? (
            <aside className="room-side" aria-label="Moderator panel">
              <HostQueue
                roomId={roomId}
                viewerId={viewer.id}
                hands={room.raisedHands}
                onStage={new Set(room.stage.map((participant) => participant.profile.id))}
                screensQuestions={room.screensQuestions}
                busy={commands.busy}
                onInviteHand={(target) => void perform('inviteToStage', target)}
                onDismissHand={(target) => void commands.dismissHand(target)}
                onRoomEvent={onRoomEvent}
                onReport={setReportingQuestion}
              />
            </aside>
          ) : (
            live && (
              <aside className="room-side" aria-label="Questions for the stage">
                <QuestionsPanel roomId={roomId} viewerId={viewer.id} me={me} live={live} onRoomEvent={onRoomEvent} onReport={setReportingQuestion} />
              </aside>
            )
          )}
          <div className="room-audience">
            <Audience
              audience={room.audience}
              listenerCount={room.listenerCount}
              pageInfo={room.audiencePage}
              actionsFor={targetActions}
              busy={commands.busy}
              onAction={onAction}
              reportFor={reportFor}
              onLoadMore={loadMoreAudience}
            />
          </div>
        </div>
      )}
      {reporting && <ReportDialog roomId={roomId} target={reporting.profile} onClose={() => setReporting(null)} />}
      {reportingQuestion && <ReportDialog roomId={roomId} target={null} question={reportingQuestion} onClose={() => setReportingQuestion(null)} />}
      {confirmation && (
        <ConfirmDialog
          title={confirmation.title}
          message={confirmation.message}
          confirmLabel={confirmation.confirmLabel}
          danger={confirmation.danger}
          onCancel={() => setConfirmation(null)}
          onConfirm={() => {
            setConfirmation(null);
            confirmation.run();
          }}
        />
      )}
    </article>
  );
}

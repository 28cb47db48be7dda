import { useCallback, useEffect, useRef, useState } from 'react';

import { toastForError } from '../api/api-error';
import { REACT } from '../api/operations';
import { useConnectionState, useSession } from '../app/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { ChatMessage } from '../conversation/chat-list';
import { ChatPanel } from '../conversation/chat-panel';
import { ConversationSettings } from '../conversation/conversation-settings';
import { PinnedLinks } from '../conversation/pinned-links';
import { ReactionBar, type ReactionTick } from '../conversation/reaction-bar';
import type { ReactionKind } from '../conversation/reactions';
import { useChat } from '../conversation/use-chat';
import { useConversationTicks } from '../conversation/use-conversation-ticks';
import { InsightsPanel } from '../insights/insights-panel';
import { ReportDialog } from '../moderation/report-dialog';
import { HostQueue } from '../questions/host-queue';
import type { Question } from '../questions/question-list';
import { QuestionsPanel } from '../questions/questions-panel';
import { Audience } from './components/audience';
import { liveIndicatorState } from './live-state';
import { RoomHeader } from './components/room-header';
import { ScheduledRoomPanel } from './components/room-schedule';
import { Stage } from './components/stage';
import { ViewerPanel } from './components/viewer-panel';
import { actionsFor, canModerate, hostLeaveConsequence, type ParticipantAction, viewerControls } from './room-actions';
import { type Participant, STAGE_ROLES } from './room-types';
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
 * A live room: header, pinned links, stage, the viewer's controls, the audience, the questions
 * (the host's queue of raised hands and questions for host and moderators, the questions panel
 * for everyone else) and the chat (with the conversation settings for host and moderators). On a
 * phone the questions and the chat are two tabs in one place.
 */
export function RoomPage(props: { roomId: string }) {
  const { roomId } = props;
  const { viewer, navigate, showError } = useSession();
  const connection = useConnectionState();
  const { room, viewerRemoved, loadError, stream, reload, dispatch, loadMoreAudience, onRoomEvent } = useLiveRoom(roomId);
  const commands = useRoomCommands(roomId, dispatch);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [reporting, setReporting] = useState<Participant | null>(null);
  const [reportingQuestion, setReportingQuestion] = useState<Question | null>(null);
  const [reportingMessage, setReportingMessage] = useState<ChatMessage | null>(null);
  // On a phone the questions (or the host's queue) and the chat share one place, as two tabs.
  const [phoneTab, setPhoneTab] = useState<'side' | 'chat'>('side');

  const me = room?.viewerParticipant ?? null;
  const live = room?.status === 'LIVE';
  const audio = useRoomAudio(roomId, { inRoom: live && me !== null, role: me?.role ?? null, serverMuted: me?.muted ?? false, joinAudio: commands.joinAudio });
  const onTick = useConversationTicks(roomId, live);
  // After the end the host keeps the chat's history, to delete a message reported late.
  const hostOfEndedRoom = room?.status === 'ENDED' && room.host.id === viewer.id;
  const chat = useChat(roomId, live || hostOfEndedRoom, onTick);
  const reactions = useReactions(roomId, onTick);

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

  const onStage = me !== null && STAGE_ROLES.has(me.role);
  // Whom the chat's @ offers: everyone on stage and the listeners loaded so far.
  const people = [...room.stage, ...room.audience].map((participant) => participant.profile);
  const sideLabel = moderating ? 'Queue' : 'Questions';

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

      {room.status === 'SCHEDULED' && (
        <ScheduledRoomPanel roomId={roomId} title={room.title} scheduledFor={room.scheduledFor} viewerIsHost={viewerIsHost} onChanged={reload} />
      )}
      {viewerRemoved && !me && (
        <p className="banner banner-danger" role="alert" data-testid="removed-banner">
          A moderator removed you from this room{viewerRemoved.banned ? ', and you may not join it again' : ''}.
        </p>
      )}
      {ended ? (
        <>
          <section className="card ended" role="status" data-testid="ended-notice">
            <h2>This room has ended</h2>
            <p className="muted">
              {room.endedAt ? `It ended ${new Date(room.endedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}. ` : ''}
              Find another room on the home page.
            </p>
          </section>
          {/* The host keeps the history after the end, read only, to delete a message reported late. */}
          {hostOfEndedRoom && (
            <div className="room-chat room-chat-ended" id="room-chat-panel">
              <ChatPanel
                chat={chat}
                viewerId={viewer.id}
                inRoom={false}
                ended
                onStage={false}
                moderating
                chatMode={room.chatMode}
                chatSlowModeSeconds={room.chatSlowModeSeconds}
                people={[]}
                showError={showError}
                onReport={setReportingMessage}
              />
            </div>
          )}
        </>
      ) : (
        // One column on a phone, in this order: the stage and the viewer's own controls, the
        // moderator's queue or the questions, then the audience (hundreds of icons would otherwise
        // push the queue out of reach). From 900 px the queue is a column of its own beside the
        // other two.
        <div className={`room-layout room-tab-${phoneTab}`}>
          <div className="room-main">
            <PinnedLinks links={room.pinnedLinks} />
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
            {live && <ReactionBar tick={reactions.tick} disabled={me === null} onReact={reactions.react} />}
          </div>
          {live && (
            <PhoneTabs<'side' | 'chat'>
              value={phoneTab}
              onChange={setPhoneTab}
              tabs={[
                { value: 'side', label: sideLabel, controls: 'room-side-panel' },
                { value: 'chat', label: 'Chat', controls: 'room-chat-panel' },
              ]}
            />
          )}
          {moderating ? (
            <aside className="room-side" id="room-side-panel" aria-label="Moderator panel">
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
                onTick={onTick}
                onReport={setReportingQuestion}
              />
            </aside>
          ) : (
            live && (
              <aside className="room-side" id="room-side-panel" aria-label="Questions for the stage">
                <QuestionsPanel roomId={roomId} viewerId={viewer.id} me={me} live={live} onRoomEvent={onRoomEvent} onTick={onTick} onReport={setReportingQuestion} />
              </aside>
            )
          )}
          {live && (
            <div className="room-chat" id="room-chat-panel">
              <ChatPanel
                chat={chat}
                viewerId={viewer.id}
                inRoom={me !== null}
                onStage={onStage}
                moderating={moderating}
                chatMode={room.chatMode}
                chatSlowModeSeconds={room.chatSlowModeSeconds}
                people={people}
                showError={showError}
                onReport={setReportingMessage}
                settings={
                  moderating ? <ConversationSettings roomId={roomId} chatMode={room.chatMode} chatSlowModeSeconds={room.chatSlowModeSeconds} pinnedLinks={room.pinnedLinks} /> : undefined
                }
              />
            </div>
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
      {/* Host insights (issue 19): the server answers null to anyone else; the panel is not offered to them. */}
      {room.status !== 'SCHEDULED' && (viewerIsHost || canModerate(viewerRole)) && <InsightsPanel roomId={roomId} />}
      {reporting && <ReportDialog roomId={roomId} target={reporting.profile} onClose={() => setReporting(null)} />}
      {reportingQuestion && <ReportDialog roomId={roomId} target={null} question={reportingQuestion} onClose={() => setReportingQuestion(null)} />}
      {reportingMessage && (
        <ReportDialog
          roomId={roomId}
          target={null}
          chatMessage={{ id: reportingMessage.id, text: reportingMessage.text, authorName: reportingMessage.author.displayName }}
          onClose={() => setReportingMessage(null)}
        />
      )}
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

/**
 * The reaction bar's side of the ticks: each tick's reaction counts (numbered, so equal counts in
 * a row still animate), and `react`, sent at once; the server counts it into the next tick or drops
 * it past the person's rate (an answer of false, no error).
 */
function useReactions(roomId: string, onTick: ReturnType<typeof useConversationTicks>) {
  const { api, showError } = useSession();
  const [tick, setTick] = useState<ReactionTick | null>(null);
  const seq = useRef(0);
  useEffect(
    () =>
      onTick((next) => {
        if (next.reactions.length === 0) return;
        seq.current += 1;
        setTick({ seq: seq.current, reactions: next.reactions });
      }),
    [onTick],
  );
  const react = useCallback(
    (reaction: ReactionKind) => {
      // Over the room's live socket: a reaction costs the API no HTTP request.
      api.mutate(REACT, { roomId, reaction }, { overLiveSocket: true }).catch(showError);
    },
    [api, roomId, showError],
  );
  return { tick, react };
}

/**
 * Two tabs on a phone (WAI-ARIA tabs: arrow keys move between them): the questions or the host's
 * queue, and the chat. From 900 px both are shown side by side and the tabs are hidden (CSS).
 */
function PhoneTabs<T extends string>(props: { value: T; onChange(value: T): void; tabs: readonly { value: T; label: string; controls: string }[] }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return (
    <div className="room-phone-tabs question-tabs" role="tablist" aria-label="Questions and chat">
      {props.tabs.map((tab, index) => (
        <button
          key={tab.value}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          className="question-tab"
          aria-selected={tab.value === props.value}
          aria-controls={tab.controls}
          tabIndex={tab.value === props.value ? 0 : -1}
          onClick={() => props.onChange(tab.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
            event.preventDefault();
            const next = (index + (event.key === 'ArrowRight' ? 1 : props.tabs.length - 1)) % props.tabs.length;
            const target = props.tabs[next];
            if (!target) return;
            props.onChange(target.value);
            refs.current[next]?.focus();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

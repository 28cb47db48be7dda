import { ParticipantRole, RoomStatus } from '@roundtable/domain';
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

import {
  ACCEPT_INVITE,
  DECLINE_INVITE,
  END_ROOM,
  INVITE_TO_STAGE,
  JOIN_ROOM,
  LEAVE_ROOM,
  LOWER_HAND,
  MOVE_TO_AUDIENCE,
  MUTE,
  RAISE_HAND,
  REFRESH_AUDIO,
  REMOVE_PARTICIPANT,
  SET_MODERATOR,
  START_ROOM,
} from '../api/operations';
import type { AudioAccess, Participant } from '../api/types';
import { useSession } from '../app/session';
import {
  ACTION_LABELS,
  actionsFor,
  audioStatus,
  canModerate,
  type ParticipantAction,
  QUESTION_MAX_LENGTH,
  roomTiming,
  viewerControls,
} from '../room/room-actions';
import { useLiveRoom } from '../room/use-live-room';
import { Avatar } from './avatar';
import { HandIcon } from './icons';
import { StatusBadge } from './status-badge';
import { TopicChips } from './topic-chips';

const ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = {
  [ParticipantRole.Host]: 'Host',
  [ParticipantRole.Moderator]: 'Moderator',
  [ParticipantRole.Speaker]: 'Speaker',
  [ParticipantRole.Listener]: 'Listener',
};

export function RoomPage(props: { roomId: string }) {
  const { roomId } = props;
  const { request, showError, viewer, navigate } = useSession();
  const { room, loadError, live, reload, applyParticipant, applyRemoval, loadMoreAudience } = useLiveRoom(roomId);
  const [audio, setAudio] = useState<AudioAccess | null>(null);
  const [busy, setBusy] = useState(false);
  const audioRoleRef = useRef<ParticipantRole | null>(null);

  const viewerRole = room?.viewerParticipant?.role ?? null;
  const ended = room?.status === RoomStatus.Ended;

  // A new role needs a new media grant (a speaker may publish, a listener may not).
  useEffect(() => {
    if (viewerRole === null || ended) {
      audioRoleRef.current = null;
      setAudio(null);
      return;
    }
    if (audioRoleRef.current === viewerRole) return;
    audioRoleRef.current = viewerRole;
    request<{ refreshAudioAccess: AudioAccess }>(REFRESH_AUDIO, { roomId }).then(
      (data) => setAudio(data.refreshAudioAccess),
      (error: unknown) => {
        audioRoleRef.current = null;
        showError(error);
      },
    );
  }, [viewerRole, ended, request, roomId, showError]);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        showError(error);
      } finally {
        setBusy(false);
      }
    },
    [showError],
  );

  const participantMutation = (query: string, field: string, variables: Record<string, unknown> = {}) =>
    run(async () => {
      const data = await request<Record<string, Participant>>(query, { roomId, ...variables });
      const participant = data[field];
      if (participant) applyParticipant(participant);
    });

  const perform = (action: ParticipantAction, target: Participant) => {
    const profileId = target.profile.id;
    switch (action) {
      case 'inviteToStage':
        return participantMutation(INVITE_TO_STAGE, 'inviteToStage', { profileId });
      case 'moveToAudience':
        return participantMutation(MOVE_TO_AUDIENCE, 'moveToAudience', { profileId });
      case 'mute':
        return participantMutation(MUTE, 'muteParticipant', { profileId });
      case 'makeModerator':
        return participantMutation(SET_MODERATOR, 'setModerator', { profileId, moderator: true });
      case 'removeModerator':
        return participantMutation(SET_MODERATOR, 'setModerator', { profileId, moderator: false });
      case 'remove':
      case 'removeAndBan': {
        const ban = action === 'removeAndBan';
        if (!window.confirm(`${ban ? 'Remove and ban' : 'Remove'} ${target.profile.displayName}?`)) return Promise.resolve();
        return run(async () => {
          await request(REMOVE_PARTICIPANT, { roomId, profileId, ban });
          applyRemoval(profileId);
        });
      }
    }
  };

  if (loadError) {
    return (
      <section className="card" role="alert">
        <h1>Room unavailable</h1>
        <p>
          <code>{loadError.code}</code> {loadError.message}
        </p>
        <button type="button" className="button" onClick={() => navigate({ page: 'home' })}>
          Back to rooms
        </button>
      </section>
    );
  }
  if (!room) return <p className="muted">Loading the room…</p>;

  const me = room.viewerParticipant;
  const viewerIsHost = room.host.id === viewer.id || me?.role === ParticipantRole.Host;
  const controls = viewerControls(room.status, me, viewerIsHost);
  const moderating = canModerate(viewerRole) && !ended;

  const join = () =>
    run(async () => {
      const data = await request<{ joinRoom: { participant: Participant; audio: AudioAccess } }>(JOIN_ROOM, { roomId });
      audioRoleRef.current = data.joinRoom.participant.role;
      setAudio(data.joinRoom.audio);
      applyParticipant(data.joinRoom.participant, true);
    });
  const leave = () =>
    run(async () => {
      await request(LEAVE_ROOM, { roomId });
      applyRemoval(viewer.id);
    });

  return (
    <article className="room" aria-labelledby="room-title">
      <header className="room-header card">
        <div className="room-header-top">
          <a
            href="/"
            className="back-link"
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: 'home' });
            }}
          >
            ← Rooms
          </a>
          <LiveIndicator status={live} ended={ended} onRetry={() => void reload()} />
        </div>
        <div className="room-title-row">
          <h1 id="room-title">{room.title}</h1>
          <StatusBadge status={room.status} />
        </div>
        <p className="muted small">
          {roomTiming(room)} · hosted by {room.host.displayName} · <span data-testid="listener-count">{room.listenerCount}</span>{' '}
          {room.listenerCount === 1 ? 'listener' : 'listeners'} · {room.stage.length}/{room.maxSpeakers} on stage
        </p>
        {room.description && <p>{room.description}</p>}
        <TopicChips topics={room.topics} />
        <div className="room-actions">
          {controls.join && (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void join()}>
              Join room
            </button>
          )}
          {controls.leaveStage && me && (
            <button type="button" className="button" disabled={busy} onClick={() => void perform('moveToAudience', me)}>
              Leave the stage
            </button>
          )}
          {controls.leave && (
            <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
              Leave quietly
            </button>
          )}
          {controls.start && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void run(async () => void (await request(START_ROOM, { roomId })))}
            >
              Start room
            </button>
          )}
          {controls.end && (
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm('End the room for everyone?')) void run(async () => void (await request(END_ROOM, { roomId })));
              }}
            >
              End room
            </button>
          )}
        </div>
        <p className="audio-status" data-testid="audio-status">
          {audioStatus(audio, me !== null)}
        </p>
      </header>

      {room.viewerRemoved && (
        <p className="banner banner-danger" role="alert">
          A moderator removed you from this room{room.viewerRemoved.banned ? ' and you may not join it again' : ''}.
        </p>
      )}
      {ended && (
        <p className="banner" role="status">
          This room has ended.
        </p>
      )}
      {controls.answerInvite && (
        <div className="banner banner-invite" role="alert" data-testid="invite-banner">
          <strong>You are invited to speak on stage.</strong>
          <div className="banner-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void participantMutation(ACCEPT_INVITE, 'acceptStageInvite')}>
              Accept
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void participantMutation(DECLINE_INVITE, 'declineStageInvite')}>
              Decline
            </button>
          </div>
        </div>
      )}

      <div className="room-layout">
        <div className="room-main">
          <section className="card" aria-labelledby="stage-title">
            <h2 id="stage-title">On stage</h2>
            {room.stage.length === 0 && <p className="muted">Nobody is on stage yet.</p>}
            <ul className="stage" data-testid="stage">
              {room.stage.map((participant) => (
                <li key={participant.id} className="stage-member" data-testid="stage-member">
                  <div className="stage-avatar">
                    <Avatar profile={participant.profile} size="large" />
                    {participant.muted && <MutedIcon />}
                  </div>
                  <strong className="stage-name">
                    {participant.profile.displayName}
                    {participant.profile.id === viewer.id && <span className="muted"> (you)</span>}
                  </strong>
                  <span className={`role role-${participant.role.toLowerCase()}`}>{ROLE_LABELS[participant.role]}</span>
                  {participant.muted && <span className="visually-hidden">muted</span>}
                  <ActionMenu
                    participant={participant}
                    actions={ended ? [] : actionsFor(viewerRole, participant, viewer.id)}
                    disabled={busy}
                    onAction={perform}
                  />
                </li>
              ))}
            </ul>
          </section>

          {controls.raiseHand && <RaiseHandForm disabled={busy} onRaise={(question) => participantMutation(RAISE_HAND, 'raiseHand', { question })} />}
          {controls.lowerHand && me && (
            <section className="card hand-raised" aria-live="polite">
              <p>
                <HandIcon /> Your hand is raised{me.handRaiseQuestion ? `: “${me.handRaiseQuestion}”` : '.'}
              </p>
              <button type="button" className="button" disabled={busy} onClick={() => void participantMutation(LOWER_HAND, 'lowerHand')}>
                Lower hand
              </button>
            </section>
          )}

          <section className="card" aria-labelledby="audience-title">
            <h2 id="audience-title">
              Audience <span className="count">{room.listenerCount}</span>
            </h2>
            {room.audience.length === 0 && <p className="muted">No listeners yet.</p>}
            <ul className="audience" data-testid="audience">
              {room.audience.map((participant) => (
                <li key={participant.id} className="audience-member" data-testid="audience-member">
                  <ActionMenu
                    participant={participant}
                    actions={ended ? [] : actionsFor(viewerRole, participant, viewer.id)}
                    disabled={busy}
                    onAction={perform}
                    trigger={
                      <>
                        <Avatar profile={participant.profile} size="small" />
                        {participant.handRaisedAt && (
                          <span className="hand-badge" title="Hand raised">
                            <HandIcon size={12} />
                            <span className="visually-hidden">hand raised</span>
                          </span>
                        )}
                      </>
                    }
                  />
                  <span className="audience-name">{participant.profile.displayName.split(' ')[0]}</span>
                </li>
              ))}
            </ul>
            {room.audiencePage.hasNextPage && (
              <button type="button" className="button load-more" onClick={() => void loadMoreAudience()}>
                Load more listeners
              </button>
            )}
          </section>
        </div>

        {moderating && (
          <aside className="card queue" aria-labelledby="queue-title">
            <h2 id="queue-title">
              Raised hands <span className="count">{room.raisedHands.length}</span>
            </h2>
            {room.raisedHands.length === 0 && <p className="muted">No one is waiting to speak.</p>}
            <ol className="queue-list" data-testid="raised-hands" aria-live="polite">
              {room.raisedHands.map((participant) => (
                <li key={participant.id} className="queue-item" data-testid="raised-hand">
                  <Avatar profile={participant.profile} size="medium" />
                  <div className="queue-text">
                    <strong>{participant.profile.displayName}</strong>
                    {participant.profile.headline && <span className="muted small">{participant.profile.headline}</span>}
                    {participant.handRaiseQuestion ? (
                      <q className="question">{participant.handRaiseQuestion}</q>
                    ) : (
                      <span className="muted small">No question given</span>
                    )}
                    {participant.invitedToStageAt && <span className="muted small">Invited, waiting for an answer</span>}
                  </div>
                  {participant.invitedToStageAt === null && (
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void perform('inviteToStage', participant)}>
                      Invite<span className="visually-hidden"> {participant.profile.displayName} to the stage</span>
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </aside>
        )}
      </div>
    </article>
  );
}

function LiveIndicator(props: { status: string; ended: boolean; onRetry(): void }) {
  if (props.ended) return null;
  const label = { connecting: 'Connecting…', live: 'Live updates on', closed: 'Live updates ended', failed: 'Live updates lost' }[props.status];
  return (
    <span className={`live-indicator live-${props.status}`} role="status">
      <span className="dot" aria-hidden="true" />
      {label}
      {props.status === 'failed' && (
        <button type="button" className="link-button" onClick={props.onRetry}>
          Retry
        </button>
      )}
    </span>
  );
}

function MutedIcon() {
  return (
    <span className="muted-badge" title="Muted">
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 3a3 3 0 0 0-3 3v4.2l6 6V6a3 3 0 0 0-3-3Zm-7.7.3L3.3 4.7 9 10.4V12a3 3 0 0 0 4.4 2.6l1.5 1.5A5 5 0 0 1 7 12H5a7 7 0 0 0 6 6.9V21h2v-2.1a7 7 0 0 0 3.3-1.4l3 3 1.4-1.4L4.3 3.3ZM19 12h-2c0 .6-.1 1.2-.3 1.7l1.5 1.5c.5-1 .8-2 .8-3.2Z"
        />
      </svg>
    </span>
  );
}

function ActionMenu(props: {
  participant: Participant;
  actions: readonly ParticipantAction[];
  disabled: boolean;
  onAction(action: ParticipantAction, target: Participant): void;
  trigger?: ReactNode;
}) {
  const { participant, actions } = props;
  const ref = useRef<HTMLDetailsElement>(null);
  const name = participant.profile.displayName;
  if (actions.length === 0) {
    return props.trigger ? (
      <span className="menu-trigger-static" title={name}>
        {props.trigger}
        <span className="visually-hidden">{name}</span>
      </span>
    ) : null;
  }
  return (
    <details className="menu" ref={ref}>
      <summary className={props.trigger ? 'menu-trigger-avatar' : 'button button-small'} title={`Actions for ${name}`}>
        {props.trigger ?? 'Actions'}
        <span className="visually-hidden">
          {props.trigger ? name : ''} actions
        </span>
      </summary>
      <ul className="menu-list" role="menu" aria-label={`Actions for ${name}`}>
        {actions.map((action) => (
          <li key={action} role="none">
            <button
              type="button"
              role="menuitem"
              className={action.startsWith('remove') && action !== 'removeModerator' ? 'danger' : undefined}
              disabled={props.disabled}
              onClick={() => {
                if (ref.current) ref.current.open = false;
                props.onAction(action, participant);
              }}
            >
              {ACTION_LABELS[action]}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function RaiseHandForm(props: { disabled: boolean; onRaise(question: string | null): Promise<void> }) {
  const [question, setQuestion] = useState('');
  const id = useId();
  const remaining = QUESTION_MAX_LENGTH - question.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onRaise(question.trim() || null);
  };
  return (
    <section className="card raise-hand" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Want to speak?</h2>
      <form onSubmit={submit}>
        <label htmlFor={id}>Your question (optional)</label>
        <textarea
          id={id}
          name="question"
          rows={2}
          maxLength={QUESTION_MAX_LENGTH}
          value={question}
          aria-describedby={`${id}-counter`}
          onChange={(event) => setQuestion(event.target.value)}
        />
        <div className="raise-hand-footer">
          <span id={`${id}-counter`} className={`counter${remaining < 20 ? ' counter-low' : ''}`} aria-live="polite">
            {remaining} characters left
          </span>
          <button type="submit" className="button button-primary" disabled={props.disabled}>
            <HandIcon /> Raise hand
          </button>
        </div>
      </form>
    </section>
  );
}

import { type FormEvent, useId, useState } from 'react';

import { HandIcon, MicIcon } from '../../components/icons';
import { QUESTION_MAX_LENGTH, type ViewerControls } from '../room-actions';
import type { Participant } from '../room-types';
import type { RoomCommands } from '../use-room-commands';
import type { RoomAudio } from '../use-room-audio';

/** The viewer's own controls: audio, microphone, raise or lower a hand, answer an invitation. */
export function ViewerPanel(props: { me: Participant | null; controls: ViewerControls; commands: RoomCommands; audio: RoomAudio; inLiveRoom: boolean }) {
  const { me, controls, commands, audio } = props;
  const onStage = me !== null && me.role !== 'LISTENER';
  return (
    <>
      {controls.answerInvite && (
        <div className="banner banner-invite" role="alert" data-testid="invite-banner">
          <strong>You are invited to speak on stage.</strong>
          <div className="banner-actions">
            <button type="button" className="button button-primary" disabled={commands.busy} onClick={() => void commands.acceptInvite()}>
              Accept
            </button>
            <button type="button" className="button" disabled={commands.busy} onClick={() => void commands.declineInvite()}>
              Decline
            </button>
          </div>
        </div>
      )}
      {props.inLiveRoom && me && <AudioBar audio={audio} />}
      {onStage && me && (
        <section className="card mic-panel" aria-label="Your microphone">
          {me.muted ? (
            <>
              <p>
                <MicIcon off /> A moderator muted you.
              </p>
              {controls.unmute && (
                <button type="button" className="button button-primary" disabled={commands.busy} onClick={() => void commands.unmuteSelf().then(() => audio.setMicOn(true))}>
                  Unmute
                </button>
              )}
            </>
          ) : (
            <button
              type="button"
              className={`button mic-button${audio.micOn ? ' mic-on' : ''}`}
              aria-pressed={audio.micOn}
              disabled={audio.state !== 'connected' || !audio.canPublish}
              onClick={() => void audio.setMicOn(!audio.micOn)}
            >
              <MicIcon off={!audio.micOn} /> {audio.micOn ? 'Microphone on' : 'Microphone off'}
            </button>
          )}
          {controls.leaveStage && (
            <button type="button" className="button" disabled={commands.busy} onClick={() => void commands.leaveStage()}>
              Leave the stage
            </button>
          )}
        </section>
      )}
      {controls.raiseHand && <RaiseHandForm disabled={commands.busy} onRaise={commands.raiseHand} />}
      {controls.lowerHand && me && (
        <section className="card hand-raised" aria-live="polite">
          <p className="breakable">
            <HandIcon /> Your hand is raised{me.handRaiseQuestion ? `: “${me.handRaiseQuestion}”` : '.'}
          </p>
          <button type="button" className="button" disabled={commands.busy} onClick={() => void commands.lowerHand()}>
            Lower hand
          </button>
        </section>
      )}
    </>
  );
}

function AudioBar(props: { audio: RoomAudio }) {
  const { audio } = props;
  return (
    <div className={`audio-bar audio-${audio.state}`} data-testid="audio-status" role="status">
      {audio.state === 'unavailable' ? (
        <>
          <strong>Audio unavailable.</strong> The media server cannot be reached; everything else in the room still works.
          <button type="button" className="link-button" onClick={audio.retry}>
            Try again
          </button>
        </>
      ) : audio.state === 'connected' ? (
        <>
          Audio connected{audio.canPublish ? ' · you may speak' : ' · listening'}
          {audio.playbackBlocked && (
            <button type="button" className="link-button" onClick={() => void audio.startPlayback()}>
              Start audio
            </button>
          )}
        </>
      ) : (
        'Connecting audio…'
      )}
    </div>
  );
}

function RaiseHandForm(props: { disabled: boolean; onRaise(question: string | null): Promise<boolean> }) {
  const [question, setQuestion] = useState('');
  const id = useId();
  const remaining = QUESTION_MAX_LENGTH - question.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Cleared only when the hand went up: a refused question keeps what the person typed.
    void props.onRaise(question.trim() || null).then((raised) => raised && setQuestion(''));
  };
  return (
    <section className="card raise-hand" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Want to speak?</h2>
      <form onSubmit={submit}>
        <label htmlFor={id}>Your question (optional)</label>
        <textarea id={id} name="question" rows={2} maxLength={QUESTION_MAX_LENGTH} value={question} aria-describedby={`${id}-counter`} onChange={(event) => setQuestion(event.target.value)} />
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

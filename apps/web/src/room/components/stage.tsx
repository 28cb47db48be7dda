import { Avatar } from '../../components/avatar';
import { MicIcon } from '../../components/icons';
import { type ParticipantAction, ROLE_LABELS } from '../room-actions';
import type { Participant } from '../room-types';
import { ParticipantMenu } from './participant-menu';

/** Everyone on stage as large avatars: name, headline, role, muted state and a ring while speaking. */
export function Stage(props: {
  stage: readonly Participant[];
  maxSpeakers: number;
  viewerId: string;
  speaking: ReadonlySet<string>;
  actionsFor(target: Participant): readonly ParticipantAction[];
  busy: boolean;
  onAction(action: ParticipantAction, target: Participant): void;
  /** Null for the viewer themself (nobody reports themself). */
  reportFor(target: Participant): ((target: Participant) => void) | undefined;
}) {
  return (
    <section className="card" aria-labelledby="stage-title">
      <h2 id="stage-title">
        On stage <span className="count">{`${props.stage.length}/${props.maxSpeakers}`}</span>
      </h2>
      {props.stage.length === 0 && <p className="muted">Nobody is on stage yet.</p>}
      <ul className="stage" data-testid="stage">
        {props.stage.map((participant) => {
          const speaking = props.speaking.has(participant.profile.id) && !participant.muted;
          return (
            <li key={participant.id} className={`stage-member${speaking ? ' speaking' : ''}`} data-testid="stage-member" data-profile-id={participant.profile.id}>
              <div className="stage-avatar">
                <Avatar profile={participant.profile} size="large" />
                {participant.muted && (
                  <span className="muted-badge" title="Muted">
                    <MicIcon size={14} off />
                  </span>
                )}
              </div>
              <strong className="stage-name">
                {participant.profile.displayName}
                {participant.profile.id === props.viewerId && <span className="muted"> (you)</span>}
              </strong>
              {participant.profile.headline && <span className="stage-headline muted small">{participant.profile.headline}</span>}
              <span className={`role role-${participant.role.toLowerCase()}`}>{ROLE_LABELS[participant.role]}</span>
              <span className="visually-hidden">
                {participant.muted ? 'muted' : 'microphone on'}
                {speaking ? ', speaking' : ''}
              </span>
              <ParticipantMenu participant={participant} actions={props.actionsFor(participant)} disabled={props.busy} onAction={props.onAction} onReport={props.reportFor(participant)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

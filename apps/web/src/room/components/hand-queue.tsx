import { Avatar } from '../../components/avatar';
import type { Participant } from '../room-types';

/** Host and moderators: raised hands with their questions, oldest first. */
export function HandQueue(props: { hands: readonly Participant[]; busy: boolean; onInvite(target: Participant): void; onDismiss(target: Participant): void }) {
  return (
    <section className="card queue" aria-labelledby="queue-title">
      <h2 id="queue-title">
        Raised hands <span className="count">{props.hands.length}</span>
      </h2>
      {props.hands.length === 0 && <p className="muted">No one is waiting to speak.</p>}
      <ol className="queue-list" data-testid="raised-hands" aria-live="polite">
        {props.hands.map((participant) => {
          const name = participant.profile.displayName;
          return (
            <li key={participant.id} className="queue-item" data-testid="raised-hand">
              <Avatar profile={participant.profile} size="medium" />
              <div className="queue-text">
                <strong>{name}</strong>
                {participant.profile.headline && <span className="muted small">{participant.profile.headline}</span>}
                {participant.handRaiseQuestion ? <q className="question">{participant.handRaiseQuestion}</q> : <span className="muted small">No question given</span>}
                {participant.invitedToStageAt && <span className="muted small">Invited, waiting for an answer</span>}
              </div>
              <div className="queue-actions">
                {participant.invitedToStageAt === null && (
                  <button type="button" className="button button-small" disabled={props.busy} aria-label={`Invite ${name} to the stage`} onClick={() => props.onInvite(participant)}>
                    Invite
                  </button>
                )}
                <button type="button" className="button button-small" disabled={props.busy} aria-label={`Dismiss ${name}'s hand`} onClick={() => props.onDismiss(participant)}>
                  Dismiss
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

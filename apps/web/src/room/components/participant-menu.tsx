import { type ReactNode, useRef } from 'react';

import { ACTION_LABELS, type ParticipantAction } from '../room-actions';
import type { Participant } from '../room-types';

/**
 * A participant's moderation actions as a disclosure menu. Its accessible name names the person
 * ("Actions for Priya Raman"), so a screen reader can tell one stage card's button from another.
 */
export function ParticipantMenu(props: {
  participant: Participant;
  actions: readonly ParticipantAction[];
  disabled: boolean;
  onAction(action: ParticipantAction, target: Participant): void;
  /** Replaces the "Actions" text (the audience shows the avatar). */
  trigger?: ReactNode;
  /** Anyone may report anyone else in the room: a "Report" item after the moderation actions. */
  onReport?: ((target: Participant) => void) | undefined;
}) {
  const { participant, actions } = props;
  const ref = useRef<HTMLDetailsElement>(null);
  const name = participant.profile.displayName;
  if (actions.length === 0 && !props.onReport) return null;
  return (
    <details className="menu" ref={ref}>
      {/* The name comes from the content (visible "Actions" plus the person), so it contains the visible label. */}
      <summary className={props.trigger ? 'menu-trigger-avatar' : 'button button-small'}>
        {props.trigger ? (
          <>
            {props.trigger}
            <span className="visually-hidden">Actions for {name}</span>
          </>
        ) : (
          <>
            Actions<span className="visually-hidden"> for {name}</span>
          </>
        )}
      </summary>
      <ul className="menu-list">
        {actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={action === 'remove' || action === 'removeAndBan' ? 'danger' : undefined}
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
        {props.onReport && (
          <li>
            <button
              type="button"
              aria-label={`Report ${name}`}
              onClick={() => {
                if (ref.current) ref.current.open = false;
                props.onReport?.(participant);
              }}
            >
              Report
            </button>
          </li>
        )}
      </ul>
    </details>
  );
}

import type { RoomVisibility } from '../gql/graphql';

/** What each visibility means to someone reading a room card, in words (never colour alone). */
export const VISIBILITY_LABELS: Readonly<Record<RoomVisibility, { label: string; description: string; glyph: string }>> = {
  PUBLIC: { label: 'Public', description: 'Anyone signed in can find and join this room.', glyph: '◯' },
  GROUP: { label: 'Group only', description: "Only members of the room's group can find and join this room.", glyph: '◐' },
  PRIVATE: { label: 'Private', description: "Only the host's invitees can find and join this room.", glyph: '●' },
};

/**
 * Whether a room is public, group-only or private: a visible word with a shape (so it does not
 * rest on colour), and the full meaning for screen readers and as a tooltip.
 */
export function VisibilityBadge(props: { visibility: RoomVisibility }) {
  const { label, description, glyph } = VISIBILITY_LABELS[props.visibility];
  return (
    <span className={`visibility visibility-${props.visibility.toLowerCase()}`} title={description} data-testid="visibility-badge">
      <span aria-hidden="true">{glyph} </span>
      {label}
      <span className="visually-hidden">: {description}</span>
    </span>
  );
}

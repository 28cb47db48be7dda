import type { CSSProperties } from 'react';

import type { ProfileSummary } from '../api/types';
import { hueOf, initialsOf } from '../room/room-actions';

/** Initials on a per-person colour: no remote images, so the page works offline. */
export function Avatar(props: { profile: ProfileSummary; size: 'small' | 'medium' | 'large' }) {
  const { profile, size } = props;
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ '--avatar-hue': hueOf(profile.id) } as CSSProperties}
      aria-hidden="true"
      title={profile.displayName}
    >
      {initialsOf(profile.displayName)}
    </span>
  );
}

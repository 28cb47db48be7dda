import { createContext, type CSSProperties, type ReactNode, useContext, useState } from 'react';

import { initialsOf } from '../room/room-actions';
import { AvatarPalette } from './avatar-palette';

const PaletteContext = createContext<AvatarPalette | null>(null);

/** One palette per app: people seen together keep distinct colours. */
export function AvatarPaletteProvider(props: { children: ReactNode }) {
  const [palette] = useState(() => new AvatarPalette());
  return <PaletteContext.Provider value={palette}>{props.children}</PaletteContext.Provider>;
}

/** Initials on a per-person colour: no remote images, so the page works offline. Decorative: the name is always next to it. */
export function Avatar(props: { profile: { readonly id: string; readonly displayName: string }; size: 'tiny' | 'small' | 'medium' | 'large' }) {
  const { profile, size } = props;
  const palette = useContext(PaletteContext);
  const [fallback] = useState(() => new AvatarPalette());
  const colour = (palette ?? fallback).colourOf(profile.id);
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ '--avatar-hue': colour.hue, '--avatar-lightness': `${colour.lightness}%` } as CSSProperties}
      aria-hidden="true"
    >
      {initialsOf(profile.displayName)}
    </span>
  );
}

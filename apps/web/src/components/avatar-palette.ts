/** An avatar colour: a hue (degrees) and one of three lightness levels (percent). */
export interface AvatarColour {
  readonly hue: number;
  readonly lightness: number;
}

// Dark enough that white initials keep a 4.5:1 contrast on every hue (yellow is the hardest).
const LIGHTNESS = [20, 24, 28] as const;
/** Two people on one page never get hues closer than this at the same lightness (while slots last). */
export const MIN_HUE_DISTANCE = 20;
const GOLDEN_ANGLE = 137.508;

/** FNV-1a with a final avalanche, so similar ids ("demo-ada", "demo-tom") land far apart. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Math.imul(hash, 0x45d9f3b) >>> 0;
  return (hash ^ (hash >>> 16)) >>> 0;
}

const hueDistance = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
};

/**
 * Colours for the people on one page. A hash alone cannot keep 20 people apart (birthday
 * collisions), so each person starts at their hashed colour and, when someone already shown is too
 * close, steps by the golden angle to the next free one. A person keeps their colour for the life
 * of the palette; once every slot is taken the hashed colour is used as is.
 */
export class AvatarPalette {
  private readonly assigned = new Map<string, AvatarColour>();

  colourOf(id: string): AvatarColour {
    const known = this.assigned.get(id);
    if (known) return known;
    const hash = hashOf(id);
    const preferred: AvatarColour = { hue: hash % 360, lightness: LIGHTNESS[(hash >>> 12) % LIGHTNESS.length] ?? LIGHTNESS[0] };
    const colour = this.firstFree(preferred) ?? preferred;
    this.assigned.set(id, colour);
    return colour;
  }

  private firstFree(preferred: AvatarColour): AvatarColour | null {
    const taken = [...this.assigned.values()];
    for (let level = 0; level < LIGHTNESS.length; level += 1) {
      const lightness = LIGHTNESS[(LIGHTNESS.indexOf(preferred.lightness as (typeof LIGHTNESS)[number]) + level) % LIGHTNESS.length] ?? LIGHTNESS[0];
      for (let step = 0; step < 120; step += 1) {
        const hue = Math.round(preferred.hue + step * GOLDEN_ANGLE) % 360;
        if (taken.every((other) => other.lightness !== lightness || hueDistance(other.hue, hue) >= MIN_HUE_DISTANCE)) return { hue, lightness };
      }
    }
    return null;
  }
}

import { countsByKind, iconsForTick, MAX_ICONS_IN_FLIGHT, MAX_ICONS_PER_KIND, REACTION_LABELS, REACTIONS } from './reactions';

describe('reaction animations follow the tick counts', () => {
  it('the bar has a button for every kind of the schema', () => {
    expect([...REACTIONS].sort()).toEqual(Object.keys(REACTION_LABELS).sort());
  });

  const half = () => 0.5;

  it('one icon per reaction, capped per kind, spread over the second', () => {
    const icons = iconsForTick([{ reaction: 'CLAP', count: 3 }, { reaction: 'HEART', count: 500 }], 0, 1, half);
    const perKind = (kind: string) => icons.filter((icon) => icon.reaction === kind).length;
    expect({ clap: perKind('CLAP'), heart: perKind('HEART') }).toEqual({ clap: 3, heart: MAX_ICONS_PER_KIND });
    expect(new Set(icons.map((icon) => icon.id)).size).toBe(icons.length);
    expect(icons.every((icon) => icon.delayMs >= 0 && icon.delayMs < 1000)).toBe(true);
  });

  it('never more than the in-flight limit on the page; unknown kinds skipped', () => {
    expect(iconsForTick([{ reaction: 'LAUGH', count: 10 }], MAX_ICONS_IN_FLIGHT - 4, 1, half)).toHaveLength(4);
    expect(iconsForTick([{ reaction: 'LAUGH', count: 10 }], MAX_ICONS_IN_FLIGHT, 1, half)).toHaveLength(0);
    expect(iconsForTick([{ reaction: 'ROCKET', count: 10 }], 0, 1, half)).toHaveLength(0);
  });

  it('the exact count per kind for the "+N" labels', () => {
    expect(countsByKind([{ reaction: 'PLUS_ONE', count: 1234 }, { reaction: 'CLAP', count: 0 }, { reaction: 'NEW', count: 3 }])).toEqual({ PLUS_ONE: 1234 });
  });
});

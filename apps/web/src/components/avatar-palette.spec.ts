import { AvatarPalette, MIN_HUE_DISTANCE } from './avatar-palette';

// Bug 9 (kind: avatar colours collide): people shown together get colours that differ.
const SEEDED = 'demo-ada demo-grace demo-alan demo-katherine demo-linus demo-margaret demo-priya demo-diego demo-mei demo-oluwaseun demo-sofia demo-jamal demo-hana demo-lars demo-amara demo-tom demo-nora demo-ivan demo-zoe demo-ken'.split(' ');

function assertDistinct(palette: AvatarPalette, ids: readonly string[]) {
  const colours = ids.map((id) => palette.colourOf(id));
  for (let i = 0; i < colours.length; i += 1) {
    for (let j = i + 1; j < colours.length; j += 1) {
      const a = colours[i]!;
      const b = colours[j]!;
      const d = Math.min(Math.abs(a.hue - b.hue), 360 - Math.abs(a.hue - b.hue));
      if (a.lightness === b.lightness) expect({ pair: [ids[i], ids[j]], distance: d >= MIN_HUE_DISTANCE }).toEqual({ pair: [ids[i], ids[j]], distance: true });
    }
  }
}

describe('AvatarPalette', () => {
  it('keeps the 20 seeded demo people apart (the reported collision)', () => {
    assertDistinct(new AvatarPalette(), SEEDED);
  });

  it('keeps 30 similar ids apart too, and gives a person the same colour every time (variant)', () => {
    const palette = new AvatarPalette();
    const ids = Array.from({ length: 30 }, (_, i) => `user-${i}`);
    assertDistinct(palette, ids);
    expect(palette.colourOf('user-7')).toEqual(palette.colourOf('user-7'));
  });
});

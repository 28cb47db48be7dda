import { mentionHandles } from '@roundtable/domain';

import { mentionHandleFor, mentionQueryAt, mentionSuggestions, splitMentions } from './mention-text';

const tom = { id: 'demo-tom', displayName: 'Tom Becker' };
const ada = { id: 'demo-ada', displayName: 'Ada Lovelace' };

describe('@ mentions in a message', () => {
  it('marks the @ words that name a resolved mention, by name without spaces or by id, and leaves the rest as text', () => {
    expect(splitMentions('Thanks @TomBecker, and @demo-ada. Mail a@b.c or @nobody', [tom, ada])).toEqual([
      { kind: 'text', text: 'Thanks ' },
      { kind: 'mention', text: '@TomBecker', profile: tom },
      { kind: 'text', text: ', and ' },
      { kind: 'mention', text: '@demo-ada', profile: ada },
      { kind: 'text', text: '. Mail a@b.c or @nobody' },
    ]);
    expect(splitMentions('no mentions here', [])).toEqual([{ kind: 'text', text: 'no mentions here' }]);
  });

  it('finds the same @ words as the domain rule the server resolves', () => {
    const samples = ['@ada hi', 'hi @Ada.Lovelace.', 'x@y @z_-', '(@tom) and @tom', 'e-mail me@host @Żaneta', '@@double @-dash @ok'];
    for (const text of samples) {
      const people = mentionHandles(text).map((handle) => ({ id: handle, displayName: handle }));
      const found = splitMentions(text, people).flatMap((part) => (part.kind === 'mention' ? [part.text.slice(1).toLowerCase()] : []));
      expect({ text, found: [...new Set(found)] }).toEqual({ text, found: mentionHandles(text) });
    }
  });

  it('the @ word being typed, for the autocomplete', () => {
    expect(mentionQueryAt('hi @to', 6)).toEqual({ query: 'to', start: 3 });
    expect(mentionQueryAt('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
    expect(mentionQueryAt('hi @tom there', 13)).toBeNull();
  });

  it('suggests people by name, name without spaces or id, the viewer left out; writes a handle the server resolves', () => {
    const people = [ada, tom, { id: 'demo-linus', displayName: 'Linus Kern' }, { id: 'x-tomas', displayName: 'Ana Tomas' }];
    expect(mentionSuggestions(people, 'to', 'demo-ada').map((p) => p.id)).toEqual(['demo-tom', 'x-tomas']);
    expect(mentionSuggestions(people, 'be', 'demo-ada').map((p) => p.id)).toEqual(['demo-tom']);
    expect(mentionSuggestions(people, '', 'demo-ada').map((p) => p.id)).toEqual(['demo-tom', 'demo-linus', 'x-tomas']);
    expect(mentionHandleFor(tom)).toBe('@TomBecker');
    expect(mentionHandleFor({ id: 'p-1', displayName: "Dr. O'Neil" })).toBe('@p-1');
  });
});

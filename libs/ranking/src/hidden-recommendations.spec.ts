import fc from 'fast-check';

import { type HiddenKind, hiddenItemsOf, type HideableRoom, isHiddenRoom, withoutHiddenRooms } from './hidden-recommendations';

const ROOM_IDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
const HOSTS = ['h1', 'h2', 'h3', 'h4'];
const TOPICS = ['devops', 'marketing', 'leadership', 'machine-learning', 'finance'];

const roomArb: fc.Arbitrary<HideableRoom> = fc.record({
  id: fc.constantFrom(...ROOM_IDS),
  hostId: fc.constantFrom(...HOSTS),
  topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 3 }),
});
const hideArb: fc.Arbitrary<{ kind: HiddenKind; value: string }> = fc.oneof(
  fc.record({ kind: fc.constant<HiddenKind>('ROOM'), value: fc.constantFrom(...ROOM_IDS) }),
  fc.record({ kind: fc.constant<HiddenKind>('HOST'), value: fc.constantFrom(...HOSTS) }),
  fc.record({ kind: fc.constant<HiddenKind>('TOPIC'), value: fc.constantFrom(...TOPICS) }),
);
// A sequence of hides and unhides, applied in order: what is left hidden is the last word per item.
const actionsArb = fc.array(fc.record({ hide: fc.boolean(), item: hideArb }), { maxLength: 20 });

function applyActions(actions: readonly { hide: boolean; item: { kind: HiddenKind; value: string } }[]) {
  const state = new Map<string, { kind: HiddenKind; value: string }>();
  for (const { hide, item } of actions) {
    const key = `${item.kind}:${item.value}`;
    if (hide) state.set(key, item);
    else state.delete(key);
  }
  return [...state.values()];
}

describe('hidden recommendations (property)', () => {
  it('never serves a hidden room and never loses a room that is not hidden', () => {
    fc.assert(
      fc.property(actionsArb, fc.uniqueArray(roomArb, { selector: (room) => room.id, maxLength: 8 }), (actions, candidates) => {
        const left = applyActions(actions);
        const hidden = hiddenItemsOf(left);
        const served = withoutHiddenRooms(hidden, candidates);
        const servedIds = new Set(served.map((room) => room.id));
        for (const room of candidates) {
          const byRoom = left.some((item) => item.kind === 'ROOM' && item.value === room.id);
          const byHost = left.some((item) => item.kind === 'HOST' && item.value === room.hostId);
          const byTopic = left.some((item) => item.kind === 'TOPIC' && room.topics.includes(item.value));
          const shouldHide = byRoom || byHost || byTopic;
          expect(servedIds.has(room.id)).toBe(!shouldHide);
          expect(isHiddenRoom(hidden, room)).toBe(shouldHide);
        }
        // Order is kept.
        expect(served).toEqual(candidates.filter((room) => servedIds.has(room.id)));
      }),
      { numRuns: 500 },
    );
  });

  it('unhiding everything brings every candidate back', () => {
    fc.assert(
      fc.property(fc.array(hideArb, { maxLength: 10 }), fc.uniqueArray(roomArb, { selector: (room) => room.id, maxLength: 8 }), (hides, candidates) => {
        const actions = [...hides.map((item) => ({ hide: true, item })), ...hides.map((item) => ({ hide: false, item }))];
        expect(withoutHiddenRooms(hiddenItemsOf(applyActions(actions)), candidates)).toEqual(candidates);
      }),
    );
  });
});

import { parse } from 'graphql';

import { reshapeResult, rootFieldKeys, SharedDelivery } from './shared-delivery';

describe('rootFieldKeys', () => {
  it('finds the root field and every alias of its fields, through inline fragments and fragment spreads', () => {
    const document = parse(`
      subscription S($r: ID!) {
        tick: roomConversation(roomId: $r) {
          n: sampledOut
          messages { id }
          ... on ConversationTick { again: messages { text } sampledOut }
          ...More
        }
      }
      fragment More on ConversationTick { messages { id } more: messages { id } ...More }`);
    const keys = rootFieldKeys(document, 'S');
    expect(keys?.rootKey).toBe('tick');
    expect(keys?.fieldKeys.get('messages')).toEqual(['messages', 'again', 'more']);
    expect(keys?.fieldKeys.get('sampledOut')).toEqual(['n', 'sampledOut']);
  });

  it('is null for a query, and for an operation it cannot name', () => {
    expect(rootFieldKeys(parse(`query { viewer { id } }`), null)).toBeNull();
    expect(rootFieldKeys(parse(`subscription A { a } subscription B { b }`), null)).toBeNull();
  });
});

describe('reshapeResult', () => {
  const keys = { rootKey: 'tick', fieldKeys: new Map([['messages', ['messages', 'again']], ['sampledOut', ['n']]]) };
  const base = new SharedDelivery({}, 'all', null, {});
  const derived = { base, lists: { messages: [0, 2] }, scalars: { sampledOut: 1 } };

  it('keeps the listed positions of each alias of a list, replaces each alias of a scalar, and keeps the key order', () => {
    const result = { data: { tick: { at: 'x', n: 0, messages: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], again: [{ t: 1 }, { t: 2 }, { t: 3 }] } } };
    const reshaped = reshapeResult(result, keys, derived);
    expect(JSON.stringify(reshaped)).toBe('{"data":{"tick":{"at":"x","n":1,"messages":[{"id":"a"},{"id":"c"}],"again":[{"t":1},{"t":3}]}}}');
    // The base's result is left as it was: every other class reshapes it too.
    expect(result.data.tick.messages).toHaveLength(3);
  });

  it('is null for a result with errors, without data, or with a list shorter than a position', () => {
    expect(reshapeResult({ errors: [] as never, data: null }, keys, derived)).toBeNull();
    expect(reshapeResult({ data: null }, keys, derived)).toBeNull();
    expect(reshapeResult({ data: { tick: { messages: [{ id: 'a' }] } } }, keys, derived)).toBeNull();
  });
});

describe('SharedDelivery.written', () => {
  it('settles once every execution the fan-out started for it has settled, and not before', async () => {
    const delivery = new SharedDelivery({}, 'class', null, {});
    let written = false;
    void delivery.written.then(() => {
      written = true;
    });
    // Two subscription documents, two executions of the one delivery.
    let settleFirst!: () => void;
    let settleSecond!: () => void;
    delivery.trackExecution(new Promise<void>((resolve) => (settleFirst = resolve)));
    delivery.trackExecution(new Promise<void>((resolve) => (settleSecond = resolve)));
    settleFirst();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(false);
    settleSecond();
    await delivery.written;
    expect(written).toBe(true);
  });
});

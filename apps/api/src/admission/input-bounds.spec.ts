import { parse } from 'graphql';

import { hasTooDeepLiteral, tooDeepValuePath } from './input-bounds';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? [value] : { k: value };
  return value;
};

describe('input bounds', () => {
  it('finds the first value nested deeper than the bound, with its path, without recursion', () => {
    expect(tooDeepValuePath({ a: nested(3) }, 4, 'variables')).toBeNull();
    expect(tooDeepValuePath({ a: nested(4) }, 4, 'variables')).toBe('variables.a.k.0.k');
    // 100,000 levels would overflow any recursive walk.
    expect(tooDeepValuePath({ a: nested(100_000) }, 16, 'variables')).toMatch(/^variables\.a\./);
    expect(tooDeepValuePath(null, 1, 'variables')).toBeNull();
    expect(tooDeepValuePath('text', 1, 'variables')).toBeNull();
  });

  it('measures list and object literals in arguments, directives and variable defaults', () => {
    expect(hasTooDeepLiteral(parse('{ f(a: [[1]], b: { c: { d: 1 } }) }'), 3)).toBe(false);
    expect(hasTooDeepLiteral(parse('{ f(a: [[[[1]]]]) }'), 3)).toBe(true);
    expect(hasTooDeepLiteral(parse('query($v: X = { a: { b: { c: { d: 1 } } } }) { f }'), 3)).toBe(true);
    expect(hasTooDeepLiteral(parse('{ f @d(a: [[[[1]]]]) }'), 3)).toBe(true);
    expect(hasTooDeepLiteral(parse('{ ...F } fragment F on Q { g { f(a: [[[[1]]]]) } }'), 3)).toBe(true);
  });
});

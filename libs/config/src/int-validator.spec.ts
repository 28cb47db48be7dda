import { cleanEnv } from 'envalid';

import { int, parseInteger } from './int-validator';

describe('int', () => {
  const range = { min: 1, max: 100 };

  it.each(['1', '100', '42', ' 7 ', '+5'])('accepts %j within the range', (input) => {
    expect(parseInteger(input, range)).toBe(Number(input.trim()));
  });

  it.each(['0', '101', '-5', '1.5', '1e1', '', ' ', 'NaN', 'Infinity', '0x10', '9'.repeat(20), 'ten'])('refuses %j', (input) => {
    expect(() => parseInteger(input, range)).toThrow(`must be an integer from 1 to 100, got "${input}"`);
  });

  it('names the variable when used with cleanEnv', () => {
    let reported: Record<string, Error> = {};
    cleanEnv({ LIMIT: '-5' }, { LIMIT: int({ min: 1, max: 10, default: 5 }) }, { reporter: ({ errors }) => (reported = errors as Record<string, Error>) });
    expect(Object.keys(reported)).toEqual(['LIMIT']);
    expect(reported['LIMIT']?.message).toBe('must be an integer from 1 to 10, got "-5"');
  });

  it('keeps the default when the variable is unset', () => {
    expect(cleanEnv({}, { LIMIT: int({ min: 1, max: 10, default: 5 }) }).LIMIT).toBe(5);
  });
});

import { parseArgs } from 'node:util';

import { integerListOption, integerOption, requireBuilt, UsageError, usageMessage } from './bench-cli';

describe('benchmark options', () => {
  it('reads integers within their bounds', () => {
    expect(integerOption('events', '20')).toBe(20);
    expect(integerOption('warmups', '0', { min: 0 })).toBe(0);
    expect(integerOption('speakers', ' 8 ', { min: 0, max: 8 })).toBe(8);
    expect(integerListOption('subscribers', '1000,5000, 10000')).toEqual([1000, 5000, 10000]);
  });

  it('refuses what is not an integer in range, naming the flag, the range and the value', () => {
    expect(() => integerOption('events', 'abc')).toThrow(new UsageError('--events must be an integer ≥ 1; got "abc" (see --help)'));
    expect(() => integerOption('events', '0')).toThrow('--events must be an integer ≥ 1; got "0"');
    expect(() => integerOption('events', '2.5')).toThrow(UsageError);
    expect(() => integerOption('events', '')).toThrow(UsageError);
    expect(() => integerOption('events', undefined)).toThrow(UsageError);
    expect(() => integerOption('speakers', '9', { min: 0, max: 8 })).toThrow('--speakers must be an integer from 0 to 8; got "9"');
    expect(() => integerListOption('subscribers', '1000,,5000')).toThrow('--subscribers must be an integer ≥ 1; got ""');
  });

  it('names a missing build output and how to build it', () => {
    expect(() => requireBuilt(['package.json'])).not.toThrow();
    expect(() => requireBuilt(['dist/no-such-file.js'])).toThrow(new UsageError('dist/no-such-file.js is missing: run `node tools/scripts/build.mjs` first (the npm script does)'));
  });

  it('kind: a usage mistake printed as a stack trace — unknown flags and flags without a value are usage mistakes too', () => {
    const refusal = (args: string[]) => {
      try {
        parseArgs({ args, options: { events: { type: 'string' } } });
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(usageMessage(refusal(['--bogus']))).toMatch(/^Unknown option '--bogus'.* \(see --help\)$/);
    expect(usageMessage(refusal(['--events']))).toMatch(/--events.*argument.* \(see --help\)$/);
    expect(usageMessage(new UsageError('--events must be an integer ≥ 1; got "abc" (see --help)'))).toBe('--events must be an integer ≥ 1; got "abc" (see --help)');
    // Anything else is a failure of the run, printed with its stack.
    expect(usageMessage(new Error('connect ECONNREFUSED'))).toBeNull();
  });
});

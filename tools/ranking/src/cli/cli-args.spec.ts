import { type CliSpec, parseCli, UsageError } from './cli-args';

const CHOICES = ['factor', 'ips', 'none'] as const;

const spec: CliSpec = {
  command: 'npm run example --',
  summary: 'An example.',
  options: {
    epochs: { type: 'number', integer: true, min: 1, description: 'Epochs', default: '8' },
    holdout: { type: 'number', above: 0, below: 1, description: 'Share held out', default: '0.2' },
    bias: { type: 'string', choices: CHOICES, description: 'Correction', default: 'factor' },
    without: { type: 'string', listOf: ['quality', 'taste'], description: 'Hidden parts', default: '' },
    verbose: { type: 'boolean', description: 'Say more' },
  },
  examples: [],
};

describe('parseCli: every value is checked against its declaration before the tool runs', () => {
  it('reads valid values, and the defaults when absent', () => {
    const values = parseCli(spec, ['--epochs', '3', '--bias', 'ips', '--without', 'taste, quality', '--verbose']);
    expect(values && [values.number('epochs'), values.number('holdout'), values.choice('bias', CHOICES), values.string('without'), values.flag('verbose')]).toEqual([
      3,
      0.2,
      'ips',
      'taste, quality',
      true,
    ]);
  });

  it.each([
    [['--epochs', 'x'], '--epochs must be an integer ≥ 1; got "x"'],
    [['--epochs', '2.5'], '--epochs must be an integer ≥ 1; got "2.5"'],
    [['--epochs', '0'], '--epochs must be an integer ≥ 1; got "0"'],
    [['--epochs', ''], '--epochs must be an integer ≥ 1; got ""'],
    [['--holdout', '1'], '--holdout must be a number > 0 and < 1; got "1"'],
    [['--bias', 'nope'], '--bias must be one of factor, ips, none; got "nope"'],
    [['--without', 'quality,bogus'], '--without must be a comma-separated list of quality, taste; got "quality,bogus"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCli(spec, argv)).toThrow(new UsageError(message));
  });

  it('refuses an unknown option and an option without its value as usage mistakes', () => {
    expect(() => parseCli(spec, ['--bogus'])).toThrow(UsageError);
    expect(() => parseCli(spec, ['--epochs'])).toThrow(UsageError);
  });

  it('a default that breaks its own declaration is refused too (a mistake in the spec shows at once)', () => {
    const broken: CliSpec = { ...spec, options: { epochs: { type: 'number', integer: true, min: 1, description: 'Epochs', default: '0' } } };
    expect(() => parseCli(broken, [])).toThrow(new UsageError('--epochs must be an integer ≥ 1; got "0"'));
  });

  it('reading an option as a type it was not declared with is a programming error, not a usage mistake', () => {
    const values = parseCli(spec, []);
    expect(() => values?.number('bias')).toThrow(TypeError);
    expect(() => values?.choice('bias', ['factor'])).toThrow(TypeError);
  });
});

import { entryArguments } from './entry-arguments';

describe('entryArguments (entry points configured by the environment only)', () => {
  const help = 'Runs something.\n\nUsage: npm start\n';

  it('runs with no arguments', () => {
    expect(entryArguments([], help)).toEqual({ kind: 'run' });
  });

  it.each([[['--help']], [['-h']], [['--verbose', '--help']]])('answers %j with the help alone', (argv) => {
    expect(entryArguments(argv, help)).toEqual({ kind: 'help', text: help });
  });

  it('ends the help with a newline when it has none', () => {
    expect(entryArguments(['--help'], 'Usage: x')).toEqual({ kind: 'help', text: 'Usage: x\n' });
  });

  it.each([
    [['--port', '3'], 'Unknown arguments: --port 3.'],
    [['serve'], 'Unknown argument: serve.'],
  ])('refuses %j, naming it, then gives the help', (argv, first) => {
    const outcome = entryArguments(argv, help);
    expect(outcome.kind).toBe('usage-error');
    expect(outcome.kind === 'usage-error' && outcome.text.startsWith(`${first} This command takes no arguments`)).toBe(true);
    expect(outcome.kind === 'usage-error' && outcome.text.endsWith(help)).toBe(true);
  });
});

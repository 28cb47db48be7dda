// Kind: a usage mistake answered with a stack trace, or found after the work began. Every command
// with options (the ranking pipeline, the benchmarks, the operators' commands) refuses an unknown
// option and a value its option does not allow with a message naming the option, no stack trace
// and exit code 2, before doing any work: no file written, no progress printed. Real processes;
// needs the build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(120_000);

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

interface Command {
  readonly script: string;
  readonly entry: string;
  /** A value its option does not allow, and the option's name as the message must give it. */
  readonly badValue: readonly [string[], string];
}

const COMMANDS: readonly Command[] = [
  // The given case: `--epochs x` printed "failed: Error: --epochs must be a number" and a stack.
  { script: 'ranking:train', entry: 'dist/tools/ranking/train.js', badValue: [['--epochs', 'x'], '--epochs'] },
  // Variants: a value out of range, a value that is not one of the choices, a list with a stranger.
  { script: 'ranking:simulate', entry: 'dist/tools/ranking/simulate.js', badValue: [['--oracle-without', 'quality,bogus'], '--oracle-without'] },
  { script: 'ranking:evaluate', entry: 'dist/tools/ranking/evaluate.js', badValue: [['--holdout', '1.5'], '--holdout'] },
  { script: 'bench:ranking', entry: 'dist/tools/bench/ranking/ranking-bench.js', badValue: [['--iterations', 'many'], '--iterations'] },
  { script: 'bench:recommended-rooms', entry: 'dist/tools/bench/api/recommended-rooms-e2e.js', badValue: [['--rooms', '0'], '--rooms'] },
  { script: 'bench:fanout', entry: 'dist/tools/bench/live/fanout-bench.js', badValue: [['--events', '2.5'], '--events'] },
  { script: 'token', entry: 'dist/apps/api/cli/token.js', badValue: [['--name', 'Ada', '--expires', '3 fortnights'], '--expires'] },
  { script: 'staff', entry: 'dist/apps/api/cli/staff.js', badValue: [['grant', '--profile', 'has spaces'], '--profile'] },
  { script: 'ranking:export', entry: 'dist/apps/api/cli/ranking-export.js', badValue: [['--since', 'last tuesday', '--out', '-'], '--since'] },
];

describe('commands refuse usage mistakes in words, before any work (kind: a usage mistake answered with a stack trace)', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'rt-usage-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function run(entry: string, args: readonly string[]) {
    // No database, and the scratch directory as the working directory: were a command to start its
    // work, it would fail otherwise (exit 1), or write its output there (the ranking tools' default
    // paths are relative).
    const result = spawnSync(process.execPath, [join(REPO_ROOT, entry), ...args], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'warn' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const stackLines = (text: string) => text.split('\n').filter((line) => /^\s+at /.test(line));

  it('package.json runs each of these commands', () => {
    const scripts = (require(join(REPO_ROOT, 'package.json')) as { scripts: Record<string, string> }).scripts;
    for (const { script, entry } of COMMANDS) expect(scripts[script]).toContain(entry);
  });

  it.each(COMMANDS)('$script: a value its option does not allow is refused naming the option, exit 2, no stack, nothing done', ({ entry, badValue: [args, option] }) => {
    const result = run(entry, args);
    expect({ status: result.status, stdout: result.stdout, stack: stackLines(result.stderr) }).toEqual({ status: 2, stdout: '', stack: [] });
    expect(result.stderr.split('\n')[0]).toContain(option);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it.each(COMMANDS)('$script: an unknown option is refused naming it, exit 2, no stack', ({ entry }) => {
    const result = run(entry, ['--bogus-option', '1']);
    expect({ status: result.status, stdout: result.stdout, stack: stackLines(result.stderr) }).toEqual({ status: 2, stdout: '', stack: [] });
    expect(result.stderr.split('\n')[0]).toContain('--bogus-option');
    expect(readdirSync(scratch)).toEqual([]);
  });
});

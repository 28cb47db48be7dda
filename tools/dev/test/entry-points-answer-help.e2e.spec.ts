// Kind: an entry point that ignores --help and does real work. Each entry point configured by the
// environment only (npm start, start:api, start:recommender, schema:print), and the build, answers --help with its
// usage and exits 0, and refuses any other argument with exit code 2, before doing anything: no
// server starts (the process ends by itself) and no file is written. Real processes; needs the
// build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

jest.setTimeout(60_000);

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const SERVED_SCHEMA = join(REPO_ROOT, 'apps', 'web', 'schema.graphql');

const ENTRY_POINTS = [
  { script: 'start', entry: 'dist/tools/dev/start.js' },
  { script: 'start:api', entry: 'dist/apps/api/main.js' },
  { script: 'start:recommender', entry: 'dist/apps/recommender/main.js' },
  { script: 'schema:print', entry: 'dist/apps/api/cli/print-schema.js' },
  // Takes --force; runs before every npm script above, so `npm run build -- --help` must not build.
  { script: 'build', entry: 'tools/scripts/build.mjs' },
];

function run(entry: string, args: string[]) {
  // A port no one listens on and no database: were the entry point to start anything, it would
  // not end by itself (the API would start an embedded PostgreSQL), and the timeout would show it.
  const result = spawnSync(process.execPath, [join(REPO_ROOT, entry), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, PORT: '0', RECOMMENDER_PORT: '0', LOG_LEVEL: 'warn' },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('entry points answer --help without doing anything (kind: an entry point that ignores --help)', () => {
  it('package.json runs each of these entry points', () => {
    const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const { script, entry } of ENTRY_POINTS) expect(scripts[script]).toContain(entry);
  });

  it.each(ENTRY_POINTS)('$script: --help prints the usage and exits 0', ({ script, entry }) => {
    const before = statSync(SERVED_SCHEMA).mtimeMs;
    const result = run(entry, ['--help']);
    expect({ status: result.status, signal: result.signal, stderr: result.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(result.stdout).toContain(`Usage: npm ${script === 'start' ? 'start' : `run ${script}`}`);
    expect(statSync(SERVED_SCHEMA).mtimeMs).toBe(before);
  });

  it.each(ENTRY_POINTS)('$script: an unknown argument is refused with exit code 2, naming it (the variant)', ({ entry }) => {
    const before = statSync(SERVED_SCHEMA).mtimeMs;
    const result = run(entry, ['--port', '4000']);
    expect({ status: result.status, signal: result.signal, stdout: result.stdout }).toEqual({ status: 2, signal: null, stdout: '' });
    expect(result.stderr).toMatch(/^Unknown arguments: --port 4000\./);
    expect(statSync(SERVED_SCHEMA).mtimeMs).toBe(before);
  });
});

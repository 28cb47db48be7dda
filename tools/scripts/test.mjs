// `npm test`: lint (with module boundaries), build, type-check the tests, then every Jest suite.
// Ends with one plain summary line ("N passed, N failed") and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : '1' };

function step(title, command, args) {
  process.stdout.write(`\n▶ ${title}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${title} failed (exit ${result.status ?? result.signal})\n0 passed, 1 failed\n`);
    process.exit(result.status || 1);
  }
}

process.stdout.write(
  [
    'Roundtable test run',
    `  PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded (DATABASE_URL is unset)'}`,
    `  Redis:      ${
      process.env.REDIS_URL
        ? 'REDIS_URL'
        : spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
          ? 'REDIS_URL is unset: the Redis tests start redis-server processes of their own'
          : 'REDIS_URL is unset and redis-server is not installed: the Redis tests are skipped'
    }`,
    `  Chromium:   ${existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'missing: the browser tests are skipped (apt-get install chromium)'}`,
  ].join('\n') + '\n',
);

step('lint', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static', '--skipNxCache']);
step('build', process.execPath, [join(root, 'tools', 'scripts', 'build.mjs')]);
step('typecheck tests', bin('nx'), ['run-many', '-t', 'typecheck', '--outputStyle=static', '--skipNxCache']);

const resultsFile = join(root, 'tmp', 'jest-results.json');
mkdirSync(dirname(resultsFile), { recursive: true });
// --forceExit: a handle a failing suite leaves behind (a child process, a socket) must not turn a
// red run into a hang past CI's time limit. Leaks are still caught where they matter: the leak
// tests count gauges. (The suites run in a child worker, replaced when its heap grows: jest.config.js.)
const jest = spawnSync(bin('jest'), ['--ci', '--json', '--forceExit', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
try {
  summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  summary.numFailedTests = 1;
}
const failed = summary.numFailedTests + (jest.status !== 0 && summary.numFailedTests === 0 ? 1 : 0);
process.stdout.write(`\n${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests} skipped\n`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);

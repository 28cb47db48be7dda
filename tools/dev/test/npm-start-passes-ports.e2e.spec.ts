// `npm start` (dist/tools/dev/start.js) with PORT and RECOMMENDER_PORT set: the API must send its
// ranking calls to the recommender on RECOMMENDER_PORT. Real processes, real HTTP; needs the
// build (npm test builds first).
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { SignJWT } from 'jose';
import { Client } from 'pg';

// Real processes start here; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(120_000);

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const START = join(REPO_ROOT, 'dist', 'tools', 'dev', 'start.js');
const DEV_SECRET = 'roundtable-dev-secret-change-me';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once `read()` contains `text`; rejects when the process exits first or after `timeoutMs`. */
function waitForOutput(child: ChildProcess, read: () => string, text: string, timeoutMs = 90_000): Promise<void> {
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      if (read().includes(text)) finish();
      else if (Date.now() > deadline) finish(new Error(`timed out waiting for "${text}":\n${read()}`));
    }, 100);
    const deadline = Date.now() + timeoutMs;
    const onExit = (code: number | null) => finish(new Error(`exited (${code}) before printing "${text}":\n${read()}`));
    child.once('exit', onExit);
    function finish(error?: Error) {
      clearInterval(timer);
      child.off('exit', onExit);
      if (error) fail(error);
      else done();
    }
  });
}

describe('npm start passes ports on', () => {
  let child: ChildProcess | null = null;
  let output = '';
  let cleanup: (() => Promise<void>) | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await cleanup?.();
  });

  it('PORT=<a> RECOMMENDER_PORT=<b>: the API ranks with the recommender on <b>, also after it exited and npm start restarted it (kind: a service that exits under npm start)', async () => {
    if (!existsSync(START)) throw new Error(`${START} is missing: run \`npm run build\` first (npm test does)`);
    const [apiPort, recommenderPort] = [await freePort(), await freePort()];
    const env: Record<string, string | undefined> = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      RECOMMENDER_PORT: String(recommenderPort),
      RECOMMENDER_URL: undefined,
      // Generous: this asserts where the call goes, not how fast the model answers on a busy machine.
      RECOMMENDER_TIMEOUT_MS: '20000',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      FORCE_COLOR: '0',
    };
    if (process.env['DATABASE_URL']) {
      const name = `rt_dev_ports_${Date.now().toString(36)}_${process.pid}`;
      const admin = new Client({ connectionString: process.env['DATABASE_URL'] });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env['DATABASE_URL']);
      url.pathname = `/${name}`;
      env['DATABASE_URL'] = url.toString();
      cleanup = async () => {
        const client = new Client({ connectionString: process.env['DATABASE_URL'] });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'roundtable-dev-ports-pg-'));
      // mkdtemp makes it 0700; run as root, PostgreSQL runs as `postgres`, which must enter it.
      chmodSync(dir, 0o755);
      env['EMBEDDED_PG_DIR'] = join(dir, 'postgres');
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    child = spawn(process.execPath, [START], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const running = child;
    // The banner's lines can reach this pipe in separate chunks: wait for the line checked, not
    // only for the banner's first line.
    await Promise.all([
      waitForOutput(running, () => output, 'Roundtable API ready'),
      waitForOutput(running, () => output, `Recommender listening on http://127.0.0.1:${recommenderPort}`),
      waitForOutput(running, () => output, '  Recommender:  '),
    ]);
    // The API was told where the recommender is...
    expect(output).toContain(`Recommender:         http://127.0.0.1:${recommenderPort}`);

    // ...and its ranking call reaches it: a model version, not the fallback used when the call fails.
    const token = await new SignJWT({ name: 'Port Tester', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('port-tester')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(DEV_SECRET));
    const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ recommendedRooms(first: 3) { modelVersion } }' }),
    });
    const body = (await response.json()) as { data?: { recommendedRooms?: { modelVersion: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.recommendedRooms?.modelVersion).toEqual(expect.any(String));
    expect(body.data?.recommendedRooms?.modelVersion).not.toBe('fallback:heuristic');
    expect(output).not.toContain('recommender unavailable');

    // Kind: a service that exits under npm start (issue 14). Given case: the recommender ends
    // with status 0 (here: its own SIGTERM handler); npm start used to stop everything and exit 0.
    // Now it restarts the recommender and keeps running.
    const listening = `Recommender listening on http://127.0.0.1:${recommenderPort}`;
    const firstPid = Number(/"pid":(\d+)[^\n]*Recommender listening/.exec(output)?.[1]);
    expect(firstPid).toBeGreaterThan(0);
    process.kill(firstPid, 'SIGTERM');
    await waitForOutput(running, () => output, 'npm start: recommender exited (status 0); restarting in 1000 ms (restart 1 of 5)');
    // Listening again, after the restart notice.
    await waitForOutput(running, () => output.slice(output.indexOf('npm start: recommender exited')), listening);
    expect(running.exitCode).toBeNull();
    const again = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ recommendedRooms(first: 3) { modelVersion } }' }),
    });
    const answer = (await again.json()) as { data?: { recommendedRooms?: { modelVersion: string } } };
    expect(answer.data?.recommendedRooms?.modelVersion).not.toBe('fallback:heuristic');
  });
});

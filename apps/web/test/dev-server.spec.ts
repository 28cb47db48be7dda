// Bug 10 (kind: a command that runs silently): `npm run start:web` prints where the client is and
// which API it proxies to, and ROUNDTABLE_API_URL changes it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startWeb(env: Record<string, string>): Promise<{ output: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['--config', 'apps/web/vite.config.ts', '--port', String(port), '--strictPort'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('proxied to')) {
        clearInterval(timer);
        ready();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`vite exited (${code}):\n${output}`));
    });
  });
  return { output: output.replace(String(port), 'PORT'), child };
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

describe('npm run start:web', () => {
  it('prints its URL and the default API it proxies to (as reported: it printed nothing)', async () => {
    const env: Record<string, string> = {};
    delete process.env['ROUNDTABLE_API_URL'];
    const { output, child } = await startWeb(env);
    running.push(child);
    expect(output).toContain('Roundtable web client (Vite dev server): http://localhost:PORT/');
    expect(output).toContain('proxied to http://localhost:4000 (default; set ROUNDTABLE_API_URL to change)');
  }, 30_000);

  it('names ROUNDTABLE_API_URL when it is set (variant)', async () => {
    const { output, child } = await startWeb({ ROUNDTABLE_API_URL: 'http://127.0.0.1:4999' });
    running.push(child);
    expect(output).toContain('proxied to http://127.0.0.1:4999 (ROUNDTABLE_API_URL)');
  }, 30_000);
});

// The built web client in a real headless Chromium against the real API (`node
// dist/apps/api/main.js`, seeded demo data): sign in, recommendations with reasons, a live room's
// stage and audience, and a raised hand that reaches the host's queue live over graphql-ws.
// Uses Debian's Chromium at /usr/bin/chromium; without it this suite is skipped and says so.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { SignJWT } from 'jose';
import { Client } from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const WEB_INDEX = join(REPO_ROOT, 'dist', 'apps', 'web', 'index.html');
const API_MAIN = join(REPO_ROOT, 'dist', 'apps', 'api', 'main.js');
const DEV_SECRET = 'roundtable-dev-secret-change-me';
const SCREENSHOT = join(REPO_ROOT, 'tmp', 'web-room.png');

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn('web browser test skipped: /usr/bin/chromium not found (apt-get install chromium)');

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

function token(sub: string, name: string): Promise<string> {
  return new SignJWT({ name, roles: [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(DEV_SECRET));
}

/** With DATABASE_URL (CI), a throwaway database on that server, so the demo seed finds it empty. */
async function createThrowawayDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `roundtable_web_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

interface RunningApi {
  readonly origin: string;
  stop(): Promise<void>;
}

async function startApi(env: Record<string, string>): Promise<RunningApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Roundtable API ready')) {
        clearInterval(timer);
        ready();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`the API exited (${code}) before it was ready:\n${output}`));
    });
  });
  if (!output.includes('Web client:')) throw new Error(`the API does not serve the web client:\n${output}`);
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function signIn(page: Page, origin: string, bearer: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Bearer token').fill(`Bearer ${bearer}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describeWithChromium('web client in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let pgDir: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`npm run build\` first (npm test does)`);
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run build\` first (npm test does)`);
    const env: Record<string, string> = {
      // A closed port: recommendations come from the documented fallback ranking.
      RECOMMENDER_URL: `http://127.0.0.1:${await freePort()}`,
      RECOMMENDER_TIMEOUT_MS: '300',
    };
    if (process.env['DATABASE_URL']) {
      const database = await createThrowawayDatabase(process.env['DATABASE_URL']);
      dropDatabase = database.drop;
      env['DATABASE_URL'] = database.url;
    } else {
      pgDir = mkdtempSync(join(tmpdir(), 'roundtable-web-e2e-pg-'));
      env['EMBEDDED_PG_DIR'] = pgDir;
    }
    [api, browser] = await Promise.all([
      startApi(env),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await api?.stop();
    await dropDatabase?.();
    if (pgDir) rmSync(pgDir, { recursive: true, force: true });
  }, 60_000);

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    // Offline guarantee: the page may load nothing but its own origin.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/|ws:\/\/127\.0\.0\.1:\d+\/|data:)/, (route) => {
      pageErrors.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    return page;
  }

  it('signs in, recommends with reasons, shows a live room, and delivers a raised hand to the host live', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, await token('demo-ada', 'Ada Lovelace'));
    await expect(ada.getByTestId('viewer-name').textContent()).resolves.toBe('Ada Lovelace');

    // Recommendations with their reasons, from the fallback ranking (the recommender is down).
    const recommended = ada.getByTestId('recommended');
    await recommended.getByTestId('reason').first().waitFor();
    expect(await recommended.getByTestId('room-card').count()).toBeGreaterThan(0);
    expect(await ada.locator('.model-version').textContent()).toContain('fallback');
    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    await ada.screenshot({ path: SCREENSHOT.replace('room', 'home') });

    // A seeded live room: its stage (host and speakers) and audience.
    await ada.getByTestId('all-rooms').getByRole('link', { name: 'Kubernetes upgrades without downtime' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Kubernetes upgrades without downtime' }).waitFor();
    await ada.getByTestId('stage-member').nth(2).waitFor();
    expect(await ada.getByTestId('stage-member').count()).toBe(3);
    expect(await ada.getByTestId('stage').textContent()).toContain('Host');
    expect(await ada.getByTestId('audience-member').count()).toBe(5);
    await ada.getByTestId('audio-status').getByText(/speaker token ready/).waitFor();

    // Ada starts her own room through the form and hosts it.
    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Browser-tested room');
    await ada.getByLabel('Topics').selectOption(['software-engineering']);
    await ada.getByRole('button', { name: 'Go live' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Browser-tested room' }).waitFor();
    await ada.getByText('Live updates on').waitFor();
    const roomUrl = ada.url();

    // Tom, in another browser context, joins and raises his hand with a question.
    const tom = await newPage();
    await signIn(tom, api.origin, await token('demo-tom', 'Tom Becker'));
    await tom.getByTestId('viewer-name').waitFor();
    await tom.goto(roomUrl);
    await tom.getByRole('button', { name: 'Join room' }).click();
    await tom.getByTestId('audio-status').getByText(/listen-only token ready/).waitFor();
    const question = 'How do you test upgrades before production?';
    await tom.getByLabel('Your question (optional)').fill(question);
    await tom.getByText(`${280 - question.length} characters left`).waitFor();
    await tom.getByRole('button', { name: /Raise hand/ }).click();
    await tom.getByText('Your hand is raised').waitFor();

    // Ada sees Tom in the audience and his question in her queue without reloading.
    await ada.getByTestId('audience-member').first().waitFor();
    const hand = ada.getByTestId('raised-hand');
    await hand.getByText(question).waitFor();
    expect(await hand.textContent()).toContain('Tom Becker');
    expect(await ada.getByTestId('listener-count').textContent()).toBe('1');
    await ada.screenshot({ path: SCREENSHOT, fullPage: true });

    // Ada invites him; Tom's accept banner arrives live, and accepting puts him on stage for both.
    await hand.getByRole('button', { name: /Invite/ }).click();
    await tom.getByTestId('invite-banner').waitFor();
    await tom.getByRole('button', { name: 'Accept' }).click();
    await tom.getByTestId('audio-status').getByText(/speaker token ready/).waitFor();
    await ada.getByTestId('stage').getByText('Tom Becker').waitFor();
    expect(await ada.getByTestId('raised-hand').count()).toBe(0);

    await ada.screenshot({ path: SCREENSHOT.replace('.png', '-stage.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows an API error as a readable toast with its code', async () => {
    const stale = await newPage();
    await stale.addInitScript(() => window.localStorage.setItem('roundtable.token', 'not-a-valid-token'));
    await stale.goto(`${api.origin}/`);
    const toast = stale.locator('.toast[data-code="UNAUTHENTICATED"]');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('UNAUTHENTICATED');
    await stale.getByLabel('Bearer token').waitFor();

    const page = await newPage();
    await signIn(page, api.origin, await token('demo-ada', 'Ada Lovelace'));
    await page.getByTestId('viewer-name').waitFor();
    await page.getByRole('link', { name: 'New room' }).click();
    await page.getByLabel('Title').fill('Too many speakers');
    await page.getByLabel('Speakers on stage (max)').fill('500');
    await page.getByRole('button', { name: 'Go live' }).click();
    // A field error from extensions.field appears next to its field.
    await page.locator('.field-error').first().waitFor();
    expect(await page.getByLabel('Speakers on stage (max)').getAttribute('aria-invalid')).toBe('true');

    await page.goto(`${api.origin}/rooms/does-not-exist`);
    await page.getByText('Room unavailable').waitFor();
    expect(await page.locator('main').textContent()).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
  }, 60_000);
});

// The built web client in a real headless Chromium (Debian's, at /usr/bin/chromium) against the
// real API (`node dist/apps/api/main.js`, seeded demo data, real PostgreSQL): a host and a listener
// in two browser contexts, moderation end to end, both pages agreeing with the server's counts,
// profile editing, a phone-sized run without sideways scrolling, and axe-core on the main pages.
// There is no LiveKit server in tests, so the room must say "Audio unavailable" and keep working.
// Without Chromium this suite is skipped and says so.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import ICAL from 'ical.js';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Route } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const WEB_INDEX = join(REPO_ROOT, 'dist', 'apps', 'web', 'index.html');
const API_MAIN = join(REPO_ROOT, 'dist', 'apps', 'api', 'main.js');
const STAFF_CLI = join(REPO_ROOT, 'dist', 'apps', 'api', 'cli', 'staff.js');
const DEV_SECRET = 'roundtable-dev-secret-change-me';
/** Committed screenshots shown in the README; the rest go to tmp/. */
const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const SCRATCH = join(REPO_ROOT, 'tmp', 'web-e2e');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn('SKIPPED: web browser tests (apps/web/test/web.e2e.spec.ts): /usr/bin/chromium not found. Install it with `apt-get install chromium`.');
}

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

function token(sub: string, name: string, roles: readonly string[] = []): Promise<string> {
  return new SignJWT({ name, roles: [...roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(DEV_SECRET));
}

/**
 * `locator.waitFor()`, and when it times out, the GraphQL errors the pages received and what the
 * page shows: a step that waits for an answer says why the answer never came (toasts vanish).
 */
async function waitOrExplain(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (error) {
    const main = await page.locator('main').innerText().catch(() => '');
    throw new Error(`${(error as Error).message}\nGraphQL errors so far: ${JSON.stringify(graphqlErrors)}\nthe page's main text: ${main.slice(0, 1500)}`);
  }
}

/** GraphQL errors every page of the suite received (operation: code message), newest last. */
const graphqlErrors: string[] = [];

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

async function startApi(env: Record<string, string>, fixedPort?: number): Promise<RunningApi> {
  const port = fixedPort ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    // Its own rate-limit keys: with REDIS_URL (CI) every API process of the run shares one Redis,
    // and the budget suites drain 127.0.0.1's budgets there on purpose.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_KEY_PREFIX: `web-e2e-${process.pid}-${port}`,
      // The default budgets: three people driven at machine speed stay within them (the old
      // 30,000-point default refused Ada's group page in CI; see README "Budgets").
      ...env,
    },
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

/**
 * Holds the page's first GraphQL request whose operation name and variables `matches`, to make a
 * race happen in one order. `held` resolves once it is held; `release()` lets it through, waits
 * for the page to receive the answer and then for five animation frames, so whatever the page does
 * with a late answer has been rendered.
 */
async function holdGraphqlRequest(page: Page, matches: (operationName: string, variables: Record<string, unknown>) => boolean) {
  let held: Route | null = null;
  let onHeld!: () => void;
  let letThrough!: () => void;
  const heldPromise = new Promise<void>((resolve) => (onHeld = resolve));
  const through = new Promise<void>((resolve) => (letThrough = resolve));
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
    if (held || !body || !matches(body.operationName ?? '', body.variables ?? {})) return route.fallback();
    held = route;
    onHeld();
    await through;
    return route.continue();
  });
  return {
    held: heldPromise,
    async release(): Promise<void> {
      const request = held?.request();
      if (!request) throw new Error('release() before the request was held');
      const answered = page.waitForResponse((response) => response.request() === request);
      letThrough();
      await (await answered).finished();
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            let frames = 0;
            const next = () => (++frames >= 5 ? resolve() : requestAnimationFrame(next));
            requestAnimationFrame(next);
          }),
      );
    },
  };
}

async function signIn(page: Page, origin: string, bearer: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Access token').fill(`Bearer ${bearer}`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('viewer-name').waitFor({ state: 'attached' });
}

/** axe-core in the page: violations of serious or critical impact, as "rule: target" lines. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/** The page is no wider than the viewport (no sideways scrolling). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Header items that overlap one another or leave the viewport, as "a / b" lines: on a phone,
 * "Sign out" once slid over the avatar when a third link (Notices or Staff) was shown.
 */
async function headerCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const items = [document.querySelector('.topbar .brand'), ...Array.from(document.querySelectorAll('.topbar-nav > *'))].filter((item): item is Element => item !== null);
    const boxes = items.map((item) => ({ name: (item.textContent ?? '').trim() || item.className, box: item.getBoundingClientRect() }));
    const found: string[] = [];
    boxes.forEach((a, i) => {
      if (a.box.left < 0 || a.box.right > document.documentElement.clientWidth) found.push(`${a.name} / viewport`);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.box.left < b.box.right - 0.5 && b.box.left < a.box.right - 0.5 && a.box.top < b.box.bottom - 0.5 && b.box.top < a.box.bottom - 0.5;
        if (overlap) found.push(`${a.name} / ${b.name}`);
      }
    });
    return found;
  });
}

/**
 * Kind: a browser test's setup drains the budget of a person the tests drive. The people signed in
 * to the pages (the demo profiles) have the default budgets (RATE_LIMIT_MUTATIONS, 120 a minute);
 * setup sent through {@link graphql} in their name spends the same budget their pages need next,
 * and whether that budget has refilled depends on how fast the machine ran the tests before
 * (a 90-message setup as Ada refused her next test's group in one CI run and not in another).
 * So bulk setup goes through setup people of its own (a fresh token); past
 * {@link SETUP_MUTATIONS_PER_DRIVEN_PERSON} mutations by one driven person in one test, `graphql`
 * fails at once, on every machine, saying so.
 */
const SETUP_MUTATIONS_PER_DRIVEN_PERSON = 15;
const drivenPeople = new Set<string>();
const setupMutations = new Map<string, number>();

function countSetupMutation(bearer: string, query: string): void {
  if (!drivenPeople.has(bearer) || !/^\s*mutation\b/.test(query)) return;
  const count = (setupMutations.get(bearer) ?? 0) + 1;
  setupMutations.set(bearer, count);
  if (count > SETUP_MUTATIONS_PER_DRIVEN_PERSON) {
    throw new Error(
      `setup sent more than ${SETUP_MUTATIONS_PER_DRIVEN_PERSON} mutations in one test as a person the browser tests drive: ` +
        'their rate budget is what their pages spend next; send bulk setup as a setup person of its own (a fresh token)',
    );
  }
}

async function graphql<T>(origin: string, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  countSetupMutation(bearer, query);
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Polls until `read()` equals `expected` (pages update live; nothing here waits a fixed time). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000, label = ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect({ label, value: last }).toEqual({ label, value: expected });
}

const roomIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

describeWithChromium('web client in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let pgDir: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseUrl: string | null = null;
  let apiEnv: Record<string, string> = {};
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const tokens: Record<string, string> = {};

  /** The API's database: DATABASE_URL's throwaway one (CI), else the embedded one it started. */
  function apiDatabaseUrl(): string {
    const url = databaseUrl ?? (pgDir ? (JSON.parse(readFileSync(`${pgDir}.runtime.json`, 'utf8')) as { url: string }).url : null);
    if (!url) throw new Error('neither DATABASE_URL nor the embedded PostgreSQL runtime file');
    return url;
  }

  /** Grants the staff role in the API's staff record with the operators' CLI (`npm run staff`). */
  function grantStaffWithCli(profileId: string): void {
    const granted = spawnSync(process.execPath, [STAFF_CLI, 'grant', '--profile', profileId, '--by', 'web e2e'], {
      env: { ...process.env, DATABASE_URL: apiDatabaseUrl() },
      encoding: 'utf8',
    });
    if (granted.status !== 0) throw new Error(`npm run staff -- grant failed: ${granted.stderr}`);
  }

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`npm run build\` first (npm test does)`);
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run build\` first (npm test does)`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(SCRATCH, { recursive: true });
    const env: Record<string, string> = {
      // A closed port: recommendations come from the documented fallback ranking.
      RECOMMENDER_URL: `http://127.0.0.1:${await freePort()}`,
      RECOMMENDER_TIMEOUT_MS: '300',
      // No media server in tests: a closed port, so the page must say "Audio unavailable".
      LIVEKIT_URL: `ws://127.0.0.1:${await freePort()}`,
    };
    if (process.env['DATABASE_URL']) {
      const database = await createThrowawayDatabase(process.env['DATABASE_URL']);
      dropDatabase = database.drop;
      databaseUrl = database.url;
      env['DATABASE_URL'] = database.url;
    } else {
      pgDir = mkdtempSync(join(tmpdir(), 'roundtable-web-e2e-pg-'));
      env['EMBEDDED_PG_DIR'] = pgDir;
    }
    apiEnv = env;
    [api, browser] = await Promise.all([
      startApi(env),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
      }),
    ]);
    for (const [id, name] of [
      ['demo-ada', 'Ada Lovelace'],
      ['demo-tom', 'Tom Becker'],
      ['demo-linus', 'Linus Kern'],
      ['demo-priya', 'Priya Raman'],
      ['demo-zoe', 'Zoe Martin'],
      ['demo-margaret', 'Margaret Hamilton'],
      ['demo-hana', 'Hana Sato'],
    ] as const) {
      tokens[id] = await token(id, name);
      drivenPeople.add(tokens[id]);
    }
    // Trust and safety staff: the demo staff profile, whose role every development start grants
    // in the staff record (a token's roles claim alone grants nothing, issue 14).
    tokens['staff'] = await token('demo-trust-safety', 'Tess Safety', ['trust_safety']);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await api?.stop();
    await dropDatabase?.();
    if (pgDir) rmSync(pgDir, { recursive: true, force: true });
    if (pgDir) rmSync(`${pgDir}.runtime.json`, { force: true });
  }, 60_000);

  afterEach(() => {
    setupMutations.clear();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(viewport = { width: 1280, height: 900 }, options: { reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'], reducedMotion: options.reducedMotion ?? 'no-preference' });
    contexts.push(context);
    // Offline guarantee: the page may load nothing but its own origin (the media server's closed port included).
    await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/|ws:\/\/127\.0\.0\.1:\d+\/|data:)/, (route) => {
      pageErrors.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Every GraphQL error the page received, for a waiting step that times out to name.
    page.on('response', (response) => {
      if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
      response
        .json()
        .then((body: { errors?: { message?: string; extensions?: { code?: string } }[] }) => {
          for (const error of body.errors ?? []) graphqlErrors.push(`${response.request().postDataJSON()?.operationName ?? '?'}: ${error.extensions?.code ?? '?'} ${error.message ?? ''}`);
        })
        .catch(() => undefined);
    });
    // A hang guard, not a performance bound: in CI this suite shares 2 cores with every other
    // suite, and a sign-in once took longer than 15 s there.
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** The follower's notification level for a profile, as the server has it. */
  async function profileLevel(viewerId: string, profileId: string): Promise<string | null> {
    const data = await graphql<{ profile: { viewerNotifications: string | null } }>(api.origin, tokens[viewerId]!, 'query($id: ID!) { profile(id: $id) { viewerNotifications } }', { id: profileId });
    return data.profile.viewerNotifications;
  }

  async function serverCounts(roomId: string) {
    const data = await graphql<{ room: { listenerCount: number; stage: { profile: { id: string } }[] } }>(
      api.origin,
      tokens['demo-ada']!,
      'query($id: ID!) { room(id: $id) { listenerCount stage { profile { id } } } }',
      { id: roomId },
    );
    return { listeners: data.room.listenerCount, stage: data.room.stage.length };
  }

  async function pageCounts(page: Page) {
    return {
      listeners: Number((await page.getByTestId('listener-count').textContent())?.replace(/,/g, '')),
      stage: await page.getByTestId('stage-member').count(),
    };
  }

  /** Both pages show what the server says, once live events have settled. */
  async function expectPagesAgreeWithServer(roomId: string, pages: Page[]) {
    const server = await serverCounts(roomId);
    for (const [index, page] of pages.entries()) {
      await eventually(() => pageCounts(page), server, 10_000, `page ${index}`);
    }
    return server;
  }

  it('home: recommendations with reasons (no model id), live and upcoming with topic filter and search; no serious axe violations', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    const recommended = ada.getByTestId('recommended');
    await recommended.getByTestId('reason').first().waitFor();
    expect(await recommended.getByTestId('room-card').count()).toBeGreaterThan(0);
    // Bug 9: the ranking model's id is not for end users.
    expect(await ada.locator('main').textContent()).not.toMatch(/fallback|rt-mlp|model /i);
    // Bug 9: no chip repeats on a card.
    for (const card of await recommended.getByTestId('room-card').all()) {
      const chips = await card.getByTestId('reason').allTextContents();
      expect(new Set(chips.map((c) => c.toLowerCase())).size).toBe(chips.length);
    }
    await ada.getByTestId('live-rooms').getByRole('link', { name: 'Kubernetes upgrades without downtime' }).waitFor();
    await ada.getByLabel('Search titles and hosts').fill('kubernetes');
    expect(await ada.getByTestId('live-rooms').getByTestId('room-card').count()).toBe(1);
    await ada.getByLabel('Search titles and hosts').fill('');
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await ada.screenshot({ path: join(SCREENSHOTS, 'home.png') });
  }, 60_000);

  it('recommendation controls: "Not interested" by keyboard → gone → unhide on the Hidden page → back; undo; the Personalised switch persists; the public "How recommendations work" page; 390 px; no serious axe violations', async () => {
    const priya = await newPage();
    await signIn(priya, api.origin, tokens['demo-priya']!);
    const recommended = priya.getByTestId('recommended');
    await waitOrExplain(priya, recommended.getByTestId('room-card').first());
    const firstCard = recommended.getByTestId('room-card').first();
    const title = (await firstCard.getByRole('heading').innerText()).trim();
    const cardOf = (name: string) => recommended.getByTestId('room-card').filter({ has: priya.getByRole('heading', { name, exact: true }) });

    // Keyboard: focus "Not interested", Enter opens the choices, Tab to "This room", Enter hides it.
    await firstCard.getByTestId('not-interested').focus();
    await priya.keyboard.press('Enter');
    await priya.keyboard.press('Tab');
    expect(await priya.evaluate(() => document.activeElement?.textContent)).toBe('This room');
    await priya.keyboard.press('Enter');
    await waitOrExplain(priya, priya.getByTestId('feed-status').getByText(`Hidden: ${title}.`));
    await cardOf(title).waitFor({ state: 'detached' });
    // The focus moves to Undo (the card it was on is gone).
    expect(await priya.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-hide');

    // The Hidden page lists it; unhide brings it back to the feed.
    await priya.getByTestId('hidden-link').click();
    const hiddenList = priya.getByTestId('hidden-list');
    const unhideButton = hiddenList.getByRole('button', { name: `Unhide Room: ${title}` });
    await waitOrExplain(priya, unhideButton);
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await unhideButton.click();
    await priya.getByTestId('hidden-status').getByText('is back in your recommendations').waitFor();
    await priya.getByRole('link', { name: 'Back to your feed' }).click();
    await waitOrExplain(priya, cardOf(title));

    // A host, hidden with the mouse, comes back with Undo.
    const card = cardOf(title);
    await card.getByTestId('not-interested').click();
    const hostChoice = card.getByRole('button', { name: /^Rooms by / });
    const hostText = (await hostChoice.innerText()).replace(/^Rooms by /, '');
    await hostChoice.click();
    await cardOf(title).waitFor({ state: 'detached' });
    for (const remaining of await recommended.getByTestId('room-card').all()) expect(await remaining.innerText()).not.toContain(`Hosted by ${hostText} ·`);
    await priya.getByTestId('undo-hide').click();
    await waitOrExplain(priya, cardOf(title));

    // The Personalised switch: off, persisted across a reload, and on again.
    const modeSwitch = priya.getByRole('switch', { name: 'Personalised' });
    expect(await modeSwitch.getAttribute('aria-checked')).toBe('true');
    await modeSwitch.focus();
    await priya.keyboard.press('Space');
    await priya.getByRole('heading', { name: 'From your groups and people you follow' }).waitFor();
    expect(await modeSwitch.getAttribute('aria-checked')).toBe('false');
    await priya.reload();
    await priya.getByRole('heading', { name: 'From your groups and people you follow' }).waitFor();
    expect(await priya.getByRole('switch', { name: 'Personalised' }).getAttribute('aria-checked')).toBe('false');
    expect(await seriousAxeViolations(priya)).toEqual([]);
    // At 390 px: the switch, the links and the menus fit.
    await priya.setViewportSize({ width: 390, height: 844 });
    await recommended.getByTestId('not-interested').first().click();
    expect(await horizontalOverflow(priya)).toBe(0);
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await priya.setViewportSize({ width: 1280, height: 900 });
    await priya.getByRole('switch', { name: 'Personalised' }).click();
    await priya.getByRole('heading', { name: 'Recommended for you' }).waitFor();

    // "How recommendations work", linked from the feed; and public: readable signed out, on a phone.
    await priya.getByRole('link', { name: 'How recommendations work' }).click();
    await waitOrExplain(priya, priya.getByTestId('ranking-parameters').getByRole('listitem').first());
    const visitor = await newPage({ width: 390, height: 844 });
    await visitor.goto(`${api.origin}/recommendations/how`);
    await waitOrExplain(visitor, visitor.getByTestId('ranking-parameters').getByRole('listitem').first());
    expect(await visitor.getByTestId('ranking-parameters').getByRole('listitem').count()).toBe(11);
    expect(await visitor.getByTestId('transparency-explanation').innerText()).toMatch(/fallback formula/);
    expect(await horizontalOverflow(visitor)).toBe(0);
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await priya.screenshot({ path: join(SCREENSHOTS, 'how-recommendations-work.png'), fullPage: true });
  }, 90_000);

  it('host and listener: a declined invitation does not freeze the host page; accept, mute, unmute, removal; counts agree with the server', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Browser-tested room');
    await ada.getByLabel('Search topics').fill('software');
    await ada.getByRole('checkbox', { name: /Software Engineering/i }).check();
    await ada.getByRole('button', { name: 'Go live' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Browser-tested room' }).waitFor();
    await ada.getByText('Live updates on').waitFor();
    // No media server: a clear notice, and the rest of the room works.
    await ada.getByTestId('audio-status').getByText('Audio unavailable').waitFor();
    const roomId = roomIdOf(ada);
    const roomUrl = ada.url();

    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(roomUrl);
    await tom.getByRole('button', { name: 'Join room' }).click();
    await tom.getByTestId('audio-status').getByText('Audio unavailable').waitFor();
    // Kind: a refused form erases what the person typed. Screening refuses this question; the
    // text stays in the box, and the error names the field by its label.
    const refusedQuestion = 'Why are you such a retard about upgrades?';
    await tom.getByLabel('Your question (optional)').fill(refusedQuestion);
    await tom.getByRole('button', { name: /Raise hand/ }).click();
    const refusal = tom.locator('.toast[data-code="BAD_USER_INPUT"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Your question contains a slur');
    await expect(tom.getByLabel('Your question (optional)').inputValue()).resolves.toBe(refusedQuestion);
    await tom.getByRole('button', { name: 'Dismiss message' }).first().click();
    const question = 'How do you test upgrades before production?';
    await tom.getByLabel('Your question (optional)').fill(question);
    await tom.getByRole('button', { name: /Raise hand/ }).click();
    await tom.getByText('Your hand is raised').waitFor();

    const hand = ada.getByTestId('raised-hand');
    await hand.getByText(question).waitFor();
    await expectPagesAgreeWithServer(roomId, [ada, tom]);

    // Bug 1: the invitation is declined; the host's page keeps updating afterwards.
    await hand.getByRole('button', { name: 'Invite Tom Becker to the stage' }).click();
    await tom.getByTestId('invite-banner').waitFor();
    await tom.getByRole('button', { name: 'Decline' }).click();
    await ada.getByRole('button', { name: 'Invite Tom Becker to the stage' }).waitFor();
    await tom.getByRole('button', { name: 'Lower hand' }).click();
    const second = 'Second try: what about rollbacks?';
    await tom.getByLabel('Your question (optional)').fill(second);
    await tom.getByRole('button', { name: /Raise hand/ }).click();
    await ada.getByTestId('raised-hand').getByText(second).waitFor();
    await expect(ada.getByTestId('live-indicator').getAttribute('data-state')).resolves.toBe('live');

    // Accepted: Tom is on stage on both pages.
    await ada.getByRole('button', { name: 'Invite Tom Becker to the stage' }).click();
    await tom.getByRole('button', { name: 'Accept' }).click();
    await ada.locator('[data-testid="stage-member"][data-profile-id="demo-tom"]').waitFor();
    await tom.locator('[data-testid="stage-member"][data-profile-id="demo-tom"]').waitFor();
    expect(await ada.getByTestId('raised-hand').count()).toBe(0);

    // Mute, then bug 4: the muted speaker unmutes.
    await ada.locator('summary', { hasText: 'Actions for Tom Becker' }).click();
    await ada.getByRole('button', { name: 'Mute', exact: true }).click();
    await tom.getByText('A moderator muted you.').waitFor();
    await ada.locator('[data-profile-id="demo-tom"] .muted-badge').waitFor();
    await tom.getByRole('button', { name: 'Unmute' }).click();
    await ada.locator('[data-profile-id="demo-tom"] .muted-badge').waitFor({ state: 'detached' });

    // Two more listeners; the host removes one (bug 2: counted once on both pages).
    const linus = await newPage();
    await signIn(linus, api.origin, tokens['demo-linus']!);
    await linus.goto(roomUrl);
    await linus.getByRole('button', { name: 'Join room' }).click();
    await linus.getByRole('button', { name: 'Leave room' }).waitFor();
    const priya = await newPage();
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.goto(roomUrl);
    await priya.getByRole('button', { name: 'Join room' }).click();
    await priya.getByRole('button', { name: 'Leave room' }).waitFor();
    expect(await expectPagesAgreeWithServer(roomId, [ada, tom])).toEqual({ listeners: 2, stage: 2 });

    await ada.locator('summary', { hasText: 'Actions for Linus Kern' }).click();
    await ada.getByRole('button', { name: 'Remove', exact: true }).click();
    await ada.getByRole('dialog', { name: 'Remove Linus Kern?' }).getByRole('button', { name: 'Remove' }).click();
    await linus.getByTestId('removed-banner').waitFor();
    expect(await expectPagesAgreeWithServer(roomId, [ada, tom])).toEqual({ listeners: 1, stage: 2 });

    // Bug 3: a removed (not banned) listener may join again, and the old notice goes.
    await linus.getByRole('button', { name: 'Join room' }).click();
    await linus.getByTestId('removed-banner').waitFor({ state: 'detached' });
    await linus.getByRole('button', { name: 'Leave room' }).waitFor();
    expect(await expectPagesAgreeWithServer(roomId, [ada, tom])).toEqual({ listeners: 2, stage: 2 });

    // Bug 3: a banned person gets no Join button, and is told why.
    await ada.locator('summary', { hasText: 'Actions for Linus Kern' }).click();
    await ada.getByRole('button', { name: 'Remove and ban' }).click();
    await ada.getByRole('dialog').getByRole('button', { name: 'Remove and ban' }).click();
    await linus.getByTestId('join-block').getByText('may not join it again').waitFor();
    expect(await linus.getByRole('button', { name: 'Join room' }).count()).toBe(0);
    expect(await expectPagesAgreeWithServer(roomId, [ada, tom])).toEqual({ listeners: 1, stage: 2 });

    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.screenshot({ path: join(SCREENSHOTS, 'room-host.png'), fullPage: true });

    // Bug 5: the host is warned, hands over to the moderator, and every page says who hosts now.
    await ada.locator('summary', { hasText: 'Actions for Tom Becker' }).click();
    await ada.getByRole('button', { name: 'Make moderator' }).click();
    await tom.locator('[data-profile-id="demo-tom"] .role-moderator').waitFor();
    await ada.getByRole('button', { name: 'Leave room' }).click();
    const dialog = ada.getByRole('dialog', { name: 'Leave your room?' });
    await dialog.getByText('Tom Becker becomes the host').waitFor();
    await dialog.getByRole('button', { name: 'Leave room' }).click();
    for (const page of [ada, tom, priya]) await page.getByTestId('host-name').getByText('Tom Becker').waitFor();
    expect(await ada.getByRole('button', { name: 'End room' }).count()).toBe(0);

    // Bug 6: the new host ends the room; no stage, no audio line anywhere.
    await tom.getByRole('button', { name: 'End room' }).click();
    await tom.getByRole('dialog').getByRole('button', { name: 'End room' }).click();
    for (const page of [tom, priya, ada]) {
      await page.getByTestId('ended-notice').waitFor();
      expect(await page.getByTestId('stage').count()).toBe(0);
      expect(await page.getByTestId('audio-status').count()).toBe(0);
    }
  }, 180_000);

  it('a scheduled room: nobody gets Join; its host gets Start, and starting it offers Join live (bug 3); moderation by keyboard', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Scheduled browser room');
    const later = new Date(Date.now() + 3 * 3600_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await ada.getByLabel('Scheduled time (optional)').fill(local);
    await ada.getByRole('button', { name: 'Schedule room' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Scheduled browser room' }).waitFor();

    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(ada.url());
    await tom.getByTestId('join-block').getByText('has not started yet').waitFor();
    expect(await tom.getByRole('button', { name: 'Join room' }).count()).toBe(0);

    await ada.getByRole('button', { name: 'Start room' }).click();
    await tom.getByRole('button', { name: 'Join room' }).waitFor();
    await tom.getByRole('button', { name: 'Join room' }).click();
    await tom.getByRole('button', { name: 'Leave room' }).waitFor();

    // Keyboard only: the host opens Tom's actions, moves to "Invite to stage" and presses Enter;
    // focus is visible all the way.
    const summary = ada.locator('summary', { hasText: 'Actions for Tom Becker' });
    await summary.focus();
    // Step off and back with the keyboard, so the focus is keyboard focus (:focus-visible).
    await ada.keyboard.press('Shift+Tab');
    await ada.keyboard.press('Tab');
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
    await ada.keyboard.press('Enter');
    await ada.keyboard.press('Tab');
    expect(await ada.evaluate(() => document.activeElement?.textContent)).toBe('Invite to stage');
    expect(await ada.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none');
    await ada.keyboard.press('Enter');
    await tom.getByTestId('invite-banner').waitFor();
  }, 60_000);

  it('calendars (issue 18): "Add to calendar" on a scheduled room\'s card and page opens its iCalendar event; the profile\'s feed URL is shown, copied and replaced by keyboard (the old one answers 404); no serious axe violations', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Calendar browser room');
    const later = new Date(Date.now() + 5 * 3600_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await ada.getByLabel('Scheduled time (optional)').fill(local);
    await ada.getByRole('button', { name: 'Schedule room' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Calendar browser room' }).waitFor();

    const pageLink = await ada.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
    const event = await ada.request.get(pageLink ?? '');
    expect({ status: event.status(), type: event.headers()['content-type'] }).toEqual({ status: 200, type: 'text/calendar; charset=utf-8' });
    const [vevent] = new ICAL.Component(ICAL.parse(await event.text())).getAllSubcomponents('vevent');
    expect(new ICAL.Event(vevent).summary).toBe('Calendar browser room');

    await ada.goto(api.origin);
    // The room is on two lists of the home page (recommended, and live and upcoming): the card of the latter.
    const cardLink = ada.getByTestId('upcoming-rooms').getByRole('link', { name: 'Add to calendar: Calendar browser room' });
    expect(await cardLink.getAttribute('href')).toBe(pageLink);

    await ada.getByRole('link', { name: /your profile/ }).click();
    const feed = ada.getByTestId('calendar-feed');
    await feed.getByRole('button', { name: 'Show feed URL' }).click();
    const oldUrl = await feed.getByLabel('Feed URL').inputValue();
    expect((await ada.request.get(oldUrl)).status()).toBe(200);
    expect(await seriousAxeViolations(ada)).toEqual([]);
    // Keyboard only: "New URL", then the dialog's confirmation.
    await feed.getByRole('button', { name: 'Copy' }).focus();
    await ada.keyboard.press('Tab');
    expect(await ada.evaluate(() => document.activeElement?.textContent)).toBe('New URL');
    await ada.keyboard.press('Enter');
    await ada.getByRole('dialog').getByRole('button', { name: 'New URL' }).focus();
    await ada.keyboard.press('Enter');
    await feed.getByText('New feed URL made: the old one no longer works.').waitFor();
    const newUrl = await feed.getByLabel('Feed URL').inputValue();
    expect(newUrl).not.toBe(oldUrl);
    expect((await ada.request.get(oldUrl)).status()).toBe(404);
    expect((await ada.request.get(newUrl)).status()).toBe(200);
  }, 60_000);

  it('profile: edit name, headline and interests with the searchable picker; view and follow someone else', async () => {
    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.getByRole('link', { name: /your profile/ }).click();
    await tom.getByRole('heading', { name: 'Edit your profile' }).waitFor();
    await tom.getByLabel('Headline').fill('Developer at Acme, learning Kubernetes');
    await tom.getByLabel('Company').fill('Acme');
    await tom.getByLabel('Seniority').selectOption('MID');
    await tom.getByRole('textbox', { name: 'Skills' }).fill('TypeScript, Go');
    await tom.getByLabel('Search interests').fill('machine');
    await tom.getByRole('checkbox', { name: 'Machine Learning' }).check();
    await tom.getByRole('button', { name: 'Save profile' }).click();
    await tom.getByText('Profile saved.').waitFor();
    await tom.reload();
    await tom.getByRole('heading', { name: 'Edit your profile' }).waitFor();
    expect(await tom.getByLabel('Headline').inputValue()).toBe('Developer at Acme, learning Kubernetes');
    await tom.getByRole('button', { name: 'Remove Machine Learning' }).waitFor();
    expect(await seriousAxeViolations(tom)).toEqual([]);
    await tom.screenshot({ path: join(SCREENSHOTS, 'profile.png'), fullPage: true });

    await tom.goto(`${api.origin}/people/demo-ada`);
    await tom.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    const before = await tom.getByTestId('follow-counts').textContent();
    const follow = tom.getByRole('button', { name: /Follow/ });
    const wasFollowing = (await follow.getAttribute('aria-pressed')) === 'true';
    await follow.click();
    await eventually(() => tom.getByRole('button', { name: /Follow/ }).getAttribute('aria-pressed'), String(!wasFollowing));
    expect(await tom.getByTestId('follow-counts').textContent()).not.toBe(before);
    // Bug 9: "1 followers" never shows.
    expect(await tom.locator('main').textContent()).not.toMatch(/\b1 followers\b/);
  }, 60_000);

  it('on a 390×844 phone: no sideways scrolling on any page, even with a long unbroken title, and a one-row header (bug 8)', async () => {
    const longTitle = `Observability${'x'.repeat(89)}`;
    expect(longTitle.length).toBe(102);
    const created = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: longTitle, topics: ['software-engineering'] },
    });
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, api.origin, tokens['demo-tom']!);
    await phone.getByTestId('live-rooms').getByText(longTitle).waitFor();
    const header = await phone.locator('.topbar').boundingBox();
    expect(header?.height).toBeLessThan(64);
    expect(await horizontalOverflow(phone)).toBe(0);

    await phone.goto(`${api.origin}/rooms/${encodeURIComponent(created.createRoom.id)}`);
    await phone.getByRole('button', { name: 'Join room' }).click();
    await phone.getByTestId('audio-status').getByText('Audio unavailable').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    expect((await phone.locator('.topbar').boundingBox())?.height).toBeLessThan(64);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(SCREENSHOTS, 'room-phone.png'), fullPage: true });

    for (const path of ['/profile', '/groups', '/new', '/people/demo-ada']) {
      await phone.goto(`${api.origin}${path}`);
      await phone.locator('main h1').first().waitFor();
      expect({ path, overflow: await horizontalOverflow(phone) }).toEqual({ path, overflow: 0 });
    }
    // The invitee picker with results, and the group picker, fit the phone too.
    await phone.goto(`${api.origin}/new`);
    await phone.getByRole('radio', { name: /Private/ }).check();
    await phone.getByLabel('Search people').fill('engineer');
    await phone.getByRole('list', { name: 'Matching people' }).getByRole('button').first().waitFor();
    expect({ path: '/new, people picker', overflow: await horizontalOverflow(phone) }).toEqual({ path: '/new, people picker', overflow: 0 });
    await phone.getByRole('radio', { name: /Group/ }).check();
    await phone.getByText(/^(Only groups you belong to\.|You are in no group yet: create or join one on the Groups page\.)$/).waitFor();
    expect({ path: '/new, group picker', overflow: await horizontalOverflow(phone) }).toEqual({ path: '/new, group picker', overflow: 0 });
  }, 60_000);

  it('kind: the host\'s queue below every listener\'s icon on a phone — at 390 px the raised hands come before the audience, and beside it from 900 px', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "Phone queue" }) { id } }');
    const roomId = createRoom.id;
    for (const who of ['demo-tom', 'demo-linus', 'demo-priya']) {
      await graphql(api.origin, tokens[who]!, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: roomId });
    }
    await graphql(api.origin, tokens['demo-tom']!, 'mutation($r: ID!) { raiseHand(roomId: $r, question: "Where does the queue go on a phone?") { id } }', { r: roomId });
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, api.origin, tokens['demo-ada']!);
    await phone.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await phone.getByTestId('raised-hand').getByText('Where does the queue go on a phone?').waitFor();
    await phone.locator('[data-testid="audience-member"][data-profile-id="demo-priya"]').waitFor();
    const box = async (locator: Locator) => {
      const found = await locator.boundingBox();
      if (!found) throw new Error('not rendered');
      return found;
    };
    const queue = await box(phone.locator('.queue'));
    const audience = await box(phone.getByTestId('audience'));
    expect({ queueBottom: Math.round(queue.y + queue.height) <= Math.round(audience.y) }).toEqual({ queueBottom: true });
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    // The DOM follows the same order, so keyboard and screen reader meet the queue first too.
    expect(await phone.evaluate(() => Boolean(document.querySelector('.queue')!.compareDocumentPosition(document.querySelector('[data-testid="audience"]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    // From 900 px the queue is a column beside the stage and the audience.
    await phone.setViewportSize({ width: 1280, height: 900 });
    const wideQueue = await box(phone.locator('.queue'));
    const wideAudience = await box(phone.getByTestId('audience'));
    const stage = await box(phone.getByTestId('stage'));
    expect({ besideAudience: wideQueue.x > wideAudience.x + wideAudience.width, alignedWithStage: Math.abs(wideQueue.y - stage.y) < 80 }).toEqual({ besideAudience: true, alignedWithStage: true });
  }, 60_000);

  it('questions for the stage: a screened question is seen only by its asker until approved; votes, merge, report, answer with a stage invitation, answered; host and listener at 390 px; no serious axe violations', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "Ask the platform team" }) { id } }');
    const roomUrl = `${api.origin}/rooms/${encodeURIComponent(createRoom.id)}`;
    // The host on a phone: the queue must be usable at 390 px.
    const ada = await newPage({ width: 390, height: 844 });
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.goto(roomUrl);
    const queue = ada.getByTestId('host-queue');
    await queue.getByText('No one is waiting to speak, and no question is waiting.').waitFor();
    const screening = queue.getByRole('checkbox', { name: /Screen questions/ });
    await screening.check();
    await eventually(
      async () => (await graphql<{ room: { screensQuestions: boolean } }>(api.origin, tokens['demo-ada']!, 'query($id: ID!) { room(id: $id) { screensQuestions } }', { id: createRoom.id })).room.screensQuestions,
      true,
    );

    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(roomUrl);
    await tom.getByRole('button', { name: 'Join room' }).click();
    const priya = await newPage({ width: 390, height: 844 });
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.goto(roomUrl);
    await priya.getByRole('button', { name: 'Join room' }).click();
    const priyaPanel = priya.getByTestId('questions-panel');
    await priyaPanel.getByText('No questions yet. Ask the first one.').waitFor();

    // Kind: a refused form erases what the person typed. Screening refuses this text; it stays,
    // and the sentence under the field names it by its label.
    const tomText = tom.getByLabel('Your question', { exact: true });
    const refused = 'Why are you such a retard about rollbacks?';
    await tomText.fill(refused);
    await tom.getByRole('button', { name: 'Ask', exact: true }).click();
    await waitOrExplain(tom, tom.getByTestId('ask-error'));
    // The field `text` is labelled for the question and the chat alike.
    expect(await tom.getByTestId('ask-error').textContent()).toMatch(/^Your text /);
    expect(await tomText.inputValue()).toBe(refused);
    expect(await tomText.getAttribute('aria-invalid')).toBe('true');

    // Tom asks in person, in a screened room: he sees it waiting; Priya does not see it at all.
    const rollback = 'How do you roll back a failed schema migration?';
    await tomText.fill(rollback);
    await tom.getByRole('checkbox', { name: /Ask it in person/ }).check();
    await tom.getByRole('button', { name: 'Ask', exact: true }).click();
    const tomsQuestion = tom.getByTestId('question').filter({ hasText: rollback });
    await tomsQuestion.getByText('Waiting for the host').waitFor();
    await eventually(() => tomText.inputValue(), '');
    await tom.getByText('Your hand is raised').waitFor();
    const pending = queue.locator('li').filter({ hasText: rollback });
    await pending.getByText('Needs approval').waitFor();
    await pending.getByText('Wants to ask in person').waitFor();
    // Priya's page got the change too (a question she may not see): read again, still nothing.
    await priyaPanel.getByText('No questions yet. Ask the first one.').waitFor();
    expect(await priyaPanel.getByTestId('question').count()).toBe(0);
    const priyaSees = await graphql<{ room: { questions: { totalCount: number } } }>(api.origin, tokens['demo-priya']!, 'query($id: ID!) { room(id: $id) { questions { totalCount } } }', { id: createRoom.id });
    expect(priyaSees.room.questions.totalCount).toBe(0);
    expect(await seriousAxeViolations(ada)).toEqual([]);

    await pending.getByRole('button', { name: "Approve Tom Becker's question" }).click();
    const priyasView = priyaPanel.getByTestId('question').filter({ hasText: rollback });
    await priyasView.waitFor();

    // Priya upvotes, takes it back and upvotes again, by keyboard.
    const upvote = priyasView.getByRole('button', { name: /^Upvote Tom Becker's question/ });
    await upvote.focus();
    await priya.keyboard.press('Enter');
    await eventually(() => upvote.getAttribute('aria-pressed'), 'true');
    expect(await upvote.getByTestId('upvote-count').textContent()).toBe('1');
    await priya.keyboard.press('Enter');
    await eventually(() => upvote.getAttribute('aria-pressed'), 'false');
    await priya.keyboard.press('Enter');
    await eventually(() => upvote.getAttribute('aria-pressed'), 'true');

    // Priya reports it: the report dialog names the question.
    await priyasView.getByRole('button', { name: "Report Tom Becker's question" }).click();
    const report = priya.getByRole('dialog', { name: 'Report this question' });
    await report.getByText(rollback).waitFor();
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await report.getByRole('radio', { name: /Spam or scam/ }).check();
    await report.getByRole('button', { name: 'Send report' }).click();
    await report.getByTestId('report-sent').waitFor();
    await report.getByRole('button', { name: 'Done' }).click();

    // Priya asks the same thing anonymously (approved too); the host merges it into Tom's.
    const duplicate = 'Rollbacks of failed migrations: how?';
    await priya.getByLabel('Your question', { exact: true }).fill(duplicate);
    await priya.getByRole('checkbox', { name: /Ask anonymously/ }).check();
    await priya.getByRole('button', { name: 'Ask', exact: true }).click();
    await priyaPanel.getByTestId('question').filter({ hasText: duplicate }).getByText('You (anonymously)').waitFor();
    const pendingDuplicate = queue.locator('li').filter({ hasText: duplicate });
    await pendingDuplicate.getByText('Priya Raman (anonymous to the room)').waitFor();
    await pendingDuplicate.getByRole('button', { name: "Approve Priya Raman's question" }).click();
    await tom.getByTestId('question').filter({ hasText: duplicate }).getByText('Anonymous', { exact: true }).waitFor();
    const duplicateId = await priyaPanel.getByTestId('question').filter({ hasText: duplicate }).getAttribute('data-question-id');
    await queue.getByRole('checkbox', { name: "Select Tom Becker's question to merge" }).check();
    await queue.getByRole('checkbox', { name: "Select Priya Raman's question to merge" }).check();
    await queue.getByRole('button', { name: 'Merge into…' }).click();
    const merge = ada.getByRole('dialog', { name: 'Merge into…' });
    await merge.getByRole('radio', { name: rollback }).check();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await merge.getByRole('button', { name: 'Merge 1 into it' }).click();
    // The duplicate leaves the list; its text shows under the kept question.
    await priyaPanel.locator(`[data-question-id="${duplicateId}"]`).waitFor({ state: 'detached' });
    await priyasView.getByText('+1 similar').waitFor();
    await priyasView.getByText('+1 similar').click();
    await priyasView.getByText(duplicate).waitFor();

    // One question a minute each: a second one this soon is refused, and stays in the box.
    const second = 'Is there a staging database?';
    await priya.getByLabel('Your question', { exact: true }).fill(second);
    await priya.getByRole('button', { name: 'Ask', exact: true }).click();
    await priya.locator('.toast[data-code="RATE_LIMITED"]').waitFor();
    expect(await priya.getByLabel('Your question', { exact: true }).inputValue()).toBe(second);
    await priya.getByRole('button', { name: 'Dismiss message' }).first().click();
    await priya.getByLabel('Your question', { exact: true }).fill('');

    // Newest first, by keyboard on the tabs.
    await priyaPanel.getByRole('tab', { name: 'Top' }).focus();
    await priya.keyboard.press('ArrowRight');
    await eventually(() => priyaPanel.getByRole('tab', { name: 'Newest' }).getAttribute('aria-selected'), 'true');
    await priyasView.waitFor();
    expect(await horizontalOverflow(priya)).toBe(0);
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await priya.screenshot({ path: join(SCRATCH, 'room-questions-phone.png'), fullPage: true });
    await priyaPanel.getByRole('tab', { name: 'Top' }).click();

    // The host's queue on a phone: above the audience, nothing wider than the screen.
    const tomsLine = queue.locator('li').filter({ hasText: rollback });
    await tomsLine.getByText('+1 similar').waitFor();
    expect(await horizontalOverflow(ada)).toBe(0);
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await queue.screenshot({ path: join(SCREENSHOTS, 'room-host-queue-phone.png') });
    await tom.evaluate(() => window.scrollTo(0, 0));
    await tom.screenshot({ path: join(SCREENSHOTS, 'room-questions.png'), fullPage: true });

    // Answer, inviting Tom (he asked in person, so the option is ticked): he must still accept.
    expect(await tomsLine.getByRole('checkbox', { name: 'Invite Tom Becker to the stage' }).isChecked()).toBe(true);
    await tomsLine.getByRole('button', { name: "Answer Tom Becker's question" }).click();
    await tom.getByTestId('invite-banner').waitFor();
    await priyaPanel.locator('.now-answering').getByText(rollback).waitFor();
    await tom.getByRole('button', { name: 'Accept' }).click();
    await ada.locator('[data-testid="stage-member"][data-profile-id="demo-tom"]').waitFor();
    await tom.locator('[data-testid="stage-member"][data-profile-id="demo-tom"]').waitFor();
    await tomsLine.getByText('Answering now').waitFor();

    // Marked answered: it leaves the queue, and Priya finds it under "Answered".
    await tomsLine.getByRole('button', { name: "Mark answered Tom Becker's question" }).click();
    await tomsLine.waitFor({ state: 'detached' });
    await priyaPanel.locator('.now-answering').waitFor({ state: 'detached' });
    await priyaPanel.getByRole('tab', { name: 'Answered' }).click();
    await priyaPanel.getByTestId('question').filter({ hasText: rollback }).getByText('Answered', { exact: true }).waitFor();
  }, 180_000);

  it('questions: "Show more" pages through a long list, and new questions arrive live', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "Many questions" }) { id } }');
    const roomId = createRoom.id;
    // One question per person (the API takes one a minute from each): 22 people ask.
    for (let index = 1; index <= 22; index += 1) {
      const bearer = await token(`asker-${index}`, `Asker ${index}`);
      await graphql(api.origin, bearer, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: roomId });
      await graphql(api.origin, bearer, 'mutation($r: ID!, $t: String!) { askQuestion(input: { roomId: $r, text: $t }) { id } }', { r: roomId, t: `Question number ${index}?` });
    }
    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-linus']!);
    await page.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    const panel = page.getByTestId('questions-panel');
    await panel.getByTestId('question').first().waitFor();
    expect(await panel.getByTestId('question').count()).toBe(20);
    expect(await panel.locator('h2 .count').textContent()).toBe('22');
    await panel.getByRole('button', { name: 'Show more' }).click();
    await eventually(() => panel.getByTestId('question').count(), 22);
    expect(await panel.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // Newest first: a question asked now comes in at the top without a reload.
    await panel.getByRole('tab', { name: 'Newest' }).click();
    await eventually(async () => (await panel.getByTestId('question').first().textContent())?.includes('Question number 22?'), true);
    const late = await token('asker-late', 'Late Asker');
    await graphql(api.origin, late, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: roomId });
    await graphql(api.origin, late, 'mutation($r: ID!) { askQuestion(input: { roomId: $r, text: "Arrived just now?" }) { id } }', { r: roomId });
    await eventually(async () => (await panel.getByTestId('question').first().textContent())?.includes('Arrived just now?'), true);
    // Linus joins and asks; thinking better of it, he withdraws it and it leaves the list.
    await page.getByRole('button', { name: 'Join room' }).click();
    const mine = 'Is there a staging database?';
    await page.getByLabel('Your question', { exact: true }).fill(mine);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const item = panel.getByTestId('question').filter({ hasText: mine });
    await item.getByText('You', { exact: true }).waitFor();
    await item.getByRole('button', { name: 'Withdraw your question' }).click();
    await item.waitFor({ state: 'detached' });
    expect(await panel.locator('h2 .count').textContent()).toBe('23');
  }, 120_000);

  /** A chat message as `page` shows it, once it is there (live: the sender's at once, everyone else's with the next tick). */
  async function chatMessageOn(page: Page, text: string): Promise<Locator> {
    const message = page.getByTestId('chat-message').filter({ hasText: text });
    await waitOrExplain(page, message);
    return message;
  }

  it('room chat: send and receive with a mention, a refused message keeps its text, stage-only and slow mode refuse a listener with the text kept, a pinned link for everyone (a slur in its URL refused, naming its row), report a message, the host deletes one ("Message deleted"); the chat tab at 390 px; no serious axe violations', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "Chat with the platform team" }) { id } }');
    const roomUrl = `${api.origin}/rooms/${encodeURIComponent(createRoom.id)}`;
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.goto(roomUrl);
    const adaChat = ada.getByTestId('chat-panel');
    await adaChat.getByText('No messages yet.').waitFor();

    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(roomUrl);
    const tomChat = tom.getByTestId('chat-panel');
    await tomChat.getByText('Join the room to write in the chat.').waitFor();
    await tom.getByRole('button', { name: 'Join room' }).click();
    const tomBox = tomChat.getByLabel('Your message', { exact: true });

    // Kind: a refused form erases what the person typed. Screening refuses this message; it
    // stays in the box, and the sentence under the field names it by its label.
    const refused = 'Why are you such a retard about upgrades?';
    await tomBox.fill(refused);
    await tomBox.press('Enter');
    await waitOrExplain(tom, tomChat.getByTestId('chat-error'));
    expect(await tomChat.getByTestId('chat-error').textContent()).toMatch(/^Your message contains a slur/);
    expect(await tomBox.inputValue()).toBe(refused);
    expect(await tomBox.getAttribute('aria-invalid')).toBe('true');

    // Kind: a caret restored after keys typed meanwhile. Tom chooses Ada with the pointer in the middle
    // of his text and types before the browser paints again, as on a busy machine (the choice and the
    // typing run in one task of the page, React's commit between them): his text lands right after
    // the inserted mention, not at the end where setting the field's value leaves the caret. The
    // keyboard variant follows, and sends.
    await tomBox.fill('Agreed with on this');
    await tomBox.press('End');
    for (let i = 0; i < 'on this'.length; i += 1) await tomBox.press('ArrowLeft');
    await tomBox.pressSequentially('@Ad');
    const pointed = tomChat.getByRole('option', { name: 'Ada Lovelace' });
    await pointed.waitFor();
    await pointed.evaluate(async (element) => {
      element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 }));
      // React commits a discrete event's update in a microtask; no animation frame runs in between.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      document.execCommand('insertText', false, 'fully ');
    });
    expect(await tomBox.inputValue()).toBe('Agreed with @AdaLovelace fully on this');

    // Tom mentions Ada through the @ list, by keyboard, and sends with Enter: his page shows it at once.
    await tomBox.fill('Thanks for hosting ');
    await tomBox.press('End');
    await tomBox.pressSequentially('@Ad');
    const option = tomChat.getByRole('option', { name: 'Ada Lovelace' });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await tomBox.press('Enter');
    expect(await tomBox.inputValue()).toBe('Thanks for hosting @AdaLovelace ');
    await tomBox.pressSequentially('— how do you stage upgrades?');
    await tomBox.press('Enter');
    const sent = 'Thanks for hosting @AdaLovelace — how do you stage upgrades?';
    const tomsLine = await chatMessageOn(tom, sent);
    await eventually(() => tomBox.inputValue(), '');
    expect(await tomsLine.getByTestId('mention').textContent()).toBe('@AdaLovelace');

    // Ada receives it live (the next conversation tick); it mentions her, so it is marked for her.
    const adasView = await chatMessageOn(ada, sent);
    await adasView.getByText('Mentions you').waitFor();
    expect(await adasView.evaluate((element) => element.classList.contains('chat-mentions-me'))).toBe(true);

    // Priya listens on a phone, with reduced motion: questions first, the chat one tab away.
    const priya = await newPage({ width: 390, height: 844 }, { reducedMotion: 'reduce' });
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.goto(roomUrl);
    await priya.getByRole('button', { name: 'Join room' }).click();
    await priya.getByTestId('questions-panel').waitFor();
    expect(await priya.getByTestId('chat-panel').isVisible()).toBe(false);
    await priya.getByRole('tab', { name: 'Questions' }).focus();
    await priya.keyboard.press('ArrowRight');
    await eventually(() => priya.getByRole('tab', { name: 'Chat' }).getAttribute('aria-selected'), 'true');
    const priyaChat = priya.getByTestId('chat-panel');
    await priyaChat.getByTestId('chat-message').filter({ hasText: sent }).waitFor();
    expect(await priya.getByTestId('questions-panel').isVisible()).toBe(false);

    // Reactions: Tom claps and sends a heart by keyboard; every page shows the tick's counts, and
    // icons float up where motion is welcome (Ada), not where it is reduced (Priya).
    await tom.getByRole('button', { name: 'React: Clap' }).click();
    await tom.getByRole('button', { name: 'React: Heart' }).focus();
    await tom.keyboard.press('Enter');
    for (const page of [ada, priya]) {
      await waitOrExplain(page, page.getByTestId('reaction-count-HEART').filter({ hasText: /^\+\d+$/ }));
    }
    await waitOrExplain(ada, ada.getByTestId('reaction-bar').getByTestId('reaction-float').first());
    expect(await priya.getByTestId('reaction-float').count()).toBe(0);

    // Vote counts ride the ticks too: a question, upvoted by Priya, shows its vote on Tom's page
    // without a read. (Its asker is someone new: the API takes one question a minute from each.)
    const asker = await token('chat-asker', 'Casey Asker');
    await graphql(api.origin, asker, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: createRoom.id });
    const { askQuestion } = await graphql<{ askQuestion: { id: string } }>(api.origin, asker, 'mutation($r: ID!) { askQuestion(input: { roomId: $r, text: "Which upgrade broke first?" }) { id } }', { r: createRoom.id });
    const tomsQuestion = tom.locator(`[data-testid="question"][data-question-id="${askQuestion.id}"]`);
    await tomsQuestion.waitFor();
    await graphql(api.origin, tokens['demo-priya']!, 'mutation($q: ID!) { upvoteQuestion(questionId: $q) { id } }', { q: askQuestion.id });
    await eventually(() => tomsQuestion.getByTestId('upvote-count').textContent(), '1', 10_000, 'vote count from a tick');

    // The host: stage only. Priya's banner says so; her message is refused and stays in the box.
    const settings = adaChat.getByTestId('conversation-settings');
    await settings.getByText('Conversation settings').click();
    await settings.getByLabel('Who can write').selectOption('STAGE_ONLY');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await priyaChat.getByTestId('chat-mode-banner').getByText('Only the stage writes in the chat now.').waitFor();
    const priyaBox = priyaChat.getByLabel('Your message', { exact: true });
    const priyaText = 'Can listeners ask here too?';
    await priyaBox.fill(priyaText);
    await priyaChat.getByRole('button', { name: 'Send' }).click();
    await waitOrExplain(priya, priyaChat.getByTestId('chat-error'));
    expect(await priyaChat.getByTestId('chat-error').textContent()).toContain('Only the stage writes in this chat now');
    expect(await priyaBox.inputValue()).toBe(priyaText);
    // The stage still writes.
    await adaChat.getByLabel('Your message', { exact: true }).fill('Stage only for a moment: slides are pinned above.');
    await adaChat.getByRole('button', { name: 'Send' }).click();
    await chatMessageOn(ada, 'Stage only for a moment');
    await chatMessageOn(priya, 'Stage only for a moment');

    // Slow mode, 30 s: Priya's waiting message goes; a second one this soon is refused with "try again in N s".
    await settings.getByLabel('Who can write').selectOption('SLOW');
    await settings.getByLabel('Seconds between messages').fill('30');
    // Pinned links: a javascript: link is refused before it is sent (the form keeps it); an https one is pinned.
    await settings.getByRole('button', { name: 'Add a link' }).click();
    await settings.getByLabel('Link 1', { exact: true }).fill('javascript:alert(1)');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByTestId('settings-error-pinnedLinks').getByText(/only those can be pinned/).waitFor();
    expect(await settings.getByLabel('Link 1', { exact: true }).inputValue()).toBe('javascript:alert(1)');
    // A slur in the URL is refused by the server's screening, which names the link by its row.
    await settings.getByLabel('Link 1', { exact: true }).fill('https://example.com/talks/k1ke');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByTestId('settings-error-pinnedLinks').getByText(/^Link 1 contains a slur or hate term/).waitFor();
    expect(await settings.getByLabel('Link 1', { exact: true }).inputValue()).toBe('https://example.com/talks/k1ke');
    await settings.getByLabel('Link 1', { exact: true }).fill('https://example.com/platform-slides');
    await settings.getByLabel('Title of link 1 (optional)').fill('Platform upgrade slides');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Saved. Everyone in the room sees the change.').waitFor();
    await priyaChat.getByTestId('chat-mode-banner').getByText('Slow mode: one message every 30 s.').waitFor();
    await priyaChat.getByRole('button', { name: 'Send' }).click();
    await chatMessageOn(priya, priyaText);
    await chatMessageOn(ada, priyaText);
    await eventually(() => priyaBox.inputValue(), '');
    const tooSoon = 'And one more thing…';
    await priyaBox.fill(tooSoon);
    await priyaBox.press('Enter');
    await waitOrExplain(priya, priyaChat.getByTestId('chat-error'));
    expect(await priyaChat.getByTestId('chat-error').textContent()).toMatch(/^Slow mode: one message every 30 s\. Try again in \d+ s\.$/);
    expect(await priyaBox.inputValue()).toBe(tooSoon);

    // The pinned link shows to the listener: http(s) only, a new tab, no opener, no referrer.
    const pinned = priya.getByTestId('pinned-links').getByRole('link', { name: /Platform upgrade slides/ });
    await pinned.waitFor();
    expect({ href: await pinned.getAttribute('href'), target: await pinned.getAttribute('target'), rel: await pinned.getAttribute('rel') }).toEqual({
      href: 'https://example.com/platform-slides',
      target: '_blank',
      rel: 'noopener noreferrer',
    });

    // Priya reports Tom's message from the chat: the dialog quotes it; trust and safety get it with the messages around it.
    await priyaChat.getByTestId('chat-message').filter({ hasText: sent }).getByRole('button', { name: 'Report message from Tom Becker' }).click();
    const report = priya.getByRole('dialog', { name: 'Report this message' });
    await report.getByText(sent).waitFor();
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await report.getByRole('radio', { name: /Spam or scam/ }).check();
    await report.getByRole('button', { name: 'Send report' }).click();
    await report.getByTestId('report-sent').getByText('Tom Becker is not told who reported it.').waitFor();
    await report.getByRole('button', { name: 'Done' }).click();
    expect(await priyaChat.getByTestId('chat-message').filter({ hasText: priyaText }).getByRole('button', { name: /^Report/ }).count()).toBe(0);

    // The host deletes Tom's message: it keeps its place as "Message deleted" for everyone.
    const adasCopy = adaChat.getByTestId('chat-message').filter({ hasText: sent });
    await adasCopy.getByRole('button', { name: 'Delete message from Tom Becker' }).click();
    await ada.getByRole('dialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete message' }).click();
    const deletedOnAda = adaChat.locator(`[data-testid="chat-message"][data-deleted="true"]`);
    await deletedOnAda.getByText('Message deleted').waitFor();
    const deletedId = await deletedOnAda.getAttribute('data-message-id');
    // The deletion reaches the other pages with the next tick, in place.
    for (const page of [tom, priya]) await page.locator(`[data-message-id="${deletedId}"]`).getByText('Message deleted').waitFor();
    expect(await tom.locator('main').textContent()).not.toContain('how do you stage upgrades?');
    // Listeners delete only their own: Priya gets no Delete on Ada's message, and one on hers.
    await priyaChat.getByTestId('chat-message').filter({ hasText: priyaText }).getByRole('button', { name: 'Delete your message' }).waitFor();
    expect(await priyaChat.getByTestId('chat-message').filter({ hasText: 'Stage only for a moment' }).getByRole('button', { name: /^Delete/ }).count()).toBe(0);

    // At 390 px: nothing wider than the screen, no serious axe violations; the screenshots.
    expect(await horizontalOverflow(priya)).toBe(0);
    expect(await seriousAxeViolations(priya)).toEqual([]);
    expect(await seriousAxeViolations(ada)).toEqual([]);
    // The screenshots: the host answers Priya by name (marked on her page), the room claps.
    await settings.getByText('Conversation settings').click();
    await adaChat.getByLabel('Your message', { exact: true }).fill('@PriyaRaman yes: questions for the stage go in Questions, the chat is for everyone. Upgrades start in a canary ring.');
    await adaChat.getByLabel('Your message', { exact: true }).press('Enter');
    await (await chatMessageOn(priya, 'canary ring')).getByText('Mentions you').waitFor();
    await chatMessageOn(tom, 'canary ring');
    for (const reaction of ['Clap', 'Clap', 'Insightful']) await tom.getByRole('button', { name: `React: ${reaction}` }).click();
    await waitOrExplain(ada, ada.getByTestId('reaction-count-CLAP').filter({ hasText: /^\+\d+$/ }));
    for (const page of [ada, priya]) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await ada.screenshot({ path: join(SCREENSHOTS, 'room-chat.png'), fullPage: true });
    await priya.evaluate(() => document.querySelector('.room-phone-tabs')?.scrollIntoView());
    await priya.screenshot({ path: join(SCREENSHOTS, 'room-chat-phone.png') });
  }, 180_000);

  it('room chat history: the newest page opens at the bottom, older pages load when scrolled to the top, and only the rows in view are in the DOM', async () => {
    // A host of its own: 90 messages as Ada would spend her budget for the tests after this one.
    const host = await token('chat-history-host', 'Hal Archive');
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, host, 'mutation { createRoom(input: { title: "A long chat" }) { id } }');
    const roomId = createRoom.id;
    // 90 messages from the host (the stage's rate is 100 per 30 s): three pages of history.
    for (let index = 1; index <= 90; index += 1) {
      await graphql(api.origin, host, 'mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }', { r: roomId, t: `Message number ${index}.` });
    }
    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-linus']!);
    await page.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    const chat = page.getByTestId('chat-panel');
    const messages = chat.getByTestId('chat-messages');
    await messages.getByText('Message number 90.').waitFor();
    await expect(messages.getByText('Message number 90.').isVisible()).resolves.toBe(true);
    const rendered = () => chat.getByTestId('chat-message').count();
    expect(await rendered()).toBeLessThan(30);
    // To the top, again and again: the second and third pages come in above, down to the first message.
    for (const text of ['Message number 50.', 'Message number 10.', 'Message number 1.']) {
      await messages.evaluate((element) => element.scrollTo(0, 0));
      await waitOrExplain(page, messages.getByText(text, { exact: true }));
    }
    await chat.getByText('Loading older messages…').waitFor({ state: 'detached' });
    expect(await chat.getByTestId('chat-message').first().textContent()).toContain('Message number 1.');
    expect(await rendered()).toBeLessThan(30);
    // The keyboard scrolls it too (the list takes focus).
    await messages.focus();
    await page.keyboard.press('End');
    await messages.getByText('Message number 90.').waitFor();
    expect(await chat.getByTestId('chat-announcement').textContent()).toBe('');
  }, 120_000);

  it('after the end the host keeps the chat, read only, and deletes a message reported late; a listener of the ended room gets no chat; no serious axe violations', async () => {
    const host = await token('ended-chat-host', 'Erin Ended');
    const lee = await token('ended-chat-lee', 'Lee Late');
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, host, 'mutation { createRoom(input: { title: "Over now" }) { id } }');
    const roomId = createRoom.id;
    await graphql(api.origin, lee, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: roomId });
    const send = 'mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }';
    await graphql(api.origin, host, send, { r: roomId, t: 'Thanks for coming, everyone.' });
    await graphql(api.origin, lee, send, { r: roomId, t: 'Something someone reports after the end.' });
    await graphql(api.origin, host, 'mutation($r: ID!) { endRoom(roomId: $r) { status } }', { r: roomId });

    const page = await newPage();
    await signIn(page, api.origin, host);
    await page.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await page.getByTestId('ended-notice').waitFor();
    const chat = page.getByTestId('chat-panel');
    await chat.getByText('The room has ended: its chat is read only. You can still delete a message.').waitFor();
    expect(await chat.getByLabel('Your message', { exact: true }).count()).toBe(0);
    expect(await chat.getByTestId('chat-mode-banner').count()).toBe(0);
    const late = chat.getByTestId('chat-message').filter({ hasText: 'Something someone reports after the end.' });
    await late.getByRole('button', { name: 'Delete message from Lee Late' }).click();
    await page.getByRole('dialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete message' }).click();
    await chat.locator('[data-testid="chat-message"][data-deleted="true"]').getByText('Message deleted').waitFor();
    expect(await chat.getByTestId('chat-message').filter({ hasText: 'Thanks for coming, everyone.' }).count()).toBe(1);
    // Both themes: the ENDED badge failed contrast in the light one (styles-contrast.spec checks every pair).
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A listener of the ended room reads the notice, and no chat.
    const listener = await newPage();
    await signIn(listener, api.origin, lee);
    await listener.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await listener.getByTestId('ended-notice').waitFor();
    expect(await listener.getByTestId('chat-panel').count()).toBe(0);
  }, 120_000);

  it('a sampled room: a listener reads "N more messages not shown" for listeners\' messages a tick left out; the stage\'s message and a mention of them always arrive', async () => {
    // An API that samples every room (above 0 listeners), one listener message per listener per tick.
    const sampled = await startApi({ ...apiEnv, SEED_DEMO_DATA: 'false', CONVERSATION_SAMPLE_ABOVE_LISTENERS: '0', CONVERSATION_SAMPLE_MESSAGES: '1' });
    try {
      const { createRoom } = await graphql<{ createRoom: { id: string } }>(sampled.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "A sampled chat" }) { id } }');
      const roomId = createRoom.id;
      const chatty = await Promise.all([1, 2, 3, 4, 5, 6].map((index) => token(`chatty-${index}`, `Chatty ${index}`)));
      for (const bearer of chatty) await graphql(sampled.origin, bearer, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: roomId });
      const linus = await newPage();
      await signIn(linus, sampled.origin, tokens['demo-linus']!);
      await linus.goto(`${sampled.origin}/rooms/${encodeURIComponent(roomId)}`);
      await linus.getByRole('button', { name: 'Join room' }).click();
      const chat = linus.getByTestId('chat-panel');
      await chat.getByText('No messages yet.').waitFor();
      await linus.getByRole('button', { name: 'Leave room' }).waitFor();
      const send = (bearer: string, text: string) => graphql(sampled.origin, bearer, 'mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }', { r: roomId, t: text });
      // Six listeners at once, one of them naming Linus, and the host.
      await Promise.all([...chatty.map((bearer, index) => send(bearer, index === 0 ? 'Over to you @LinusKern' : `Chatter ${index + 1}`)), send(tokens['demo-ada']!, 'Welcome, everyone')]);
      const notShown = chat.getByTestId('chat-sampled-out');
      await waitOrExplain(linus, notShown.first());
      expect(await notShown.first().textContent()).toMatch(/^\d+ more messages? not shown$/);
      await chatMessageOn(linus, 'Welcome, everyone');
      const mention = await chatMessageOn(linus, 'Over to you');
      await mention.getByText('Mentions you').waitFor();
      expect(await seriousAxeViolations(linus)).toEqual([]);
    } finally {
      await sampled.stop();
    }
  }, 120_000);

  it('groups: the page lists the viewer\'s groups after creating and after joining one; the room form offers only those; no serious axe violations', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'Groups' }).click();
    // Ada's seeded memberships come from the API (viewerGroups), newest first.
    const adaGroups = ada.getByTestId('viewer-groups');
    await adaGroups.getByRole('link', { name: 'Applied ML circle' }).waitFor();
    expect(await adaGroups.getByRole('link').allTextContents()).toEqual(['Applied ML circle', 'Platform guild']);
    await ada.getByLabel('Group name').fill('Frontend guild');
    await ada.getByRole('button', { name: 'Create group' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Frontend guild' }).waitFor();
    await ada.getByText('You are an admin of this group.').waitFor();
    await ada.getByRole('link', { name: 'Groups' }).click();
    await adaGroups.getByRole('link', { name: 'Frontend guild' }).waitFor();
    expect(await adaGroups.getByRole('link').allTextContents()).toEqual(['Frontend guild', 'Applied ML circle', 'Platform guild']);
    expect(await seriousAxeViolations(ada)).toEqual([]);

    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Guild sync');
    await ada.getByRole('radio', { name: /Group/ }).check();
    const picker = ada.getByLabel('Group', { exact: true });
    await picker.locator('option', { hasText: 'Frontend guild' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual(['Pick one of your groups', 'Frontend guild', 'Applied ML circle', 'Platform guild']);
    await picker.selectOption({ label: 'Frontend guild' });
    await ada.getByRole('button', { name: 'Go live' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Guild sync' }).waitFor();
    await ada.getByRole('link', { name: 'Groups' }).click();
    await adaGroups.getByRole('link', { name: 'Frontend guild' }).click();
    await ada.getByRole('link', { name: 'Guild sync' }).waitFor();

    // Tom belongs to no group: the page says so; after joining one by its link, it is listed.
    const founders = await graphql<{ viewerGroups: { edges: { node: { id: string; name: string } }[] } }>(api.origin, tokens['demo-priya']!, '{ viewerGroups { edges { node { id name } } } }');
    const foundersId = founders.viewerGroups.edges.find((edge) => edge.node.name === 'Founders club')!.node.id;
    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.getByRole('link', { name: 'Groups' }).click();
    await tom.getByText('You are in no group yet.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(tom)).toEqual([]);
    await tom.goto(`${api.origin}/groups/${encodeURIComponent(foundersId)}`);
    await tom.getByRole('button', { name: 'Join group' }).click();
    await tom.getByText('You are a member of this group.').waitFor();
    await tom.getByRole('link', { name: 'Groups' }).click();
    await tom.getByTestId('viewer-groups').getByRole('link', { name: 'Founders club' }).waitFor();
    expect(await tom.getByTestId('viewer-groups').getByRole('link').allTextContents()).toEqual(['Founders club']);
    await tom.evaluate(() => window.scrollTo(0, 0));
    await tom.screenshot({ path: join(SCREENSHOTS, 'groups.png'), fullPage: true });
  }, 90_000);

  it('group discovery → request → admin approval → the member sees the GROUP rooms, in two browser contexts, by keyboard; visibility badges; no serious axe violations', async () => {
    // Ada creates a group that admits by request and starts a group-only room from its page.
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'Groups' }).click();
    await ada.getByLabel('Group name').fill('Staff engineers circle');
    await ada.getByRole('radio', { name: /By request/ }).check();
    await ada.getByRole('button', { name: 'Create group' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Staff engineers circle' }).waitFor();
    await ada.getByTestId('join-policy').getByText('By request: admins approve').waitFor();
    await ada.getByRole('link', { name: 'Start a room here' }).click();
    await ada.getByLabel('Title').fill('Circle: promotion packets');
    expect(await ada.getByRole('radio', { name: /Group/ }).isChecked()).toBe(true);
    await ada.getByRole('button', { name: 'Go live' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Circle: promotion packets' }).waitFor();
    await ada.getByTestId('visibility-badge').getByText('Group only').waitFor();

    // Priya finds it in the directory by name, asks to join by keyboard, and sees no group room yet.
    const priya = await newPage();
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.getByRole('link', { name: 'Groups' }).click();
    const search = priya.getByRole('searchbox', { name: 'Search groups by name' });
    await search.fill('engineers');
    await search.press('Enter');
    const directory = priya.getByTestId('group-directory');
    await directory.getByRole('link', { name: 'Staff engineers circle' }).waitFor();
    // The unfiltered directory lists it too: wait for the searched page (the demo groups gone).
    await priya.waitForFunction(() => document.querySelectorAll('[data-testid="group-directory"] a').length === 1);
    expect(await directory.getByRole('link').allTextContents()).toEqual(['Staff engineers circle']);
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await priya.evaluate(() => window.scrollTo(0, 0));
    await priya.screenshot({ path: join(SCREENSHOTS, 'group-directory.png'), fullPage: true });
    await directory.getByRole('link', { name: 'Staff engineers circle' }).click();
    await priya.getByText('No rooms you can see yet', { exact: false }).waitFor();
    const ask = priya.getByRole('button', { name: 'Ask to join' });
    await ask.focus();
    await priya.keyboard.press('Enter');
    await priya.getByText('You asked to join.', { exact: false }).waitFor();
    expect(await priya.getByRole('link', { name: 'Circle: promotion packets' }).count()).toBe(0);
    expect(await seriousAxeViolations(priya)).toEqual([]);

    // Ada sees the request on the group's page and approves it by keyboard.
    await ada.getByRole('link', { name: 'Groups' }).click();
    await ada.getByTestId('viewer-groups').getByRole('link', { name: 'Staff engineers circle' }).click();
    const requests = ada.getByTestId('join-requests');
    await requests.getByRole('button', { name: 'Approve Priya Raman' }).waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.evaluate(() => window.scrollTo(0, 0));
    await ada.screenshot({ path: join(SCREENSHOTS, 'group-admin.png'), fullPage: true });
    const approve = requests.getByRole('button', { name: 'Approve Priya Raman' });
    await approve.focus();
    await ada.keyboard.press('Enter');
    await ada.getByText('No one is waiting.').waitFor();
    await waitOrExplain(ada, ada.getByText('2 members'));

    // Ada invites Tom, found by name.
    await ada.getByLabel('Search people').fill('Tom');
    await ada.getByRole('list', { name: 'Matching people' }).getByRole('button', { name: /Tom Becker/ }).click();
    await ada.getByRole('button', { name: 'Send invitations' }).click();
    await ada.getByText('Invited Tom Becker.', { exact: false }).waitFor();

    // Priya is a member now: the group page shows the group-only room, with its badge.
    await priya.reload();
    await priya.getByText('You are a member of this group.').waitFor();
    const card = priya.getByTestId('room-card').filter({ hasText: 'Circle: promotion packets' });
    await card.waitFor();
    await card.getByTestId('visibility-badge').getByText('Group only').waitFor();
    expect(await seriousAxeViolations(priya)).toEqual([]);
    await priya.evaluate(() => window.scrollTo(0, 0));
    await priya.screenshot({ path: join(SCREENSHOTS, 'group-member.png'), fullPage: true });

    // Tom, invited, joins at once; after "Join group" the rooms show without a reload.
    const tom = await newPage({ width: 390, height: 844 });
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(priya.url());
    await tom.getByText('An admin invited you to this group.').waitFor();
    await tom.getByRole('button', { name: 'Join group' }).click();
    await tom.getByText('You are a member of this group.').waitFor();
    await tom.getByRole('link', { name: 'Circle: promotion packets' }).waitFor();
    expect(await horizontalOverflow(tom)).toBe(0);
    expect(await seriousAxeViolations(tom)).toEqual([]);
  }, 120_000);

  it('kind: a late answer to an older list request replaces a newer one — the group directory\'s unfiltered page answering after a search (the given case), the staff queue\'s Open page answering after "Dismissed" was chosen (a variant)', async () => {
    // The given case, made to happen in that order: the directory's first (unfiltered) page is held
    // until the searched page has been shown.
    await graphql(api.origin, tokens['demo-zoe']!, 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }', { input: { name: 'Latecomers guild', joinPolicy: 'OPEN' } });
    const zoe = await newPage();
    await signIn(zoe, api.origin, tokens['demo-zoe']!);
    const unfiltered = await holdGraphqlRequest(zoe, (operation, variables) => operation === 'GroupDirectory' && variables['search'] === null);
    await zoe.getByRole('link', { name: 'Groups' }).click();
    await unfiltered.held;
    const search = zoe.getByRole('searchbox', { name: 'Search groups by name' });
    await search.fill('latecomers');
    await search.press('Enter');
    const directory = zoe.getByTestId('group-directory');
    await directory.getByRole('link', { name: 'Latecomers guild' }).waitFor();
    await unfiltered.release();
    expect(await directory.getByRole('link').allTextContents()).toEqual(['Latecomers guild']);

    // The variant: another list on the same hook, and its total. Staff open the queue with its Open
    // page held, choose "Dismissed reports", and the Open page answers last.
    const created = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: 'Late queue drill', topics: ['software-engineering'] },
    });
    await graphql(api.origin, tokens['demo-zoe']!, 'mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }', { r: created.createRoom.id });
    await graphql(api.origin, tokens['demo-zoe']!, 'mutation($r: ID!) { reportAbuse(input: { roomId: $r, profileId: "demo-ada", category: SPAM }) { id } }', { r: created.createRoom.id });
    const dismissed = await graphql<{ moderationQueue: { totalCount: number } }>(api.origin, tokens['staff']!, 'query { moderationQueue(status: DISMISSED) { totalCount } }');
    const staff = await newPage();
    await signIn(staff, api.origin, tokens['staff']!);
    const open = await holdGraphqlRequest(staff, (operation, variables) => operation === 'ModerationQueue' && variables['status'] === 'OPEN');
    await staff.goto(`${api.origin}/staff/reports`);
    await open.held;
    await staff.getByLabel('Show').selectOption('DISMISSED');
    const heading = staff.getByRole('heading', { level: 2, name: /^Reports/ });
    await heading.getByText(String(dismissed.moderationQueue.totalCount), { exact: true }).waitFor();
    await open.release();
    expect(await heading.textContent()).toBe(`Reports ${dismissed.moderationQueue.totalCount}`);
    expect(await staff.getByTestId('report').filter({ hasText: 'Late queue drill' }).count()).toBe(0);
    expect(await staff.getByLabel('Show').inputValue()).toBe('DISMISSED');
  }, 90_000);

  it('a private room: the host picks an invitee by searching names and headlines; the invitee sees the room, someone else does not; no serious axe violations', async () => {
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.getByRole('link', { name: 'New room' }).click();
    await ada.getByLabel('Title').fill('Invite-only design review');
    await ada.getByRole('radio', { name: /Private/ }).check();
    const search = ada.getByLabel('Search people');
    await search.fill('P');
    await ada.getByText('Type at least 2 letters of a name or headline.').waitFor();
    // By headline: Priya is a "Senior Product Manager".
    await search.fill('product manag');
    await ada.getByRole('button', { name: /^Invite Priya Raman/ }).waitFor();
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.locator('.people-picker').evaluate((picker) => picker.scrollIntoView({ block: 'center' }));
    await ada.screenshot({ path: join(SCREENSHOTS, 'private-room-invitees.png') });
    await search.fill('priya ram');
    await ada.getByRole('button', { name: 'Invite Priya Raman Senior Product Manager' }).click();
    await ada.getByRole('list', { name: 'Chosen invitees' }).getByText('Priya Raman').waitFor();
    // Chosen people are not offered again; the host is never offered.
    await ada.getByText(/1 person matches/).waitFor();
    expect(await ada.getByRole('button', { name: /^Invite Priya Raman/ }).count()).toBe(0);
    await search.fill('lovelace');
    await ada.getByText(/1 person matches/).waitFor();
    expect(await ada.getByRole('list', { name: 'Matching people' }).count()).toBe(0);
    await ada.getByRole('button', { name: 'Go live' }).click();
    await ada.getByRole('heading', { level: 1, name: 'Invite-only design review' }).waitFor();
    const roomId = roomIdOf(ada);

    const priya = await newPage();
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.getByTestId('live-rooms').getByRole('link', { name: 'Invite-only design review' }).waitFor();
    await priya.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await priya.getByRole('heading', { level: 1, name: 'Invite-only design review' }).waitFor();
    await priya.getByRole('button', { name: 'Join room' }).waitFor();

    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.getByTestId('live-rooms').getByRole('link', { name: 'Kubernetes upgrades without downtime' }).waitFor();
    expect(await tom.getByTestId('live-rooms').getByRole('link', { name: 'Invite-only design review' }).count()).toBe(0);
    await tom.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await tom.getByText('This room does not exist or is not visible to you.').waitFor();
    expect(await tom.getByRole('heading', { level: 1, name: 'Invite-only design review' }).count()).toBe(0);
  }, 90_000);

  it('errors read as sentences, never codes (bug 9); a stale token goes back to sign in', async () => {
    const stale = await newPage();
    await stale.addInitScript(() => window.localStorage.setItem('roundtable.token', 'not-a-valid-token'));
    await stale.goto(`${api.origin}/`);
    const toast = stale.locator('.toast[data-code="UNAUTHENTICATED"]');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Please sign in again');
    expect(await stale.locator('body').innerText()).not.toMatch(/UNAUTHENTICATED|FORBIDDEN|BAD_USER_INPUT|NOT_FOUND|CONFLICT/);
    await stale.getByLabel('Access token').waitFor();

    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-ada']!);
    await page.getByRole('link', { name: 'New room' }).click();
    await page.getByLabel('Title').fill('Too many speakers');
    await page.getByLabel('Speakers on stage (max)').fill('500');
    await page.getByRole('button', { name: 'Go live' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.getByLabel('Speakers on stage (max)').getAttribute('aria-invalid')).toBe('true');
    // Kind: error messages name API fields. People read the label, never "maxSpeakers".
    expect(await page.locator('.field-error').first().textContent()).toContain('Speakers on stage (max)');
    expect(await page.locator('body').innerText()).not.toContain('maxSpeakers');

    await page.goto(`${api.origin}/rooms/does-not-exist`);
    await page.getByText('Room unavailable').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/NOT_FOUND|BAD_USER_INPUT/);
  }, 60_000);

  // Bulk rows are written with SQL: into DATABASE_URL's throwaway database (CI), else into the
  // embedded PostgreSQL the API started, whose URL it publishes beside its data directory
  // (`<EMBEDDED_PG_DIR>.runtime.json`, what `ranking:export` reads), so a plain clone runs it too.
  it('a room of 100,000 listeners: the count shows, the audience renders only what is in view, and scrolling loads the next page', async () => {
    const bulkUrl = apiDatabaseUrl();
    const created = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: 'A very large audience' },
    });
    const roomId = created.createRoom.id;
    await graphql(api.origin, tokens['demo-tom']!, 'mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }', { id: roomId });
    const listeners = 100_000;
    const db = new Client({ connectionString: bulkUrl });
    await db.connect();
    try {
      // Clone Tom's profile and listener row 100,000 times, joined one millisecond apart (audience order).
      const columns = async (table: string) =>
        (await db.query<{ column_name: string }>('select column_name from information_schema.columns where table_name = $1 order by ordinal_position', [table])).rows.map((r) => r.column_name);
      const profileColumns = await columns('profiles');
      const profileValues = profileColumns.map((c) => (c === 'id' ? `'bulk-' || g` : c === 'display_name' ? `'Listener ' || g` : c));
      await db.query(`insert into profiles (${profileColumns.join(', ')}) select ${profileValues.join(', ')} from profiles, generate_series(1, ${listeners}) g where id = 'demo-tom'`);
      const participantColumns = await columns('participants');
      const participantValues = participantColumns.map((c) =>
        c === 'id' ? 'gen_random_uuid()' : c === 'profile_id' ? `'bulk-' || g` : c === 'joined_at' ? `joined_at + g * interval '1 millisecond'` : c,
      );
      await db.query(
        `insert into participants (${participantColumns.join(', ')}) select ${participantValues.join(', ')} from participants, generate_series(1, ${listeners}) g where room_id = $1 and profile_id = 'demo-tom'`,
        [roomId],
      );
      // The API keeps the counts on the room's stream row (a projection of its own commands); rows
      // written here behind its back are counted the way its migration backfills them.
      await db.query(
        `update room_streams s set
           listener_count = (select count(*) from participants p where p.room_id = s.room_id and p.left_at is null and p.role = 'LISTENER'),
           participant_count = (select count(*) from participants p where p.room_id = s.room_id and p.left_at is null)
         where s.room_id = $1`,
        [roomId],
      );
    } finally {
      await db.end();
    }

    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-ada']!);
    await page.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await page.getByTestId('listener-count').getByText('100,001').waitFor();
    const rendered = () => page.getByTestId('audience-member').count();
    const first = await rendered();
    expect(first).toBeGreaterThan(0);
    // What is in view plus overscan: at most the first page and, when its rows fill the view,
    // the second one it prefetches (seen 64 under load), never the 100,001 listeners.
    expect(first).toBeLessThanOrEqual(100);
    // Scroll the audience to its end: the next page (joined 51st–100th) loads and shows.
    await page.getByTestId('audience').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.locator('[data-profile-id="bulk-60"]').waitFor();
    await page.getByTestId('audience').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.locator('[data-profile-id="bulk-110"]').waitFor();
    // Only rows in view (plus a few) are in the DOM, however many are loaded or in the room.
    expect(await rendered()).toBeLessThan(120);
    // The whole page stays small too: the room's fixed panels (stage, questions, chat) add a
    // constant number of elements, never one per listener.
    expect(await page.locator('body *').count()).toBeLessThan(2000);
  }, 120_000);

  it('trust and safety: a moderator dismisses a hand; a listener reports a speaker from the room; staff decide; the person sees the notice and appeals; no serious axe violations', async () => {
    const created = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: 'Safety drill', topics: ['software-engineering'] },
    });
    const roomId = created.createRoom.id;
    const roomUrl = `${api.origin}/rooms/${encodeURIComponent(roomId)}`;
    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.goto(roomUrl);
    await ada.getByRole('heading', { level: 1, name: 'Safety drill' }).waitFor();

    // Dismiss: the host takes down Tom's raised hand; HandLowered updates Tom's page too.
    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(roomUrl);
    await tom.getByRole('button', { name: 'Join room' }).click();
    await tom.getByLabel('Your question (optional)').fill('Can I share my screen?');
    await tom.getByRole('button', { name: /Raise hand/ }).click();
    await tom.getByText('Your hand is raised').waitFor();
    await ada.getByRole('button', { name: "Dismiss Tom Becker's hand" }).click();
    await eventually(() => ada.getByTestId('raised-hand').count(), 0, 10_000, 'host queue after dismiss');
    await tom.getByRole('button', { name: /Raise hand/ }).waitFor();

    // Tom goes on stage (through the API), and Priya, a listener, reports him from her room page.
    await graphql(api.origin, tokens['demo-ada']!, 'mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }', { r: roomId, p: 'demo-tom' });
    await graphql(api.origin, tokens['demo-tom']!, 'mutation($r: ID!) { acceptStageInvite(roomId: $r) { id } }', { r: roomId });
    const priya = await newPage();
    await signIn(priya, api.origin, tokens['demo-priya']!);
    await priya.goto(roomUrl);
    await priya.getByRole('button', { name: 'Join room' }).click();
    const tomOnStage = priya.getByTestId('stage').locator('[data-profile-id="demo-tom"]');
    await tomOnStage.waitFor();
    expect(await priya.getByTestId('staff-link').count()).toBe(0);
    await tomOnStage.getByText('Actions for Tom Becker').click();
    await priya.getByRole('button', { name: 'Report Tom Becker', exact: true }).click();
    const dialog = priya.getByRole('dialog', { name: 'Report Tom Becker' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(priya)).toEqual([]);
    // Sending without a category explains what is missing.
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Please choose what is wrong.').waitFor();
    await dialog.getByRole('radio', { name: /Harassment or bullying/ }).check();
    await dialog.getByLabel('Details (optional)').fill('Insulted a listener who asked a question.');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByTestId('report-sent').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A second report of the same person in the same room is refused in words.
    await tomOnStage.getByText('Actions for Tom Becker').click();
    await priya.getByRole('button', { name: 'Report Tom Becker', exact: true }).click();
    await dialog.getByRole('radio', { name: /Spam or scam/ }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByTestId('report-error').textContent()).resolves.toContain('already reported this person');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A person without the staff role who opens the staff page reads why it is empty.
    await tom.goto(`${api.origin}/staff/reports`);
    await tom.getByTestId('staff-forbidden').waitFor();
    // Tom keeps his (empty) notices page open while staff decide: no Notices link in the header yet.
    await tom.goto(`${api.origin}/notices`);
    await tom.getByText('You have no notices.', { exact: false }).waitFor();
    expect(await tom.getByTestId('notices-link').count()).toBe(0);

    // Staff: the report is in the queue with its evidence; the decision warns Tom with a note.
    const staff = await newPage();
    await signIn(staff, api.origin, tokens['staff']!);
    await staff.getByTestId('staff-link').click();
    const report = staff.getByTestId('report').filter({ hasText: 'Tom Becker' }).filter({ hasText: 'Safety drill' });
    await report.waitFor();
    await report.getByText('Harassment or bullying').first().waitFor();
    await report.getByText('Insulted a listener who asked a question.').waitFor();
    await report.getByText(/Tom Becker was speaker/).waitFor();
    expect(await report.getByTestId('distinct-reporters').textContent()).toContain('1 person reported');
    expect(await seriousAxeViolations(staff)).toEqual([]);
    await staff.screenshot({ path: join(SCRATCH, 'staff-reports.png'), fullPage: true });
    await report.getByLabel('Decision', { exact: true }).selectOption('WARN');
    await report.getByLabel(/Note \(shown to Tom Becker/).fill('Please keep questions and answers civil.');
    await report.getByRole('button', { name: 'Decide on the report about Tom Becker' }).click();
    await report.getByText(/Decided .*Warn the person/).waitFor();

    // Tom's open notices page shows the notice and the header links it, without a reload
    // (viewerModerationNoticeChanged, issue 18); he appeals once.
    const notice = tom.getByTestId('notice').first();
    await notice.getByRole('heading', { name: 'Warning' }).waitFor();
    await tom.getByTestId('notices-link').waitFor();
    expect(await tom.getByTestId('notices-link').getAttribute('aria-current')).toBe('page');
    await notice.getByRole('link', { name: 'Safety drill' }).waitFor();
    await notice.getByText('Please keep questions and answers civil.', { exact: false }).first().waitFor();
    expect(await seriousAxeViolations(tom)).toEqual([]);
    await notice.getByLabel(/Appeal: why should this decision be reviewed/).fill('I was quoting the question back, not insulting anyone.');
    await notice.getByRole('button', { name: 'Send appeal' }).click();
    await notice.getByTestId('appeal-status').getByText('Appeal under review').waitFor();
    expect(await notice.getByRole('button', { name: 'Send appeal' }).count()).toBe(0);

    // Staff reverse it with a note; the audit log lists the decisions.
    await staff.getByRole('link', { name: 'Appeals' }).click();
    const appeal = staff.getByTestId('appeal').filter({ hasText: 'I was quoting the question back' });
    await appeal.waitFor();
    expect(await seriousAxeViolations(staff)).toEqual([]);
    await appeal.getByLabel('Note to the person').fill('On review the recording supports you.');
    await appeal.getByRole('button', { name: 'Reverse decision' }).click();
    await appeal.getByText(/the decision was reversed/).waitFor();
    await staff.getByRole('link', { name: 'Audit log' }).click();
    await staff.getByTestId('log-entry').first().waitFor();
    expect(await staff.getByTestId('log-entry').filter({ hasText: 'Tom Becker' }).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(staff)).toEqual([]);
    // The outcome reaches Tom's open notices page live too.
    await tom.getByTestId('notice').first().getByText(/the decision was reversed/).waitFor();

    // On a phone, staff (Staff link) and Tom (Notices link) keep a one-row header and no sideways scrolling.
    for (const [bearer, path] of [
      [tokens['staff']!, '/staff/reports'],
      [tokens['staff']!, '/staff/log'],
      [tokens['demo-tom']!, '/notices'],
    ] as const) {
      const phone = await newPage({ width: 390, height: 844 });
      await signIn(phone, api.origin, bearer);
      await phone.goto(`${api.origin}${path}`);
      await phone.locator('main h1').first().waitFor();
      // The lists are loaded once their "Loading…" line (rendered with the heading) is gone.
      await phone.locator('main').getByText(/^Loading/).waitFor({ state: 'detached' });
      expect({ path, overflow: await horizontalOverflow(phone), oneRow: ((await phone.locator('.topbar').boundingBox())?.height ?? 99) < 64 }).toEqual({ path, overflow: 0, oneRow: true });
      expect({ path, collisions: await headerCollisions(phone) }).toEqual({ path, collisions: [] });
    }
  }, 120_000);

  it('kind: header items collide on a phone — Groups, Notices and Staff links together keep "Sign out" off the avatar at 390 px', async () => {
    // A decision on Tom gives him notices (so the Notices link); as staff too, he gets every link.
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, `mutation { createRoom(input: { title: "Header check" }) { id } }`);
    // Tom and Priya are in the room; Priya reports Tom from it; staff warn him.
    for (const who of ['demo-tom', 'demo-priya']) {
      await graphql(api.origin, tokens[who]!, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: createRoom.id });
    }
    const { reportAbuse } = await graphql<{ reportAbuse: { id: string } }>(
      api.origin,
      tokens['demo-priya']!,
      `mutation($r: ID!) { reportAbuse(input: { roomId: $r, profileId: "demo-tom", category: SPAM }) { id } }`,
      { r: createRoom.id },
    );
    await graphql(api.origin, tokens['staff']!, `mutation($id: ID!) { resolveReport(input: { reportId: $id, action: WARN, note: "Header check" }) { id } }`, { id: reportAbuse.id });
    const phone = await newPage({ width: 390, height: 844 });
    // Staff rights come from the staff record, never the token (issue 14): operators grant them.
    grantStaffWithCli('demo-tom');
    const tomAsStaff = await token('demo-tom', 'Tom Becker', ['trust_safety']);
    // The API re-reads the staff record every STAFF_ROLES_REFRESH_MS (1 s): sign in once it has.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if ((await graphql<{ viewerIsStaff: boolean }>(api.origin, tomAsStaff, '{ viewerIsStaff }')).viewerIsStaff) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await signIn(phone, api.origin, tomAsStaff);
    await phone.getByTestId('notices-link').waitFor();
    await phone.getByTestId('staff-link').waitFor();
    expect(await headerCollisions(phone)).toEqual([]);
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(((await phone.locator('.topbar').boundingBox())?.height ?? 99) < 64).toBe(true);
    // The variant: a narrower phone (320 px) with the same links.
    await phone.setViewportSize({ width: 320, height: 640 });
    expect(await headerCollisions(phone)).toEqual([]);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.locator('.topbar').screenshot({ path: join(SCREENSHOTS, 'header-phone.png') });
  }, 60_000);

  it('staff read a reported chat message among the messages around it, as they were when reported: the reported one marked, deleted text kept', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, `mutation { createRoom(input: { title: "Chat report drill" }) { id } }`);
    const roomId = createRoom.id;
    for (const who of ['demo-linus', 'demo-priya']) {
      await graphql(api.origin, tokens[who]!, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId });
    }
    const send = async (who: string, text: string) =>
      (await graphql<{ sendChatMessage: { id: string } }>(api.origin, tokens[who]!, `mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }`, { r: roomId, t: text }))
        .sendChatMessage.id;
    await send('demo-priya', 'Hi everyone');
    const abusive = await send('demo-linus', 'Nobody wants to hear you, Priya');
    await send('demo-ada', 'Let us keep it kind');
    // Its author deletes it before the report: staff still read what it said.
    await graphql(api.origin, tokens['demo-linus']!, `mutation($m: ID!) { deleteChatMessage(messageId: $m) { id } }`, { m: abusive });
    await graphql(api.origin, tokens['demo-priya']!, `mutation($r: ID!, $m: ID!) { reportAbuse(input: { roomId: $r, chatMessageId: $m, category: HARASSMENT }) { id } }`, {
      r: roomId,
      m: abusive,
    });
    const staff = await newPage();
    await signIn(staff, api.origin, tokens['staff']!);
    await staff.getByTestId('staff-link').click();
    const report = staff.getByTestId('report').filter({ hasText: 'Chat report drill' });
    const context = report.getByTestId('chat-context');
    await context.waitFor();
    expect(await context.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/Priya Raman: “?Hi everyone”?$/),
      expect.stringMatching(/^Reported: .*Linus Kern: “?Nobody wants to hear you, Priya”? \(deleted before the report\)$/),
      expect.stringMatching(/Ada Lovelace: “?Let us keep it kind”?$/),
    ]);
    expect(await context.locator('li[data-reported]').count()).toBe(1);
    expect(await seriousAxeViolations(staff)).toEqual([]);
  }, 60_000);

  it('block and unblock on someone else\'s profile, with a confirmation', async () => {
    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-priya']!);
    await page.goto(`${api.origin}/people/demo-linus`);
    await page.getByRole('button', { name: 'Block Linus Kern', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Block Linus Kern?' });
    await confirm.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByTestId('blocked-note').waitFor();
    const blocked = await graphql<{ profile: { viewerBlocks: boolean } }>(api.origin, tokens['demo-priya']!, 'query { profile(id: "demo-linus") { viewerBlocks } }');
    expect(blocked.profile.viewerBlocks).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unblock Linus Kern', exact: true }).click();
    // Exact: "Unblock Linus Kern" contains "Block Linus Kern", so a loose match would not wait.
    await page.getByRole('button', { name: 'Block Linus Kern', exact: true }).waitFor();
    const unblocked = await graphql<{ profile: { viewerBlocks: boolean } }>(api.origin, tokens['demo-priya']!, 'query { profile(id: "demo-linus") { viewerBlocks } }');
    expect(unblocked.profile.viewerBlocks).toBe(false);
  }, 60_000);

  it("kind: a browser test's setup drains the budget of a person the tests drive — the given case (90 messages as Ada) and a variant (a setup person, and reads, never count)", () => {
    const ada = 'driven-ada-token';
    drivenPeople.add(ada);
    try {
      const send = () => countSetupMutation(ada, 'mutation($r: ID!, $t: String!) { sendChatMessage(roomId: $r, text: $t) { id } }');
      for (let index = 1; index <= SETUP_MUTATIONS_PER_DRIVEN_PERSON; index += 1) send();
      expect(send).toThrow(/a setup person of its own/);
      // Variant: reads by a driven person, and any number of mutations by a setup person, pass.
      for (let index = 0; index < 100; index += 1) countSetupMutation(ada, '{ viewer { id } }');
      for (let index = 0; index < 100; index += 1) countSetupMutation('setup-person-token', ' mutation { createRoom(input: { title: "x" }) { id } }');
      expect(setupMutations.get('setup-person-token')).toBeUndefined();
    } finally {
      drivenPeople.delete(ada);
      setupMutations.clear();
    }
  });

  it('signs in with one click on a demo profile when the API serves /dev/demo-profiles', async () => {
    const response = await fetch(`${api.origin}/dev/demo-profiles`);
    const page = await newPage();
    await page.goto(`${api.origin}/`);
    await page.getByLabel('Access token').waitFor();
    // Without the endpoint the API answers 404, or the web client's index.html (its fallback for client routes).
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
      // The endpoint lands with another change; until then the list is simply absent.
      console.warn('web e2e: GET /dev/demo-profiles is not served by this API build; the one-click sign-in list is hidden (checked)');
      expect(await page.getByTestId('demo-profiles').count()).toBe(0);
      return;
    }
    const body = (await response.json()) as { profiles: { displayName: string }[] };
    const first = body.profiles[0]!;
    await page.getByRole('button', { name: `Sign in as ${first.displayName}` }).click();
    await eventually(() => page.getByTestId('viewer-name').textContent(), first.displayName);
  }, 60_000);

  it('host insights (issue 19): the host opens the Insights panel by keyboard — counts, bars, timeline and why small groups are folded — at 1280 and 390 px; a listener is offered no panel and reads null; no serious axe violations', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation { createRoom(input: { title: "Who listened to the platform talk" }) { id } }');
    const roomId = createRoom.id;
    for (const id of ['demo-tom', 'demo-priya']) {
      await graphql(api.origin, tokens[id]!, 'mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }', { id: roomId });
    }
    // Twenty more listeners: ten software engineers who arrive together (a group of k = 10) and ten
    // of assorted industries, which can only be "Other".
    const crowd = Array.from({ length: 20 }, (_, i) => `insights-listener-${i + 1}`);
    for (const id of crowd) {
      await graphql(api.origin, await token(id, `Listener ${id.split('-').pop()}`), 'mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }', { id: roomId });
    }
    const insightsOf = async (bearer: string) =>
      (await graphql<{ room: { insights: { uniqueListeners: number } | null } }>(api.origin, bearer, 'query($id: ID!) { room(id: $id) { insights { uniqueListeners } } }', { id: roomId })).room.insights;
    // One refresh window (the default 5 minutes) passes: the room's stored times move back by it,
    // and the API's own sweep (every 15 s) has its job compute the window.
    const db = new Client({ connectionString: apiDatabaseUrl() });
    await db.connect();
    try {
      await db.query(`update rooms set started_at = started_at - interval '300 seconds' where id = $1`, [roomId]);
      await db.query(`update room_events set at = at - interval '300 seconds' where room_id = $1`, [roomId]);
      const industries = ['banking', 'retail', 'energy', 'education', 'insurance'];
      for (const [i, id] of crowd.entries()) {
        await db.query(`update profiles set industry = $2, seniority = $3 where id = $1`, [id, i < 10 ? 'software' : industries[i % 5], i < 10 ? 'SENIOR' : 'LEAD']);
      }
    } finally {
      await db.end();
    }
    await eventually(async () => (await insightsOf(tokens['demo-ada']!))?.uniqueListeners ?? null, 22, 45_000, 'the first window computed');

    const ada = await newPage();
    await signIn(ada, api.origin, tokens['demo-ada']!);
    await ada.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    const toggle = ada.getByRole('button', { name: 'Insights' });
    await toggle.focus();
    await ada.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = ada.getByTestId('insights-panel');
    await waitOrExplain(ada, panel.getByTestId('insights-unique'));
    expect(await panel.getByTestId('insights-unique').textContent()).toBe('22');
    // Groups of at least k (10): the ten engineers who came together, the rest folded into Other.
    const industries = panel.getByRole('list', { name: 'By industry' });
    expect(await industries.getByRole('listitem').filter({ hasText: 'Software' }).count()).toBe(1);
    expect(await industries.getByRole('listitem').filter({ hasText: 'Other' }).count()).toBe(1);
    expect(await industries.getByRole('listitem').filter({ hasText: 'Banking' }).count()).toBe(0);
    expect(await panel.getByRole('list', { name: 'By seniority' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await panel.getByTestId('insights-why').textContent()).toContain('at least 10 people');
    expect(await panel.getByTestId('insights-timeline').getByRole('listitem').count()).toBe(1);
    expect(await panel.getByTestId('insights-freshness').textContent()).toMatch(/^Figures as of .+; the next update comes after .+\.$/);
    expect(await seriousAxeViolations(ada)).toEqual([]);
    await ada.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.screenshot({ path: join(SCREENSHOTS, 'room-insights.png') });
    // Closing it again by keyboard.
    await toggle.focus();
    await ada.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // On a phone: the open panel fits the screen.
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, api.origin, tokens['demo-ada']!);
    await phone.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await phone.getByRole('button', { name: 'Insights' }).click();
    await waitOrExplain(phone, phone.getByTestId('insights-unique'));
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await seriousAxeViolations(phone)).toEqual([]);

    // A listener: no panel offered, and the API answers null (never an error).
    const tom = await newPage();
    await signIn(tom, api.origin, tokens['demo-tom']!);
    await tom.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    await tom.getByTestId('chat-panel').waitFor();
    expect(await tom.getByRole('button', { name: 'Insights' }).count()).toBe(0);
    expect(await insightsOf(tokens['demo-tom']!)).toBeNull();
  }, 120_000);

  /** The bell's unread count as the page shows it (its data attribute; '' before the first count). */
  const bellCount = async (page: Page): Promise<number | null> => {
    const value = await page.getByTestId('notification-bell').getAttribute('data-unread');
    return value === null || value === '' ? null : Number(value);
  };

  it('notifications (issue 18): a follower picks "All" by keyboard; the host schedules a room and the follower\'s bell and home page update live; remind me; add to calendar; no serious axe violations', async () => {
    // Zoe follows Margaret (no one else in this suite uses either of them).
    await graphql(api.origin, tokens['demo-zoe']!, 'mutation { follow(profileId: "demo-margaret") { id } }');
    const zoe = await newPage();
    await signIn(zoe, api.origin, tokens['demo-zoe']!);
    await zoe.goto(`${api.origin}/people/demo-margaret`);
    const picker = zoe.getByTestId('follow-level');
    await picker.getByRole('radio', { name: 'Live only' }).waitFor();
    // A new follow starts at "Live only"; arrow keys move to "Off", then back up to "All".
    expect(await picker.getByRole('radio', { name: 'Live only' }).isChecked()).toBe(true);
    await picker.getByRole('radio', { name: 'Live only' }).focus();
    await zoe.keyboard.press('ArrowRight');
    await eventually(() => picker.getByRole('radio', { name: 'Off' }).isChecked(), true);
    await eventually(() => profileLevel('demo-zoe', 'demo-margaret'), 'OFF');
    await zoe.keyboard.press('ArrowLeft');
    await zoe.keyboard.press('ArrowLeft');
    await eventually(() => profileLevel('demo-zoe', 'demo-margaret'), 'ALL');
    expect(await picker.getByRole('radio', { name: 'All' }).isChecked()).toBe(true);
    expect(await picker.getByTestId('follow-level-hint').textContent()).toMatch(/schedule/);
    expect(await seriousAxeViolations(zoe)).toEqual([]);

    await zoe.getByRole('link', { name: 'Roundtable, discover rooms' }).click();
    await zoe.getByTestId('upcoming-rooms').waitFor();
    await eventually(async () => (await bellCount(zoe)) !== null, true);
    const before = (await bellCount(zoe))!;

    // Margaret schedules a room in her own browser.
    const margaret = await newPage();
    await signIn(margaret, api.origin, tokens['demo-margaret']!);
    await margaret.getByRole('link', { name: 'New room' }).click();
    const title = 'Quality gates that teams keep';
    await margaret.getByLabel('Title').fill(title);
    const later = new Date(Date.now() + 3 * 3600_000);
    await margaret.getByLabel('Scheduled time (optional)').fill(new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await margaret.getByRole('button', { name: 'Schedule room' }).click();
    await margaret.getByRole('heading', { level: 1, name: title }).waitFor();
    const roomId = roomIdOf(margaret);

    // Zoe's bell counts up and her home page lists the room, without a reload.
    await eventually(() => bellCount(zoe), before + 1, 30_000, 'bell after ROOM_SCHEDULED');
    const card = zoe.getByTestId('upcoming-rooms').getByTestId('room-card').filter({ hasText: title });
    await waitOrExplain(zoe, card);
    expect(await card.getByRole('link', { name: title, exact: true }).getAttribute('href')).toBe(`/rooms/${encodeURIComponent(roomId)}`);
    expect(await zoe.getByTestId('notification-bell').textContent()).toContain(`Notifications, ${before + 1} unread`);

    // Remind me on the card, then "Add to calendar" is a link to the room's iCalendar event.
    await card.getByRole('button', { name: `Remind me about ${title}` }).click();
    await card.getByRole('button', { name: `Reminder set about ${title}` }).waitFor();
    expect(await card.getByTestId('reminder-count').textContent()).toBe('1 reminder');
    const calendarHref = await card.getByRole('link', { name: `Add to calendar: ${title}` }).getAttribute('href');
    const ics = await fetch(new URL(calendarHref!, api.origin));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await seriousAxeViolations(zoe)).toEqual([]);

    // The host's room page: the reminder count, and the host's schedule controls.
    await margaret.reload();
    const panel = margaret.getByTestId('scheduled-panel');
    await eventually(() => panel.getByTestId('reminder-count').textContent(), '1 reminder');
    await panel.getByRole('button', { name: 'Reschedule' }).waitFor();
    // The host is never notified about their own room: no "Remind me" for her.
    expect(await panel.getByRole('button', { name: /Remind me/ }).count()).toBe(0);
    expect(await seriousAxeViolations(margaret)).toEqual([]);
    await margaret.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await margaret.screenshot({ path: join(SCREENSHOTS, 'room-scheduled.png') });
  }, 90_000);

  it('notifications (issue 18): the host reschedules (a time in the past is refused with the field\'s label) and cancels with a confirmation; the reminded follower sees each live on the notifications page, marks all read by keyboard, and replaces the calendar feed\'s URL there; at 390 px', async () => {
    const { createRoom } = await graphql<{ createRoom: { id: string; title: string } }>(
      api.origin,
      tokens['demo-margaret']!,
      'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id title } }',
      { input: { title: 'Test plans in the open', scheduledFor: new Date(Date.now() + 5 * 3600_000).toISOString() } },
    );
    const roomId = createRoom.id;
    await graphql(api.origin, tokens['demo-zoe']!, 'mutation($r: ID!) { setRoomReminder(roomId: $r, remind: true) { id } }', { r: roomId });

    const zoe = await newPage({ width: 390, height: 844 });
    await signIn(zoe, api.origin, tokens['demo-zoe']!);
    // By keyboard: Tab to the bell from the header's first items, Enter opens the notifications.
    await zoe.getByTestId('notification-bell').focus();
    await zoe.keyboard.press('Enter');
    await zoe.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await zoe.getByTestId('unread-summary').filter({ hasNotText: 'Loading' }).waitFor();

    const margaret = await newPage();
    await signIn(margaret, api.origin, tokens['demo-margaret']!);
    await margaret.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    const panel = margaret.getByTestId('scheduled-panel');
    const newTime = panel.getByLabel('New time');
    await newTime.waitFor();
    const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    // Into the past: refused, said with the field's label, and nothing changed.
    await newTime.fill(local(new Date(Date.now() - 3600_000)));
    await panel.getByRole('button', { name: 'Reschedule' }).click();
    const error = panel.getByTestId('reschedule-error');
    await error.waitFor();
    expect(await error.textContent()).not.toMatch(/scheduledFor|BAD_USER_INPUT/);
    expect(await newTime.getAttribute('aria-invalid')).toBe('true');
    // Then a time that works: the follower who asked for a reminder hears of it, live.
    const moved = new Date(Date.now() + 26 * 3600_000);
    await newTime.fill(local(moved));
    await panel.getByRole('button', { name: 'Reschedule' }).click();
    await panel.getByText('Rescheduled.').waitFor();
    await waitOrExplain(zoe, zoe.locator('[data-testid="notification"][data-kind="ROOM_RESCHEDULED"]').filter({ hasText: 'Test plans in the open' }));

    // Cancel: the existing confirmation dialog first; the room page then says it ended.
    await panel.getByRole('button', { name: 'Cancel room' }).click();
    const dialog = margaret.getByRole('dialog', { name: 'Cancel this room?' });
    await dialog.getByRole('button', { name: 'Cancel room' }).click();
    await margaret.getByTestId('ended-notice').waitFor();
    expect(await margaret.getByTestId('scheduled-panel').count()).toBe(0);
    await waitOrExplain(zoe, zoe.locator('[data-testid="notification"][data-kind="ROOM_CANCELLED"]').filter({ hasText: 'Test plans in the open' }));
    expect(await zoe.getByRole('link', { name: 'Test plans in the open' }).first().getAttribute('href')).toBe(`/rooms/${encodeURIComponent(roomId)}`);

    // Mark all as read, by keyboard: the bell goes to no number.
    await zoe.getByRole('button', { name: 'Mark all as read' }).focus();
    await zoe.keyboard.press('Enter');
    await eventually(() => bellCount(zoe), 0, 10_000, 'bell after mark all read');
    expect(await zoe.getByTestId('notification-count').count()).toBe(0);
    expect(await zoe.locator('.notification-unread').count()).toBe(0);

    // The calendar feed (the same control as on the profile page): a new URL makes the old one 404 at once.
    const feed = zoe.getByTestId('calendar-feed');
    await feed.getByRole('button', { name: 'Show feed URL' }).click();
    const oldUrl = await feed.getByLabel('Feed URL').inputValue();
    expect((await fetch(oldUrl)).status).toBe(200);
    await feed.getByRole('button', { name: 'New URL' }).click();
    await zoe.getByRole('dialog', { name: 'Make a new feed URL?' }).getByRole('button', { name: 'New URL' }).click();
    await feed.getByText('New feed URL made').waitFor();
    const newUrl = await feed.getByLabel('Feed URL').inputValue();
    expect(newUrl).not.toBe(oldUrl);
    expect((await fetch(oldUrl)).status).toBe(404);
    expect((await fetch(newUrl)).status).toBe(200);

    expect(await horizontalOverflow(zoe)).toBe(0);
    expect(await headerCollisions(zoe)).toEqual([]);
    expect(((await zoe.locator('.topbar').boundingBox())?.height ?? 99) < 64).toBe(true);
    expect(await seriousAxeViolations(zoe)).toEqual([]);
    await zoe.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await zoe.screenshot({ path: join(SCREENSHOTS, 'notifications-phone.png') });

    // The room page of a scheduled room on a phone fits too.
    const other = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-margaret']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: 'Phone check: scheduled', scheduledFor: new Date(Date.now() + 7 * 3600_000).toISOString() },
    });
    await zoe.goto(`${api.origin}/rooms/${encodeURIComponent(other.createRoom.id)}`);
    await zoe.getByTestId('scheduled-panel').getByRole('button', { name: /Remind me/ }).waitFor();
    expect(await horizontalOverflow(zoe)).toBe(0);
  }, 90_000);

  it('notifications (issue 18): the host starts a room and the follower\'s bell counts up live; the notifications page lists it with a link to the room, and past the daily budget shows a DIGEST with its count', async () => {
    await graphql(api.origin, tokens['demo-hana']!, 'mutation { follow(profileId: "demo-margaret") { id } }');
    const hana = await newPage();
    await signIn(hana, api.origin, tokens['demo-hana']!);
    await eventually(async () => (await bellCount(hana)) !== null, true);
    const before = (await bellCount(hana))!;
    const start = async (title: string) => {
      const { createRoom } = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-margaret']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
        input: { title, scheduledFor: new Date(Date.now() + 3600_000).toISOString() },
      });
      await graphql(api.origin, tokens['demo-margaret']!, 'mutation($r: ID!) { startRoom(roomId: $r) { id } }', { r: createRoom.id });
      return createRoom.id;
    };
    // A follower at "Live only" (the default) hears of going live, not of scheduling.
    const started: string[] = [];
    const firstRoom = await start('Live check one');
    started.push(firstRoom);
    await eventually(() => bellCount(hana), before + 1, 30_000, 'bell after ROOM_LIVE');
    await hana.getByTestId('notification-bell').click();
    const first = hana.locator('[data-testid="notification"][data-kind="ROOM_LIVE"]').filter({ hasText: 'Live check one' });
    await waitOrExplain(hana, first);
    expect(await first.textContent()).toContain('Margaret Hamilton is live in Live check one');
    // Past the daily budget (3 go-live notifications per host), further ones fold into one DIGEST.
    for (const title of ['Live check two', 'Live check three', 'Live check four', 'Live check five']) started.push(await start(title));
    const digest = hana.locator('[data-testid="notification"][data-kind="DIGEST"]').filter({ hasText: 'from Margaret Hamilton' });
    await waitOrExplain(hana, digest);
    // Five go-lives: three notifications, then one DIGEST standing for the other two.
    await eventually(async () => Number((await digest.getByTestId('digest-count').textContent())?.replace(/,/g, '')), 2, 30_000, 'digest count');
    await hana.locator('[data-testid="notification"][data-kind="ROOM_LIVE"]').filter({ hasText: 'Live check three' }).waitFor();
    expect(await hana.locator('[data-testid="notification"]').filter({ hasText: /Live check (four|five)/ }).count()).toBe(1);
    expect(await seriousAxeViolations(hana)).toEqual([]);
    await hana.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await hana.screenshot({ path: join(SCREENSHOTS, 'notifications.png') });
    await first.getByRole('link', { name: 'Live check one' }).click();
    await hana.getByRole('heading', { level: 1, name: 'Live check one' }).waitFor();
    expect(roomIdOf(hana)).toBe(firstRoom);
    // The other tests' home pages need not list these.
    for (const id of started) await graphql(api.origin, tokens['demo-margaret']!, 'mutation($r: ID!) { endRoom(roomId: $r) { id } }', { r: id });
  }, 90_000);

  // Last on purpose: it stops the API under an open room page (bug 7, kind: a status that does not follow the truth).
  it('the live indicator follows the API going down and coming back, and the page catches up on what it missed', async () => {
    const created = await graphql<{ createRoom: { id: string } }>(api.origin, tokens['demo-ada']!, 'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
      input: { title: 'Outage drill' },
    });
    const roomId = created.createRoom.id;
    const page = await newPage();
    await signIn(page, api.origin, tokens['demo-ada']!);
    await page.goto(`${api.origin}/rooms/${encodeURIComponent(roomId)}`);
    const indicator = page.getByTestId('live-indicator');
    await eventually(() => indicator.getAttribute('data-state'), 'live');

    const port = Number(new URL(api.origin).port);
    await api.stop();
    // Down is either state: 'reconnecting' (the socket retries) or 'offline' (an HTTP request of
    // the page failed too, e.g. the header's notification count); both say so in words.
    const down = async () => {
      const state = await indicator.getAttribute('data-state');
      return state === 'reconnecting' || state === 'offline' ? 'down' : state;
    };
    await eventually(down, 'down', 15_000);
    expect(await indicator.textContent()).toMatch(/reconnecting|cannot be reached/);

    api = await startApi({ ...apiEnv, SEED_DEMO_DATA: 'false' }, port);
    // Something happens while the page is still reconnecting; the replay from sinceVersion brings it.
    await graphql(api.origin, tokens['demo-tom']!, 'mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }', { id: roomId });
    await eventually(() => indicator.getAttribute('data-state'), 'live', 30_000);
    await eventually(() => page.getByTestId('listener-count').textContent(), '1', 15_000);
  }, 120_000);
});

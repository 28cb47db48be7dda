import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { SingleBar } from 'cli-progress';
import { SignJWT } from 'jose';
import { Client } from 'pg';

import { integerOption, runBench } from '../live/bench-cli';
import { createBenchDatabase } from '../live/bench-database';

/**
 * End-to-end benchmark of `recommendedRooms(first: 20)` with N live rooms in PostgreSQL: the real
 * API and recommender processes (built under dist/), over HTTP. The same-run baseline is the raw
 * SQL that gathers the candidates, so the ratio shows what the API, the ranking call, the
 * reasons and the impression log add on top of reading the rows.
 */

const HELP = `Benchmarks recommendedRooms(first: 20) end to end.

Usage: npm run bench:recommended-rooms -- [--rooms 2000] [--iterations 60] [--write-docs]

  --rooms        live rooms in the database (default 2000)
  --iterations   measured requests after 5 warm-up requests (default 60)
  --write-docs   replace the "recommendedRooms end to end" section of docs/benchmarks.md
  --help         show this help

Uses DATABASE_URL's server when set (a throwaway database is created and dropped), otherwise an
embedded PostgreSQL. Run \`npm run build\` first (the npm script does).
`;

const root = resolve(__dirname, '..', '..', '..', '..');
const DEV_SECRET = 'roundtable-dev-secret-change-me';
const QUERY = `query { recommendedRooms(first: 20) { modelVersion items { score reasons room { id title } } } }`;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(iterations: number, label: string, run: () => Promise<void>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i += 1) await run();
  const bar = new SingleBar({ format: `${label.padEnd(28)} [{bar}] {value}/{total}`, hideCursor: true });
  bar.start(iterations, 0);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    bar.increment();
  }
  bar.stop();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

function startProcess(entry: string, env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(process.execPath, [join(root, entry)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  return child;
}

/** Profiles, follows and N live rooms (host, two speakers, a few listeners each) via set-based SQL. */
async function seed(client: Client, rooms: number): Promise<void> {
  const topics = ['cloud-infrastructure', 'machine-learning', 'product-management', 'marketing', 'finance', 'design', 'sales', 'leadership'];
  await client.query(`insert into profiles (id, display_name, skills, interests, industry, seniority, follower_count)
    select 'p' || g, 'Person ' || g,
           case g % 4 when 0 then array['Kubernetes','Go'] when 1 then array['Python','PyTorch']
                      when 2 then array['Figma','UX Research'] else array['SEO','Copywriting'] end,
           array[($1::text[])[1 + g % 8]], 'software', 'SENIOR', g % 500
      from generate_series(0, $2) g`, [topics, rooms * 3 + 200]);
  await client.query(`update profiles set skills = array['Kubernetes','Go','Terraform'], interests = array['cloud-infrastructure','machine-learning'] where id = 'p0'`);
  // 300 follows, or every other profile when a small run seeds fewer.
  await client.query(`insert into follows (follower_id, followee_id) select 'p0', 'p' || g from generate_series(1, least(300, $1::int)) g`, [rooms * 3 + 200]);
  await client.query(`insert into rooms (id, title, topics, status, visibility, host_id, max_speakers, started_at, created_at)
    select gen_random_uuid(), 'Room ' || g, array[($1::text[])[1 + g % 8]], 'LIVE', 'PUBLIC', 'p' || (g * 3 + 1), 8,
           now() - (g % 120) * interval '1 minute', now() - g * interval '1 second'
      from generate_series(0, $2 - 1) g`, [topics, rooms]);
  await client.query(`insert into participants (id, room_id, profile_id, role, joined_at, stage_since, muted, connected)
    select gen_random_uuid(), r.id, r.host_id, 'HOST', r.started_at, r.started_at, false, false from rooms r`);
  await client.query(`insert into participants (id, room_id, profile_id, role, joined_at, stage_since, muted, connected)
    select gen_random_uuid(), r.id, 'p' || (split_part(r.host_id, 'p', 2)::int + s), 'SPEAKER', r.started_at, r.started_at, false, false
      from rooms r, generate_series(1, 2) s`);
  await client.query(`insert into participants (id, room_id, profile_id, role, joined_at, muted, connected)
    select gen_random_uuid(), r.id, 'p' || ((abs(hashtext(r.id::text || l)) % $1) + 1), 'LISTENER', now(), false, false
      from rooms r, generate_series(1, 5) l
    on conflict do nothing`, [rooms * 3 + 200]);
  // Each room's stream head, with the counters the command pipeline would have kept.
  await client.query(`insert into room_streams (room_id, version, listener_count, participant_count)
    select r.id, 0, count(*) filter (where p.role = 'LISTENER'), count(*)
      from rooms r join participants p on p.room_id = r.id and p.left_at is null group by r.id`);
  await client.query('analyze');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rooms: { type: 'string', default: '2000' },
      iterations: { type: 'string', default: '60' },
      'write-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const rooms = integerOption('rooms', values.rooms);
  const iterations = integerOption('iterations', values.iterations);

  const cleanups: (() => Promise<void>)[] = [];
  try {
    // The same throwaway database the live benchmarks use (DATABASE_URL's server, else embedded).
    const benchDatabase = await createBenchDatabase();
    cleanups.push(() => benchDatabase.drop());
    const databaseUrl = benchDatabase.url;

    const recommenderPort = await freePort();
    const recommender = startProcess('dist/apps/recommender/main.js', { RECOMMENDER_PORT: String(recommenderPort), LOG_LEVEL: 'warn' }, 'recommender');
    cleanups.push(async () => void recommender.kill('SIGTERM'));
    const apiPort = await freePort();
    const api = startProcess(
      'dist/apps/api/main.js',
      {
        DATABASE_URL: databaseUrl,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        RECOMMENDER_URL: `http://127.0.0.1:${recommenderPort}`,
        RECOMMENDER_TIMEOUT_MS: '5000',
        RATE_LIMIT_MUTATIONS: '1000000',
        RATE_LIMIT_OPERATION_POINTS: '100000000',
        RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: '100000000',
      },
      'api',
    );
    cleanups.push(async () => void api.kill('SIGTERM'));
    await waitForHttp(`http://127.0.0.1:${recommenderPort}/healthz`, recommender, 'recommender');
    await waitForHttp(`http://127.0.0.1:${apiPort}/readyz`, api, 'API');

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());
    process.stdout.write(`seeding ${rooms} live rooms…\n`);
    await seed(db, rooms);

    const token = await new SignJWT({ name: 'Bench Viewer', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('p0')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(process.env['AUTH_JWT_SECRET'] ?? DEV_SECRET));
    let modelVersion = '';
    const endToEnd = await timed(iterations, 'recommendedRooms(first: 20)', async () => {
      const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { data?: { recommendedRooms: { modelVersion: string; items: unknown[] } }; errors?: unknown };
      if (!body.data || body.data.recommendedRooms.items.length !== 20) throw new Error(`unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
      modelVersion = body.data.recommendedRooms.modelVersion;
    });
    // "Not interested" at the cap (issue 19): 500 hidden items that match no candidate (498 hosts who
    // host nothing, 2 topics no room has), so the list is the same and only the filter's cost shows.
    await db.query(`insert into hidden_recommendations (profile_id, kind, host_id)
      select 'p0', 'HOST', 'p' || (g * 3 + 2) from generate_series(0, 497) g`);
    await db.query(`insert into hidden_recommendations (profile_id, kind, topic_slug) values ('p0', 'TOPIC', 'devops'), ('p0', 'TOPIC', 'cybersecurity')`);
    await db.query('analyze hidden_recommendations');
    const withHidden = await timed(iterations, 'with 500 hidden items', async () => {
      const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { data?: { recommendedRooms: { items: unknown[] } } };
      if (!body.data || body.data.recommendedRooms.items.length !== 20) throw new Error(`unexpected response: ${JSON.stringify(body).slice(0, 300)}`);
    });
    // The filter alone, interleaved so load drift hits both alike: the candidate rows with and
    // without the API's own "Not interested" clause (roomsNotHiddenSql, loaded from the build: tools
    // never import apps), 500 hidden items in place.
    const controls = (await import(pathToFileURL(join(root, 'dist/apps/api/recommendations/recommendation-controls.service.js')).href)) as {
      roomsNotHiddenSql(profileId: string): { sql: string; params: unknown[] };
    };
    const notHidden = controls.roomsNotHiddenSql('p0');
    let placeholder = 0;
    const filterSql = notHidden.sql.replace(/\?/g, () => `$${(placeholder += 1) + 1}`);
    const candidates = (filter: boolean) =>
      db.query(
        `select r.id, r.title, r.topics, r.status, r.started_at, r.host_id from rooms r
          where r.status = 'LIVE' and r.visibility = 'PUBLIC' ${filter ? `and ${filterSql}` : ''}
          order by r.started_at desc, r.id limit $1`,
        filter ? [rooms, ...notHidden.params] : [rooms],
      );
    const filterSamples: number[] = [];
    const plainSamples: number[] = [];
    for (let i = 0; i < iterations + 5; i += 1) {
      for (const filter of i % 2 === 0 ? [true, false] : [false, true]) {
        const start = process.hrtime.bigint();
        const result = await candidates(filter);
        if (result.rowCount !== rooms) throw new Error(`the filter dropped rooms: ${result.rowCount} of ${rooms}`);
        if (i >= 5) (filter ? filterSamples : plainSamples).push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    filterSamples.sort((a, b) => a - b);
    plainSamples.sort((a, b) => a - b);
    const filtered = { p50: percentile(filterSamples, 50), p99: percentile(filterSamples, 99) };
    const unfiltered = { p50: percentile(plainSamples, 50), p99: percentile(plainSamples, 99) };
    // Baseline: the candidate rows alone, read with the raw SQL the service starts from.
    const rawSql = await timed(iterations, 'raw SQL candidates', async () => {
      await db.query(
        `select r.*, (select count(*) from participants p where p.room_id = r.id and p.left_at is null and p.role = 'LISTENER') as listeners
           from rooms r where r.status = 'LIVE' and r.visibility = 'PUBLIC' order by r.started_at desc limit $1`,
        [rooms],
      );
    });

    const lines = [
      `| measurement (${rooms} live rooms, ${iterations} requests) | p50 ms | p99 ms |`,
      '| --- | --- | --- |',
      `| \`recommendedRooms(first: 20)\` over HTTP, model \`${modelVersion}\` | ${endToEnd.p50.toFixed(1)} | ${endToEnd.p99.toFixed(1)} |`,
      `| the same with 500 hidden items (the cap; none matches a candidate) | ${withHidden.p50.toFixed(1)} | ${withHidden.p99.toFixed(1)} |`,
      `| baseline: raw SQL reading the candidate rooms | ${rawSql.p50.toFixed(1)} | ${rawSql.p99.toFixed(1)} |`,
      `| ratio end to end / raw SQL (p50) | ${(endToEnd.p50 / rawSql.p50).toFixed(1)}× | |`,
      `| ratio with 500 hidden / without (p50) | ${(withHidden.p50 / endToEnd.p50).toFixed(2)}× | |`,
      `| candidate SQL (${rooms} rows) without the hidden filter, interleaved | ${unfiltered.p50.toFixed(1)} | ${unfiltered.p99.toFixed(1)} |`,
      `| candidate SQL with the hidden filter, 500 hidden items, interleaved | ${filtered.p50.toFixed(1)} | ${filtered.p99.toFixed(1)} |`,
      `| ratio filter / no filter, candidate SQL (p50) | ${(filtered.p50 / unfiltered.p50).toFixed(2)}× | |`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    if (values['write-docs']) writeDocsSection(lines, rooms, iterations);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

const SECTION = '## API: recommendedRooms end to end';

function writeDocsSection(table: readonly string[], rooms: number, iterations: number): void {
  const path = join(root, 'docs', 'benchmarks.md');
  let doc = '';
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  const section = [
    SECTION,
    '',
    `Command: \`npm run bench:recommended-rooms -- --rooms ${rooms} --iterations ${iterations} --write-docs\` (${new Date().toISOString().slice(0, 10)}, ${process.env['DATABASE_URL'] ? 'DATABASE_URL PostgreSQL' : 'embedded PostgreSQL'}, Node ${process.version}, 2-core machine, 1-minute load average ${loadavg()[0]?.toFixed(2)} at the end).`,
    'The real API and recommender processes over HTTP; the request gathers the viewer, the candidates',
    '(stage, counts, follows), calls the recommender (ONNX + occlusion reasons), and logs impressions.',
    'The hidden-items row measures the "Not interested" filter in the candidate query at the 500-item cap.',
    '',
    ...table,
    '',
  ].join('\n');
  const start = doc.indexOf(SECTION);
  if (start === -1) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const next = doc.indexOf('\n## ', start + SECTION.length);
    doc = `${doc.slice(0, start)}${section}${next === -1 ? '' : doc.slice(next + 1)}`;
  }
  writeFileSync(path, doc.endsWith('\n') ? doc : `${doc}\n`);
  process.stdout.write(`updated ${path}\n`);
}

runBench(main);

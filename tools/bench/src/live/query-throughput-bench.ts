import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';

import { benchViewer, bringOnStage, createLiveRoom, joinRoom, newJwtSecret, startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench } from './bench-cli';
import { forEachLimited, graphQL, postGraphQL } from './graphql-http';
import { LoadGenerator } from './load-generator-client';
import { type AutocannonSummary } from './load-generator-protocol';
import { checkFileDescriptors, formatMs, freePort, loadAverageText, LOOPBACK, planCpusAndDatabase, type StartedChild, startNodeChild, waitForHttp } from './process-tools';

const HELP = `Query throughput: the room page query with autocannon, API against a lean graphql-js baseline.

Usage: npm run bench:query-throughput -- [options]

  --duration 10       seconds of measurement per server (default 10), after a 3 s warm-up
  --rounds 1          measure each server this many times, alternating which goes first
                      (default 1); totals over all rounds are reported
  --connections 32    autocannon connections (default 32)
  --listeners 60      listeners seeded into the room (default 60; the query reads 50)
  --speakers 3        speakers on stage besides the host, 0–8 (default 3)
  --redis URL         run the API with REDIS_URL=URL (pub/sub and the shared rate budgets in
                      Redis, as in production); default: in-process, budgets in memory
  --no-pin            do not pin processes to cores with taskset
  --no-pin-database   leave the local PostgreSQL's processes where they are (by default they
                      share the load generator's core, so the server under test has its own)
  --label TEXT        a label written into docs/benchmarks.md
  --write-docs        rewrite this benchmark's section of docs/benchmarks.md ("Live rooms: query
                      throughput"; earlier runs under its ### headings are kept)
  --help              show this help

The query: room(id) { stage { profile { displayName headline } } audience(first: 50) { edges {
node { profile { displayName } } } } }, signed in, over HTTP POST. Targets, in the same run on
the same fresh database (seeded through the API, dropped afterwards): the API process, and a
baseline built here with graphql-http + graphql-js over plain pg and a hand-written schema
(baseline-graphql-server.ts). Both servers are pinned to one core, autocannon to another. Every
answer must equal the first one (autocannon's expectBody); anything else is a mismatch.
Target (issue 9): the API at least 0.5× the baseline's requests per second. Each server's own
CPU time per request (from /proc, user + system) is reported too: on a shared machine it moves
less with other load than requests per second do.
`;

const QUERY = `query($id: ID!) { room(id: $id) { stage { profile { displayName headline } } audience(first: 50) { edges { node { profile { displayName } } } } } }`;

interface RoomPage {
  room: { stage: { profile: { displayName: string; headline: string | null } }[]; audience: { edges: { node: { profile: { displayName: string } } }[] } } | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      connections: { type: 'string', default: '32' },
      listeners: { type: 'string', default: '60' },
      speakers: { type: 'string', default: '3' },
      redis: { type: 'string', default: '' },
      ...COMMON_BENCH_OPTIONS,
      'no-pin-database': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const duration = integerOption('duration', values.duration);
  const rounds = integerOption('rounds', values.rounds);
  const connections = integerOption('connections', values.connections);
  const listeners = integerOption('listeners', values.listeners);
  const speakers = integerOption('speakers', values.speakers, { min: 0, max: 8 });
  if (listeners < 50) process.stdout.write(`note: ${listeners} listeners: the audience page will hold fewer than 50\n`);
  requireBuilt(['dist/apps/api/main.js', 'dist/tools/bench/live/load-generator.js', 'dist/tools/bench/live/baseline-graphql-server.js']);
  const fd = checkFileDescriptors(1024);
  if (!fd.ok) {
    process.stdout.write(`${fd.message}\n`);
    process.exitCode = 2;
    return;
  }
  const cpu = planCpusAndDatabase(values['no-pin'], values['no-pin-database']);
  const loadAtStart = loadAverageText();
  process.stdout.write(`CPU: ${cpu.description}\nload average: ${loadAtStart}\n`);

  const logDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-query-'));
  const database = await createBenchDatabase();
  process.stdout.write(`database: ${database.source} (fresh database for this run); child logs in ${logDir}\n`);
  const secret = newJwtSecret();
  const stops: (() => Promise<void>)[] = [() => database.drop()];
  let lines: string[] = [];
  try {
    const api = await startApiProcess({ name: 'api', databaseUrl: database.url, redisUrl: values.redis, jwtSecret: secret, cpu: cpu.serverCpu, fdLimit: null, logDir });
    stops.push(() => api.stop());
    const baselinePort = await freePort();
    const baseline = startNodeChild({
      name: 'baseline-graphql',
      entry: 'dist/tools/bench/live/baseline-graphql-server.js',
      args: [String(baselinePort)],
      env: { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret },
      cpu: cpu.serverCpu,
      fdLimit: null,
      logDir,
    });
    stops.push(() => baseline.stop());
    await waitForHttp(`http://${LOOPBACK}:${baselinePort}/healthz`, baseline);
    const baselineUrl = `http://${LOOPBACK}:${baselinePort}/graphql`;
    const generator = LoadGenerator.start({ cpu: cpu.clientCpu, fdLimit: null, logDir });
    stops.push(() => generator.stop());

    process.stdout.write(`seeding through the API: a LIVE room, host + ${speakers} speakers on stage, ${listeners} listeners…\n`);
    const host = await benchViewer(secret, 'bench-host', 'Bench Host');
    const roomId = await createLiveRoom(api, host, 'Query throughput');
    const stage = await Promise.all(Array.from({ length: speakers }, (_, index) => benchViewer(secret, `bench-speaker-${index}`, `Speaker ${index}`)));
    for (const member of [host, ...stage]) {
      await graphQL(api.httpUrl, 'mutation($input: UpdateProfileInput!) { updateViewerProfile(input: $input) { id } }', { input: { headline: `Staff Engineer at Company ${member.id}` } }, member.token);
    }
    for (const speaker of stage) await bringOnStage(api, host, speaker, roomId);
    const audience = await Promise.all(Array.from({ length: listeners }, (_, index) => benchViewer(secret, `bench-listener-${index}`, `Listener ${index}`)));
    await forEachLimited(audience, 4, (listener) => joinRoom(api, listener, roomId));
    const viewer = await benchViewer(secret, 'bench-reader', 'Bench Reader');

    const apiAnswer = await postGraphQL<RoomPage>(api.httpUrl, QUERY, { id: roomId }, viewer.token);
    const baselineAnswer = await postGraphQL<RoomPage>(baselineUrl, QUERY, { id: roomId }, viewer.token);
    if (apiAnswer.errors || !apiAnswer.data?.room) throw new Error(`the API did not answer the query: ${JSON.stringify(apiAnswer).slice(0, 400)}`);
    if (!isDeepStrictEqual(apiAnswer, baselineAnswer)) {
      throw new Error(`the baseline answers differently:\nAPI:      ${JSON.stringify(apiAnswer).slice(0, 400)}\nbaseline: ${JSON.stringify(baselineAnswer).slice(0, 400)}`);
    }
    const room = apiAnswer.data.room;
    process.stdout.write(`both servers answer the same: ${room.stage.length} on stage, ${room.audience.edges.length} audience edges\n`);

    const body = JSON.stringify({ query: QUERY, variables: { id: roomId } });
    type Measured = AutocannonSummary & { cpuMsPerRequest: number; cpuMs: number };
    const warmed = new Set<string>();
    const run = async (url: string, name: string, server: StartedChild): Promise<Measured> => {
      // The exact bytes each server answered with: autocannon counts every other body as a mismatch.
      const expected = await rawAnswer(url, body, viewer.token);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${viewer.token}` };
      if (!warmed.has(url)) {
        process.stdout.write(`${name}: 3 s warm-up…\n`);
        await generator.autocannon({ url, body, headers, connections, durationSeconds: 3, expectBody: expected });
        warmed.add(url);
      }
      process.stdout.write(`${name}: ${duration} s with ${connections} connections…\n`);
      const cpuBefore = server.cpuMs();
      const summary = await generator.autocannon({ url, body, headers, connections, durationSeconds: duration, expectBody: expected });
      // The server's own CPU per answered request: a measure of work that other load on a shared
      // machine bends less than requests per second do.
      const cpuMs = server.cpuMs() - cpuBefore;
      const cpuMsPerRequest = cpuMs / Math.max(1, summary.total);
      process.stdout.write(
        `${name}: ${summary.requestsPerSecond.toFixed(0)} req/s, latency p50 ${formatMs(summary.latencyP50Ms)} ms p99 ${formatMs(summary.latencyP99Ms)} ms, ` +
          `${summary.total} requests, ${summary.non2xx} non-2xx, ${summary.errors} errors, ${summary.timeouts} timeouts, ${summary.mismatches} mismatched bodies, ` +
          `${cpuMsPerRequest.toFixed(2)} ms server CPU per request\n`,
      );
      return { ...summary, cpuMs, cpuMsPerRequest };
    };
    // Rounds alternate which server goes first, so load that comes and goes on a shared machine
    // falls on both; the totals of all rounds are reported.
    const apiRounds: Measured[] = [];
    const baselineRounds: Measured[] = [];
    for (let round = 0; round < rounds; round += 1) {
      if (rounds > 1) process.stdout.write(`round ${round + 1} of ${rounds}\n`);
      const measureApi = async () => apiRounds.push(await run(api.httpUrl, 'API', api));
      const measureBaseline = async () => baselineRounds.push(await run(baselineUrl, 'baseline (graphql-http + graphql-js + pg)', baseline));
      if (round % 2 === 0) {
        await measureApi();
        await measureBaseline();
      } else {
        await measureBaseline();
        await measureApi();
      }
      if (rounds > 1) {
        const a = apiRounds.at(-1) as Measured;
        const b = baselineRounds.at(-1) as Measured;
        process.stdout.write(`round ${round + 1}: ratio ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×, CPU ratio ${(b.cpuMsPerRequest / a.cpuMsPerRequest).toFixed(2)}×\n`);
      }
    }
    const apiResult = combined(apiRounds, duration);
    const baselineResult = combined(baselineRounds, duration);
    const ratio = apiResult.requestsPerSecond / baselineResult.requestsPerSecond;
    process.stdout.write(`\nratio API / baseline: ${ratio.toFixed(2)}× (target ≥ 0.5×)\n`);
    process.stdout.write(
      `server CPU per request: API ${apiResult.cpuMsPerRequest.toFixed(2)} ms, baseline ${baselineResult.cpuMsPerRequest.toFixed(2)} ms ` +
        `(baseline / API ${(baselineResult.cpuMsPerRequest / apiResult.cpuMsPerRequest).toFixed(2)}×)\n`,
    );
    const row = (name: string, result: Measured) =>
      `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${formatMs(result.latencyP50Ms)} / ${formatMs(result.latencyP99Ms)} ms | ${result.cpuMsPerRequest.toFixed(2)} ms | ${result.total.toLocaleString('en-US')} | ${result.non2xx + result.errors + result.timeouts + result.mismatches} |`;
    lines = [
      `| server (${connections} connections, ${rounds > 1 ? `${rounds} × ` : ''}${duration} s) | req/s | latency p50 / p99 | server CPU per request | requests | non-2xx, errors, timeouts or wrong bodies |`,
      '| --- | --- | --- | --- | --- | --- |',
      row('Roundtable API (Apollo Server + type-graphql + MikroORM)', apiResult),
      row('baseline: graphql-http + graphql-js over plain `pg`', baselineResult),
      `| **ratio API / baseline** | **${ratio.toFixed(2)}×** (target ≥ 0.5×) | | ${(baselineResult.cpuMsPerRequest / apiResult.cpuMsPerRequest).toFixed(2)}× | | |`,
    ];
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (values['write-docs']) {
    const command = `npm run bench:query-throughput -- --duration ${duration}${rounds > 1 ? ` --rounds ${rounds}` : ''} --connections ${connections} --listeners ${listeners}${values.redis ? ` --redis ${values.redis}` : ''} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    writeDocsSection(
      'Live rooms: query throughput',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; ${cpu.description}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        `The room page query \`room(id){ stage { profile { displayName headline } } audience(first: 50) { edges { node { profile { displayName } } } } }\`,`,
        `signed in, with autocannon, against the API and against a baseline built in the same run: graphql-http + graphql-js over plain \`pg\``,
        `on the same database, with a hand-written schema (the token verified, one SQL statement each for the room, the stage with profiles`,
        `joined, and the audience page). The room has the host and ${speakers} speakers on stage and ${listeners} listeners, seeded through the API.`,
        'Both servers answer with identical bytes, checked on every request.',
        '',
        ...lines,
      ].join('\n'),
    );
  }
}

/**
 * Rounds of one server as one measurement: requests and CPU summed, latencies the median of the
 * rounds' percentiles.
 */
function combined<T extends AutocannonSummary & { cpuMs: number }>(rounds: readonly T[], duration: number): T & { cpuMsPerRequest: number } {
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
  const sum = (pick: (round: T) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const total = sum((round) => round.total);
  const cpuMs = sum((round) => round.cpuMs);
  return {
    ...(rounds[0] as T),
    total,
    requestsPerSecond: total / (duration * rounds.length),
    latencyP50Ms: median(rounds.map((round) => round.latencyP50Ms)),
    latencyP99Ms: median(rounds.map((round) => round.latencyP99Ms)),
    non2xx: sum((round) => round.non2xx),
    errors: sum((round) => round.errors),
    timeouts: sum((round) => round.timeouts),
    mismatches: sum((round) => round.mismatches),
    cpuMs,
    cpuMsPerRequest: cpuMs / Math.max(1, total),
  };
}

/** The response body, byte for byte. */
async function rawAnswer(url: string, body: string, token: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return response.text();
}

runBench(main);

import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { summarise } from '../ranking/stats';
import { type ApiProcess, benchViewer, createLiveRoom, joinRoom, newJwtSecret, startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { bytesText, commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { COMMON_BENCH_OPTIONS, integerListOption, integerOption, requireBuilt, runBench } from './bench-cli';
import { LoadGenerator } from './load-generator-client';
import { type FanoutResult, type FanoutTrigger } from './load-generator-protocol';
import {
  checkFileDescriptors,
  ephemeralPortCount,
  formatMs,
  formatRatio,
  freePort,
  loadAverageText,
  LOOPBACK,
  planCpus,
  sleep,
  startNodeChild,
  waitForHttp,
} from './process-tools';

const HELP = `Fan-out of one stage event to N graphql-ws subscribers, against a raw ws broadcast.

Usage: npm run bench:fanout -- [options]
       npm run bench:fanout-redis -- [options]   (the same with --redis)

  --subscribers 1000,5000   subscriber counts, comma-separated (default 1000,5000; 10000 works
                            with an fd limit above ~10,300)
  --events 20               measured events per count (default 20), after --warmups untimed ones
  --warmups 3               untimed events once every subscription is live (default 3)
  --timeout-ms 120000       an event that has not reached every subscriber by then is counted
                            as incomplete (default 120000)
  --redis                   instead of the raw baseline: the same event in-process (one API) and
                            crossing two API instances through Redis (REDIS_URL, default
                            redis://127.0.0.1:6379); reports the latency Redis adds
  --no-pin                  do not pin processes to cores with taskset
  --label TEXT              a label written into docs/benchmarks.md (e.g. "BEFORE the fan-out work")
  --write-docs              rewrite this benchmark's section of docs/benchmarks.md: "Live rooms:
                            fan-out", or "Live rooms: fan-out through Redis" with --redis (earlier
                            runs under the section's ### headings are kept)
  --help                    show this help

One API process (dist/apps/api/main.js; the npm script builds first) on loopback with a fresh
PostgreSQL database (DATABASE_URL's server, else an embedded one; dropped afterwards) and
in-process pub/sub. The subscribers (the graphql-ws client over ws, one viewer each) and the
trigger run in a separate load-generator process, pinned to another core when taskset is
available. The event is a listener's raised or lowered hand (HandRaised / HandLowered); the
subscription selects participant { id profile { displayName } }. Measured: from the mutation's
start to the LAST subscriber's delivery, p50 and p99 over --events events, and the API process's
RSS growth per connection. Baseline in the same run: a raw ws server sending one pre-serialised
frame of the same size to the same number of clients, triggered by an HTTP POST.
`;

const SUBSCRIPTION = `subscription($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename
    version
    ... on HandRaised { participant { id profile { displayName } } }
    ... on HandLowered { participant { id profile { displayName } } }
  }
}`;
const RAISE_HAND = { query: 'mutation($roomId: ID!) { raiseHand(roomId: $roomId) { id room { version } } }', field: 'raiseHand' };
const LOWER_HAND = { query: 'mutation($roomId: ID!) { lowerHand(roomId: $roomId) { id room { version } } }', field: 'lowerHand' };

interface Measured {
  readonly subscribers: number;
  readonly result: FanoutResult;
  readonly rssPerConnectionBytes: number;
  readonly connectSeconds: number;
}

interface Settings {
  readonly events: number;
  readonly warmups: number;
  readonly timeoutMs: number;
  readonly cpu: ReturnType<typeof planCpus>;
  readonly fdLimit: number | null;
  readonly logDir: string;
  readonly databaseUrl: string;
  readonly generator: LoadGenerator;
}

function postPlain(url: string, method: string, body: string): Promise<string> {
  return new Promise((done, fail) => {
    const req = request(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * N subscribers on `watchApi`, events triggered on `triggerApi` (the same API in-process, or the
 * other instance through Redis). A fresh room per measurement.
 */
async function measureApi(settings: Settings, subscribers: number, watchApi: ApiProcess, triggerApi: ApiProcess, tag: string): Promise<Measured> {
  const secret = watchApi.jwtSecret;
  const host = await benchViewer(secret, `bench-host-${tag}`, 'Bench Host');
  const actor = await benchViewer(secret, `bench-actor-${tag}`, 'Bench Actor With A Realistic Name');
  const roomId = await createLiveRoom(triggerApi, host, `Fan-out ${tag}`);
  await joinRoom(triggerApi, actor, roomId);
  await sleep(1000);
  const rssBefore = watchApi.rssBytes();
  process.stdout.write(`  connecting ${subscribers} graphql-ws subscribers to ${watchApi.name}…\n`);
  const connected = await settings.generator.subscribeGraphQL({
    wsUrl: watchApi.wsUrl,
    jwtSecret: secret,
    viewerPrefix: 'bench-sub-',
    count: subscribers,
    query: SUBSCRIPTION,
    variables: { roomId },
    concurrency: 100,
    timeoutMs: 60_000,
  });
  if (connected.failed > 0) throw new Error(`${connected.failed} of ${subscribers} subscribers failed to connect: ${connected.firstError}`);
  const trigger: FanoutTrigger = { kind: 'graphql', httpUrl: triggerApi.httpUrl, token: actor.token, mutations: [RAISE_HAND, LOWER_HAND], variables: { roomId } };
  const result = await settings.generator.fanout({ trigger, warmups: settings.warmups, events: settings.events, timeoutMs: settings.timeoutMs });
  const rssAfter = watchApi.rssBytes();
  await settings.generator.closeAll();
  return { subscribers, result, rssPerConnectionBytes: (rssAfter - rssBefore) / subscribers, connectSeconds: connected.seconds };
}

async function measureRaw(settings: Settings, subscribers: number, frame: string): Promise<Measured> {
  const port = await freePort();
  const server = startNodeChild({
    name: 'raw-broadcast',
    entry: 'dist/tools/bench/live/raw-broadcast-server.js',
    args: [String(port)],
    cpu: settings.cpu.serverCpu,
    fdLimit: settings.fdLimit,
    logDir: settings.logDir,
  });
  try {
    const base = `http://${LOOPBACK}:${port}`;
    await waitForHttp(`${base}/healthz`, server);
    await postPlain(`${base}/frame`, 'PUT', frame);
    await sleep(500);
    const rssBefore = server.rssBytes();
    process.stdout.write(`  connecting ${subscribers} raw ws clients…\n`);
    const connected = await settings.generator.connectRaw({ wsUrl: `ws://${LOOPBACK}:${port}/ws`, count: subscribers, concurrency: 100, timeoutMs: 60_000 });
    if (connected.failed > 0) throw new Error(`${connected.failed} raw clients failed to connect: ${connected.firstError}`);
    const result = await settings.generator.fanout({
      trigger: { kind: 'raw', broadcastUrl: `${base}/broadcast` },
      warmups: settings.warmups,
      events: settings.events,
      timeoutMs: settings.timeoutMs,
    });
    const rssAfter = server.rssBytes();
    await settings.generator.closeAll();
    return { subscribers, result, rssPerConnectionBytes: (rssAfter - rssBefore) / subscribers, connectSeconds: connected.seconds };
  } finally {
    await server.stop();
  }
}

const p50 = (samples: readonly number[]) => summarise(samples).p50;
const p99 = (samples: readonly number[]) => summarise(samples).p99;

function completeness(measured: Measured): string {
  return measured.result.incompleteEvents > 0 ? ` (${measured.result.incompleteEvents} incomplete)` : '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string' },
      events: { type: 'string', default: '20' },
      warmups: { type: 'string', default: '3' },
      'timeout-ms': { type: 'string', default: '120000' },
      redis: { type: 'boolean', default: false },
      ...COMMON_BENCH_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const counts = integerListOption('subscribers', values.subscribers ?? (values.redis ? '1000' : '1000,5000'));
  const events = integerOption('events', values.events);
  const warmups = integerOption('warmups', values.warmups, { min: 0 });
  const timeoutMs = integerOption('timeout-ms', values['timeout-ms']);
  requireBuilt(['dist/apps/api/main.js', 'dist/tools/bench/live/load-generator.js']);
  const largest = Math.max(...counts);
  const fd = checkFileDescriptors(largest + 512);
  process.stdout.write(`${fd.message}\n`);
  if (!fd.ok) {
    process.exitCode = 2;
    return;
  }
  if (largest > ephemeralPortCount() - 1000) {
    throw new Error(`${largest} loopback connections need more ephemeral ports than net.ipv4.ip_local_port_range offers (${ephemeralPortCount()})`);
  }
  const redisUrl = values.redis ? process.env['REDIS_URL'] || 'redis://127.0.0.1:6379' : '';
  const cpu = planCpus(values['no-pin']);
  const loadAtStart = loadAverageText();
  process.stdout.write(`CPU: ${cpu.description}\nload average: ${loadAtStart}\n`);

  const logDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-fanout-'));
  const database = await createBenchDatabase();
  process.stdout.write(`database: ${database.source} (fresh database for this run); child logs in ${logDir}\n`);
  const generator = LoadGenerator.start({ cpu: cpu.clientCpu, fdLimit: fd.raiseTo, logDir });
  const settings: Settings = { events, warmups, timeoutMs, cpu, fdLimit: fd.raiseTo, logDir, databaseUrl: database.url, generator };
  const secret = newJwtSecret();
  const apis: ApiProcess[] = [];
  const startApi = async (name: string, withRedis: boolean) => {
    const api = await startApiProcess({ name, databaseUrl: database.url, redisUrl: withRedis ? redisUrl : '', jwtSecret: secret, cpu: cpu.serverCpu, fdLimit: fd.raiseTo, logDir });
    apis.push(api);
    return api;
  };
  const stopApis = async () => {
    for (const api of apis.splice(0)) await api.stop();
  };

  const lines: string[] = [];
  try {
    if (!values.redis) {
      lines.push(
        '| subscribers | API: mutation → last delivery p50 / p99 | raw ws broadcast p50 / p99 | ratio p50 / p99 | API RSS per connection | raw RSS per connection | frame |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      );
      for (const count of counts) {
        process.stdout.write(`\n== ${count} subscribers: API (in-process pub/sub) ==\n`);
        const api = await startApi(`api-${count}`, false);
        const apiMeasured = await measureApi(settings, count, api, api, String(count));
        await stopApis();
        const frame = apiMeasured.result.sampleFrame;
        process.stdout.write(`== ${count} subscribers: raw ws broadcast of a ${frame.length}-byte frame ==\n`);
        const raw = await measureRaw(settings, count, frame);
        const apiLatency = apiMeasured.result.latenciesMs;
        const rawLatency = raw.result.latenciesMs;
        const line = `| ${count.toLocaleString('en-US')} | ${formatMs(p50(apiLatency))} / ${formatMs(p99(apiLatency))} ms${completeness(apiMeasured)} | ${formatMs(p50(rawLatency))} / ${formatMs(p99(rawLatency))} ms${completeness(raw)} | **${formatRatio(p50(apiLatency) / p50(rawLatency))}** / ${formatRatio(p99(apiLatency) / p99(rawLatency))} | ${bytesText(apiMeasured.rssPerConnectionBytes)} | ${bytesText(raw.rssPerConnectionBytes)} | ${frame.length} B |`;
        lines.push(line);
        process.stdout.write(
          `\n${count} subscribers: API p50 ${formatMs(p50(apiLatency))} ms p99 ${formatMs(p99(apiLatency))} ms (mutation answered p50 ${formatMs(p50(apiMeasured.result.triggerMs))} ms, first delivery p50 ${formatMs(p50(apiMeasured.result.firstDeliveryMs))} ms); ` +
            `raw p50 ${formatMs(p50(rawLatency))} ms p99 ${formatMs(p99(rawLatency))} ms; ratio p50 ${formatRatio(p50(apiLatency) / p50(rawLatency))} (target ≤ 2× at 10,000); ` +
            `RSS per connection API ${bytesText(apiMeasured.rssPerConnectionBytes)}, raw ${bytesText(raw.rssPerConnectionBytes)}\n`,
        );
      }
    } else {
      lines.push(
        '| subscribers | in-process (one API): last delivery p50 / p99 | through Redis (trigger on A, subscribers on B): last delivery p50 / p99 | added by Redis, last delivery p50 / p99 | first delivery p50: in-process / through Redis | added by Redis, first delivery p50 |',
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (const count of counts) {
        process.stdout.write(`\n== ${count} subscribers: one API, in-process pub/sub ==\n`);
        const single = await startApi(`api-inprocess-${count}`, false);
        const local = await measureApi(settings, count, single, single, `local-${count}`);
        await stopApis();
        process.stdout.write(`== ${count} subscribers: two APIs through Redis (${redisUrl}) ==\n`);
        const a = await startApi(`api-a-${count}`, true);
        const b = await startApi(`api-b-${count}`, true);
        const crossing = await measureApi(settings, count, b, a, `redis-${count}`);
        await stopApis();
        const l = local.result.latenciesMs;
        const r = crossing.result.latenciesMs;
        const lf = local.result.firstDeliveryMs;
        const rf = crossing.result.firstDeliveryMs;
        lines.push(
          `| ${count.toLocaleString('en-US')} | ${formatMs(p50(l))} / ${formatMs(p99(l))} ms${completeness(local)} | ${formatMs(p50(r))} / ${formatMs(p99(r))} ms${completeness(crossing)} | **${formatMs(p50(r) - p50(l))} ms** / ${formatMs(p99(r) - p99(l))} ms | ${formatMs(p50(lf))} / ${formatMs(p50(rf))} ms | **${formatMs(p50(rf) - p50(lf))} ms** |`,
        );
        process.stdout.write(`\n${count} subscribers: in-process p50 ${formatMs(p50(l))} ms, through Redis p50 ${formatMs(p50(r))} ms: Redis adds ${formatMs(p50(r) - p50(l))} ms (p99 ${formatMs(p99(r) - p99(l))} ms)\n`);
      }
    }
  } finally {
    await stopApis();
    await generator.stop();
    await database.drop();
  }

  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (values['write-docs']) {
    const command = `npm run bench:fanout -- ${values.redis ? '--redis ' : ''}--subscribers ${counts.join(',')} --events ${events} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    const intro = values.redis
      ? [
          'The same HandRaised/HandLowered event as above, crossing two API instances through Redis pub/sub: the mutation goes to',
          'instance A, the subscribers watch on instance B; compared with one instance and in-process pub/sub, in the same run.',
          'Both instances are pinned to the server core. "First delivery" (mutation start to the first subscriber\'s message) isolates the',
          'hop best. A negative difference is possible: with two instances, the subscribers\' instance does not also run the mutation, which',
          'can outweigh the Redis round trip, and on a loaded machine the run-to-run noise is larger than the hop.',
        ]
      : [
          'One API process, in-process pub/sub, N graphql-ws subscribers (the graphql-ws client, one viewer each) watching one room;',
          "the event is a listener's raised or lowered hand, the subscription selects `participant { id profile { displayName } }`.",
          "Latency: from the mutation's start to the LAST subscriber's delivery, timed in the load-generator process.",
          'Baseline: a raw `ws` server sending one pre-serialised frame of the same size to the same number of clients, triggered by an',
          'HTTP POST, in the same run. RSS per connection: the server process\'s resident-set growth from before connecting to after the',
          'events, divided by N (it includes garbage not yet collected, so it moves between runs). Target (issue 9): at most 2× the raw',
          'broadcast at 10,000 subscribers.',
        ];
    writeDocsSection(
      values.redis ? 'Live rooms: fan-out through Redis' : 'Live rooms: fan-out',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; ${events} events after ${warmups} warm-ups; ${cpu.description}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        ...intro,
        '',
        ...lines,
      ].join('\n'),
    );
  }
}

runBench(main);

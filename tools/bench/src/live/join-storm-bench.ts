import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { summarise } from '../ranking/stats';
import { benchViewer, createLiveRoom, joinRoom, newJwtSecret, startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench, transportOption } from './bench-cli';
import { LoadGenerator } from './load-generator-client';
import { participantInsertBaseline } from './participant-insert-baseline';
import { checkFileDescriptors, formatMs, loadAverageText, planCpusAndDatabase } from './process-tools';

const HELP = `Join storm: listeners joining one room at a fixed rate while subscribers watch it.

Usage: npm run bench:join-storm -- [options]

  --joins 3000          joins in total, each by a different viewer (default 3000)
  --pool 10             the baseline's pool size: the API's database pool (default 10)
  --rate 1000           joins sent per second, open loop: join i leaves at i/rate s whatever
                        the answers do (default 1000)
  --subscribers 50      graphql-ws subscribers watching the room (default 50)
  --max-seconds 90      hard stop: answers still missing then count as timed out (default 90)
  --settle-ms 1500      messages are counted until the subscribers have been quiet this long
                        after the last answer (default 1500; coalesced and lagging deliveries
                        are counted, bounded by --max-seconds)
  --transport socket    how each joinRoom travels: socket, on the joiner's graphql-ws socket opened
                        (and signed in) before the storm, as the web client sends it once its room
                        page's socket is live; or http, one POST each (default socket)
  --no-pin              do not pin processes to cores with taskset
  --no-pin-database     leave the local PostgreSQL's processes where they are (by default they
                        share the load generator's core, so the server under test has its own)
  --label TEXT          a label written into docs/benchmarks.md
  --write-docs          rewrite this benchmark's section of docs/benchmarks.md ("Live rooms: join
                        storm"; earlier runs under its ### headings are kept)
  --help                show this help

Reports the joinRoom latency (p50/p99, measured from the moment each request was sent), the API
process's CPU time per join (from /proc; steadier than rates on a shared machine), the
rate the API actually absorbed against a same-run baseline (the same participant rows, offered at
the same rate, written by plain multi-row INSERTs over a pool as large as the API's: at least 0.5×
is issue 14's target), and the messages each subscriber received per second of the
window: one per join today; about 1000 / AUDIENCE_COALESCE_MS once joins are coalesced into
AudienceChanged. The joiners sign in once before the storm (the API creates profiles on first
sign-in), so the storm measures joins only. Fresh database, dropped afterwards.
`;

const SUBSCRIPTION = `subscription($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename
    version
    previousVersion
    ... on HandRaised { participant { id } }
    ... on ParticipantJoined { participant { id profile { displayName } } }
    ... on AudienceChanged { listenerCount joined { id profile { displayName } } leftProfileIds }
  }
}`;

const RAISE_HAND = { query: 'mutation($roomId: ID!) { raiseHand(roomId: $roomId) { id room { version } } }', field: 'raiseHand' };
// A warm-up that did not reach every subscriber in time is fired again: lower, then raise, so a
// retry never asks for a hand that is already up (HAND_ALREADY_RAISED on a loaded machine).
const LOWER_HAND = { query: 'mutation($roomId: ID!) { lowerHand(roomId: $roomId) { id room { version } } }', field: 'lowerHand' };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      joins: { type: 'string', default: '3000' },
      rate: { type: 'string', default: '1000' },
      pool: { type: 'string', default: '10' },
      subscribers: { type: 'string', default: '50' },
      'max-seconds': { type: 'string', default: '90' },
      'settle-ms': { type: 'string', default: '1500' },
      transport: { type: 'string', default: 'socket' },
      ...COMMON_BENCH_OPTIONS,
      'no-pin-database': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const joins = integerOption('joins', values.joins);
  const rate = integerOption('rate', values.rate);
  const poolMax = integerOption('pool', values.pool);
  const subscribers = integerOption('subscribers', values.subscribers);
  const maxSeconds = integerOption('max-seconds', values['max-seconds']);
  const settleMs = integerOption('settle-ms', values['settle-ms'], { min: 0 });
  const transport = transportOption(values.transport);
  requireBuilt(['dist/apps/api/main.js', 'dist/tools/bench/live/load-generator.js']);
  // The joins' HTTP sockets (at most 512 at once) and the subscribers' WebSockets.
  const fd = checkFileDescriptors(subscribers + 512 + 512);
  process.stdout.write(`${fd.message}\n`);
  if (!fd.ok) {
    process.exitCode = 2;
    return;
  }
  const cpu = planCpusAndDatabase(values['no-pin'], values['no-pin-database']);
  const loadAtStart = loadAverageText();
  const coalesceMs = Number(process.env['AUDIENCE_COALESCE_MS'] || 500);
  process.stdout.write(`CPU: ${cpu.description}\nload average: ${loadAtStart}\n`);

  const logDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-join-storm-'));
  const database = await createBenchDatabase();
  process.stdout.write(`database: ${database.source} (fresh database for this run); child logs in ${logDir}\n`);
  const secret = newJwtSecret();
  const generator = LoadGenerator.start({ cpu: cpu.clientCpu, fdLimit: fd.raiseTo, logDir });
  const api = await startApiProcess({ name: 'api', databaseUrl: database.url, redisUrl: '', jwtSecret: secret, cpu: cpu.serverCpu, fdLimit: fd.raiseTo, logDir }).catch(async (error: unknown) => {
    await generator.stop();
    await database.drop();
    throw error;
  });
  let lines: string[] = [];
  try {
    const host = await benchViewer(secret, 'bench-host', 'Bench Host');
    const roomId = await createLiveRoom(api, host, 'Join storm');
    // A probe listener whose raised hand proves every subscription live before the storm starts.
    const probe = await benchViewer(secret, 'bench-probe', 'Bench Probe');
    await joinRoom(api, probe, roomId);
    process.stdout.write(`signing in ${joins} joiners (their profiles are created on first sign-in)…\n`);
    await generator.signIn({ httpUrl: api.httpUrl, jwtSecret: secret, viewerPrefix: 'bench-joiner-', count: joins, concurrency: 32, openSocketsAt: transport === 'socket' ? api.wsUrl : null });
    // The baseline first, into a room of its own, with the same joiners' profiles and arrival rate.
    const baselineHost = await benchViewer(secret, 'bench-baseline-host', 'Baseline Host');
    const baselineRoomId = await createLiveRoom(api, baselineHost, 'Join storm baseline');
    process.stdout.write(`baseline: ${joins} participant rows at ${rate}/s by multi-row INSERT over a pool of ${poolMax}…\n`);
    const baseline = await participantInsertBaseline({
      databaseUrl: database.url,
      roomId: baselineRoomId,
      profileIds: Array.from({ length: joins }, (_, index) => `bench-joiner-${index}`),
      rowsPerSecond: rate,
      poolMax,
    });
    const baselineRate = baseline.rows / baseline.seconds;
    const baselineLatency = summarise(baseline.latenciesMs);
    process.stdout.write(
      `baseline: ${baseline.rows} rows in ${baseline.statements} INSERTs, absorbed ${baselineRate.toFixed(0)} rows/s; row latency p50 ${formatMs(baselineLatency.p50)} ms, p99 ${formatMs(baselineLatency.p99)} ms\n`,
    );
    process.stdout.write(`connecting ${subscribers} subscribers…\n`);
    const connected = await generator.subscribeGraphQL({
      wsUrl: api.wsUrl,
      jwtSecret: secret,
      viewerPrefix: 'bench-watcher-',
      count: subscribers,
      query: SUBSCRIPTION,
      variables: { roomId },
      concurrency: 50,
      timeoutMs: 60_000,
    });
    if (connected.failed > 0) throw new Error(`${connected.failed} subscribers failed to connect: ${connected.firstError}`);
    await generator.fanout({
      trigger: { kind: 'graphql', httpUrl: api.httpUrl, token: probe.token, mutations: [RAISE_HAND, LOWER_HAND], variables: { roomId } },
      warmups: 0,
      events: 0,
      timeoutMs: 30_000,
    });
    process.stdout.write(`join storm: ${joins} joins at ${rate}/s, ${transport === 'socket' ? "each on its joiner's open socket" : 'one POST each'}…\n`);
    // The API's own CPU time over the storm (from /proc): moves less with other load than rates do.
    const apiCpuBefore = api.cpuMs();
    const storm = await generator.joinStorm({ httpUrl: api.httpUrl, transport, jwtSecret: secret, roomId, viewerPrefix: 'bench-joiner-', joins, joinsPerSecond: rate, maxSeconds, settleMs });
    const apiCpuMsPerJoin = (api.cpuMs() - apiCpuBefore) / Math.max(1, storm.succeeded);
    await generator.closeAll();

    const latency = summarise(storm.latenciesMs);
    const perSubscriber = storm.messagesPerSubscriber;
    const meanMessages = perSubscriber.reduce((sum, count) => sum + count, 0) / Math.max(1, perSubscriber.length);
    const perSecond = meanMessages / storm.windowSeconds;
    const absorbed = storm.succeeded / storm.stormSeconds;
    const ratio = absorbed / baselineRate;
    const types = Object.entries(storm.messageTypes)
      .map(([type, count]) => `${type} ${count}`)
      .join(', ');
    lines = [
      `| joins sent (at ${rate}/s) | joined | failed / timed out | absorbed rate | baseline: multi-row INSERT of the same rows (p99 row latency) | absorbed ÷ baseline | API CPU per join | joinRoom p50 / p99 | subscribers | messages per subscriber per second | messages per subscriber per join | last message after last answer | with coalescing, expected ≈ |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${storm.sent.toLocaleString('en-US')} | ${storm.succeeded.toLocaleString('en-US')} | ${storm.failed} / ${storm.timedOut} | ${absorbed.toFixed(0)} joins/s over ${storm.stormSeconds.toFixed(1)} s | ${baselineRate.toFixed(0)} rows/s in ${baseline.statements} INSERTs (${formatMs(baselineLatency.p99)} ms) | **${ratio.toFixed(2)}×** | ${apiCpuMsPerJoin.toFixed(2)} ms | ${formatMs(latency.p50)} / **${formatMs(latency.p99)} ms** | ${storm.subscribers} | **${perSecond.toFixed(1)}** (over ${storm.windowSeconds.toFixed(1)} s) | ${(meanMessages / Math.max(1, storm.succeeded)).toFixed(2)} | ${storm.deliveryLagSeconds.toFixed(1)} s${storm.cutOff ? ' (cut off at --max-seconds: still arriving)' : ''} | ${(1000 / coalesceMs).toFixed(1)} /s (AUDIENCE_COALESCE_MS ${coalesceMs}) |`,
      '',
      `Messages received by all subscribers, by type: ${types || 'none'}.${storm.cutOff ? ' Counting stopped at the hard stop while deliveries were still arriving, so the per-join figure is a lower bound.' : ''}${storm.firstError ? ` First failure: \`${storm.firstError.replace(/`/g, "'").slice(0, 200)}\`.` : ''}`,
    ];
    process.stdout.write(
      `\njoins: ${storm.succeeded}/${storm.sent} succeeded (${storm.failed} failed, ${storm.timedOut} timed out), absorbed ${absorbed.toFixed(0)} joins/s; ` +
        `${ratio.toFixed(2)}× the baseline's ${baselineRate.toFixed(0)} rows/s; API CPU ${apiCpuMsPerJoin.toFixed(2)} ms per join; ` +
        `joinRoom p50 ${formatMs(latency.p50)} ms, p99 ${formatMs(latency.p99)} ms; ` +
        `${perSecond.toFixed(1)} messages per subscriber per second (expected with coalescing ≈ ${(1000 / coalesceMs).toFixed(1)}); ` +
        `${(meanMessages / Math.max(1, storm.succeeded)).toFixed(2)} messages per subscriber per join; last message ${storm.deliveryLagSeconds.toFixed(1)} s after the last answer${storm.cutOff ? ' (cut off at --max-seconds while deliveries were still arriving)' : ''}\n`,
    );
  } finally {
    await api.stop();
    await generator.stop();
    await database.drop();
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (values['write-docs']) {
    const command = `npm run bench:join-storm -- --joins ${joins} --rate ${rate} --subscribers ${subscribers} --pool ${poolMax} --max-seconds ${maxSeconds} --transport ${transport} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    writeDocsSection(
      'Live rooms: join storm',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; ${cpu.description}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        'Baseline (issue 14 §3): the same participant rows (one LISTENER row per joiner, into a second room), offered at the same',
        "open-loop rate and written by plain multi-row INSERTs over a pool as large as the API's (each INSERT takes every row that",
        'arrived while earlier ones were in flight): what the database absorbs without rules, events, counters or HTTP. The target is',
        'absorbed ÷ baseline ≥ 0.5 and joinRoom p99 ≤ 1 s at 1,000 joins/s for 10 s.',
        '',
        'Distinct viewers join one LIVE room over HTTP, sent open-loop at the given rate (each join leaves on schedule, whatever the',
        'earlier ones did) while graphql-ws subscribers watch the room. Latency is from sending each joinRoom to its answer, so it',
        `includes queueing when the API absorbs fewer joins than are sent. Messages are counted per subscriber from the first join until`,
        `the subscribers have been quiet for ${settleMs} ms after the last answer (so lagging deliveries count, and the window grows with them). Issue 9 expects ≈ 1000 / AUDIENCE_COALESCE_MS messages per subscriber per second once listener joins`,
        'are coalesced into AudienceChanged; before that, every join is one message to every subscriber.',
        '',
        ...lines,
      ].join('\n'),
    );
  }
}

runBench(main);

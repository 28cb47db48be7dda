import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { summarise } from '../ranking/stats';
import { type ApiProcess, benchViewer, bringOnStage, createLiveRoom, joinRoom, newJwtSecret, startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench, transportOption } from './bench-cli';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { forEachLimited } from './graphql-http';
import { type HistogramBuckets, histogramCount, histogramDelta, histogramQuantile, parseHistogram } from './prometheus-histogram';
import { LoadGenerator } from './load-generator-client';
import type { ConversationLoadResult, FanoutResult, MutationTransport } from './load-generator-protocol';
import {
  checkFileDescriptors,
  cleanupOnInterrupt,
  ephemeralPortCount,
  formatMs,
  formatRatio,
  freePort,
  loadAverageText,
  LOOPBACK,
  planCpusAndDatabase,
  sleep,
  startNodeChild,
  waitForHttp,
} from './process-tools';

const HELP = `The room conversation's ticks (issue 17): N roomConversation subscribers of one room under a
chat load, against a raw ws broadcast of the same frame to the same number of sockets.

Usage: npm run bench:conversation -- [options]

  --subscribers 10000       roomConversation subscribers on one API process, one viewer each
                            (default 10000; needs an fd limit above ~10,600)
  --seconds 30              how long the load runs (default 30); frames and CPU are per second of it
  --listener-messages 200   listeners' chat messages per second (default 200)
  --stage-messages 20       the stage's chat messages per second (default 20)
  --reactions 500           reactions per second (default 500)
  --senders 400             subscribers who join the room and write the listeners' messages and
                            the reactions, in turn (default 400)
  --speakers 4              speakers on the stage; they and the host write the stage's messages
                            (default 4)
  --mention-every 10        one listener message in this many mentions the next sender (default 10)
  --tick-ms 1000            CONVERSATION_TICK_MS of the API (default 1000)
  --transport socket        how the load's mutations travel: socket, over each sender's own
                            graphql-ws socket (its subscription's; the stage's writers open one
                            each), as the web client sends a room's chat and reactions; or http,
                            one POST each (default socket)
  --broadcasts 20           raw ws broadcasts measured for the baseline (default 20)
  --no-pin                  do not pin processes to cores with taskset
  --no-pin-database         leave the local PostgreSQL's processes where they are (by default they
                            share the load generator's core, off the API's)
  --label TEXT              a label written into docs/benchmarks.md
  --write-docs              rewrite this benchmark's section of docs/benchmarks.md ("Room
                            conversation: ticks"; earlier runs under its ### headings are kept)
  --help                    show this help

One API process (dist/apps/api/main.js; the npm script builds first) on loopback with a fresh
PostgreSQL database (DATABASE_URL's server, else an embedded one; dropped afterwards) and in-process
pub/sub, pinned to one core. A load generator on the other core holds every socket (one viewer
each, on a lean graphql-transport-ws client of the bench's own that recognises a frame it has
seen by its bytes and decodes and parses only new ones: a class's frames are byte-identical, and
parsing 10,000 copies of a ~10 KB tick a second would saturate the generator, not the API) and
sends the load open loop through the real mutations (sendChatMessage by the senders and by the
stage, react), each at its own rate. The chat and reaction rates are
raised for the run (CHAT_*_MESSAGES_PER_30S, REACTIONS_PER_10S): they are not what is measured.
The subscription selects at sampledOut messages { id text createdAt author { id displayName }
mentions { id } } reactions { reaction count } questionVotes { questionId upvoteCount }
deletedMessageIds.

Measured: frames per subscriber per second (at most one per tick); per tick, from its start (the
tick's \`at\`, the server's clock, before the room is read) to its LAST delivery, p50 and p99, on
the same machine's clock; the API process's CPU per second of chat (/proc, from the load's start
to its last tick delivered, per second of load);
the fan-out's executions per tick (/metrics). Checked: no subscriber got two frames in one tick or
any frame once nothing happened; every stage message reached every subscriber; every sender got
each of its own messages; every mentioned sender got each mention. Baseline in the same run: a
raw \`ws\` server sending one pre-serialised frame (the fullest frame a listener got, as the API sent
it) to the same number of clients (which parse it once, like the API's), triggered by an HTTP POST,
--broadcasts times.
`;

const SUBSCRIPTION = `subscription($roomId: ID!) {
  roomConversation(roomId: $roomId) {
    at
    sampledOut
    messages { id text createdAt author { id displayName } mentions { id } }
    reactions { reaction count }
    questionVotes { questionId upvoteCount }
    deletedMessageIds
  }
}`;

const VIEWER_PREFIX = 'bench-sub-';

interface Options {
  readonly subscribers: number;
  readonly seconds: number;
  readonly listenerMessages: number;
  readonly stageMessages: number;
  readonly reactions: number;
  readonly senders: number;
  readonly speakers: number;
  readonly mentionEvery: number;
  readonly tickMs: number;
  readonly broadcasts: number;
  readonly transport: MutationTransport;
}

function putPlain(url: string, body: string): Promise<string> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'PUT' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** The API's counters of one step, from its /metrics text. */
function metric(text: string, name: string, step: string): number {
  const match = new RegExp(`^${name}\\{step="${step}"\\} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/** Where the API writes a tick's frames: `roundtable_conversation_tick_written_seconds`. */
const TICK_WRITTEN = 'roundtable_conversation_tick_written_seconds';

async function apiCounters(
  api: ApiProcess,
): Promise<{ executions: number; ticks: number; classes: number; overlays: number; deliveries: number; dropped: number; tickWritten: HistogramBuckets }> {
  const text = await (await fetch(api.httpUrl.replace(/\/graphql$/, '/metrics'))).text();
  return {
    tickWritten: parseHistogram(text, TICK_WRITTEN),
    executions: metric(text, 'roundtable_subscription_fanout_total', 'executions'),
    ticks: metric(text, 'roundtable_conversation_total', 'ticks'),
    classes: metric(text, 'roundtable_conversation_total', 'classes'),
    overlays: metric(text, 'roundtable_conversation_total', 'overlays'),
    deliveries: metric(text, 'roundtable_conversation_total', 'deliveries'),
    dropped: metric(text, 'roundtable_conversation_total', 'dropped'),
  };
}

const p50 = (samples: readonly number[]) => summarise(samples).p50;
const p99 = (samples: readonly number[]) => summarise(samples).p99;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '30' },
      'listener-messages': { type: 'string', default: '200' },
      'stage-messages': { type: 'string', default: '20' },
      reactions: { type: 'string', default: '500' },
      senders: { type: 'string', default: '400' },
      speakers: { type: 'string', default: '4' },
      'mention-every': { type: 'string', default: '10' },
      'tick-ms': { type: 'string', default: '1000' },
      broadcasts: { type: 'string', default: '20' },
      transport: { type: 'string', default: 'socket' },
      'no-pin-database': { type: 'boolean', default: false },
      ...COMMON_BENCH_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const options: Options = {
    subscribers: integerOption('subscribers', values.subscribers, { min: 2 }),
    seconds: integerOption('seconds', values.seconds),
    listenerMessages: integerOption('listener-messages', values['listener-messages'], { min: 0 }),
    stageMessages: integerOption('stage-messages', values['stage-messages']),
    reactions: integerOption('reactions', values.reactions, { min: 0 }),
    senders: integerOption('senders', values.senders),
    speakers: integerOption('speakers', values.speakers, { min: 0 }),
    mentionEvery: integerOption('mention-every', values['mention-every'], { min: 0 }),
    tickMs: integerOption('tick-ms', values['tick-ms'], { min: 10, max: 60_000 }),
    broadcasts: integerOption('broadcasts', values.broadcasts),
    transport: transportOption(values.transport),
  };
  if (options.senders >= options.subscribers) throw new Error('--senders must be fewer than --subscribers: one subscriber at least neither writes nor is mentioned');
  requireBuilt(['dist/apps/api/main.js', 'dist/tools/bench/live/load-generator.js', 'dist/tools/bench/live/raw-broadcast-server.js']);
  const fd = checkFileDescriptors(options.subscribers + options.senders + 512);
  process.stdout.write(`${fd.message}\n`);
  if (!fd.ok) {
    process.exitCode = 2;
    return;
  }
  if (options.subscribers > ephemeralPortCount() - 1000) {
    throw new Error(`${options.subscribers} loopback connections need more ephemeral ports than net.ipv4.ip_local_port_range offers (${ephemeralPortCount()})`);
  }
  const cpu = planCpusAndDatabase(values['no-pin'], values['no-pin-database']);
  const loadAtStart = loadAverageText();
  process.stdout.write(`CPU: ${cpu.description}\nload average: ${loadAtStart}\n`);

  const logDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-conversation-'));
  const database = await createBenchDatabase();
  process.stdout.write(`database: ${database.source} (fresh database for this run); child logs in ${logDir}\n`);
  const generator = LoadGenerator.start({ cpu: cpu.clientCpu, fdLimit: fd.raiseTo, logDir });
  const secret = newJwtSecret();
  let api: ApiProcess | null = null;
  const cleanup = async () => {
    await api?.stop();
    api = null;
    await generator.stop();
    await database.drop();
  };
  const unregister = cleanupOnInterrupt(cleanup);

  let result: ConversationLoadResult;
  let raw: Awaited<ReturnType<typeof measureRaw>>;
  let apiCpuMs: number;
  let generatorCpuMs: number;
  let counters: Awaited<ReturnType<typeof apiCounters>>;
  try {
    const started = await startApiProcess({
      name: 'api',
      databaseUrl: database.url,
      redisUrl: '',
      jwtSecret: secret,
      cpu: cpu.serverCpu,
      fdLimit: fd.raiseTo,
      logDir,
      env: {
        CONVERSATION_TICK_MS: String(options.tickMs),
        // The load's own rates are not what is measured: nothing is refused or dropped for rate.
        CHAT_LISTENER_MESSAGES_PER_30S: '10000',
        CHAT_STAGE_MESSAGES_PER_30S: '10000',
        REACTIONS_PER_10S: '10000',
      },
    });
    api = started;
    const host = await benchViewer(secret, 'bench-host', 'Bench Host');
    const roomId = await createLiveRoom(started, host, 'Conversation at scale');
    const speakers = await Promise.all(Array.from({ length: options.speakers }, (_, i) => benchViewer(secret, `bench-speaker-${i}`, `Bench Speaker ${i}`)));
    for (const speaker of speakers) await bringOnStage(started, host, speaker, roomId);
    process.stdout.write(`  ${options.senders} senders join the room…\n`);
    const senderIndexes = Array.from({ length: options.senders }, (_, i) => i);
    await forEachLimited(senderIndexes, 20, async (index) => {
      await joinRoom(started, await benchViewer(secret, `${VIEWER_PREFIX}${index}`, `Subscriber ${index}`), roomId);
    });
    process.stdout.write(`  connecting ${options.subscribers} roomConversation subscribers…\n`);
    const connected = await generator.subscribeConversation({
      wsUrl: started.wsUrl,
      jwtSecret: secret,
      viewerPrefix: VIEWER_PREFIX,
      count: options.subscribers,
      query: SUBSCRIPTION,
      variables: { roomId },
      concurrency: 100,
      timeoutMs: 60_000,
    });
    if (connected.failed > 0) throw new Error(`${connected.failed} of ${options.subscribers} subscribers failed to connect: ${connected.firstError}`);
    const warm = await generator.conversationWarmup({ httpUrl: started.httpUrl, roomId, writer: { id: host.id, token: host.token }, timeoutMs: 30_000 });
    process.stdout.write(`  every subscriber had a tick after ${warm.attempts} warm-up message(s) (${warm.seconds.toFixed(1)} s)\n`);
    const before = await apiCounters(started);
    const cpuBefore = started.cpuMs();
    const generatorCpuBefore = generator.process.cpuMs();
    process.stdout.write(
      `  load: ${options.listenerMessages} listener messages/s, ${options.stageMessages} stage messages/s, ${options.reactions} reactions/s for ${options.seconds} s, over ${options.transport === 'socket' ? 'the senders\' sockets' : 'HTTP'}…\n`,
    );
    result = await generator.conversationLoad({
      httpUrl: started.httpUrl,
      wsUrl: started.wsUrl,
      transport: options.transport,
      roomId,
      seconds: options.seconds,
      listenerMessagesPerSecond: options.listenerMessages,
      stageMessagesPerSecond: options.stageMessages,
      reactionsPerSecond: options.reactions,
      senders: senderIndexes,
      viewerPrefix: VIEWER_PREFIX,
      jwtSecret: secret,
      stage: [host, ...speakers].map((writer) => ({ id: writer.id, token: writer.token })),
      mentionEvery: options.mentionEvery,
      settleMs: 2 * options.tickMs + 1000,
      quietMs: 3 * options.tickMs,
    });
    // The window ends with the settle time; the quiet time after it adds (almost) nothing.
    apiCpuMs = started.cpuMs() - cpuBefore;
    generatorCpuMs = generator.process.cpuMs() - generatorCpuBefore;
    const after = await apiCounters(started);
    counters = {
      executions: after.executions - before.executions,
      ticks: after.ticks - before.ticks,
      classes: after.classes - before.classes,
      overlays: after.overlays - before.overlays,
      deliveries: after.deliveries - before.deliveries,
      dropped: after.dropped - before.dropped,
      tickWritten: histogramDelta(before.tickWritten, after.tickWritten),
    };
    await generator.closeAll();
    await started.stop();
    api = null;
    process.stdout.write(`  raw ws broadcast of a ${result.sampleFrame.length}-byte frame to ${options.subscribers} clients…\n`);
    raw = await measureRaw(options, generator, cpu.serverCpu, fd.raiseTo, logDir, result.sampleFrame);
  } finally {
    unregister();
    await cleanup();
  }

  // Per second of ticks: from the first tick's start to the end of the last tick's interval.
  const tickSeconds = result.tickSpanSeconds + options.tickMs / 1000;
  const perSecond = (n: number) => n / tickSeconds;
  const cpuPerSecondMs = apiCpuMs / result.loadSeconds;
  const apiP50 = p50(result.tickLastMs);
  const apiP99 = p99(result.tickLastMs);
  const rawP50 = p50(raw.latenciesMs);
  const rawP99 = p99(raw.latenciesMs);
  const checks = [
    { what: 'at most one frame per subscriber per tick', ok: result.repeatedTicks === 0 && result.framesPerSubscriber.max <= result.ticks, detail: `${result.repeatedTicks} repeated` },
    { what: 'no frame once nothing happened', ok: result.framesWhileQuiet === 0, detail: `${result.framesWhileQuiet} frames` },
    {
      what: 'every stage message reached every subscriber',
      ok: result.stageMessages.reachedEveryone === result.stageMessages.answered,
      detail: `${thousands(result.stageMessages.reachedEveryone)} of ${thousands(result.stageMessages.answered)}; ${thousands(result.stageMessages.missingDeliveries)} deliveries missing`,
    },
    { what: 'every own message reached its author', ok: result.ownMessages.received === result.ownMessages.answered, detail: `${thousands(result.ownMessages.received)} of ${thousands(result.ownMessages.answered)}` },
    { what: 'every mention reached the mentioned', ok: result.mentions.received === result.mentions.answered, detail: `${thousands(result.mentions.received)} of ${thousands(result.mentions.answered)}` },
    { what: 'every reaction counted, none dropped', ok: result.reactionsCounted === result.reactions.succeeded - result.reactions.dropped, detail: `${thousands(result.reactionsCounted)} counted of ${thousands(result.reactions.succeeded - result.reactions.dropped)} answered true` },
    { what: 'every send answered without an error', ok: result.listener.failed + result.stage.failed + result.reactions.failed === 0, detail: result.firstError ?? 'none failed' },
  ];
  const checksLine = checks.map((check) => `${check.ok ? '✓' : '✗'} ${check.what} (${check.detail})`).join('; ');
  const sent = `${thousands(result.listener.succeeded)} listener and ${thousands(result.stage.succeeded)} stage messages, ${thousands(result.reactions.succeeded)} reactions`;
  const lines = [
    '| subscribers | load (per s, for s) | frames per subscriber per second: mean / max | tick start → last delivery p50 / p99 | raw ws broadcast p50 / p99 | ratio p50 / p99 | API CPU per second of chat | executions per tick | frame |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${thousands(options.subscribers)} | ${options.listenerMessages} + ${options.stageMessages} messages, ${options.reactions} reactions; ${options.seconds} s | ${perSecond(result.framesPerSubscriber.mean).toFixed(2)} / ${perSecond(result.framesPerSubscriber.max).toFixed(2)} (${result.ticks} ticks in ${tickSeconds.toFixed(1)} s) | ${formatMs(apiP50)} / ${formatMs(apiP99)} ms | ${formatMs(rawP50)} / ${formatMs(rawP99)} ms | **${formatRatio(apiP50 / rawP50)}** / ${formatRatio(apiP99 / rawP99)} | ${formatMs(cpuPerSecondMs)} ms (${((cpuPerSecondMs / 1000) * 100).toFixed(0)}% of a core) | ${(counters.executions / Math.max(1, counters.ticks)).toFixed(1)} | ${result.sampleFrame.length} B |`,
  ];
  const detail = [
    `Sent and answered: ${sent} (answers p50 / p99: listener messages ${formatMs(result.listener.p50Ms)} / ${formatMs(result.listener.p99Ms)} ms, stage ${formatMs(result.stage.p50Ms)} / ${formatMs(result.stage.p99Ms)} ms, reactions ${formatMs(result.reactions.p50Ms)} / ${formatMs(result.reactions.p99Ms)} ms).`,
    `Per frame: ${result.messagesPerFrame.toFixed(1)} messages, sampledOut ${result.sampledOutPerFrame.toFixed(1)}. Server: ${thousands(counters.ticks)} ticks, ${thousands(counters.classes)} classes (${thousands(counters.overlays)} with a viewer's own or mentioning messages added), ${thousands(counters.executions)} executions, ${thousands(counters.deliveries)} deliveries, ${thousands(counters.dropped)} dropped.`,
    `First delivery after a tick's start: p50 ${formatMs(p50(result.tickFirstMs))} / p99 ${formatMs(p99(result.tickFirstMs))} ms. The API's own part, tick start → last frame handed to a socket (${TICK_WRITTEN}, ${thousands(histogramCount(counters.tickWritten))} ticks, 25 ms buckets): p50 ${formatMs(1000 * histogramQuantile(counters.tickWritten, 0.5))} / p99 ${formatMs(1000 * histogramQuantile(counters.tickWritten, 0.99))} ms, against the raw server's broadcast request → its last frame handed to a socket, p50 ${formatMs(p50(raw.sendMs))} / p99 ${formatMs(p99(raw.sendMs))} ms; the rest of a delivery is the clients' side (the load generator's core, shared with PostgreSQL). The load generator's CPU: ${formatMs(generatorCpuMs / result.loadSeconds)} ms per second of load (its core must not be the bottleneck). Checks: ${checksLine}.`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n${detail.join('\n')}\n`);
  if (checks.some((check) => !check.ok)) process.exitCode = 1;
  if (values['write-docs']) {
    const command =
      `npm run bench:conversation -- --subscribers ${options.subscribers} --seconds ${options.seconds} --listener-messages ${options.listenerMessages} ` +
      `--stage-messages ${options.stageMessages} --reactions ${options.reactions} --senders ${options.senders} --transport ${options.transport} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    writeDocsSection(
      'Room conversation: ticks (issue 17)',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : [`Commit ${commitLabel()}.`, '']),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; tick ${options.tickMs} ms; ${cpu.description}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        `One API process, in-process pub/sub, N \`roomConversation\` subscribers (the graphql-ws client, one viewer each) of one room, under chat`,
        `load sent open loop through the real mutations (\`sendChatMessage\` by ${options.senders} senders in the room and by the host and`,
        `${options.speakers} speakers, \`react\` by the senders; ${options.transport === 'socket' ? "each over the sender's own graphql-ws socket, as the web client sends them" : 'each one HTTP POST'}). "Tick start → last delivery": from the tick's \`at\` (the end of its interval,`,
        'before the room is read) to the last subscriber\'s frame, on the machine\'s one clock. Subscribers are the bench\'s own lean',
        'graphql-transport-ws client, decoding and parsing only frames it has not seen (by their bytes). Baseline: a raw `ws` server sending one pre-serialised frame',
        '(the fullest a listener got) to the same number of clients (parsing it once too), triggered by an HTTP POST, in the same run, with',
        'no other load. API CPU: the process\'s user + system time from the load\'s start to its last tick delivered, per second of load.',
        'Target (issue 17): at most 2× the raw broadcast, at most one frame per subscriber per tick.',
        '',
        ...lines,
        '',
        ...detail,
      ].join('\n'),
    );
  }
}

/** The raw broadcast as its clients saw it, and `sendMs`: each broadcast's time to hand its frame to every socket, on the server. */
async function measureRaw(
  options: Options,
  generator: LoadGenerator,
  serverCpu: number | null,
  fdLimit: number | null,
  logDir: string,
  frame: string,
): Promise<FanoutResult & { readonly sendMs: number[] }> {
  const port = await freePort();
  const server = startNodeChild({ name: 'raw-broadcast', entry: 'dist/tools/bench/live/raw-broadcast-server.js', args: [String(port)], cpu: serverCpu, fdLimit, logDir });
  try {
    const base = `http://${LOOPBACK}:${port}`;
    await waitForHttp(`${base}/healthz`, server);
    await putPlain(`${base}/frame`, frame);
    const connected = await generator.connectRaw({ wsUrl: `ws://${LOOPBACK}:${port}/ws`, count: options.subscribers, concurrency: 100, timeoutMs: 60_000, parse: 'once-per-content' });
    if (connected.failed > 0) throw new Error(`${connected.failed} raw clients failed to connect: ${connected.firstError}`);
    await sleep(500);
    const result = await generator.fanout({ trigger: { kind: 'raw', broadcastUrl: `${base}/broadcast` }, warmups: 3, events: options.broadcasts, timeoutMs: 120_000 });
    // The server's own part of each measured broadcast (the warm-ups came first).
    const sendMs = ((await (await fetch(`${base}/send-ms`)).json()) as number[]).slice(-options.broadcasts);
    await generator.closeAll();
    return { ...result, sendMs };
  } finally {
    await server.stop();
  }
}

runBench(main);

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { type ApiProcess, newJwtSecret, startApiProcess } from './api-process';
import { createBenchDatabase } from './bench-database';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench } from './bench-cli';
import { formatMs, loadAverageText, planCpus, sleep } from './process-tools';

const HELP = `Validation flood: /healthz latency while anonymous clients send documents whose validation
would be quadratic, against a same-run baseline with no flood.

Usage: npm run bench:validation-flood -- [options]

  --duration 10       seconds per phase (default 10)
  --clients 4         flooding clients, each sending one request at a time (default 4)
  --unguarded         also measure the flood against an API started with the field-merge
                      guard lifted (QUERY_MAX_FIELD_MERGE_COMPARISONS=10000000), as before issue 14
  --no-pin            do not pin the API to a core with taskset
  --label TEXT        a label written into docs/benchmarks.md
  --write-docs        rewrite this benchmark's section of docs/benchmarks.md ("Admission:
                      validation flood"; earlier runs under its ### headings are kept)
  --help              show this help

The flood (issue 14, section 5): unique 8 KB anonymous documents repeating one field,
\`{ viewer { interests { slug } } }\` 266 times, each with its own operation name so no cache
answers it; graphql's overlapping-fields check is quadratic in them (up to 0.8 s each). A probe
GETs /healthz one request at a time, every 20 ms, through every phase. Target: /healthz p99 under
250 ms during the flood.
`;

/** One unique flood document: 8 KB, 266 same-name fields (the issue's case). */
function floodDocument(serial: number): string {
  return `query Flood${serial} { ${'viewer { interests { slug } } '.repeat(266)}}`;
}

interface Probe {
  readonly latencies: number[];
  readonly failures: number;
}

/** GETs /healthz one at a time every `intervalMs` until `until`; latencies in ms. */
async function probeHealth(healthUrl: string, until: number, intervalMs = 20): Promise<Probe> {
  const latencies: number[] = [];
  let failures = 0;
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const response = await fetch(healthUrl);
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - started);
      else failures += 1;
    } catch {
      failures += 1;
    }
    await sleep(intervalMs);
  }
  return { latencies, failures };
}

interface Flood {
  requests: number;
  readonly codes: Map<string, number>;
}

/** `clients` loops, each POSTing one unique flood document at a time until `until`. */
async function flood(graphqlUrl: string, clients: number, until: number): Promise<Flood> {
  const result: Flood = { requests: 0, codes: new Map() };
  let serial = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        serial += 1;
        let code = 'network error';
        try {
          const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: floodDocument(serial) }) });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          code = body.errors?.[0]?.extensions?.code ?? 'data';
        } catch {
          // counted as a network error
        }
        result.requests += 1;
        result.codes.set(code, (result.codes.get(code) ?? 0) + 1);
      }
    }),
  );
  return result;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Phase {
  readonly name: string;
  readonly probe: Probe;
  readonly flood: Flood | null;
  /** The API's own CPU time (user + system) during the phase, in ms. */
  readonly cpuMs: number;
}

async function measure(name: string, api: ApiProcess, seconds: number, clients: number): Promise<Phase> {
  process.stdout.write(`${name}: ${seconds} s…\n`);
  const until = Date.now() + seconds * 1000;
  const healthUrl = api.httpUrl.replace(/\/graphql$/, '/healthz');
  const cpuBefore = api.cpuMs();
  const [probe, flooded] = await Promise.all([probeHealth(healthUrl, until), clients > 0 ? flood(api.httpUrl, clients, until) : Promise.resolve(null)]);
  const phase = { name, probe, flood: flooded, cpuMs: api.cpuMs() - cpuBefore };
  process.stdout.write(`  ${row(phase, seconds)}\n`);
  return phase;
}

function row(phase: Phase, seconds: number): string {
  const { latencies, failures } = phase.probe;
  const codes = phase.flood ? [...phase.flood.codes].map(([code, count]) => `${code} ${count}`).join(', ') : '—';
  const rate = phase.flood ? (phase.flood.requests / seconds).toFixed(0) : '—';
  const cpuPerFlood = phase.flood && phase.flood.requests > 0 ? `${(phase.cpuMs / phase.flood.requests).toFixed(2)} ms` : '—';
  return `| ${phase.name} | ${formatMs(percentile(latencies, 50))} ms | ${formatMs(percentile(latencies, 99))} ms | ${latencies.length} (${failures} failed) | ${rate} | ${codes} | ${(phase.cpuMs / seconds / 10).toFixed(0)} % | ${cpuPerFlood} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      clients: { type: 'string', default: '4' },
      unguarded: { type: 'boolean', default: false },
      ...COMMON_BENCH_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const duration = integerOption('duration', values.duration);
  const clients = integerOption('clients', values.clients, { max: 256 });
  requireBuilt(['dist/apps/api/main.js']);
  const cpu = planCpus(values['no-pin']);
  const loadAtStart = loadAverageText();
  process.stdout.write(`CPU: ${cpu.description}\nload average: ${loadAtStart}\n`);
  const logDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-validation-'));
  const database = await createBenchDatabase();
  process.stdout.write(`database: ${database.source} (fresh database for this run); child logs in ${logDir}\n`);
  const stops: (() => Promise<void>)[] = [() => database.drop()];
  const phases: Phase[] = [];
  try {
    const start = async (name: string, env: Record<string, string> = {}) => {
      // The flood is anonymous and all from 127.0.0.1: under the default anonymous work budget
      // (RATE_LIMIT_ANONYMOUS_OPERATION_POINTS, 30,000 points a minute, README "Budgets"), which
      // startApiProcess otherwise lifts for the other benchmarks.
      const anonymousDefault = { RATE_LIMIT_ANONYMOUS_OPERATION_POINTS: '30000' };
      const api = await startApiProcess({ name, databaseUrl: database.url, redisUrl: '', jwtSecret: newJwtSecret(), cpu: cpu.serverCpu, fdLimit: null, logDir, env: { ...anonymousDefault, ...env } });
      stops.push(() => api.stop());
      return api;
    };
    const api = await start('api');
    phases.push(await measure('baseline: no flood', api, duration, 0));
    phases.push(await measure(`flood: ${clients} clients, guard on (default limits)`, api, duration, clients));
    if (values.unguarded) {
      const unguarded = await start('api-unguarded', { QUERY_MAX_FIELD_MERGE_COMPARISONS: '10000000' });
      phases.push(await measure(`flood: ${clients} clients, guard lifted (before issue 14)`, unguarded, duration, clients));
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  const guarded = phases[1] as Phase;
  const p99 = percentile(guarded.probe.latencies, 99);
  const baselineP99 = percentile((phases[0] as Phase).probe.latencies, 99);
  const lines = [
    `| phase (${duration} s each) | /healthz p50 | /healthz p99 | probes | flood req/s | flood answers by code | API CPU (of one core) | API CPU per flood request |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...phases.map((phase) => row(phase, duration)),
    `| **flood p99 / baseline p99** | | **${(p99 / baselineP99).toFixed(2)}×** (${formatMs(p99)} ms; target < 250 ms) | | | | | |`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (values['write-docs']) {
    const command = `npm run bench:validation-flood -- --duration ${duration} --clients ${clients}${values.unguarded ? ' --unguarded' : ''} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    writeDocsSection(
      'Admission: validation flood',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; ${cpu.description}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        `Issue 14, section 5: ${clients} anonymous clients each send unique 8 KB documents repeating \`viewer { interests { slug } }\` 266 times`,
        '(quadratic in graphql\'s overlapping-fields check), one request at a time, while a probe GETs /healthz every 20 ms. The baseline',
        'phase is the same probe on the same API with no flood. With the guard on, admission refuses each document in one linear pass',
        '(`BAD_USER_INPUT`, `TOO_MANY_FIELDS_TO_MERGE`) before graphql validates it. Target: /healthz p99 under 250 ms during the flood.',
        'Documents not parsed yet are also priced by size before they are read (`RATE_LIMIT_DOCUMENT_POINTS_PER_KB`, per address), so the',
        'flood then meets `RATE_LIMITED` without being parsed. The flood clients and the probe run in the bench process itself (not pinned).',
        '',
        ...lines,
      ].join('\n'),
    );
  }
  if (!(p99 < 250)) process.exitCode = 1;
}

runBench(main);

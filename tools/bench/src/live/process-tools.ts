import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Process plumbing shared by the live-room benchmarks: free loopback ports, CPU pinning with
 * `taskset`, file-descriptor limits, child processes with their RSS, and readiness polling.
 * Servers and load generators always run in separate processes, so neither steals the other's
 * event loop.
 */

/** The repository root, from tools/bench/src/live and dist/tools/bench/live alike. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export const LOOPBACK = '127.0.0.1';

const interruptCleanups = new Set<() => Promise<void>>();
let interruptHandlerInstalled = false;

/**
 * Runs `cleanup` if the benchmark is interrupted (Ctrl-C, SIGTERM), so no API process, load
 * generator or bench database outlives it; returns a function that unregisters it.
 */
export function cleanupOnInterrupt(cleanup: () => Promise<void>): () => void {
  interruptCleanups.add(cleanup);
  if (!interruptHandlerInstalled) {
    interruptHandlerInstalled = true;
    const onSignal = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${signal}: stopping the benchmark's processes and dropping its database…\n`);
      const cleanups = [...interruptCleanups].reverse();
      interruptCleanups.clear();
      void (async () => {
        for (const run of cleanups) await run().catch(() => undefined);
        process.exit(130);
      })();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return () => {
    interruptCleanups.delete(cleanup);
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** "1.52 / 1.20 / 0.98" (1, 5 and 15 minutes). */
export function loadAverageText(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** Where the server side and the load generator run; `null` cores mean "not pinned". */
export interface CpuPlan {
  readonly serverCpu: number | null;
  readonly clientCpu: number | null;
  readonly description: string;
}

/** Parses a `taskset -pc` list such as "0,2-3" into [0, 2, 3]. */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) continue;
    const from = Number(match[1]);
    const last = match[2] === undefined ? from : Number(match[2]);
    for (let cpu = from; cpu <= last; cpu += 1) cpus.push(cpu);
  }
  return cpus;
}

/** Servers on the first allowed core, the load generator on the second, when taskset exists. */
export function planCpus(disabled: boolean): CpuPlan {
  if (disabled) return { serverCpu: null, clientCpu: null, description: 'not pinned (--no-pin)' };
  const probe = spawnSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { serverCpu: null, clientCpu: null, description: 'not pinned (taskset unavailable)' };
  const cpus = parseCpuList(probe.stdout.split(':').pop() ?? '');
  const [serverCpu, clientCpu] = cpus;
  if (serverCpu === undefined || clientCpu === undefined) {
    return { serverCpu: null, clientCpu: null, description: `not pinned (only ${cpus.length} core allowed)` };
  }
  return {
    serverCpu,
    clientCpu,
    description: `pinned with taskset: server(s) on core ${serverCpu}, load generator on core ${clientCpu}; Redis not pinned`,
  };
}

/** What {@link pinDatabase} did, and how to undo it. */
export interface DatabasePinning {
  readonly description: string;
  /** Puts every PostgreSQL process back on the cores it had. */
  restore(): void;
}

/**
 * Moves the local PostgreSQL server's processes (the postmaster, whose new backends inherit it,
 * and every running backend) onto the load generator's core, so the server under test has its
 * core to itself, as an API has when its database runs on another machine. The same for the API
 * and its baseline, so their ratio stays fair. Needs taskset and the right to change those
 * processes (root, or PostgreSQL's own user); otherwise nothing is moved and the description
 * says why. `restore()` puts each process back on the cores it had.
 */
export function pinDatabase(clientCpu: number | null, disabled: boolean): DatabasePinning {
  const none = (why: string): DatabasePinning => ({ description: `PostgreSQL not pinned (${why})`, restore: () => undefined });
  if (disabled) return none('--no-pin-database');
  if (clientCpu === null) return none('the other processes are not pinned');
  const pids = postgresPids();
  if (pids.length === 0) return none('no local postgres process');
  const before = new Map<number, string>();
  for (const pid of pids) {
    const probe = spawnSync('taskset', ['-pc', String(pid)], { encoding: 'utf8' });
    const cpus = probe.status === 0 ? (probe.stdout.split(':').pop() ?? '').trim() : '';
    if (!cpus) continue;
    if (spawnSync('taskset', ['-pc', String(clientCpu), String(pid)], { encoding: 'utf8' }).status === 0) before.set(pid, cpus);
  }
  if (before.size === 0) return none('taskset may not move its processes');
  return {
    description: `PostgreSQL (${before.size} processes) pinned to core ${clientCpu} with the load generator`,
    restore: () => {
      for (const [pid, cpus] of before) spawnSync('taskset', ['-pc', cpus, String(pid)], { encoding: 'utf8' });
      // Backends forked meanwhile inherited the postmaster's pinning: give them every core back.
      const all = spawnSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' }).stdout.split(':').pop()?.trim();
      if (!all) return;
      for (const pid of postgresPids().filter((p) => !before.has(p))) {
        spawnSync('taskset', ['-pc', all, String(pid)], { encoding: 'utf8' });
      }
    },
  };
}

/** The ids of this machine's PostgreSQL server processes (`pgrep -x postgres`); empty without any. */
function postgresPids(): number[] {
  return spawnSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter((pid) => pid > 0);
}

/**
 * {@link planCpus} and {@link pinDatabase} together, for a benchmark whose server under test
 * talks to the local PostgreSQL: the plan's description names both, and PostgreSQL's cores are
 * given back when the process exits.
 */
export function planCpusAndDatabase(noPin: boolean, noPinDatabase: boolean): CpuPlan {
  const planned = planCpus(noPin);
  const databasePinning = pinDatabase(planned.clientCpu, noPinDatabase);
  process.once('exit', () => databasePinning.restore());
  return { ...planned, description: `${planned.description}; ${databasePinning.description}` };
}

/** Soft and hard RLIMIT_NOFILE as a child shell sees them. */
export function fileDescriptorLimits(): { soft: number; hard: number } {
  const read = (flag: string) => {
    const out = spawnSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).stdout.trim();
    return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
  };
  return { soft: read('-Sn'), hard: read('-Hn') };
}

/**
 * Each process of a fan-out run holds one descriptor per socket. Children are started through
 * `sh -c 'ulimit -n …'`, which can raise the soft limit up to the hard one; past the hard limit
 * the run stops with a message saying what to do.
 */
export function checkFileDescriptors(needed: number): { ok: true; raiseTo: number | null; message: string } | { ok: false; message: string } {
  const { soft, hard } = fileDescriptorLimits();
  if (soft >= needed) return { ok: true, raiseTo: null, message: `fd limit ${soft} (soft) ≥ ${needed} needed per process` };
  if (hard >= needed) {
    return { ok: true, raiseTo: needed, message: `fd limit ${soft} (soft) < ${needed} needed: children raise it to ${needed} (hard limit ${hard})` };
  }
  return {
    ok: false,
    message:
      `The file-descriptor limit is too low: each process needs about ${needed} descriptors (one per socket), ` +
      `but the soft limit is ${soft} and the hard limit ${hard}.\n` +
      `Raise it before running, e.g. \`ulimit -n ${needed}\` in this shell (as root, or after raising the hard limit in ` +
      `/etc/security/limits.conf or with \`prlimit --nofile=${needed} --pid $$\`), or use fewer --subscribers.`,
  };
}

/** Loopback connections from one client address are bounded by the ephemeral port range. */
export function ephemeralPortCount(): number {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low !== undefined && high !== undefined ? high - low + 1 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export interface StartedChild {
  readonly child: ChildProcess;
  readonly name: string;
  readonly logPath: string;
  /** Resident set size of the child in bytes (Linux /proc), or NaN elsewhere. */
  rssBytes(): number;
  /** CPU time the process has used so far, user + system, in ms (/proc; NaN where unreadable). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** CPU time process `pid` has used so far, user + system, in ms (/proc, 10 ms resolution; NaN where unreadable or gone). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `node <entry> <args>` pinned to `cpu` (when given) with a raised fd limit (when given).
 * `taskset` and `sh` both exec, so the child's pid is the node process itself. Output goes to a
 * log file (printed on failure); with `ipc` the child gets an IPC channel.
 */
export function startNodeChild(options: {
  name: string;
  entry: string;
  args?: readonly string[];
  /** Node flags of this child (before BENCH_NODE_FLAGS), e.g. the API's own (API_NODE_FLAGS). */
  nodeFlags?: readonly string[];
  env?: Record<string, string>;
  cpu: number | null;
  fdLimit: number | null;
  ipc?: boolean;
  logDir: string;
  inheritOutput?: boolean;
}): StartedChild {
  // BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to every child process: profiling a run.
  const extraFlags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const nodeCommand = [process.execPath, '--max-old-space-size=4096', ...(options.nodeFlags ?? []), ...extraFlags, join(REPO_ROOT, options.entry), ...(options.args ?? [])];
  const shell = ['sh', '-c', `${options.fdLimit !== null ? `ulimit -n ${options.fdLimit} && ` : ''}exec "$@"`, 'sh', ...nodeCommand];
  const command = options.cpu !== null ? ['taskset', '-c', String(options.cpu), ...shell] : shell;
  const logPath = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logPath);
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', options.inheritOutput ? 'inherit' : 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let forget: () => void = () => undefined;
  const started: StartedChild = {
    child,
    name: options.name,
    logPath,
    cpuMs() {
      return child.pid === undefined ? Number.NaN : processCpuMs(child.pid);
    },
    rssBytes() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
        return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      forget();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
  forget = cleanupOnInterrupt(() => started.stop());
  return started;
}

/** The last lines of a child's log, for error messages. */
export function logTail(child: StartedChild, lines = 20): string {
  try {
    return readFileSync(child.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function httpStatus(url: string): Promise<number> {
  return new Promise((done) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Polls `url` until it answers 200; fails if the child exits or 60 s pass. */
export async function waitForHttp(url: string, child: StartedChild): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null) throw new Error(`${child.name} exited with code ${child.child.exitCode}:\n${logTail(child)}`);
    if ((await httpStatus(url)) === 200) return;
    await sleep(200);
  }
  throw new Error(`${child.name} did not become ready at ${url}:\n${logTail(child)}`);
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const size = Math.abs(ms);
  return size >= 100 ? ms.toFixed(0) : size >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : 'n/a';
}

import { type ChildProcess, spawn } from 'node:child_process';

/** One long-running process `npm start` keeps up. */
export interface SupervisedService {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /**
   * Restarts after unexpected exits before the supervisor gives up and stops everything with a
   * non-zero status. 0: any exit stops everything (the API: its failures are configuration or
   * database problems a restart would only repeat, and it says why itself).
   */
  readonly maxRestarts: number;
}

export interface RestartPolicy {
  /** Wait before restart `n` (1-based), in milliseconds. */
  readonly delayMs: (restart: number) => number;
  /** A run at least this long (ms) counts as healthy: the service's restart count starts again. */
  readonly healthyAfterMs: number;
  /** After SIGTERM, how long (ms) a service may take to exit before it gets SIGKILL. */
  readonly stopGraceMs: number;
}

/** 1 s, 2 s, 4 s … at most 30 s between restarts; an hour of health forgives earlier crashes. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  delayMs: (restart) => Math.min(1000 * 2 ** (restart - 1), 30_000),
  healthyAfterMs: 60 * 60 * 1000,
  stopGraceMs: 15_000,
};

export interface SupervisorOutput {
  stdout(service: string, chunk: Buffer): void;
  stderr(service: string, chunk: Buffer): void;
  /** The supervisor's own lines: starts, exits, restarts, giving up. */
  notice(line: string): void;
}

/** How the supervisor ended: the process exit status and why. */
export interface SupervisorExit {
  readonly code: number;
  readonly reason: string;
}

/**
 * Runs services as child processes, restarts one that exits unexpectedly (with backoff, at most
 * `maxRestarts` times in a row), and otherwise stops them all: `exited` then resolves with a
 * non-zero status and the reason. `stop()` ends everything on request (Ctrl-C).
 */
export class Supervisor {
  readonly exited: Promise<SupervisorExit>;
  private resolveExit: (exit: SupervisorExit) => void = () => undefined;
  private readonly running = new Map<string, ChildProcess>();
  private readonly consecutive = new Map<string, number>();
  private readonly restartCounts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping: Promise<SupervisorExit> | null = null;

  constructor(
    private readonly services: readonly SupervisedService[],
    private readonly output: SupervisorOutput,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  start(): void {
    for (const service of this.services) this.launch(service);
  }

  /** Restarts done so far for `service` (all of them, not only the current run of crashes). */
  restarts(service: string): number {
    return this.restartCounts.get(service) ?? 0;
  }

  /** The pid of the service's current process, if it runs. */
  pid(service: string): number | undefined {
    return this.running.get(service)?.pid;
  }

  /** Stops every service (SIGTERM, then SIGKILL after `stopGraceMs`) and ends with `exit`. */
  stop(exit: SupervisorExit): Promise<SupervisorExit> {
    this.stopping ??= (async () => {
      for (const timer of this.timers) clearTimeout(timer);
      await Promise.all([...this.running.values()].map((child) => this.terminate(child)));
      this.resolveExit(exit);
      return exit;
    })();
    return this.stopping;
  }

  private launch(service: SupervisedService): void {
    const startedAt = Date.now();
    const child = spawn(service.command, [...service.args], { cwd: service.cwd, env: service.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.set(service.name, child);
    child.stdout?.on('data', (chunk: Buffer) => this.output.stdout(service.name, chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.output.stderr(service.name, chunk));
    let ended = false;
    const onEnd = (how: string, code: number | null) => {
      if (ended) return;
      ended = true;
      if (this.running.get(service.name) === child) this.running.delete(service.name);
      this.onUnexpectedEnd(service, how, Date.now() - startedAt, code);
    };
    child.once('error', (error) => onEnd(`could not run: ${error.message}`, null));
    child.once('exit', (code, signal) => onEnd(signal ? `signal ${signal}` : `status ${code}`, code));
  }

  private onUnexpectedEnd(service: SupervisedService, how: string, ranMs: number, code: number | null): void {
    if (this.stopping) return;
    const previous = ranMs >= this.policy.healthyAfterMs ? 0 : (this.consecutive.get(service.name) ?? 0);
    if (previous >= service.maxRestarts) {
      const times = previous === 0 ? '' : ` after ${previous} restart${previous === 1 ? '' : 's'}`;
      const reason = `${service.name} exited (${how})${times}`;
      this.output.notice(`${reason}; stopping everything`);
      void this.stop({ code: code !== null && code > 0 ? code : 1, reason });
      return;
    }
    const restart = previous + 1;
    this.consecutive.set(service.name, restart);
    this.restartCounts.set(service.name, this.restarts(service.name) + 1);
    const delay = this.policy.delayMs(restart);
    this.output.notice(`${service.name} exited (${how}); restarting in ${delay} ms (restart ${restart} of ${service.maxRestarts})`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopping) this.launch(service);
    }, delay);
    this.timers.add(timer);
  }

  private async terminate(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), this.policy.stopGraceMs);
    await exited;
    clearTimeout(kill);
  }
}

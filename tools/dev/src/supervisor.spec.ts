import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type RestartPolicy, type SupervisedService, Supervisor } from './supervisor';

// Real child processes (node scripts); restarts are counted, never timed.
const IMMEDIATE: RestartPolicy = { delayMs: () => 0, healthyAfterMs: Number.POSITIVE_INFINITY, stopGraceMs: 5_000 };

/** A node script that counts its runs in `counter` and exits with `exitCodes[run]`, or stays up once they are used up. */
function script(dir: string, name: string, exitCodes: readonly number[]): { file: string; runs: () => number } {
  const counter = join(dir, `${name}.runs`);
  writeFileSync(counter, '0');
  const file = join(dir, `${name}.js`);
  writeFileSync(
    file,
    `const fs = require('node:fs');
const run = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8'));
fs.writeFileSync(${JSON.stringify(counter)}, String(run + 1));
const codes = ${JSON.stringify(exitCodes)};
console.log('${name} run ' + run);
if (run < codes.length) process.exit(codes[run]);
setInterval(() => undefined, 1000);
process.once('SIGTERM', () => process.exit(0));
`,
  );
  return { file, runs: () => Number(readFileSync(counter, 'utf8')) };
}

function collect() {
  const notices: string[] = [];
  const out: string[] = [];
  return {
    notices,
    out,
    output: {
      stdout: (name: string, chunk: Buffer) => out.push(`${name}: ${chunk.toString('utf8').trim()}`),
      stderr: () => undefined,
      notice: (line: string) => notices.push(line),
    },
  };
}

/** Resolves once `predicate` holds, polling every 20 ms (at most 500 times). */
async function until(what: string, predicate: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`never happened: ${what}`);
}

describe('kind: a service that exits under npm start', () => {
  let dir: string;
  let supervisor: Supervisor | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-supervisor-'));
  });
  afterEach(async () => {
    await supervisor?.stop({ code: 0, reason: 'test over' });
    supervisor = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const service = (name: string, file: string, maxRestarts: number): SupervisedService => ({ name, command: process.execPath, args: [file], maxRestarts });

  it('given case: a recommender that exits with status 0 is restarted, and npm start goes on', async () => {
    const recommender = script(dir, 'recommender', [0]);
    const api = script(dir, 'api', []);
    const log = collect();
    supervisor = new Supervisor([service('recommender', recommender.file, 3), service('api', api.file, 0)], log.output, IMMEDIATE);
    supervisor.start();

    await until('the recommender running again', () => recommender.runs() === 2 && supervisor?.pid('recommender') !== undefined);
    expect(supervisor.restarts('recommender')).toBe(1);
    expect(log.notices).toEqual(['recommender exited (status 0); restarting in 0 ms (restart 1 of 3)']);
    expect(api.runs()).toBe(1);

    await expect(supervisor.stop({ code: 0, reason: 'SIGINT' })).resolves.toEqual({ code: 0, reason: 'SIGINT' });
  });

  it('variant: one that keeps crashing is restarted maxRestarts times, then everything stops with its status and the reason', async () => {
    const recommender = script(dir, 'recommender', [3, 3, 3, 3, 3]);
    const api = script(dir, 'api', []);
    const log = collect();
    supervisor = new Supervisor([service('recommender', recommender.file, 2), service('api', api.file, 0)], log.output, IMMEDIATE);
    supervisor.start();

    const exit = await supervisor.exited;

    expect(exit).toEqual({ code: 3, reason: 'recommender exited (status 3) after 2 restarts' });
    expect(recommender.runs()).toBe(3);
    expect(supervisor.restarts('recommender')).toBe(2);
    expect(log.notices.at(-1)).toBe('recommender exited (status 3) after 2 restarts; stopping everything');
    // The API was stopped with it, not left running.
    expect(supervisor.pid('api')).toBeUndefined();
  });

  it('variant: a service with no restarts (the API) that exits, even with status 0, stops everything with a non-zero status', async () => {
    const recommender = script(dir, 'recommender', []);
    const api = script(dir, 'api', [0]);
    const log = collect();
    supervisor = new Supervisor([service('recommender', recommender.file, 3), service('api', api.file, 0)], log.output, IMMEDIATE);
    supervisor.start();

    await expect(supervisor.exited).resolves.toEqual({ code: 1, reason: 'api exited (status 0)' });
    expect(supervisor.restarts('api')).toBe(0);
    expect(supervisor.pid('recommender')).toBeUndefined();
  });

  it('variant: a command that cannot be run at all stops everything and says why', async () => {
    const log = collect();
    supervisor = new Supervisor([{ name: 'ghost', command: join(dir, 'missing-binary'), args: [], maxRestarts: 0 }], log.output, IMMEDIATE);
    supervisor.start();

    const exit = await supervisor.exited;
    expect(exit.code).toBe(1);
    expect(exit.reason).toMatch(/^ghost exited \(could not run: .*ENOENT/);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { serviceEnvironments } from './service-env';

/**
 * `npm start`: runs every service of the product on embedded defaults, each as its own process
 * (the API starts an embedded PostgreSQL when DATABASE_URL is unset), prefixes their output, and
 * stops them all on Ctrl-C or when one of them exits.
 */
const root = resolve(__dirname, '..', '..', '..');

interface ServiceSpec {
  readonly name: string;
  readonly entry: string;
  readonly env?: Record<string, string>;
}

const serviceEnv = serviceEnvironments(process.env);
const SERVICES: readonly ServiceSpec[] = [
  { name: 'recommender', entry: 'dist/apps/recommender/main.js', env: serviceEnv.recommender },
  { name: 'api', entry: 'dist/apps/api/main.js', env: serviceEnv.api },
];

const colours = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m'];
const reset = '\x1b[0m';

function prefixLines(name: string, colour: string, write: (text: string) => void) {
  let pending = '';
  return (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(`${colour}${name.padEnd(12)}${reset}| ${line}\n`);
  };
}

function main(): void {
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    const deadline = setTimeout(() => process.exit(code), 15_000);
    deadline.unref();
    Promise.all(children.map((child) => new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done))))).then(
      () => process.exit(code),
    );
  };

  SERVICES.forEach((service, index) => {
    const entry = join(root, service.entry);
    if (!existsSync(entry)) {
      process.stdout.write(`${service.name.padEnd(12)}| not built (${service.entry} missing), skipped\n`);
      return;
    }
    const colour = colours[index % colours.length] ?? '';
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, ...service.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', prefixLines(service.name, colour, (text) => process.stdout.write(text)));
    child.stderr?.on('data', prefixLines(service.name, colour, (text) => process.stderr.write(text)));
    child.on('exit', (code, signal) => {
      if (!stopping) {
        process.stderr.write(`${service.name} exited (${signal ?? code}); stopping the others\n`);
        stopAll(code ?? 1);
      }
    });
    children.push(child);
  });

  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}

main();

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { API_NODE_FLAGS, handleEntryArguments } from '@roundtable/config';

import { serviceEnvironments } from './service-env';
import { type SupervisedService, Supervisor } from './supervisor';

/**
 * `npm start`: runs every service of the product on embedded defaults, each as its own process
 * (the API starts an embedded PostgreSQL when DATABASE_URL is unset), and prefixes their output.
 * A recommender that exits is restarted with backoff (the API ranks with its fallback heuristic
 * meanwhile); after too many restarts in a row, or when the API exits, everything stops with a
 * non-zero status and the reason. Ctrl-C stops everything with status 0.
 */
const root = resolve(__dirname, '..', '..', '..');

interface ServiceSpec {
  readonly name: string;
  readonly entry: string;
  /** Node flags before the entry (the API's: API_NODE_FLAGS). */
  readonly nodeFlags: readonly string[];
  readonly env?: Record<string, string>;
  readonly maxRestarts: number;
}

const serviceEnv = serviceEnvironments(process.env);
const SERVICES: readonly ServiceSpec[] = [
  { name: 'recommender', entry: 'dist/apps/recommender/main.js', nodeFlags: [], env: serviceEnv.recommender, maxRestarts: 5 },
  // The API is not restarted: its exits are configuration or database problems a restart would
  // only repeat, and it logs why itself.
  { name: 'api', entry: 'dist/apps/api/main.js', nodeFlags: API_NODE_FLAGS, env: serviceEnv.api, maxRestarts: 0 },
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

const HELP = `Runs the whole product on embedded defaults: the recommender and the API (with an embedded
PostgreSQL when DATABASE_URL is unset, in-process pub/sub when REDIS_URL is unset, and demo data),
each as its own process with its output prefixed. A recommender that exits is restarted with
backoff; Ctrl-C stops everything.

Usage: npm start

Takes no arguments: settings come from the environment (PORT, RECOMMENDER_PORT, DATABASE_URL, ...;
see the README's "Configuration"). npm run start:api and npm run start:recommender run one each.
`;

function main(): void {
  handleEntryArguments(HELP);
  const services: SupervisedService[] = [];
  const writers = new Map<string, { stdout: (chunk: Buffer) => void; stderr: (chunk: Buffer) => void }>();
  SERVICES.forEach((service, index) => {
    const entry = join(root, service.entry);
    if (!existsSync(entry)) {
      process.stdout.write(`${service.name.padEnd(12)}| not built (${service.entry} missing), skipped\n`);
      return;
    }
    const colour = colours[index % colours.length] ?? '';
    writers.set(service.name, {
      stdout: prefixLines(service.name, colour, (text) => process.stdout.write(text)),
      stderr: prefixLines(service.name, colour, (text) => process.stderr.write(text)),
    });
    services.push({ name: service.name, command: process.execPath, args: [...service.nodeFlags, entry], cwd: root, env: { ...process.env, ...service.env }, maxRestarts: service.maxRestarts });
  });
  const supervisor = new Supervisor(services, {
    stdout: (name, chunk) => writers.get(name)?.stdout(chunk),
    stderr: (name, chunk) => writers.get(name)?.stderr(chunk),
    notice: (line) => process.stderr.write(`npm start: ${line}\n`),
  });
  supervisor.start();
  void supervisor.exited.then(({ code }) => process.exit(code));
  process.on('SIGINT', () => void supervisor.stop({ code: 0, reason: 'SIGINT' }));
  process.on('SIGTERM', () => void supervisor.stop({ code: 0, reason: 'SIGTERM' }));
}

main();

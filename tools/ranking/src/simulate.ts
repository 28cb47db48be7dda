/**
 * `npm run ranking:simulate -- --out FILE`: writes impression logs from a SYNTHETIC professional
 * world (see simulation/world.ts), in the same JSONL shape as the API's `ranking:export`.
 */
import { writeFileSync } from 'node:fs';

import { runCli, splitList, type CliSpec } from './cli/cli-args';
import { progressBar, step } from './cli/progress';
import { JsonlWriter } from './jsonl';
import { Random } from './random';
import {
  ORACLE_HIDDEN_PARTS,
  PREFERENCE_MODELS,
  SIM_LOGGING_POLICY,
  simulateSessions,
  type OracleHiddenPart,
} from './simulation/sessions';
import { buildWorld } from './simulation/world';

const spec: CliSpec = {
  command: 'npm run ranking:simulate --',
  summary:
    'Simulates a SYNTHETIC professional network (profiles from the domain taxonomy, follows, groups, rooms over time)\n' +
    'and hallway sessions with a hidden preference model and position bias. Writes one JSONL line per impression\n' +
    '(ImpressionLogRecord from @roundtable/ranking), exactly the shape `ranking:export` writes.',
  options: {
    out: { type: 'string', description: 'Output JSONL file', default: 'tmp/ranking/simulated.jsonl' },
    seed: { type: 'number', integer: true, description: 'Random seed; same seed, same file', default: '42' },
    profiles: { type: 'number', integer: true, min: 2, description: 'People in the world', default: '2000' },
    rooms: { type: 'number', integer: true, min: 1, description: 'Rooms over the whole period', default: '2400' },
    days: { type: 'number', above: 0, description: 'Length of the simulated period in days', default: '14' },
    sessions: { type: 'number', integer: true, min: 1, description: 'Hallway sessions (served lists)', default: '7000' },
    'list-size': { type: 'number', integer: true, min: 1, description: 'Rooms shown per session', default: '20' },
    'history-days': { type: 'number', min: 0, description: 'Window of the viewer history sent with each request', default: '14' },
    'log-oracle-score': {
      type: 'boolean',
      description: 'Diagnostic: write the hidden join probability as each impression\'s score (evaluation then shows the ceiling)',
    },
    'oracle-without-noise': {
      type: 'boolean',
      description:
        'Diagnostic, with --log-oracle-score: log the join probability WITHOUT the per-impression noise (same draws, same\n' +
        'outcomes), so evaluation shows how much of the oracle\'s lead is that noise, which no model can see',
    },
    'oracle-without': {
      type: 'string',
      description:
        'Diagnostic, with --log-oracle-score: comma-separated hidden parts the logged oracle score leaves out (same\n' +
        'draws, same outcomes): quality (every room at quality 0), taste (each person\'s typical taste for their career\n' +
        'stage). Evaluation then shows what knowing each part is worth',
      default: '',
      listOf: ORACLE_HIDDEN_PARTS,
    },
    preferences: {
      type: 'string',
      description: 'Hidden preference model: v2 (persona-dependent, see docs/ranking.md) or v1 (the earlier additive one)',
      default: 'v2',
      choices: PREFERENCE_MODELS,
    },
    start: { type: 'string', description: 'ISO start of the simulated period', default: '2026-01-05T00:00:00.000Z' },
  },
  examples: ['npm run ranking:simulate -- --seed 42 --out tmp/ranking/simulated.jsonl'],
};

runCli(spec, async (args) => {
  const seed = args.number('seed');
  const random = new Random(seed);
  const out = args.string('out');

  const worldBar = progressBar('Building world', 4);
  const world = buildWorld(
    random,
    { profiles: args.number('profiles'), rooms: args.number('rooms'), days: args.number('days'), startIso: args.string('start') },
    (done) => worldBar.update(done),
  );
  worldBar.stop();
  step(`${world.profiles.length} people, ${world.groups.length} groups, ${world.rooms.length} rooms (synthetic)`);

  const preferences = args.choice('preferences', PREFERENCE_MODELS);
  const oracleWithout = splitList(args.string('oracle-without'));
  const sessions = args.number('sessions');
  const writer = new JsonlWriter(out);
  const bar = progressBar('Simulating sessions', sessions);
  const stats = await simulateSessions(
    world,
    random,
    { sessions, listSize: args.number('list-size'), historyDays: args.number('history-days'), seed, logOracleScore: args.flag('log-oracle-score'), oracleWithoutNoise: args.flag('oracle-without-noise'), oracleWithout: oracleWithout as OracleHiddenPart[], preferences },
    async (records) => {
      for (const record of records) await writer.write(record);
    },
    (done) => bar.update(done),
  );
  bar.stop();
  await writer.close();

  const summary = {
    synthetic: true,
    seed,
    out,
    loggingPolicy: SIM_LOGGING_POLICY,
    preferences,
    people: world.profiles.length,
    groups: world.groups.length,
    rooms: world.rooms.length,
    sessions,
    impressions: stats.impressions,
    joins: stats.joins,
    joinRate: Number((stats.joins / Math.max(1, stats.impressions)).toFixed(4)),
    sessionsWithJoin: stats.sessionsWithJoin,
  };
  writeFileSync(`${out}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
});

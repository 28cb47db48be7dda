import 'reflect-metadata';

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

import { runCommand, UsageError } from '@roundtable/config';
import { SingleBar } from 'cli-progress';

import { loadConfig } from '../config/config';
import { countImpressions, exportImpressions } from '../recommendations/impression-export';
import { withCliDatabase } from './cli-database';

const HELP = `Exports served recommendation lists and their outcomes as JSONL training data.

Usage: npm run ranking:export -- --since 2026-11-01 [--until 2026-12-01] --out impressions.jsonl

One line per impression: { requestId, at, viewer, candidate, position, score, modelVersion,
propensity, exploration, outcome: { joined, secondsListened, raisedHand, spoke } } (the
ImpressionLogRecord type of libs/ranking, which ranking:train and ranking:evaluate read).
propensity is the probability the serving policy put the room at that position (1/N in the
exploration slice, 1 otherwise); exploration marks the slice, the only part ranking:evaluate
estimates on. Reads DATABASE_URL; when it is unset, the embedded PostgreSQL that a running
\`npm start\` uses (its URL is in .data/postgres.runtime.json), or else starts that embedded
PostgreSQL itself.

  --since   ISO date or time; impressions served at or after it (required)
  --until   ISO date or time; impressions served before it (default: now)
  --out     output file, or - for standard output (required)
  --help    show this help
`;

function parseDate(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be an ISO date or time, got "${value}" (see --help)`);
  return date;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.since || !values.out) throw new UsageError('--since and --out are required (see --help)');
  const window = { since: parseDate(values.since, '--since'), until: values.until ? parseDate(values.until, '--until') : new Date() };
  const target = values.out;
  await withCliDatabase(loadConfig(), async (db) => {
    const toStdout = target === '-';
    const out = toStdout ? process.stdout : createWriteStream(target);
    const em = db.orm.em.fork();
    const total = await countImpressions(em, window);
    const bar = toStdout ? null : new SingleBar({ format: 'exporting [{bar}] {percentage}% {value}/{total} impressions', hideCursor: true });
    bar?.start(total, 0);
    let written = 0;
    for await (const record of exportImpressions(em, window)) {
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
      written += 1;
      if (written % 500 === 0) bar?.update(written);
    }
    bar?.update(written);
    bar?.stop();
    if (!toStdout) {
      out.end();
      await once(out, 'finish');
      process.stderr.write(`wrote ${written} impressions to ${target}\n`);
    }
  });
}

runCommand('ranking:export', main, { detail: 'message' });

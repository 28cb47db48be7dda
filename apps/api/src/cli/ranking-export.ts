import 'reflect-metadata';

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

import { SingleBar } from 'cli-progress';

import { loadConfig } from '../config/config';
import { readRunningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';
import { connectDatabase, migrateDatabase } from '../database/orm';
import { countImpressions, exportImpressions } from '../recommendations/impression-export';

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
  if (Number.isNaN(date.getTime())) throw new Error(`${flag} must be an ISO date or time, got "${value}"`);
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
  if (!values.since || !values.out) throw new Error('--since and --out are required (see --help)');
  const window = { since: parseDate(values.since, '--since'), until: values.until ? parseDate(values.until, '--until') : new Date() };
  const config = loadConfig();
  const runningUrl = config.databaseUrl ? null : readRunningEmbeddedUrl(config.embeddedPgDir);
  const embedded = config.databaseUrl || runningUrl ? null : await startEmbeddedPostgres(config.embeddedPgDir);
  const databaseUrl = config.databaseUrl ?? runningUrl ?? embedded?.url ?? '';
  let db;
  try {
    db = await connectDatabase(databaseUrl);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const toStdout = values.out === '-';
  const out = toStdout ? process.stdout : createWriteStream(values.out);
  try {
    await migrateDatabase(db);
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
      process.stderr.write(`wrote ${written} impressions to ${values.out}\n`);
    }
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

/** A message for any thrown value: libraries reject with non-errors, even `undefined`. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null) return 'failed without a reason (please report this)';
  return typeof error === 'string' ? error : JSON.stringify(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`ranking:export: ${describeFailure(error)}\n`);
  process.exit(1);
});

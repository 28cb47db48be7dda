import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { Client } from 'pg';

import { summarise } from '../ranking/stats';
import { createBenchDatabase } from './bench-database';
import { COMMON_BENCH_OPTIONS, integerListOption, integerOption, requireBuilt, runBench } from './bench-cli';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { formatMs, loadAverageText, REPO_ROOT } from './process-tools';

const HELP = `Host insights: the job's one aggregate statement per room and window, against a plain scan of the same events.

Usage: npm run bench:insights -- [options]

  --listeners 1000,10000,100000  rooms to measure, by distinct listeners (default 1000,10000,100000)
  --iterations 15                timed runs of each statement per room, after 2 warm-ups (default 15)
  --label TEXT                   a label written into docs/benchmarks.md
  --write-docs                   rewrite this benchmark's section of docs/benchmarks.md ("Host insights")
  --help                         show this help

On a fresh database with the API's migrations (from its build: dist/apps/api), each room is a LIVE
room started two hours ago whose event log holds what its listeners did: every listener joins at a
random time (ParticipantJoined as a LISTENER), 30% of them leave later (ParticipantLeft), 2% go up
to the stage (RoleChanged to SPEAKER); profiles have one of eight industries and seven seniorities.
Measured: the job's statement for the latest window (COMPUTE_WINDOW_SQL, from the build: every
figure of the window, from the whole log) and, as the same-run baseline, one plain scan of the same
rows that only counts them and their distinct profiles (the least any computation from the log
must read). Also the read of Room.insights's figures for the room (READ_INSIGHTS_COLUMNS over 24
stored windows) against reading the room's row alone.
`;

interface ApiQueries {
  readonly COMPUTE_WINDOW_SQL: string;
  readonly READ_INSIGHTS_COLUMNS: string;
}

const ORM_ENTRY = 'dist/apps/api/database/orm.js';
const QUERIES_ENTRY = 'dist/apps/api/insights/insights.queries.js';

/** knex's `?` placeholders as pg's `$n`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

const INDUSTRIES = ['software', 'internet', 'banking', 'retail', 'healthcare', 'education', 'consulting', 'energy'];
const SENIORITIES = ['ENTRY', 'MID', 'SENIOR', 'LEAD', 'MANAGER', 'DIRECTOR', 'EXECUTIVE'];

/** Seeds one LIVE room with `listeners` listeners and their events; returns its id. */
async function seedRoom(client: Client, listeners: number): Promise<string> {
  const host = `bench-host-${listeners}`;
  await client.query(`insert into profiles (id, display_name) values ($1, 'Host')`, [host]);
  await client.query(
    `insert into profiles (id, display_name, industry, seniority)
     select 'bench-' || $1::int || '-' || g, 'Listener ' || g, ($2::text[])[1 + g % 8], ($3::text[])[1 + g % 7]
       from generate_series(1, $1::int) g`,
    [listeners, INDUSTRIES, SENIORITIES],
  );
  const { rows } = await client.query<{ id: string }>(
    `insert into rooms (id, title, status, visibility, host_id, max_speakers, started_at)
     values (gen_random_uuid(), $1, 'LIVE', 'PUBLIC', $2, 8, now() - interval '2 hours') returning id`,
    [`Insights bench ${listeners}`, host],
  );
  const roomId = rows[0]?.id;
  if (!roomId) throw new Error('no room inserted');
  // Every listener joins; 30% leave later, 2% go up to the stage; versions follow time.
  await client.query(
    `with joins as (
       select 'bench-' || $2::int || '-' || g as profile_id, g,
              now() - interval '2 hours' + (hashtext('j' || g) & 65535) * interval '100 ms' as joined_at
         from generate_series(1, $2::int) g
     ),
     events as (
       select profile_id, joined_at as at, 'ParticipantJoined' as type, 'LISTENER' as role from joins
       union all
       select profile_id, joined_at + interval '10 minutes', 'ParticipantLeft', null from joins where g % 10 < 3
       union all
       select profile_id, joined_at + interval '5 minutes', 'RoleChanged', 'SPEAKER' from joins where g % 50 = 7
     )
     insert into room_events (room_id, version, type, payload, at)
     select $1::uuid, row_number() over (order by at, profile_id, type), type,
            case when type = 'ParticipantLeft'
                 then jsonb_build_object('schema', 2, 'event', jsonb_build_object('type', type, 'profileId', profile_id))
                 else jsonb_build_object('schema', 2, 'event', jsonb_build_object('type', type, 'participant', jsonb_build_object('profileId', profile_id, 'role', role)))
            end,
            at
       from events where at < now()`,
    [roomId, listeners],
  );
  // 24 stored windows, for the read.
  await client.query(
    `insert into room_insights (room_id, window_start, window_end, window_listeners, unique_listeners, peak_listeners,
       by_industry, by_seniority, questions_asked, questions_answered, chat_messages, reactions, minimum_group_size, refresh_seconds)
     select $1::uuid, now() - interval '2 hours' + g * interval '5 minutes', now() - interval '2 hours' + (g + 1) * interval '5 minutes',
            $2::int, $2::int, $2::int, '[{"label":"Software","listeners":10}]', '[]', 0, 0, 0, '[]', 10, 300
       from generate_series(0, 23) g`,
    [roomId, listeners],
  );
  await client.query('analyze');
  return roomId;
}

async function timed(iterations: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...COMMON_BENCH_OPTIONS, listeners: { type: 'string', default: '1000,10000,100000' }, iterations: { type: 'string', default: '15' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const sizes = integerListOption('listeners', values.listeners, { min: 10, max: 1_000_000 });
  const iterations = integerOption('iterations', values.iterations, { min: 1, max: 1000 });
  requireBuilt([ORM_ENTRY, QUERIES_ENTRY]);
  const loadAtStart = loadAverageText();
  const load = (entry: string) => import(pathToFileURL(join(REPO_ROOT, entry)).href) as Promise<Record<string, unknown>>;
  const orm = (await load(ORM_ENTRY)) as unknown as {
    connectDatabase(url: string, options: object): Promise<{ close(): Promise<void> }>;
    migrateDatabase(db: unknown): Promise<string[]>;
  };
  const queries = (await load(QUERIES_ENTRY)) as unknown as ApiQueries;

  const database = await createBenchDatabase();
  const lines: string[] = [
    '| listeners | events | job statement p50 / p99 | baseline scan p50 / p99 | ratio (p50) | read of Room.insights p50 / p99 | room row alone p50 / p99 | ratio (p50) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  try {
    const db = await orm.connectDatabase(database.url, { poolMax: 2 });
    await orm.migrateDatabase(db);
    await db.close();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const listeners of sizes) {
        const roomId = await seedRoom(client, listeners);
        const { rows: counted } = await client.query<{ n: string }>('select count(*) as n from room_events where room_id = $1', [roomId]);
        const now = new Date();
        const windowStart = new Date(now.getTime() - 300_000);
        const compute = numbered(queries.COMPUTE_WINDOW_SQL);
        let unique = 0;
        const job = await timed(iterations, async () => {
          const { rows } = await client.query<{ unique_listeners: number }>(compute, [roomId, now, windowStart, 300, 10]);
          unique = rows[0]?.unique_listeners ?? 0;
        });
        if (unique !== listeners) throw new Error(`the job counted ${unique} distinct listeners, not ${listeners}`);
        const scan = await timed(iterations, () =>
          client.query(
            `select count(*), count(distinct coalesce(payload->'event'->'participant'->>'profileId', payload->'event'->>'profileId'))
               from room_events where room_id = $1 and at < $2`,
            [roomId, now],
          ),
        );
        const read = await timed(iterations, () => client.query(`select r.id, ${queries.READ_INSIGHTS_COLUMNS} from rooms r where r.id = $1`, [roomId]));
        const row = await timed(iterations, () => client.query(`select r.* from rooms r where r.id = $1`, [roomId]));
        const [j, s, r, b] = [summarise(job), summarise(scan), summarise(read), summarise(row)];
        lines.push(
          `| ${listeners.toLocaleString('en')} | ${Number(counted[0]?.n).toLocaleString('en')} | ${formatMs(j.p50)} / ${formatMs(j.p99)} | ${formatMs(s.p50)} / ${formatMs(s.p99)} | **${(j.p50 / s.p50).toFixed(1)}×** | ${formatMs(r.p50)} / ${formatMs(r.p99)} | ${formatMs(b.p50)} / ${formatMs(b.p99)} | ${(r.p50 / b.p50).toFixed(1)}× |`,
        );
        process.stdout.write(`${lines[lines.length - 1]}\n`);
      }
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (values['write-docs']) {
    writeDocsSection(
      'Host insights (issue 19)',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`npm run bench:insights -- --listeners ${sizes.join(',')} --iterations ${iterations} --write-docs\` (${runStamp()}; ${database.source}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        'The insights job computes one window of a room with ONE aggregate statement (`COMPUTE_WINDOW_SQL`) over the room\'s whole event',
        'log; `Room.insights` reads stored rows. Baseline of the job: one plain scan of the same events that counts them and their',
        'distinct profiles, in the same run. Baseline of the read: the room\'s row alone. A room of 100,000 listeners costs its job',
        'this much once per window (5 minutes by default) and per room, on one pg-boss worker; the read stays a few index lookups.',
        '',
        ...lines,
      ].join('\n'),
    );
  }
}

runBench(main);

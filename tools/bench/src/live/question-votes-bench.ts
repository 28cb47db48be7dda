import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { Client } from 'pg';

import { summarise } from '../ranking/stats';
import { createBenchDatabase } from './bench-database';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench } from './bench-cli';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { type OpenLoopResult, runOpenLoop } from './open-loop';
import { type PlannedVote, planQuestionVotes, type VotePlan } from './question-vote-plan';
import { formatMs, loadAverageText, pinDatabase, planCpus, processCpuMs, REPO_ROOT, sleep } from './process-tools';

const HELP = `Question votes: votes on one room's questions at a fixed rate, against plain INSERTs of the same votes.

Usage: npm run bench:questions -- [options]

  --rate 1000           votes sent per second, open loop: vote i leaves at i/rate s whatever
                        the answers do (default 1000)
  --seconds 10          how long the votes are sent for: rate × seconds votes (default 10)
  --questions 50        OPEN questions in the room, votes spread uniformly over them (default 50)
  --pool 10             the database pool, shared by both phases: the API's size (default 10)
  --repeats 2           percent of the votes that repeat a vote that stands (a no-op; default 2)
  --removals 2          percent of the votes that remove a vote that stands (default 2)
  --warmup-seconds 1    votes at the same rate on a room of their own, not measured, before each
                        phase's first run (default 1; 0: none)
  --seed 16             seed of the vote plan (default 16)
  --no-pin              do not pin this process and PostgreSQL to cores with taskset
  --no-pin-database     leave the local PostgreSQL's processes where they are (by default they
                        get the second core, and this process the first)
  --label TEXT          a label written into docs/benchmarks.md
  --write-docs          rewrite this benchmark's section of docs/benchmarks.md ("Questions: votes";
                        earlier runs under its ### headings are kept)
  --help                show this help

The vote is the API's own \`castQuestionVote\` (apps/api/src/questions/question.store.ts, loaded
from its build: dist/apps/api), called through MikroORM's EntityManager, one fork per vote as a
request would, on a fresh database with the API's migrations applied: one room, its OPEN
questions, one profile per voter. The baseline is the same vote sequence as plain
\`INSERT INTO question_votes … ON CONFLICT DO NOTHING\` statements (a plain DELETE for a removal),
through the same EntityManager and pool in the same run, into a second room's questions: no
row lock, no count, no merge to follow. Baseline first, then the votes.

Reports for both: votes absorbed per second, latency p50/p99 (from each vote's scheduled time to
its answer, so queueing counts), this process's CPU per vote and PostgreSQL's (its backends for
this database, from /proc, when the server is local), and the ratios. Then checks that every
question's upvote_count equals its question_votes rows, and that the rows are what the votes
that changed something added and removed (the bench fails when not); and, while the votes run, a
probe takes the room's row lock (FOR UPDATE NOWAIT) every 50 ms: a vote must never hold it.
`;

/** What the bench uses of the API's build. */
interface VoteEntityManager {
  execute(sql: string, params?: unknown[], method?: 'all' | 'run'): Promise<unknown>;
}

interface ApiDatabase {
  readonly orm: { readonly em: { fork(): VoteEntityManager } };
  close(): Promise<void>;
}

interface ApiBuild {
  connectDatabase(clientUrl: string, options: { poolMax?: number }): Promise<ApiDatabase>;
  migrateDatabase(db: ApiDatabase): Promise<string[]>;
  castQuestionVote(em: VoteEntityManager, questionId: string, profileId: string, up: boolean): Promise<{ questionId: string; upvoteCount: number; changed: boolean }>;
}

const ORM_ENTRY = 'dist/apps/api/database/orm.js';
const STORE_ENTRY = 'dist/apps/api/questions/question.store.js';

/**
 * The API's database module and question store, from its build. Tools never import apps (the Nx
 * module boundaries), so, as the other live benchmarks run dist/apps/api/main.js, this one loads
 * the built modules it measures at run time.
 */
async function loadApiBuild(): Promise<ApiBuild> {
  const load = (entry: string) => import(pathToFileURL(join(REPO_ROOT, entry)).href) as Promise<Record<string, unknown>>;
  const [orm, store] = await Promise.all([load(ORM_ENTRY), load(STORE_ENTRY)]);
  return { ...orm, ...store } as unknown as ApiBuild;
}

const voterId = (voter: number) => `bench-voter-${voter}`;
const HOST_ID = 'bench-host';

/** One room with `questions` OPEN questions asked by the host; returns the question ids in order. */
async function seedRoom(em: VoteEntityManager, title: string, questions: number): Promise<{ roomId: string; questionIds: string[] }> {
  const [room] = (await em.execute(
    `insert into rooms (id, title, status, visibility, host_id, max_speakers, started_at)
     values (gen_random_uuid(), ?, 'LIVE', 'PUBLIC', ?, 8, now()) returning id`,
    [title, HOST_ID],
  )) as { id: string }[];
  if (!room) throw new Error(`no room inserted for "${title}"`);
  const roomId = room.id;
  const rows = (await em.execute(
    `insert into room_questions (id, room_id, asker_id, text, status, created_at)
     select gen_random_uuid(), ?, ?, 'Question ' || g, 'OPEN', now() + g * interval '1 ms' from generate_series(1, ?) g
     returning id, created_at`,
    [roomId, HOST_ID, questions],
  )) as { id: string; created_at: string }[];
  rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  return { roomId, questionIds: rows.map((row) => row.id) };
}

/** What one phase changed: votes added and removed, as their statements reported. */
interface Changes {
  added: number;
  removed: number;
}

type Phase = 'baseline' | 'votes';

/** Sends one planned vote of a phase; counts what it changed. */
function voteSender(api: ApiBuild, db: ApiDatabase, phase: Phase, questionIds: readonly string[], changes: Changes): (vote: PlannedVote) => Promise<void> {
  const questionId = (index: number) => {
    const id = questionIds[index];
    if (id === undefined) throw new RangeError(`the plan names question ${index} of ${questionIds.length}`);
    return id;
  };
  if (phase === 'votes') {
    return async (vote) => {
      const outcome = await api.castQuestionVote(db.orm.em.fork(), questionId(vote.question), voterId(vote.voter), vote.up);
      if (outcome.changed) changes[vote.up ? 'added' : 'removed'] += 1;
    };
  }
  return async (vote) => {
    const params = [questionId(vote.question), voterId(vote.voter)];
    const result = (await db.orm.em
      .fork()
      .execute(
        vote.up
          ? 'insert into question_votes (question_id, profile_id) values (?, ?) on conflict do nothing'
          : 'delete from question_votes where question_id = ? and profile_id = ?',
        params,
        'run',
      )) as { affectedRows: number };
    if (result.affectedRows > 0) changes[vote.up ? 'added' : 'removed'] += 1;
  };
}

/** CPU time of this database's client backends, by pid (a local server only; empty otherwise). */
async function backendCpu(stats: Client, local: boolean): Promise<Map<number, number>> {
  if (!local) return new Map();
  const { rows } = await stats.query<{ pid: number }>(
    `select pid from pg_stat_activity
     where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> $1`,
    [LOCK_PROBE_NAME],
  );
  return new Map(rows.map((row) => [row.pid, processCpuMs(row.pid)]));
}

/** PostgreSQL CPU used between two {@link backendCpu} snapshots (a backend started meanwhile counts from 0). */
function backendCpuSpent(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  if (after.size === 0) return Number.NaN;
  let spent = 0;
  for (const [pid, cpu] of after) spent += cpu - (before.get(pid) ?? 0);
  return spent;
}

const LOCK_PROBE_NAME = 'bench-room-lock-probe';

/**
 * Takes the room's row lock without waiting, every 50 ms until stopped, on a connection of its own
 * (named {@link LOCK_PROBE_NAME}, left out of PostgreSQL's CPU per vote): how often a vote held it.
 */
function probeRoomLock(databaseUrl: string, roomId: string): { stop(): Promise<{ tries: number; refused: number }> } {
  const probe = new Client({ connectionString: databaseUrl, application_name: LOCK_PROBE_NAME });
  let running = true;
  let tries = 0;
  let refused = 0;
  const loop = (async () => {
    await probe.connect();
    while (running) {
      await probe.query('begin');
      try {
        await probe.query('select id from rooms where id = $1 for update nowait', [roomId]);
      } catch (error) {
        // 55P03 lock_not_available: someone holds the room's row.
        if ((error as { code?: string }).code !== '55P03') throw error;
        refused += 1;
      } finally {
        await probe.query('rollback');
      }
      tries += 1;
      await sleep(50);
    }
  })();
  // Its failure is reported by stop(), not as an unhandled rejection meanwhile.
  loop.catch(() => undefined);
  return {
    async stop() {
      running = false;
      try {
        await loop;
      } finally {
        await probe.end().catch(() => undefined);
      }
      return { tries, refused };
    },
  };
}

interface PhaseResult extends OpenLoopResult {
  readonly changes: Changes;
  readonly benchCpuMsPerVote: number;
  readonly databaseCpuMsPerVote: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      questions: { type: 'string', default: '50' },
      pool: { type: 'string', default: '10' },
      repeats: { type: 'string', default: '2' },
      removals: { type: 'string', default: '2' },
      'warmup-seconds': { type: 'string', default: '1' },
      seed: { type: 'string', default: '16' },
      ...COMMON_BENCH_OPTIONS,
      'no-pin-database': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const rate = integerOption('rate', values.rate);
  const seconds = integerOption('seconds', values.seconds);
  const questions = integerOption('questions', values.questions);
  const poolMax = integerOption('pool', values.pool);
  const repeatPercent = integerOption('repeats', values.repeats, { min: 0, max: 50 });
  const removalPercent = integerOption('removals', values.removals, { min: 0, max: 50 });
  const warmupSeconds = integerOption('warmup-seconds', values['warmup-seconds'], { min: 0 });
  const seed = integerOption('seed', values.seed, { min: 0 });
  requireBuilt([ORM_ENTRY, STORE_ENTRY]);

  // This process casts the votes (the load generator and the store in one): the first core; PostgreSQL the second.
  const cores = planCpus(values['no-pin']);
  let cpuDescription = 'not pinned (--no-pin)';
  if (cores.serverCpu !== null && cores.clientCpu !== null) {
    const self = spawnSync('taskset', ['-a', '-pc', String(cores.serverCpu), String(process.pid)], { encoding: 'utf8' });
    const database = pinDatabase(cores.clientCpu, values['no-pin-database']);
    process.once('exit', () => database.restore());
    // pinDatabase names the load generator's core; here PostgreSQL has that core to itself.
    cpuDescription = `${self.status === 0 ? `this process (load generator and vote store) pinned to core ${cores.serverCpu}` : 'this process not pinned (taskset refused)'}; ${database.description.replace(' with the load generator', '')}`;
  } else if (!values['no-pin']) {
    cpuDescription = cores.description;
  }
  const loadAtStart = loadAverageText();
  process.stdout.write(`CPU: ${cpuDescription}\nload average: ${loadAtStart}\n`);

  const plan = planQuestionVotes({ votes: rate * seconds, questions, repeatPercent, removalPercent, seed });
  const warmup = planQuestionVotes({ votes: rate * warmupSeconds, questions, repeatPercent, removalPercent, seed: seed + 1 });
  const voters = Math.max(plan.voters, warmup.voters);
  const database = await createBenchDatabase();
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(database.url).hostname) || database.source === 'embedded PostgreSQL';
  let lines: string[] = [];
  const failures: string[] = [];
  try {
    const api = await loadApiBuild();
    const db = await api.connectDatabase(database.url, { poolMax });
    const stats = new Client({ connectionString: database.url });
    try {
      await stats.connect();
      await api.migrateDatabase(db);
      const em = db.orm.em.fork();
      await em.execute(`insert into profiles (id, display_name) values (?, 'Bench Host')`, [HOST_ID]);
      await em.execute(`insert into profiles (id, display_name) select 'bench-voter-' || g, 'Voter ' || g from generate_series(0, ? - 1) g`, [voters]);
      const rooms = {
        warmup: await seedRoom(em, 'Question votes: warm-up', questions),
        baseline: await seedRoom(em, 'Question votes: baseline', questions),
        votes: await seedRoom(em, 'Question votes', questions),
      };
      process.stdout.write(
        `database: ${database.source} (fresh, migrated); 3 rooms × ${questions} OPEN questions; ${voters} voters; pool ${poolMax}\n` +
          `plan: ${plan.votes.length} votes at ${rate}/s for ${seconds} s: ${plan.counts.vote} first votes, ${plan.counts.repeat} repeats, ${plan.counts.removal} removals (seed ${seed})\n`,
      );

      const runPhase = async (phase: Phase, target: { roomId: string; questionIds: string[] }, planned: VotePlan): Promise<PhaseResult> => {
        const changes: Changes = { added: 0, removed: 0 };
        const cpuBefore = process.cpuUsage();
        const pgBefore = await backendCpu(stats, local);
        const result = await runOpenLoop(planned.votes, rate, voteSender(api, db, phase, target.questionIds, changes));
        const pgSpent = backendCpuSpent(pgBefore, await backendCpu(stats, local));
        const cpu = process.cpuUsage(cpuBefore);
        return {
          ...result,
          changes,
          benchCpuMsPerVote: (cpu.user + cpu.system) / 1000 / Math.max(1, result.sent),
          databaseCpuMsPerVote: pgSpent / Math.max(1, result.sent),
        };
      };

      if (warmup.votes.length > 0) {
        process.stdout.write(`warm-up: ${warmup.votes.length} votes of each kind on a room of their own…\n`);
        await runPhase('baseline', rooms.warmup, warmup);
        await em.execute('delete from question_votes');
        await runPhase('votes', rooms.warmup, warmup);
      }
      process.stdout.write(`baseline: ${plan.votes.length} plain INSERT … ON CONFLICT DO NOTHING / DELETE statements at ${rate}/s…\n`);
      const baseline = await runPhase('baseline', rooms.baseline, plan);
      const sizeBefore = await relationSizes(em);
      process.stdout.write(`votes: ${plan.votes.length} castQuestionVote calls at ${rate}/s…\n`);
      const lockProbe = probeRoomLock(database.url, rooms.votes.roomId);
      const votes = await runPhase('votes', rooms.votes, plan);
      const roomLock = await lockProbe.stop();
      const sizeAfter = await relationSizes(em);

      // The invariants: every question's count is its vote rows; the rows are what the votes changed.
      const counts = (await em.execute(
        `select q.id, q.upvote_count, (select count(*) from question_votes v where v.question_id = q.id)::int as votes
         from room_questions q where q.room_id = ? order by q.created_at`,
        [rooms.votes.roomId],
      )) as { id: string; upvote_count: number; votes: number }[];
      const drifted = counts.filter((row) => Number(row.upvote_count) !== Number(row.votes));
      const rowsOf = async (roomId: string) =>
        Number(
          ((await em.execute(`select count(*)::int as n from question_votes v join room_questions q on q.id = v.question_id where q.room_id = ?`, [roomId])) as { n: number }[])[0]
            ?.n,
        );
      const voteRows = await rowsOf(rooms.votes.roomId);
      const baselineRows = await rowsOf(rooms.baseline.roomId);
      const countCheck = `${counts.length - drifted.length} of ${counts.length} questions have upvote_count = count(*) of their question_votes rows`;
      if (drifted.length > 0) {
        failures.push(
          `${drifted.length} questions' upvote_count differs from their vote rows, e.g. ${drifted
            .slice(0, 3)
            .map((row) => `${row.id}: upvote_count ${row.upvote_count}, ${row.votes} rows`)
            .join('; ')}`,
        );
      }
      for (const [name, result, rows] of [
        ['votes', votes, voteRows],
        ['baseline', baseline, baselineRows],
      ] as const) {
        if (rows !== result.changes.added - result.changes.removed) {
          failures.push(`${name}: ${rows} vote rows, but its statements reported ${result.changes.added} added − ${result.changes.removed} removed`);
        }
        if (result.failed > 0) failures.push(`${name}: ${result.failed} of ${result.sent} votes failed: ${[...result.failures].map(([message, n]) => `${n} × ${message}`).join('; ')}`);
      }
      if (roomLock.refused > 0) failures.push(`the room's row lock was held by a vote in ${roomLock.refused} of ${roomLock.tries} probes`);

      const withRates = (result: PhaseResult) => {
        const latency = summarise(result.latenciesMs);
        return { ...result, latency, absorbed: result.succeeded / result.seconds };
      };
      const b = withRates(baseline);
      const v = withRates(votes);
      const ratio = (x: number, y: number) => (Number.isFinite(x / y) ? `${(x / y).toFixed(2)}×` : 'n/a');
      const cpuText = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(3)} ms` : 'n/a');
      const row = (name: string, r: ReturnType<typeof withRates>) =>
        `| ${name} | ${r.succeeded.toLocaleString('en-US')} / ${r.failed} | ${r.absorbed.toFixed(0)} votes/s over ${r.seconds.toFixed(1)} s | ${formatMs(r.latency.p50)} ms | ${formatMs(r.latency.p99)} ms | +${count(r.changes.added)} / −${count(r.changes.removed)} | ${cpuText(r.benchCpuMsPerVote)} | ${cpuText(r.databaseCpuMsPerVote)} |`;
      lines = [
        `| ${plan.votes.length.toLocaleString('en-US')} votes sent at ${rate}/s over ${questions} questions of one room | answered / failed | absorbed | p50 | p99 | rows added / removed | this process's CPU per vote | PostgreSQL CPU per vote |`,
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        row('baseline: plain `INSERT … ON CONFLICT DO NOTHING` (`DELETE` for a removal)', b),
        row('`castQuestionVote` (one CTE statement under the question row lock)', v),
        `| **votes ÷ baseline** | | **${ratio(v.absorbed, b.absorbed)}** | ${ratio(v.latency.p50, b.latency.p50)} | **${ratio(v.latency.p99, b.latency.p99)}** | | ${ratio(v.benchCpuMsPerVote, b.benchCpuMsPerVote)} | ${ratio(v.databaseCpuMsPerVote, b.databaseCpuMsPerVote)} |`,
        '',
        `The plan: ${plan.counts.vote.toLocaleString('en-US')} first votes, ${plan.counts.repeat} repeats of a vote that stands (no-ops), ${plan.counts.removal} removals (seed ${seed}); ` +
          `${plan.rowsInPlanOrder.toLocaleString('en-US')} rows if applied in send order (statements on the same vote in flight together may land in either order).`,
        '',
        `Checks: ${countCheck}${drifted.length > 0 ? ' — **FAILED**' : ''}; vote rows ${count(voteRows)} = ${count(votes.changes.added)} added − ${count(votes.changes.removed)} removed` +
          ` (baseline ${count(baselineRows)} = ${count(baseline.changes.added)} − ${count(baseline.changes.removed)}); ` +
          `the room's row lock (FOR UPDATE NOWAIT every 50 ms during the votes) was free in ${roomLock.tries - roomLock.refused} of ${roomLock.tries} probes.`,
        '',
        `room_questions (${questions * 3} rows, its indexes and TOAST) grew from ${kib(sizeBefore.questions)} to ${kib(sizeAfter.questions)} during the votes; ` +
          `question_votes from ${kib(sizeBefore.votes)} to ${kib(sizeAfter.votes)}.`,
      ];
      process.stdout.write(`\n${lines.join('\n')}\n`);
    } finally {
      await stats.end().catch(() => undefined);
      await db.close();
    }
  } finally {
    await database.drop();
  }
  if (failures.length > 0) {
    process.stderr.write(`\nbench:questions FAILED its checks:\n${failures.map((failure) => `- ${failure}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write('\nchecks passed\n');
  if (values['write-docs']) {
    const command =
      `npm run bench:questions -- --rate ${rate} --seconds ${seconds} --questions ${questions} --pool ${poolMax} --repeats ${repeatPercent} --removals ${removalPercent}` +
      ` --warmup-seconds ${warmupSeconds} --seed ${seed}${values['no-pin'] ? ' --no-pin' : ''}${values['no-pin-database'] ? ' --no-pin-database' : ''} --write-docs${values.label ? ` --label "${values.label}"` : ''}`;
    writeDocsSection(
      'Questions: votes (issue 16)',
      [
        ...(values.label ? [`**${values.label}** (commit ${commitLabel()}).`, ''] : []),
        `Command: \`${command}\` (${runStamp()}; ${database.source}; ${cpuDescription}).`,
        '',
        `Machine: ${machineLine(loadAtStart)}.`,
        '',
        'Issue 16: "A vote is one short write, not a lock on the room." The vote is the API\'s `castQuestionVote` (question.store.ts,',
        'from the build), called through MikroORM\'s EntityManager (one fork per vote, as a request), on a fresh database with the',
        "API's migrations: one LIVE room, its OPEN questions, one profile per voter. Votes are sent open loop (vote i leaves at i/rate s,",
        'whatever the earlier ones are doing) and latency runs from each vote\'s scheduled time to its answer, so queueing counts.',
        'Baseline: the same vote sequence at the same rate as plain `INSERT INTO question_votes … ON CONFLICT DO NOTHING` (a plain',
        '`DELETE` for a removal) through the same EntityManager and pool, into a second room\'s questions, first; then the votes. Both',
        `are preceded by ${warmupSeconds} s of votes on a third room, not measured. CPU per vote: this process (MikroORM, the driver,`,
        "the load generator) from process.cpuUsage(); PostgreSQL's from /proc for the database's client backends.",
        '',
        ...lines,
      ].join('\n'),
    );
  }
}

/** Bytes of room_questions and question_votes with their indexes. */
async function relationSizes(em: VoteEntityManager): Promise<{ questions: number; votes: number }> {
  const [row] = (await em.execute(
    `select pg_total_relation_size('room_questions')::bigint as questions, pg_total_relation_size('question_votes')::bigint as votes`,
  )) as { questions: string; votes: string }[];
  return { questions: Number(row?.questions), votes: Number(row?.votes) };
}

const count = (n: number) => n.toLocaleString('en-US');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

runBench(main);

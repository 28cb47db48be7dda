import pg from 'pg';

export default async function globalTeardown() {
  const url = process.env.RT_TEST_PG_URL;
  const runId = process.env.RT_TEST_RUN_ID;
  if (url && runId) {
    // Drop the per-worker databases of this run so repeated runs leave nothing behind.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('select datname from pg_database where datname like $1', [`rt_test_${runId}_%`]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  }
  const server = globalThis.__ROUNDTABLE_EMBEDDED_PG__;
  if (server) await server.stop();
}

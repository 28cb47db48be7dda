// Creates or drops one database on a PostgreSQL server: `node ci-database.mjs create|drop URL NAME`.
import pg from 'pg';

const [action, url, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action ?? '') || !url || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: node tools/scripts/ci-database.mjs create|drop <postgres-url> <database-name>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(action === 'create' ? `create database "${name}"` : `drop database if exists "${name}" with (force)`);
  console.log(`${action === 'create' ? 'created' : 'dropped'} database ${name}`);
} finally {
  await client.end();
}

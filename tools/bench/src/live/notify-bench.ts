import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { type Client as WsClient, createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';

import { benchViewer, newJwtSecret, startApiProcess } from './api-process';
import { COMMON_BENCH_OPTIONS, integerOption, requireBuilt, runBench } from './bench-cli';
import { createBenchDatabase } from './bench-database';
import { commitLabel, machineLine, runStamp, writeDocsSection } from './bench-report';
import { graphQL } from './graphql-http';
import { formatMs, formatRatio, loadAverageText, sleep } from './process-tools';

const HELP = `Notifications: a host with many followers goes live (issue 18).

Usage: npm run bench:notify -- [options]

  --followers 100000    followers of the host, seeded at LIVE_ONLY (default 100000)
  --subscribers 1000    of them, connected with viewerNotificationAdded over graphql-ws (default 1000)
  --label TEXT          a label written into docs/benchmarks.md
  --write-docs          rewrite this benchmark's section of docs/benchmarks.md ("Notifications: fan-out")
  --help                show this help

The API (dist/apps/api/main.js) runs in a child process on a fresh database. The host's room is
started with startRoom over HTTP; the command only enqueues, and the API's pg-boss jobs write the
rows in batches (NOTIFY_FANOUT_BATCH) and publish each batch once. Reported:
- startRoom's answer time;
- the time from startRoom to the last notification row committed (the fan-out's FOLLOWERS_LIVE
  row marked done, polled every 5 ms), against a same-run baseline: ONE plain
  INSERT INTO notifications … SELECT of the same rows (a second host with the same followers),
  without the access policy, the budget, batches or jobs. Target: at most 2×;
- the time from startRoom to the last of the subscribers' deliveries.
Then checks that every follower got exactly one row (the bench fails otherwise).
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { followers: { type: 'string', default: '100000' }, subscribers: { type: 'string', default: '1000' }, ...COMMON_BENCH_OPTIONS },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const followers = integerOption('followers', values.followers, { min: 1, max: 10_000_000 });
  const subscribers = integerOption('subscribers', values.subscribers, { min: 0, max: followers });
  requireBuilt(['dist/apps/api/main.js']);
  const loadAtStart = loadAverageText();
  const database = await createBenchDatabase();
  const secret = newJwtSecret();
  const api = await startApiProcess({
    name: 'api',
    databaseUrl: database.url,
    redisUrl: '',
    jwtSecret: secret,
    cpu: null,
    fdLimit: null,
    logDir: mkdtempSync(join(tmpdir(), 'roundtable-bench-notify-')),
    env: { MEDIA_POLL_MS: '500' },
  });
  const pg = new Client({ connectionString: database.url });
  const clients: WsClient[] = [];
  try {
    await pg.connect();
    const host = await benchViewer(secret, 'bench-host', 'Bench Host');
    const baselineHost = await benchViewer(secret, 'bench-baseline-host', 'Baseline Host');
    for (const viewer of [host, baselineHost]) await graphQL(api.httpUrl, `{ viewer { id } }`, {}, viewer.token);
    const pad = (i: number) => `bench-f-${String(i).padStart(7, '0')}`;
    await pg.query(`insert into profiles (id, display_name) select 'bench-f-' || lpad(i::text, 7, '0'), 'Follower ' || i from generate_series(0, $1::int - 1) i`, [followers]);
    for (const hostId of [host.id, baselineHost.id]) {
      await pg.query(`insert into follows (follower_id, followee_id) select 'bench-f-' || lpad(i::text, 7, '0'), $2::varchar from generate_series(0, $1::int - 1) i`, [followers, hostId]);
    }
    await pg.query('analyze');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const createScheduled = async (token: string, title: string) =>
      (await graphQL<{ createRoom: { id: string } }>(api.httpUrl, `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input: { title, scheduledFor: at } }, token)).createRoom.id;
    const roomId = await createScheduled(host.token, 'Going live');
    const baselineRoomId = await createScheduled(baselineHost.token, 'Baseline');

    // Subscribers: the first `subscribers` followers, each with viewerNotificationAdded open.
    const deliveredAt: number[] = [];
    let misdelivered = 0;
    await Promise.all(
      Array.from({ length: subscribers }, async (_, i) => {
        const viewer = await benchViewer(secret, pad(i), `Follower ${i}`);
        const client = createClient({ url: api.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${viewer.token}` }, retryAttempts: 0, lazy: false });
        clients.push(client);
        await new Promise<void>((connected) => {
          client.on('connected', () => connected());
        });
        client.subscribe<{ viewerNotificationAdded: { kind: string; room: { id: string } | null } }>(
          { query: `subscription { viewerNotificationAdded { kind room { id } } }` },
          {
            next: (value) => {
              if (value.data?.viewerNotificationAdded.room?.id === roomId) deliveredAt.push(performance.now());
              else misdelivered += 1;
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
      }),
    );
    // Subscriptions register a moment after the socket is acknowledged.
    await sleep(2000);

    const t0 = performance.now();
    await graphQL(api.httpUrl, `mutation($r: ID!) { startRoom(roomId: $r) { id } }`, { r: roomId }, host.token);
    const answered = performance.now() - t0;
    let rowsMs = Number.NaN;
    for (;;) {
      const done = await pg.query<{ done: boolean }>(`select done from notification_fanouts where room_id = $1 and audience = 'FOLLOWERS_LIVE'`, [roomId]);
      if (done.rows[0]?.done) {
        rowsMs = performance.now() - t0;
        break;
      }
      if (performance.now() - t0 > 600_000) throw new Error('the fan-out did not finish within 10 minutes');
      await sleep(5);
    }
    const deadline = performance.now() + 120_000;
    while (deliveredAt.length < subscribers && performance.now() < deadline) await sleep(5);
    const deliveryMs = deliveredAt.length === subscribers && subscribers > 0 ? Math.max(...deliveredAt) - t0 : Number.NaN;

    const baselineStart = performance.now();
    await pg.query(
      `insert into notifications (id, recipient_id, kind, room_id, actor_id, count, created_at)
       select gen_random_uuid(), f.follower_id, 'ROOM_LIVE', $1::uuid, $2::varchar, 1, now() from follows f
        where f.followee_id = $2::varchar and f.notifications in ('ALL', 'LIVE_ONLY')`,
      [baselineRoomId, baselineHost.id],
    );
    const baselineMs = performance.now() - baselineStart;

    const counts = await pg.query<{ rows: string; recipients: string }>(
      `select count(*) as rows, count(distinct recipient_id) as recipients from notifications where room_id = $1 and kind = 'ROOM_LIVE'`,
      [roomId],
    );
    if (Number(counts.rows[0]?.rows) !== followers || Number(counts.rows[0]?.recipients) !== followers) {
      throw new Error(`expected ${followers} ROOM_LIVE rows, one per follower; got ${JSON.stringify(counts.rows[0])}`);
    }
    if (misdelivered > 0) throw new Error(`${misdelivered} deliveries were not the subscriber's own ROOM_LIVE`);
    const ratio = rowsMs / baselineMs;
    const lines = [
      `Command: \`npm run bench:notify -- --followers ${followers} --subscribers ${subscribers}\` (${runStamp()}, commit ${commitLabel()}${values.label ? `, ${values.label}` : ''}).`,
      '',
      machineLine(loadAtStart),
      '',
      '| measure | time |',
      '| --- | --- |',
      `| startRoom answered (only enqueues) | ${formatMs(answered)} ms |`,
      `| startRoom → last of ${followers.toLocaleString('en')} notification rows committed (jobs, batches of NOTIFY_FANOUT_BATCH) | ${formatMs(rowsMs)} ms |`,
      `| baseline: one plain \`INSERT … SELECT\` of the same rows | ${formatMs(baselineMs)} ms |`,
      `| **ratio (target ≤ 2×)** | **${formatRatio(ratio)}** |`,
      `| startRoom → last delivery to ${subscribers.toLocaleString('en')} connected followers | ${formatMs(deliveryMs)} ms |`,
      '',
      'The connected followers are the first by id, so they are all in the first batch: the delivery time is that batch\'s write, its one publish and the per-instance read of their rows. The fan-out runs in the API process on the same machine as PostgreSQL; the baseline is the same rows without the access policy, the budget, batches or jobs.',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values['write-docs']) writeDocsSection('Notifications: fan-out', lines.join('\n'));
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await pg.end().catch(() => undefined);
    await api.stop();
    await database.drop();
  }
}

runBench(main);

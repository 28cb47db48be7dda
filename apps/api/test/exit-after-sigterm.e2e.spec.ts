// Kind: a slow exit. The API took ~30 s to exit after SIGTERM with no clients: Apollo Server
// registered its own SIGTERM handler, our shutdown's concurrent apollo.stop() then waited on a
// barrier Apollo never resolves, and the process only ended when the database pool's idle
// connections timed out, without running the rest of its shutdown. These tests run the real
// process (dist/apps/api/main.js) and assert that it exits and that every shutdown step ran; the
// timeouts are failure guards, not measurements.
import { Agent, get } from 'node:http';

import WebSocket from 'ws';

import { startTestApi, tokenFor } from './support/test-api';
import { type ChildUnderTest, startApiProcess } from './support/api-process';
import { workerDatabaseUrl } from './support/test-database';

// Real processes start here; the project's testTimeout does not apply in a multi-project run.
jest.setTimeout(120_000);

const SHUTDOWN_STEPS = ['staff record refresh', 'media reconciliation timer', 'room event streams', 'conversation ticks', 'insights sweeps', 'notification delivery', 'moderation notice delivery', 'server', 'reaction counts', 'media outbox', 'pubsub', 'database'];

/** The JSON log lines (pino) the process printed. */
function logLines(output: string): { msg?: string; step?: string; signal?: string; level?: number }[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; step?: string; signal?: string; level?: number });
}

function expectCleanShutdown(api: ChildUnderTest, signal: string, exit: number | string): void {
  const lines = logLines(api.output());
  expect(exit).toBe(0);
  // Every step ran, once. (Compared as a set: pino writes through an asynchronous destination,
  // and one CI run under load showed the outbox's line after later steps' lines.)
  expect(lines.filter((line) => line.msg === 'shutdown step done').map((line) => line.step).sort()).toEqual([...SHUTDOWN_STEPS].sort());
  expect(lines.filter((line) => line.msg === 'shutdown complete')).toEqual([expect.objectContaining({ signal })]);
  expect(lines.filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
}

describe('the API exits once in-flight work drains after SIGTERM', () => {
  const running: ChildUnderTest[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((api) => api.stop('SIGKILL').catch(() => undefined)));
  });

  it('with no clients connected (the reported case): every shutdown step runs and it exits 0', async () => {
    const api = await startApiProcess({ DATABASE_URL: await workerDatabaseUrl(), SEED_DEMO_DATA: 'false' });
    running.push(api);
    const exit = await api.stop('SIGTERM');
    expectCleanShutdown(api, 'SIGTERM', exit);
  });

  it('with an idle keep-alive HTTP connection, an open graphql-ws socket and Redis pub/sub, on SIGINT', async () => {
    const api = await startApiProcess({
      DATABASE_URL: await workerDatabaseUrl(),
      SEED_DEMO_DATA: 'false',
      // Redis when the run has one: its two connections must be closed too.
      REDIS_URL: process.env['REDIS_URL'] ?? '',
    });
    running.push(api);
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((done, fail) =>
      get(`${api.origin}/healthz`, { agent }, (response) => {
        response.resume();
        response.once('end', () => done());
      }).once('error', fail),
    );
    const token = await tokenFor('shutdown-viewer');
    const acked = new WebSocket(`${api.origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const ackedClosed = new Promise<number>((done) => acked.once('close', (code) => done(code)));
    await new Promise<void>((done, fail) => {
      acked.once('open', () => acked.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      acked.once('error', fail);
      acked.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') done();
      });
    });

    const exit = await api.stop('SIGINT');
    expectCleanShutdown(api, 'SIGINT', exit);
    // The server closed the open socket itself (graphql-ws: 1001 going away) rather than dropping it.
    expect(await ackedClosed).toBe(1001);
    agent.destroy();
  });

  it('stop() called twice at once resolves both times and closes everything once', async () => {
    const api = await startTestApi();
    try {
      await Promise.all([api.api.stop(), api.api.stop()]);
      await expect(fetch(api.url, { method: 'POST' })).rejects.toThrow();
    } finally {
      // A third stop (the test harness's) is a no-op for the API; it closes the harness's own
      // LiveKit double, which otherwise kept Jest's process alive after the run.
      await api.stop();
    }
  });
});

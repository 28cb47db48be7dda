// The test helper that gives a plain clone its own Redis (test/support/redis-server.ts, used by
// use-redis.ts): a real redis-server on a free port that stops (connections refused) and restarts
// (empty) on request.
import { connect } from 'node:net';

import { Redis } from 'ioredis';

import { describeWithRedisServer, type RedisServerUnderTest, startRedisServer } from './support/redis-server';

describeWithRedisServer('startRedisServer', () => {
  let server: RedisServerUnderTest | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('serves on its own port, refuses connections once stopped, and serves again (empty) after restart', async () => {
    server = await startRedisServer();
    const client = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    await client.set('helper-key', 'value');
    expect(await client.get('helper-key')).toBe('value');
    client.disconnect();

    await server.stop();
    const port = server.port;
    const refusal = await new Promise<string | undefined>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refusal).toBe('ECONNREFUSED');

    await server.restart();
    const again = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    again.on('error', () => undefined);
    await again.connect();
    expect(await again.get('helper-key')).toBeNull();
    again.disconnect();
  });
});

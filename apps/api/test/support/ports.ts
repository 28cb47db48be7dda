import { createServer } from 'node:net';

/** A loopback TCP port that was free a moment ago and has nothing listening on it (connections are refused). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

import { redisServerUnavailableReason, type RedisServerUnderTest, startRedisServer } from './redis-server';

/**
 * Redis for the enclosing `describe` (or file): `REDIS_URL`'s server when set (CI), else a
 * `redis-server` of its own (`startRedisServer`) started in `beforeAll` and closed in `afterAll`.
 * `available` is false only when neither exists; the caller then skips
 * (`available ? it : it.skip`) and this says why, once, with `console.info`. `url()` is usable from
 * `beforeAll` on.
 */
export function useRedis(what: string): { readonly available: boolean; url(): string } {
  const fromEnv = process.env['REDIS_URL'] ?? '';
  const unavailable = fromEnv === '' ? redisServerUnavailableReason() : null;
  if (unavailable) console.info(`${what} skipped: REDIS_URL is unset and ${unavailable}`);
  let own: RedisServerUnderTest | null = null;
  if (fromEnv === '' && !unavailable) {
    beforeAll(async () => {
      own = await startRedisServer();
    });
    afterAll(async () => {
      await own?.close();
    });
  }
  return {
    available: unavailable === null,
    url() {
      if (fromEnv !== '') return fromEnv;
      if (!own) throw new Error('useRedis: url() before its beforeAll started redis-server');
      return own.url;
    },
  };
}

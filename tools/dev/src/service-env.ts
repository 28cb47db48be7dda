/** The recommender's port when RECOMMENDER_PORT is unset (apps/recommender/src/config.ts). */
export const DEFAULT_RECOMMENDER_PORT = '4100';

/**
 * Where the API should find the recommender `npm start` runs beside it: RECOMMENDER_URL when set,
 * else the recommender's own host and port variables (RECOMMENDER_HOST, RECOMMENDER_PORT), so
 * `PORT=5040 RECOMMENDER_PORT=5041 npm start` sends ranking calls to :5041, not the default :4100.
 */
export function recommenderUrlFor(env: NodeJS.ProcessEnv): string {
  if (env['RECOMMENDER_URL']) return env['RECOMMENDER_URL'];
  const port = env['RECOMMENDER_PORT'] || DEFAULT_RECOMMENDER_PORT;
  const bound = env['RECOMMENDER_HOST'] || '127.0.0.1';
  // A wildcard address is where it listens, not where to connect; loopback reaches it.
  const host = bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
  return `http://${host}:${port}`;
}

/** Extra environment of each service `npm start` runs, on top of its own (inherited) environment. */
export function serviceEnvironments(env: NodeJS.ProcessEnv): { recommender: Record<string, string>; api: Record<string, string> } {
  return {
    recommender: {},
    api: { RECOMMENDER_URL: recommenderUrlFor(env) },
  };
}

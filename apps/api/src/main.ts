import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { handleEntryArguments } from '@roundtable/config';

import { createLogger, runApi } from './app';
import { loadConfig } from './config/config';

const HELP = `Runs the Roundtable API: GraphQL over HTTP and graphql-ws on one port (/graphql), the web client at /.

Usage: npm run start:api            (or: node dist/apps/api/main.js)

Takes no arguments: every setting comes from the environment (PORT, DATABASE_URL, REDIS_URL,
AUTH_JWT_SECRET, RECOMMENDER_URL, ...; the README's "Configuration" lists each with its default and
range). With DATABASE_URL unset it starts an embedded PostgreSQL under .data/. NODE_ENV=production
refuses development defaults. \`npm start\` runs it together with the recommender.
`;

async function main(): Promise<void> {
  handleEntryArguments(HELP);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(config);
  // Node ends the process on an unhandled rejection, and then one client's action (closing a
  // socket during a Redis outage, issue 14) ended it for everyone. Every known source is handled
  // where it arises; one that is not is a bug: logged at error level, with its stack, not fatal.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (a bug: please report it); the API keeps running');
  });
  const api = await runApi(config, { logger });
  const { server } = api;
  // Signals are handled before the banner says ready: a supervisor may act on it at once.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A guard, not the plan: requests in flight get SHUTDOWN_GRACE_MS, then every step has a few
    // seconds more; a step that still hangs must not keep the process alive.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5_000).unref();
    api.stop().then(
      () => {
        logger.info({ signal }, 'shutdown complete');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const lines = [
    '',
    `  Roundtable API ready`,
    ...(existsSync(join(config.webDir, 'index.html')) ? [`  Web client:          ${server.url.replace('/graphql', '/')}`] : []),
    ...(config.graphql.graphiql ? [`  GraphiQL (offline):  ${server.url}`] : []),
    `  GraphQL over HTTP:   POST ${server.url}`,
    `  Subscriptions:       ${server.wsUrl} (graphql-ws)`,
    `  Health:              ${server.url.replace('/graphql', '/healthz')}  ${server.url.replace('/graphql', '/readyz')}`,
    `  Database:            ${api.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}; pub/sub: ${api.bus.kind}`,
    `  Recommender:         ${config.recommender.url} (recommendedRooms falls back to a heuristic if it is down)`,
  ];
  if (api.demoTokens.length > 0) {
    lines.push('', '  Demo tokens, fresh on every start (paste into the web client or GraphiQL\'s "Bearer token" box):');
    for (const { name, role, token } of api.demoTokens) lines.push(`  ${name} (${role}):`, `    ${token}`);
  }
  if (!config.production) {
    lines.push(
      '',
      '  More tokens:         npm run token -- --name "Your Name" [--role trust_safety]',
      ...(api.demoTokens.length > 0 ? [`  Demo sign-in list:   GET ${server.url.replace('/graphql', '/dev/demo-profiles')}`] : []),
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');

}

main().catch((error: unknown) => {
  console.error('Roundtable API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

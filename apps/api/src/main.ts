import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { createLogger, runApi } from './app';
import { loadConfig } from './config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(config);
  const api = await runApi(config, { logger });
  const { server, seeded } = api;
  const lines = [
    '',
    `  Roundtable API ready`,
    ...(existsSync(join(config.webDir, 'index.html')) ? [`  Web client:          ${server.url.replace('/graphql', '/')}`] : []),
    `  GraphiQL (offline):  ${server.url}`,
    `  GraphQL over HTTP:   POST ${server.url}`,
    `  Subscriptions:       ${server.wsUrl} (graphql-ws)`,
    `  Health:              ${server.url.replace('/graphql', '/healthz')}  ${server.url.replace('/graphql', '/readyz')}`,
    `  Database:            ${api.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}; pub/sub: ${api.bus.kind}`,
    `  Recommender:         ${config.recommender.url} (recommendedRooms falls back to a heuristic if it is down)`,
  ];
  if (seeded && seeded.tokens.length > 0) {
    lines.push('', '  Demo tokens (paste into GraphiQL\'s "Bearer token" box):');
    for (const { name, role, token } of seeded.tokens) lines.push(`  ${name} (${role}):`, `    ${token}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    api.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Roundtable API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import express, { type Express } from 'express';
import type { Logger } from 'pino';

/**
 * Serves the built web client (apps/web, `vite build` into WEB_DIR) at `/`, with index.html for
 * client-side routes, so `npm start` is one origin: no CORS, and the client finds the API at
 * /graphql. Without a build the API runs alone and says so.
 */
export function serveWebClient(app: Express, webDir: string, logger: Logger): boolean {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    logger.info({ webDir }, 'no built web client; serving the API only');
    return false;
  }
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|readyz|metrics|_graphiql).*/, (_req, res) => {
    res.sendFile(index, { maxAge: 0 });
  });
  return true;
}

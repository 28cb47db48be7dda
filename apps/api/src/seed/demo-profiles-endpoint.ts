import type { Express } from 'express';
import type { Logger } from 'pino';

import type { AppConfig } from '../config/config';
import type { Database } from '../database/orm';
import { signDemoProfileTokens } from './demo-data';

export const DEMO_PROFILES_PATH = '/dev/demo-profiles';

/** Lifetime of the tokens the endpoint hands out. */
const TOKEN_LIFETIME = '12h';

/**
 * `GET /dev/demo-profiles`, for the web client's one-click sign-in during development:
 * `{"profiles":[{"id","displayName","headline","role","token"}]}` with a fresh 12-hour token for
 * each seeded demo profile present in the database (an empty list when none are).
 *
 * Served outside production only. In production the path answers 404 explicitly, so the web
 * client's catch-all route cannot answer it with a page.
 */
export function serveDemoProfiles(app: Express, options: { config: AppConfig; db: Database; logger: Logger }): void {
  const { config, db, logger } = options;
  const enabled = !config.production;
  app.get(DEMO_PROFILES_PATH, async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (!enabled) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    try {
      const profiles = await signDemoProfileTokens(db, config.auth.jwtSecret, TOKEN_LIFETIME, `${Math.min(12 * 3600, config.auth.maxStaffTokenLifetimeSeconds)}s`);
      res.json({ profiles });
    } catch (error) {
      logger.error({ err: error }, 'listing demo profiles failed');
      res.status(500).json({ error: 'Internal server error' });
    }
  });
}

import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';

import { clientAddress, type TrustProxy } from '../admission/client-address';
import type { RateLimits } from '../admission/rate-limits';
import type { Database } from '../database/orm';
import { requestTrace } from '../observability/request-trace';
import { CALENDAR_FEED_PATH, CALENDAR_ROOM_PATH } from './calendar-links';
import type { CalendarService } from './calendar.service';

export interface CalendarRouteOptions {
  readonly calendar: CalendarService;
  readonly db: Database;
  readonly rateLimits: RateLimits;
  readonly trustProxy: TrustProxy;
  readonly logger: Logger;
  /** Counts each request by kind and outcome (`roundtable_calendar_requests_total`). */
  readonly count?: (kind: 'room' | 'feed', outcome: 'ok' | 'not_found' | 'rate_limited' | 'error') => void;
}

/** `<name>.ics` → `<name>`, else null. */
function icsName(file: unknown): string | null {
  return typeof file === 'string' && file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : null;
}

function notFound(res: Response): void {
  // No detail: an unknown, rotated or malformed token, an unknown room and a room the reader may
  // not see all answer the same.
  res.status(404).type('text/plain').send('Not found');
}

/**
 * `GET /calendar/rooms/<roomId>.ics[?viewer=…&signature=…]` (a room's event) and
 * `GET /calendar/feeds/<token>.ics` (a private feed): `text/calendar; charset=utf-8`, 404 for
 * anything not found or not visible, 429 with Retry-After past CALENDAR_FEED_REQUESTS_PER_MINUTE
 * per client address. Never cached by shared caches (`private, no-cache`): rights are asked at
 * every fetch.
 */
export function serveCalendars(app: Express, options: CalendarRouteOptions): void {
  const { calendar, db, rateLimits, trustProxy, logger } = options;
  const count = options.count ?? (() => undefined);
  const serve =
    (kind: 'room' | 'feed', read: (req: Request) => Promise<string | null>, attachment: (req: Request) => string | null) => async (req: Request, res: Response) => {
      res.set('cache-control', 'private, no-cache');
      const decision = await rateLimits.consumeCalendarRequest(clientAddress(req, trustProxy));
      if (!decision.allowed) {
        count(kind, 'rate_limited');
        res.set('retry-after', String(decision.retryAfterSeconds)).status(429).type('text/plain').send('Too many requests');
        return;
      }
      try {
        const body = await read(req);
        if (body === null) {
          count(kind, 'not_found');
          notFound(res);
          return;
        }
        const filename = attachment(req);
        if (filename) res.set('content-disposition', `attachment; filename="${filename}"`);
        count(kind, 'ok');
        res.status(200).set('content-type', 'text/calendar; charset=utf-8').send(body);
      } catch (error) {
        count(kind, 'error');
        logger.error({ err: error }, 'serving a calendar failed');
        res.status(500).type('text/plain').send('Internal server error');
      }
    };
  app.get(
    `${CALENDAR_ROOM_PATH}/:file`,
    requestTrace(),
    serve(
      'room',
      async (req) => {
        const roomId = icsName(req.params['file']);
        return roomId === null ? null : calendar.roomCalendar(db.orm.em.fork(), roomId, { viewer: req.query['viewer'], signature: req.query['signature'] });
      },
      (req) => `roundtable-${icsName(req.params['file']) ?? 'room'}.ics`,
    ),
  );
  app.get(
    `${CALENDAR_FEED_PATH}/:file`,
    requestTrace(),
    serve(
      'feed',
      async (req) => {
        const token = icsName(req.params['file']);
        return token === null ? null : calendar.feedCalendar(db.orm.em.fork(), token);
      },
      () => null,
    ),
  );
}

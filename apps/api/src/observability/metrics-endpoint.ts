import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { bearerTokenCheck } from '@roundtable/config';
import express from 'express';

import type { ApiMetrics } from './metrics';

/** Where and how `/metrics` is served (`config.metrics`: METRICS_PORT, METRICS_HOST, METRICS_TOKEN). */
export interface MetricsEndpointSettings {
  /** Its own listener's port (0: a free one), or null to serve it on the API port. */
  readonly port: number | null;
  readonly host: string;
  /** Bearer token every scrape must send, or null for none (refused in production without its own loopback port). */
  readonly token: string | null;
}

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics`: the Prometheus exposition text. With a token, anything but
 * `Authorization: Bearer <token>` gets 401 and `WWW-Authenticate: Bearer` (and no metrics).
 */
export function metricsHandler(metrics: ApiMetrics, token: string | null): express.RequestHandler {
  const authorized = token === null ? null : bearerTokenCheck(token);
  return async (req, res) => {
    if (authorized) {
      if (!authorized(req.headers.authorization)) {
        res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
    }
    const { contentType, body } = await metrics.render();
    res.setHeader('cache-control', 'no-store');
    res.type(contentType).send(body);
  };
}

/** `/metrics` on its own listener (METRICS_PORT at METRICS_HOST), apart from the public API port. */
export async function startMetricsListener(
  metrics: ApiMetrics,
  settings: MetricsEndpointSettings & { readonly port: number },
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.get(METRICS_PATH, metricsHandler(metrics, settings.token));
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

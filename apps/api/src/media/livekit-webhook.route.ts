import { type MediaControl, MediaControlError, MediaControlErrorCode } from '@roundtable/audio';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';

import type { MediaSync } from './media-sync.worker';

/** Where LiveKit posts its webhooks (configure it in livekit.yaml `webhook.urls`). */
export const LIVEKIT_WEBHOOK_PATH = '/livekit/webhook';

/** Largest webhook body accepted; LiveKit's are a few kilobytes. */
const WEBHOOK_BODY_LIMIT = '64kb';

/**
 * `POST /livekit/webhook`: verified with LiveKit's WebhookReceiver over the raw body, exactly as
 * received; an unsigned or forged request gets 401 and changes nothing.
 */
export function liveKitWebhookRoute(media: MediaControl, mediaSync: MediaSync, logger: Logger): RequestHandler[] {
  return [
    // LiveKit sends `application/webhook+json`; the signature covers the bytes as sent.
    express.text({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      let event;
      try {
        event = await media.receiveWebhook(body, req.headers.authorization);
      } catch (error) {
        if (error instanceof MediaControlError && error.code === MediaControlErrorCode.WebhookUnauthorized) {
          res.status(401).json({ error: 'invalid webhook signature' });
          return;
        }
        if (error instanceof MediaControlError && error.code === MediaControlErrorCode.WebhookMalformed) {
          res.status(400).json({ error: 'not a LiveKit webhook event' });
          return;
        }
        throw error;
      }
      try {
        const outcome = await mediaSync.handleWebhook(event);
        res.json({ outcome });
      } catch (error) {
        logger.error({ err: error, eventId: event.id }, 'handling a LiveKit webhook failed');
        // LiveKit retries webhooks that fail.
        res.status(503).json({ error: 'try again' });
      }
    },
  ];
}

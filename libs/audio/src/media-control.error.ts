/** Why a media-control call failed. */
export enum MediaControlErrorCode {
  /** The media server could not be reached, timed out, or answered 5xx/429: retry later. */
  Unavailable = 'MEDIA_UNAVAILABLE',
  /** The media server refused our API credentials or grants (401/403): a configuration error. */
  Unauthorized = 'MEDIA_UNAUTHORIZED',
  /** The media server rejected the request itself (4xx other than not-found/auth). */
  Rejected = 'MEDIA_REJECTED',
  /** A webhook without a valid signature (missing, forged, wrong key, body changed, expired). */
  WebhookUnauthorized = 'MEDIA_WEBHOOK_UNAUTHORIZED',
  /** A correctly signed webhook whose body is not a LiveKit webhook event. */
  WebhookMalformed = 'MEDIA_WEBHOOK_MALFORMED',
}

/**
 * The one error type the media-control port throws. `retryable` tells an outbox worker whether
 * backing off and sending the same call again can succeed.
 */
export class MediaControlError extends Error {
  override readonly name = 'MediaControlError';

  constructor(
    readonly code: MediaControlErrorCode,
    message: string,
    /** The port method that failed, e.g. `removeParticipant`, or `receiveWebhook`. */
    readonly operation: string,
    /** HTTP status of the media server's answer, when there was one. */
    readonly status: number | null = null,
    /** The media server's error code (Twirp: `not_found`, `unavailable`, …), when there was one. */
    readonly serverCode: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when the same call may succeed later (outage, overload, timeout). */
  get retryable(): boolean {
    return this.code === MediaControlErrorCode.Unavailable;
  }

  static unavailable(operation: string, detail: string, status: number | null, serverCode: string | null, cause?: unknown) {
    return new MediaControlError(
      MediaControlErrorCode.Unavailable,
      `Media server unavailable during ${operation}: ${detail}`,
      operation,
      status,
      serverCode,
      { cause },
    );
  }

  static unauthorized(operation: string, detail: string, status: number, serverCode: string | null, cause?: unknown) {
    return new MediaControlError(
      MediaControlErrorCode.Unauthorized,
      `Media server refused our credentials during ${operation}: ${detail}`,
      operation,
      status,
      serverCode,
      { cause },
    );
  }

  static rejected(operation: string, detail: string, status: number, serverCode: string | null, cause?: unknown) {
    return new MediaControlError(
      MediaControlErrorCode.Rejected,
      `Media server rejected ${operation}: ${detail}`,
      operation,
      status,
      serverCode,
      { cause },
    );
  }

  static webhookUnauthorized(detail: string, cause?: unknown) {
    return new MediaControlError(
      MediaControlErrorCode.WebhookUnauthorized,
      `Webhook signature rejected: ${detail}`,
      'receiveWebhook',
      null,
      null,
      { cause },
    );
  }

  static webhookMalformed(detail: string, cause?: unknown) {
    return new MediaControlError(
      MediaControlErrorCode.WebhookMalformed,
      `Webhook body rejected: ${detail}`,
      'receiveWebhook',
      null,
      null,
      { cause },
    );
  }
}

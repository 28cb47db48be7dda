import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { RoomVisibility } from '@roundtable/domain';

/** Where calendar files are served. */
export const CALENDAR_ROOM_PATH = '/calendar/rooms';
export const CALENDAR_FEED_PATH = '/calendar/feeds';

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/**
 * The calendar's URLs and the keyed values in them. One key, derived from CALENDAR_SECRET (or
 * AUTH_JWT_SECRET) for this purpose alone, signs both:
 * - a room link for a viewer, `…/calendar/rooms/<id>.ics?viewer=<profile>&signature=<HMAC>`,
 *   given for GROUP and PRIVATE rooms: calendar apps and plain browser links send no bearer
 *   token, so the link says on whose behalf it is read, and the viewer's rights are asked again
 *   at every fetch. PUBLIC rooms get the bare link, which works for anyone;
 * - a feed token, HMAC(key, profile + nonce): the same URL can be given again while only its
 *   SHA-256 is stored, and a new nonce (rotation) makes a new token.
 */
export class CalendarLinks {
  private readonly key: Buffer;

  /**
   * @param secret CALENDAR_SECRET, else AUTH_JWT_SECRET (never empty: the configuration refuses that in production).
   * @param publicUrl the public origin (PUBLIC_URL, else this process's http://host:port), read when a URL is made.
   */
  constructor(
    secret: string,
    readonly publicUrl: () => string,
  ) {
    this.key = createHmac('sha256', secret).update('roundtable calendar links v1').digest();
  }

  private sign(value: string): string {
    return base64url(createHmac('sha256', this.key).update(value).digest());
  }

  /** The absolute URL of a room's event for `viewerId` (null: anonymous, the bare link). */
  roomUrl(roomId: string, visibility: RoomVisibility, viewerId: string | null): string {
    const url = `${this.publicUrl()}${CALENDAR_ROOM_PATH}/${encodeURIComponent(roomId)}.ics`;
    if (visibility === RoomVisibility.Public || viewerId === null) return url;
    return `${url}?viewer=${encodeURIComponent(viewerId)}&signature=${this.roomSignature(roomId, viewerId)}`;
  }

  private roomSignature(roomId: string, viewerId: string): string {
    return this.sign(`room\u0000${roomId}\u0000${viewerId}`);
  }

  /** Whether `signature` is this server's for the room and viewer (constant-time). */
  verifyRoomSignature(roomId: string, viewerId: string, signature: string): boolean {
    const expected = Buffer.from(this.roomSignature(roomId, viewerId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The feed token of a profile's feed generation (`nonce`): 43 base64url characters. */
  feedToken(profileId: string, nonce: string): string {
    return this.sign(`feed\u0000${profileId}\u0000${nonce}`);
  }

  /** The absolute URL of a feed. */
  feedUrl(token: string): string {
    return `${this.publicUrl()}${CALENDAR_FEED_PATH}/${token}.ics`;
  }

  /** A fresh random nonce for a feed generation. */
  static newNonce(): string {
    return base64url(randomBytes(18));
  }

  /** What is stored and looked up: SHA-256 of the token. */
  static tokenHash(token: string): Buffer {
    return createHash('sha256').update(token).digest();
  }

  /** Whether `text` has the shape of a feed token (anything else is 404 without a lookup). */
  static isTokenShaped(text: string): boolean {
    return /^[A-Za-z0-9_-]{43}$/.test(text);
  }
}

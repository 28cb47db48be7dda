import type { RoomStatus } from '../gql/graphql';

/** Reasons that only repeat what the status badge already says. */
const STATUS_REASONS: Readonly<Record<RoomStatus, RegExp>> = {
  // "Live now · 5 listening" repeats both the badge and the listener count beside it.
  LIVE: /^live( now)?\b/i,
  SCHEDULED: /^(scheduled|upcoming)\.?$/i,
  ENDED: /^ended\.?$/i,
};

/**
 * The recommendation reasons to show on a card: duplicates dropped (case-insensitively), a reason
 * that repeats the status badge dropped, and "1 followers"-style plurals made singular.
 */
export function displayReasons(reasons: readonly string[], status: RoomStatus): string[] {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const raw of reasons) {
    const reason = raw.trim().replace(/(^|[^\d.,])1 ([a-z]+)s\b/gi, (_match, before: string, noun: string) => `${before}1 ${noun}`);
    const key = reason.toLowerCase();
    if (!reason || seen.has(key) || STATUS_REASONS[status].test(reason)) continue;
    seen.add(key);
    shown.push(reason);
  }
  return shown;
}

/** Matches a room by a search over its title and host name (case- and accent-insensitive). */
export function roomMatches(room: { readonly title: string; readonly host: { readonly displayName: string } }, search: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search).split(/\s+/).filter(Boolean);
  const haystack = fold(`${room.title} ${room.host.displayName}`);
  return words.every((word) => haystack.includes(word));
}

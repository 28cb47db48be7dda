import { mentionKeyOfName } from '@roundtable/domain';

// @ mentions in a chat message: where they are in the text, and whom they name. The server
// resolved `ChatMessage.mentions` when the message was sent (the domain's `mentionHandles`, then
// people in the room by id or by display name without spaces); this finds the same @ words in
// the text so the page can mark them. `mention-text.spec.ts` keeps the two in step.

/** The same @ word as the domain's `mentionHandles`: letters, digits, `.`, `_`, `-`, not inside a word or an address. */
const MENTION = /(?:^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

export interface MentionedProfile {
  readonly id: string;
  readonly displayName: string;
}

/** A piece of a message's text: plain, or an @ word naming `profile` (null: it names nobody known). */
export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'mention'; readonly text: string; readonly profile: MentionedProfile };

/** Whether the @ word `handle` (lower-cased, no `@`) names `profile`: its id, or its name without spaces. */
export function handleNames(handle: string, profile: MentionedProfile): boolean {
  return profile.id.toLowerCase() === handle || mentionKeyOfName(profile.displayName) === handle;
}

/**
 * The text cut into plain pieces and @ words that name one of `mentions` (the message's resolved
 * mentions). An @ word that names nobody stays plain text, as the server left it.
 */
export function splitMentions(text: string, mentions: readonly MentionedProfile[]): TextPart[] {
  if (mentions.length === 0 || !text.includes('@')) return text ? [{ kind: 'text', text }] : [];
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(MENTION)) {
    const word = match[1] ?? '';
    // The domain drops trailing `.`, `_` and `-` from a handle ("@ada." names ada).
    const handle = word.replace(/[._-]+$/u, '');
    const start = (match.index ?? 0) + match[0].length - word.length - 1;
    const profile = mentions.find((candidate) => handleNames(handle.toLowerCase(), candidate));
    if (!profile) continue;
    if (start > cursor) parts.push({ kind: 'text', text: text.slice(cursor, start) });
    parts.push({ kind: 'mention', text: `@${handle}`, profile });
    cursor = start + 1 + handle.length;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return parts;
}

/** The @ word being typed just before the caret (`"hi @to|"` → `{ query: 'to', start: 3 }`), or null. */
export function mentionQueryAt(text: string, caret: number): { readonly query: string; readonly start: number } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._-]*)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { query, start: caret - query.length - 1 };
}

/** How the composer writes a mention of someone: `@` and the name without spaces, as the server resolves it. */
export function mentionHandleFor(profile: MentionedProfile): string {
  const key = profile.displayName.replace(/\s+/gu, '');
  // A name the @ word cannot carry (punctuation inside) is written by id, which always resolves.
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(key) && !/[._-]$/u.test(key) ? `@${key}` : `@${profile.id}`;
}

/**
 * People to offer for the @ word `query`: names or ids starting with it (case-insensitive), then
 * those containing it, at most `limit`, the viewer left out.
 */
export function mentionSuggestions<T extends MentionedProfile>(people: readonly T[], query: string, viewerId: string, limit = 6): T[] {
  const q = query.toLowerCase();
  const seen = new Set<string>();
  const starts: T[] = [];
  const contains: T[] = [];
  for (const person of people) {
    if (person.id === viewerId || seen.has(person.id)) continue;
    seen.add(person.id);
    const name = person.displayName.toLowerCase();
    const key = mentionKeyOfName(person.displayName);
    const id = person.id.toLowerCase();
    if (name.startsWith(q) || key.startsWith(q) || id.startsWith(q) || name.split(/\s+/u).some((word) => word.startsWith(q))) starts.push(person);
    else if (key.includes(q) || id.includes(q)) contains.push(person);
  }
  return [...starts, ...contains].slice(0, limit);
}

import { textLength } from '../common/text';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/**
 * THE ROOM CHAT's pure rules (issue 17; `room-conversation.graphql`, the chat parts): who may
 * write in which mode, slow mode, text limits, @ mentions and pinned links. Who may write, delete
 * and read at all (in the room, not banned, blocked or suspended, moderating) is the room access
 * policy's (`WRITE_CHAT`, `MODERATE_CHAT`, `DELETE_OWN_CHAT_MESSAGE`, `READ_CHAT`); these rules
 * assume the policy allowed and judge the room's chat settings.
 */

/** `ChatMode` of the contract. */
export enum ChatMode {
  /** Anyone in the room may write. */
  Open = 'OPEN',
  /** Anyone may write, at most one message per `chatSlowModeSeconds`. */
  Slow = 'SLOW',
  /** Only the stage (host, moderators, speakers) may write; everyone reads. */
  StageOnly = 'STAGE_ONLY',
  /** No one writes; history stays readable. */
  Off = 'OFF',
}

/** Limits of the chat. Text is counted in code points once trimmed (as PostgreSQL's varchar counts). */
export const CHAT_LIMITS = {
  textMin: 1,
  textMax: 1000,
  slowModeSecondsMin: 1,
  slowModeSecondsMax: 3600,
  slowModeSecondsDefault: 10,
  pinnedLinksMax: 5,
  pinnedLinkUrlMax: 2000,
  pinnedLinkTitleMax: 120,
  /** Most profiles one message mentions (the rest of the @ words stay plain text). */
  mentionsMax: 20,
  /** Messages of context kept on each side of a reported message. */
  reportContext: 10,
} as const;

/**
 * Trims a message and checks its length: 1–{@link CHAT_LIMITS.textMax} code points.
 * @throws DomainError INVALID_INPUT on field `text`.
 */
export function normaliseChatText(raw: string): string {
  const text = raw.trim();
  const length = textLength(text);
  if (length < CHAT_LIMITS.textMin) throw DomainError.invalidInput('text', 'Write a message');
  if (length > CHAT_LIMITS.textMax) throw DomainError.invalidInput('text', `A message has at most ${CHAT_LIMITS.textMax} characters`);
  return text;
}

/** Whether and how the room's chat mode lets a writer send now. */
export type ChatWriteDecision =
  | { readonly allowed: true }
  /** The mode refuses this writer (OFF, or STAGE_ONLY for someone off stage): CHAT_CLOSED. */
  | { readonly allowed: false; readonly kind: 'closed'; readonly message: string }
  /** SLOW mode: the writer's previous message was too recent; retry after `retryAfterSeconds`. */
  | { readonly allowed: false; readonly kind: 'slow'; readonly retryAfterSeconds: number };

/**
 * The chat mode's answer for one writer. The stage (host, moderators, speakers) writes in every
 * mode but OFF, and is not slowed (it leads the conversation); everyone else follows the mode.
 * @param lastSentAt the writer's previous message in the room, or null.
 */
export function decideChatWrite(input: {
  readonly mode: ChatMode;
  readonly slowModeSeconds: number;
  readonly onStage: boolean;
  readonly lastSentAt: Date | null;
  readonly now: Date;
}): ChatWriteDecision {
  switch (input.mode) {
    case ChatMode.Off:
      return { allowed: false, kind: 'closed', message: 'The chat is off in this room' };
    case ChatMode.StageOnly:
      return input.onStage ? { allowed: true } : { allowed: false, kind: 'closed', message: 'Only the stage writes in this chat now' };
    case ChatMode.Slow: {
      if (input.onStage || input.lastSentAt === null) return { allowed: true };
      const waitMs = input.lastSentAt.getTime() + input.slowModeSeconds * 1000 - input.now.getTime();
      return waitMs > 0 ? { allowed: false, kind: 'slow', retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
    }
    case ChatMode.Open:
      return { allowed: true };
  }
}

/**
 * The @ words of a message, in order, each once, lower-cased, without the `@`: letters, digits,
 * `.`, `_` and `-` (`@Ada`, `@ada.lovelace`, `@demo-ada`). At most {@link CHAT_LIMITS.mentionsMax}.
 * Which profiles they name is the API's question (people in the room, by id or by display name
 * without spaces).
 */
export function mentionHandles(text: string): string[] {
  const handles: string[] = [];
  for (const match of text.matchAll(/(?:^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu)) {
    const handle = (match[1] ?? '').replace(/[._-]+$/u, '').toLowerCase();
    if (handle && !handles.includes(handle)) handles.push(handle);
    if (handles.length >= CHAT_LIMITS.mentionsMax) break;
  }
  return handles;
}

/** How a display name answers to an @ word: lower-cased, without spaces (`Ada Lovelace` → `adalovelace`). */
export function mentionKeyOfName(displayName: string): string {
  return displayName.replace(/\s+/gu, '').toLowerCase();
}

/** A pinned link as the host or a moderator gives it. */
export interface PinnedLinkInput {
  readonly url: string;
  readonly title?: string | null;
}

/**
 * Checks and normalises the room's pinned links (they replace the previous ones): at most
 * {@link CHAT_LIMITS.pinnedLinksMax}, each an absolute `http:` or `https:` URL (any other scheme,
 * `javascript:` included, is refused), titles trimmed (empty → null), duplicates refused.
 * @throws DomainError INVALID_INPUT on field `pinnedLinks`.
 */
export function normalisePinnedLinks(links: readonly PinnedLinkInput[]): { url: string; title: string | null }[] {
  if (links.length > CHAT_LIMITS.pinnedLinksMax) {
    throw DomainError.invalidInput('pinnedLinks', `Pin at most ${CHAT_LIMITS.pinnedLinksMax} links`);
  }
  const seen = new Set<string>();
  return links.map((link) => {
    const raw = link.url.trim();
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw DomainError.invalidInput('pinnedLinks', `${raw.slice(0, 80) || 'An empty link'} is not a link`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw DomainError.invalidInput('pinnedLinks', 'Only http and https links can be pinned');
    }
    const url = parsed.toString();
    if (textLength(url) > CHAT_LIMITS.pinnedLinkUrlMax) {
      throw DomainError.invalidInput('pinnedLinks', `A link has at most ${CHAT_LIMITS.pinnedLinkUrlMax} characters`);
    }
    if (seen.has(url)) throw DomainError.invalidInput('pinnedLinks', 'The same link is pinned twice');
    seen.add(url);
    const title = link.title?.trim() || null;
    if (title !== null && textLength(title) > CHAT_LIMITS.pinnedLinkTitleMax) {
      throw DomainError.invalidInput('pinnedLinks', `A link's title has at most ${CHAT_LIMITS.pinnedLinkTitleMax} characters`);
    }
    return { url, title };
  });
}

/**
 * Checks the slow mode's interval: {@link CHAT_LIMITS.slowModeSecondsMin}–{@link CHAT_LIMITS.slowModeSecondsMax}.
 * @throws DomainError INVALID_INPUT on field `chatSlowModeSeconds`.
 */
export function checkSlowModeSeconds(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < CHAT_LIMITS.slowModeSecondsMin || seconds > CHAT_LIMITS.slowModeSecondsMax) {
    throw DomainError.invalidInput(
      'chatSlowModeSeconds',
      `Slow mode is ${CHAT_LIMITS.slowModeSecondsMin}–${CHAT_LIMITS.slowModeSecondsMax} seconds between messages`,
    );
  }
  return seconds;
}

/** The refusal of a {@link ChatWriteDecision} `closed`: CHAT_CLOSED (a CONFLICT). */
export function chatClosed(message: string): DomainError {
  return DomainError.conflict(DomainErrorCode.ChatClosed, message);
}

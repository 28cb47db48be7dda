import type { ChatMessageFieldsFragment } from '../gql/graphql';
import { assertUnreachable } from '../room/assert-unreachable';

// The room chat as the panel shows it: history pages of `Room.chatMessages` (newest first on the
// wire, oldest first here), the conversation's ticks (new messages, deletions, how many were
// sampled out), and the answers to the viewer's own sends and deletes. Pure: the hook in
// use-chat.ts feeds it.

export type ChatMessage = ChatMessageFieldsFragment;

/** What the chat reads of one `ConversationTick`. */
export interface ChatTick {
  /** The tick's start (the end of its interval), server time. */
  readonly at: string;
  /** New messages, oldest first. */
  readonly messages: readonly ChatMessage[];
  /** Messages of the interval not sent to this viewer (a large room's sample). */
  readonly sampledOut: number;
  readonly deletedMessageIds: readonly string[];
}

/** One row of the chat: a message (deleted ones keep their place), or a count of messages not shown. */
export type ChatEntry =
  | { readonly kind: 'message'; readonly key: string; readonly at: string; readonly message: ChatMessage }
  | { readonly kind: 'sampledOut'; readonly key: string; readonly at: string; readonly count: number };

export interface ChatListState {
  /** Oldest first. */
  readonly entries: readonly ChatEntry[];
  /** Older history remains to be read, from `olderCursor`. */
  readonly hasOlder: boolean;
  readonly olderCursor: string | null;
  /** The first page is in. */
  readonly loaded: boolean;
  /**
   * Ids deleted while this page was open (newest last, bounded): a page read before a deletion
   * reached the server's answer still shows the message deleted.
   */
  readonly deletedIds: readonly string[];
}

export type ChatListAction =
  /** A page of `Room.chatMessages` (newest first); `older` for a page after `olderCursor`. */
  | { readonly type: 'pageLoaded'; readonly nodes: readonly ChatMessage[]; readonly hasNextPage: boolean; readonly endCursor: string | null; readonly older: boolean }
  | { readonly type: 'tickReceived'; readonly tick: ChatTick }
  /** The answer to the viewer's own send or delete: the message as stored now. */
  | { readonly type: 'messageReturned'; readonly message: ChatMessage };

/** Deletions remembered to apply to pages that arrive later. */
const DELETED_MEMORY = 500;

export function createChatList(): ChatListState {
  return { entries: [], hasOlder: false, olderCursor: null, loaded: false, deletedIds: [] };
}

const messageEntry = (message: ChatMessage): ChatEntry => ({ kind: 'message', key: message.id, at: message.createdAt, message });

/** Server order: time, then a message before the "not shown" count of its tick, then id. */
export function compareEntries(a: ChatEntry, b: ChatEntry): number {
  return a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1) || a.key.localeCompare(b.key);
}

/** A deleted message as every client shows it: empty text, its place kept. */
export function asDeleted(message: ChatMessage): ChatMessage {
  return message.deleted && message.text === '' ? message : { ...message, text: '', deleted: true };
}

/**
 * Puts messages in place: a known id is replaced (a deleted one stays deleted), a new one is
 * placed in time order. Appending newer messages, the usual case, does not sort the list.
 */
export function mergeMessages(state: ChatListState, messages: readonly ChatMessage[]): readonly ChatEntry[] {
  if (messages.length === 0) return state.entries;
  const deleted = new Set(state.deletedIds);
  const index = new Map(state.entries.map((entry, i) => [entry.key, i]));
  const entries = [...state.entries];
  const added: ChatEntry[] = [];
  for (const incoming of messages) {
    const message = deleted.has(incoming.id) ? asDeleted(incoming) : incoming;
    const at = index.get(message.id);
    const existing = at === undefined ? undefined : entries[at];
    if (at !== undefined && existing?.kind === 'message') entries[at] = messageEntry(existing.message.deleted ? asDeleted(message) : message);
    else if (!added.some((entry) => entry.key === message.id)) added.push(messageEntry(message));
  }
  if (added.length === 0) return entries;
  const last = entries[entries.length - 1];
  const sortedAdded = added.sort(compareEntries);
  const first = sortedAdded[0];
  if (!last || (first && compareEntries(last, first) < 0)) return [...entries, ...sortedAdded];
  return [...entries, ...sortedAdded].sort(compareEntries);
}

function applyDeletions(state: ChatListState, ids: readonly string[]): ChatListState {
  if (ids.length === 0) return state;
  const gone = new Set(ids);
  const entries = state.entries.map((entry) => (entry.kind === 'message' && gone.has(entry.key) ? messageEntry(asDeleted(entry.message)) : entry));
  return { ...state, entries, deletedIds: [...state.deletedIds, ...ids].slice(-DELETED_MEMORY) };
}

/** "N more messages not shown" after a tick's messages; consecutive counts add up in one row. */
function addSampledOut(entries: readonly ChatEntry[], at: string, count: number): readonly ChatEntry[] {
  if (count <= 0) return entries;
  const last = entries[entries.length - 1];
  if (last?.kind === 'sampledOut') return [...entries.slice(0, -1), { ...last, count: last.count + count }];
  return [...entries, { kind: 'sampledOut', key: `sampled-out-${at}`, at, count }];
}

export function chatListReducer(state: ChatListState, action: ChatListAction): ChatListState {
  switch (action.type) {
    case 'pageLoaded': {
      const entries = mergeMessages(state, action.nodes);
      // The first page sets where older history starts; a later first-page read (after a
      // reconnect) only fills in what was missed.
      const paging = action.older || !state.loaded ? { hasOlder: action.hasNextPage, olderCursor: action.endCursor } : {};
      return { ...state, entries, loaded: true, ...paging };
    }
    case 'tickReceived': {
      const withMessages = { ...state, entries: mergeMessages(state, action.tick.messages) };
      const withDeletions = applyDeletions(withMessages, action.tick.deletedMessageIds);
      return { ...withDeletions, entries: addSampledOut(withDeletions.entries, action.tick.at, action.tick.sampledOut) };
    }
    case 'messageReturned': {
      const merged = { ...state, entries: mergeMessages(state, [action.message]) };
      return action.message.deleted ? applyDeletions(merged, [action.message.id]) : merged;
    }
    default:
      return assertUnreachable(action, 'chat list action');
  }
}

/** The newest message in the list (to tell whether something new arrived), or null. */
export function newestMessageKey(entries: readonly ChatEntry[]): string | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry?.kind === 'message') return entry.key;
  }
  return null;
}

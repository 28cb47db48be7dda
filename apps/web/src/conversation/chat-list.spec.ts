import { type ChatListState, type ChatMessage, type ChatTick, chatListReducer, createChatList } from './chat-list';

const at = (second: number) => `2026-01-01T10:00:${String(second).padStart(2, '0')}.000Z`;

function message(id: string, second: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    __typename: 'ChatMessage',
    id,
    text: `text ${id}`,
    deleted: false,
    createdAt: at(second),
    author: { __typename: 'Profile', id: 'tom', displayName: 'Tom', headline: null },
    mentions: [],
    ...extra,
  };
}

const tick = (second: number, fields: Partial<ChatTick> = {}): ChatTick => ({ at: at(second), messages: [], sampledOut: 0, deletedMessageIds: [], ...fields });

/** The rows as short strings: message ids (deleted ones as `id†`) and `+N` for messages not shown. */
const rows = (state: ChatListState) => state.entries.map((entry) => (entry.kind === 'message' ? `${entry.key}${entry.message.deleted ? '†' : ''}` : `+${entry.count}`));

const page = (nodes: ChatMessage[], hasNextPage: boolean, endCursor: string | null, older = false) => ({ type: 'pageLoaded' as const, nodes, hasNextPage, endCursor, older });

describe('the chat list', () => {
  it('shows a page of history oldest first, and older pages before it', () => {
    let state = chatListReducer(createChatList(), page([message('m4', 4), message('m3', 3)], true, 'c3'));
    expect({ rows: rows(state), hasOlder: state.hasOlder, cursor: state.olderCursor, loaded: state.loaded }).toEqual({ rows: ['m3', 'm4'], hasOlder: true, cursor: 'c3', loaded: true });
    state = chatListReducer(state, page([message('m2', 2), message('m1', 1)], false, 'c1', true));
    expect({ rows: rows(state), hasOlder: state.hasOlder }).toEqual({ rows: ['m1', 'm2', 'm3', 'm4'], hasOlder: false });
  });

  it('appends tick messages; the sender\'s own message, shown from its answer, is not shown twice when its tick comes', () => {
    let state = chatListReducer(createChatList(), page([message('m1', 1)], false, null));
    state = chatListReducer(state, { type: 'messageReturned', message: message('mine', 3) });
    state = chatListReducer(state, { type: 'tickReceived', tick: tick(4, { messages: [message('m2', 2), message('mine', 3)] }) });
    expect(rows(state)).toEqual(['m1', 'm2', 'mine']);
  });

  it('a deleted message keeps its place with empty text, from a tick or from the deleter\'s answer, and stays deleted when an older read brings it back', () => {
    let state = chatListReducer(createChatList(), page([message('m3', 3), message('m2', 2), message('m1', 1)], false, null));
    state = chatListReducer(state, { type: 'tickReceived', tick: tick(5, { deletedMessageIds: ['m2'] }) });
    expect(rows(state)).toEqual(['m1', 'm2†', 'm3']);
    const deleted = state.entries[1];
    expect(deleted?.kind === 'message' && deleted.message.text).toBe('');
    state = chatListReducer(state, { type: 'messageReturned', message: message('m3', 3, { deleted: true, text: '' }) });
    expect(rows(state)).toEqual(['m1', 'm2†', 'm3†']);
    // A first-page read after a reconnect, from before the deletion reached it.
    state = chatListReducer(state, page([message('m3', 3), message('m2', 2)], false, null));
    expect(rows(state)).toEqual(['m1', 'm2†', 'm3†']);
  });

  it('a deletion that arrives before its message\'s history page still applies to it', () => {
    let state = chatListReducer(createChatList(), { type: 'tickReceived', tick: tick(9, { deletedMessageIds: ['m1'] }) });
    state = chatListReducer(state, page([message('m1', 1)], false, null));
    expect(rows(state)).toEqual(['m1†']);
  });

  it('counts messages sampled out after their tick\'s messages, adding up consecutive counts', () => {
    let state = chatListReducer(createChatList(), page([], false, null));
    state = chatListReducer(state, { type: 'tickReceived', tick: tick(2, { messages: [message('m1', 1)], sampledOut: 40 }) });
    state = chatListReducer(state, { type: 'tickReceived', tick: tick(3, { sampledOut: 2 }) });
    state = chatListReducer(state, { type: 'tickReceived', tick: tick(4, { messages: [message('m2', 3)], sampledOut: 1 }) });
    expect(rows(state)).toEqual(['m1', '+42', 'm2', '+1']);
  });

  it('ticks that arrived before the first page are kept, in time order with it', () => {
    let state = chatListReducer(createChatList(), { type: 'tickReceived', tick: tick(6, { messages: [message('m5', 5)] }) });
    state = chatListReducer(state, page([message('m5', 5), message('m4', 4), message('m2', 2)], true, 'c2'));
    expect({ rows: rows(state), hasOlder: state.hasOlder, cursor: state.olderCursor }).toEqual({ rows: ['m2', 'm4', 'm5'], hasOlder: true, cursor: 'c2' });
    // A later first-page read (a reconnect) fills a gap and leaves the older-history cursor alone.
    state = chatListReducer(state, page([message('m6', 6), message('m5', 5), message('m4', 4)], true, 'c4'));
    expect({ rows: rows(state), cursor: state.olderCursor }).toEqual({ rows: ['m2', 'm4', 'm5', 'm6'], cursor: 'c2' });
  });
});

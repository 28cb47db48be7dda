import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

import { Avatar } from '../components/avatar';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { ChatMode } from '../gql/graphql';
import { type ChatEntry, type ChatMessage, newestMessageKey } from './chat-list';
import { ChatComposer } from './chat-composer';
import { chatModeBanner, chatSendErrorText } from './chat-errors';
import { type MentionedProfile, splitMentions } from './mention-text';
import type { Chat } from './use-chat';

/** A first guess at a row's height (a one-line message); rows are measured once drawn. */
const ROW_ESTIMATE = 50;
/** Within this many pixels of the end counts as reading the newest messages. */
const AT_END_PX = 48;

/** Within this many pixels of the top, the next older page is read. */
const NEAR_TOP_PX = 160;

/**
 * The room chat: history in a virtualised list (only the rows in view are in the DOM, however
 * long the chat), older pages loaded when the list is scrolled to its top, new messages followed
 * while the reader is at the bottom (else "New messages" jumps there), the mode's banner and the
 * send box. Deleted messages keep their place as "Message deleted"; a message that mentions the
 * viewer is marked. Authors delete their own messages, host and moderators any.
 */
export function ChatPanel(props: {
  chat: Chat;
  viewerId: string;
  /** In the room: may write (the server decides by mode) and react. */
  inRoom: boolean;
  /** The room has ended: the history only, read-only (the host still deletes messages). */
  ended?: boolean;
  onStage: boolean;
  moderating: boolean;
  chatMode: ChatMode;
  chatSlowModeSeconds: number;
  /** People to offer after `@`: the stage and the loaded audience. */
  people: readonly MentionedProfile[];
  showError(error: unknown): void;
  /** Report a message to trust and safety (someone else's, not deleted). */
  onReport(message: ChatMessage): void;
  /** The moderators' conversation settings, shown above the list. */
  settings?: ReactNode;
}) {
  const { chat, viewerId } = props;
  const titleId = useId();
  const bannerId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const rows = chat.entries;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
    // Rows added above (older history) keep the reader's place (the row at the top stays where it
    // is); rows added below are followed while the reader is at the bottom.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
  });
  const items = virtualizer.getVirtualItems();

  // The first page opens at its newest message; older pages load only after that, when the
  // reader comes near the top (or when the history does not fill the box).
  const [opened, setOpened] = useState(false);
  const [nearTop, setNearTop] = useState(false);
  useLayoutEffect(() => {
    if (opened || !chat.loaded) return;
    if (rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    setOpened(true);
  }, [opened, chat.loaded, rows.length, virtualizer]);
  useEffect(() => {
    if (!opened) return;
    const frame = requestAnimationFrame(() => {
      const element = scrollRef.current;
      if (element && element.scrollHeight <= element.clientHeight) setNearTop(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [opened, rows.length]);

  const { hasOlder, loadingOlder, loadOlder } = chat;
  useEffect(() => {
    if (!opened || !hasOlder || loadingOlder || !nearTop) return;
    // One page per approach to the top: the reader's place is kept below the new rows, and the
    // next scroll up (or a box the history still does not fill) asks for the next one.
    setNearTop(false);
    void loadOlder();
  }, [opened, hasOlder, loadingOlder, nearTop, loadOlder]);

  // Whether the reader is at the newest message, and the newest one they have seen.
  const [atEnd, setAtEnd] = useState(true);
  const newest = newestMessageKey(chat.entries);
  const [seen, setSeen] = useState<string | null>(null);
  useEffect(() => {
    if (atEnd && seen !== newest) setSeen(newest);
  }, [atEnd, newest, seen]);
  const unseen = !atEnd && newest !== seen ? countAfter(chat.entries, seen) : 0;
  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    setAtEnd(element.scrollHeight - element.scrollTop - element.clientHeight <= AT_END_PX);
    setNearTop(element.scrollTop <= NEAR_TOP_PX);
  };
  const toEnd = () => {
    if (rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    setAtEnd(true);
  };

  // After the viewer's own message, the list goes to the end whatever was being read.
  const [followOwn, setFollowOwn] = useState(false);
  useLayoutEffect(() => {
    if (!followOwn) return;
    setFollowOwn(false);
    if (rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [followOwn, rows.length, virtualizer]);

  const announcement = useArrivalAnnouncement(chat.entries, chat.loaded, viewerId);
  const banner = props.ended ? null : chatModeBanner(props.chatMode, props.chatSlowModeSeconds, props.onStage);

  const send = async (text: string): Promise<string | null | 'sent'> => {
    const outcome = await chat.send(text);
    if (outcome.ok) {
      setFollowOwn(true);
      return 'sent';
    }
    const sentence = chatSendErrorText(outcome.error, props.chatMode, props.chatSlowModeSeconds);
    if (sentence === null) props.showError(outcome.error);
    return sentence;
  };

  return (
    <section className="card chat" aria-labelledby={titleId} data-testid="chat-panel">
      <h2 id={titleId}>Chat</h2>
      {props.settings}
      <div className="chat-frame">
        {/* Focusable, so the keyboard scrolls it (and reaches older messages) like a mouse wheel. */}
        <div
          ref={scrollRef}
          className="chat-scroll"
          data-testid="chat-messages"
          role="region"
          aria-label="Chat messages"
          tabIndex={0}
          onScroll={onScroll}
          onKeyDown={(event) => {
            // Home and End go to the first and last message loaded, measured as they are drawn
            // (the browser's own jump would use the rows' estimated heights).
            if (event.key !== 'Home' && event.key !== 'End') return;
            event.preventDefault();
            if (event.key === 'End') toEnd();
            else if (rows.length > 0) virtualizer.scrollToIndex(0, { align: 'start' });
          }}
        >
          {chat.loaded && rows.length === 0 && <p className="muted small chat-empty">No messages yet.</p>}
          <div role={rows.length > 0 ? 'list' : undefined} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="chat-row" style={{ transform: `translateY(${item.start}px)` }}>
                  {row.kind === 'sampledOut' ? (
                    <p className="muted small chat-sampled" role="listitem" data-testid="chat-sampled-out">
                      {row.count.toLocaleString('en')} more {row.count === 1 ? 'message' : 'messages'} not shown
                    </p>
                  ) : (
                    <ChatMessageRow
                      message={row.message}
                      viewerId={viewerId}
                      canDelete={!row.message.deleted && (props.moderating || row.message.author.id === viewerId)}
                      onDelete={setDeleting}
                      // A deleted message stays reportable: someone may have read it before it went.
                      onReport={row.message.author.id === viewerId ? undefined : props.onReport}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {loadingOlder && (
          <p className="chat-older small" role="status">
            Loading older messages…
          </p>
        )}
        {unseen > 0 && (
          <button type="button" className="button button-small chat-jump" onClick={toEnd}>
            {unseen} new {unseen === 1 ? 'message' : 'messages'} ↓
          </button>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="chat-announcement">
        {announcement}
      </p>
      {banner && (
        <p className={`chat-banner chat-banner-${props.chatMode.toLowerCase()}`} id={bannerId} data-testid="chat-mode-banner">
          {banner}
        </p>
      )}
      {props.ended ? (
        <p className="muted small">The room has ended: its chat is read only. You can still delete a message.</p>
      ) : props.inRoom ? (
        <ChatComposer people={props.people} viewerId={viewerId} sending={chat.sending} describedBy={banner ? bannerId : undefined} onSend={send} />
      ) : (
        <p className="muted small">Join the room to write in the chat.</p>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this message?"
          message={deleting.author.id === viewerId ? 'Your message is replaced by "Message deleted" for everyone.' : `${deleting.author.displayName}'s message is replaced by "Message deleted" for everyone.`}
          confirmLabel="Delete message"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const message = deleting;
            setDeleting(null);
            void chat.remove(message);
          }}
        />
      )}
    </section>
  );
}

function countAfter(entries: readonly ChatEntry[], key: string | null): number {
  const from = key === null ? -1 : entries.findIndex((entry) => entry.key === key);
  return entries.slice(from + 1).filter((entry) => entry.kind === 'message').length;
}

/**
 * What a screen reader hears when messages from others arrive at the end (not when history
 * loads): the latest one, and how many came with it.
 */
function useArrivalAnnouncement(entries: readonly ChatEntry[], loaded: boolean, viewerId: string): string {
  const [text, setText] = useState('');
  const previous = useRef<string | null | undefined>(undefined);
  const newest = newestMessageKey(entries);
  useEffect(() => {
    if (!loaded) return;
    const before = previous.current;
    previous.current = newest;
    // The first page, or nothing new at the end.
    if (before === undefined || before === newest || newest === null) return;
    const from = before === null ? -1 : entries.findIndex((entry) => entry.key === before);
    if (before !== null && from === -1) return;
    const arrived = entries.slice(from + 1).flatMap((entry) => (entry.kind === 'message' && entry.message.author.id !== viewerId && !entry.message.deleted ? [entry.message] : []));
    const latest = arrived[arrived.length - 1];
    if (!latest) return;
    const more = arrived.length > 1 ? `${arrived.length} new messages. Latest: ` : '';
    setText(`${more}${latest.author.displayName}: ${latest.text}`);
  }, [entries, loaded, newest, viewerId]);
  return text;
}

function ChatMessageRow(props: { message: ChatMessage; viewerId: string; canDelete: boolean; onDelete(message: ChatMessage): void; onReport?: ((message: ChatMessage) => void) | undefined }) {
  const { message, viewerId } = props;
  const mine = message.author.id === viewerId;
  const mentionsMe = !message.deleted && message.mentions.some((profile) => profile.id === viewerId);
  const time = new Date(message.createdAt);
  const from = mine ? 'your message' : `message from ${message.author.displayName}`;
  const classes = ['chat-message', mine && 'chat-mine', mentionsMe && 'chat-mentions-me', message.deleted && 'chat-deleted'].filter(Boolean).join(' ');
  return (
    <div className={classes} role="listitem" data-testid="chat-message" data-message-id={message.id} data-deleted={message.deleted}>
      <Avatar profile={message.author} size="tiny" />
      <div className="chat-body">
        <p className="chat-meta small">
          <strong>{mine ? 'You' : message.author.displayName}</strong>{' '}
          <time className="muted" dateTime={message.createdAt} title={time.toLocaleString()}>
            {time.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
          </time>
          {mentionsMe && <span className="chat-mention-badge">Mentions you</span>}
        </p>
        {message.deleted ? (
          <p className="chat-text muted">
            <em>Message deleted</em>
          </p>
        ) : (
          <p className="chat-text">
            {splitMentions(message.text, message.mentions).map((part, index) =>
              part.kind === 'text' ? (
                part.text
              ) : (
                <span key={index} className={`mention${part.profile.id === viewerId ? ' mention-me' : ''}`} data-testid="mention">
                  {part.text}
                </span>
              ),
            )}
          </p>
        )}
        {(props.canDelete || props.onReport) && (
          <div className="chat-actions small">
            {props.canDelete && (
              <button type="button" className="link-button" onClick={() => props.onDelete(message)}>
                Delete<span className="visually-hidden"> {from}</span>
              </button>
            )}
            {props.onReport && (
              <button type="button" className="link-button" onClick={() => props.onReport?.(message)}>
                Report<span className="visually-hidden"> {from}</span>
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

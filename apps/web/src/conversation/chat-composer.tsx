import { CHAT_LIMITS } from '@roundtable/domain';
import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';

import { Avatar } from '../components/avatar';
import { mentionHandleFor, type MentionedProfile, mentionQueryAt, mentionSuggestions } from './mention-text';

export const CHAT_TEXT_MAX = CHAT_LIMITS.textMax;

/**
 * The chat's send box: 1–1000 characters with a counter, Enter sends and Shift+Enter starts a new
 * line, and `@` offers the people in the room (arrow keys choose, Enter or Tab inserts, Escape
 * closes). The text is cleared only when the message was taken; a refused one stays in the box
 * with the sentence about it (`onSend` resolves to it) under the field.
 */
export function ChatComposer(props: {
  people: readonly MentionedProfile[];
  viewerId: string;
  sending: boolean;
  /** The mode's banner, read with the field. */
  describedBy?: string | undefined;
  onSend(text: string): Promise<string | null | 'sent'>;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once the text a mention was inserted into is committed. */
  const pendingCaret = useRef<number | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const remaining = CHAT_TEXT_MAX - [...text].length;

  const query = mentionQueryAt(text, caret);
  const suggestions = query && dismissedAt !== query.start ? mentionSuggestions(props.people, query.query, props.viewerId) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  const insert = (person: MentionedProfile) => {
    if (!query) return;
    const handle = `${mentionHandleFor(person)} `;
    const next = text.slice(0, query.start) + handle + text.slice(caret);
    const at = query.start + handle.length;
    setText(next);
    setCaret(at);
    setActive(0);
    // Placed as soon as React has committed the new text (a layout effect, before the next key is
    // handled): a caret set on a later frame moved back over whatever was typed meanwhile.
    pendingCaret.current = at;
  };

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null) return;
    pendingCaret.current = null;
    ref.current?.focus();
    ref.current?.setSelectionRange(at, at);
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') {
      setError('Write a message first.');
      return;
    }
    void props.onSend(text.trim()).then((outcome) => {
      if (outcome === 'sent') {
        setText('');
        setCaret(0);
        setError(null);
      } else setError(outcome);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = suggestions[activeIndex];
        if (person) {
          event.preventDefault();
          insert(person);
          return;
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(query?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!props.sending) submit();
    }
  };

  const describedBy = [props.describedBy, `${id}-counter`, error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <form className="chat-composer" onSubmit={submit} data-testid="chat-composer">
      <label htmlFor={`${id}-text`}>Your message</label>
      <div className="chat-composer-field">
        <textarea
          ref={ref}
          id={`${id}-text`}
          name="message"
          rows={2}
          maxLength={CHAT_TEXT_MAX}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={open ? `${id}-people` : undefined}
          aria-activedescendant={open ? `${id}-person-${activeIndex}` : undefined}
          onKeyDown={onKeyDown}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
            if (error) setError(null);
          }}
        />
        {open && (
          <ul className="mention-options" id={`${id}-people`} role="listbox" aria-label="People in the room">
            {suggestions.map((person, index) => (
              <li
                key={person.id}
                id={`${id}-person-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className="mention-option"
                // mousedown, not click: the field keeps its focus and caret.
                onMouseDown={(event) => {
                  event.preventDefault();
                  insert(person);
                }}
              >
                <Avatar profile={person} size="tiny" /> <span>{person.displayName}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <span id={`${id}-hint`} className="visually-hidden">
        Enter sends, Shift+Enter starts a new line. Type @ to mention someone in the room.
      </span>
      <span className="visually-hidden" aria-live="polite">
        {open ? `${suggestions.length} ${suggestions.length === 1 ? 'person matches' : 'people match'}; up and down to choose, Enter to insert.` : ''}
      </span>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="chat-error">
          {error}
        </p>
      )}
      <div className="raise-hand-footer">
        <span id={`${id}-counter`} className={`counter${remaining < 50 ? ' counter-low' : ''}`} aria-live="polite">
          {remaining} characters left
        </span>
        <button type="submit" className="button button-primary button-small" disabled={props.sending}>
          Send
        </button>
      </div>
    </form>
  );
}

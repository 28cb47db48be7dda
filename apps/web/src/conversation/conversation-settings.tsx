import { CHAT_LIMITS } from '@roundtable/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';

import { ApiError } from '../api/api-error';
import { FIELD_LABELS, labelForField } from '../api/field-labels';
import { UPDATE_ROOM_CONVERSATION } from '../api/operations';
import { useSession } from '../app/session';
import type { ChatMode } from '../gql/graphql';
import type { PinnedLink } from '../room/room-types';
import { safeLinkUrl } from './safe-link';

const MODES: readonly { value: ChatMode; label: string }[] = [
  { value: 'OPEN', label: 'Everyone in the room' },
  { value: 'SLOW', label: 'Everyone, in slow mode' },
  { value: 'STAGE_ONLY', label: 'Only the stage' },
  { value: 'OFF', label: 'No one (chat off)' },
];

interface LinkDraft {
  readonly key: number;
  readonly url: string;
  readonly title: string;
}

interface Draft {
  readonly chatMode: ChatMode;
  readonly seconds: string;
  readonly links: readonly LinkDraft[];
}

let nextLinkKey = 1;
const draftOf = (mode: ChatMode, seconds: number, links: readonly PinnedLink[]): Draft => ({
  chatMode: mode,
  seconds: String(seconds),
  links: links.map((link) => ({ key: nextLinkKey++, url: link.url, title: link.title ?? '' })),
});

/**
 * Host and moderators: who writes in the chat (everyone, slow mode with its seconds, only the
 * stage, or no one) and the room's pinned links (at most 5, http and https only, each with an
 * optional title), saved together as one `updateRoomConversation`. Every page in the room follows
 * through RoomConversationChanged. A refused form keeps what was entered, with the server's
 * sentence under the field it names. Question screening stays in the queue, beside the questions.
 */
export function ConversationSettings(props: { roomId: string; chatMode: ChatMode; chatSlowModeSeconds: number; pinnedLinks: readonly PinnedLink[] }) {
  const { api, showError } = useSession();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.chatMode, props.chatSlowModeSeconds, props.pinnedLinks));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [saved, setSaved] = useState(false);

  // Another moderator's change shows here unless this form has unsaved edits.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(props.chatMode, props.chatSlowModeSeconds, props.pinnedLinks));
  }, [dirty, props.chatMode, props.chatSlowModeSeconds, props.pinnedLinks]);

  const edit = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setDirty(true);
    setSaved(false);
    setErrors({});
  };
  const editLink = (key: number, change: Partial<LinkDraft>) => edit({ links: draft.links.map((link) => (link.key === key ? { ...link, ...change } : link)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const links = draft.links.filter((link) => link.url.trim() !== '' || link.title.trim() !== '');
    const badLink = links.find((link) => !safeLinkUrl(link.url));
    const seconds = Number(draft.seconds);
    const found: Record<string, string> = {};
    if (badLink) found['pinnedLinks'] = `${badLink.url.trim() || 'An empty link'} is not an http or https link; only those can be pinned.`;
    if (draft.chatMode === 'SLOW' && !(Number.isInteger(seconds) && seconds >= CHAT_LIMITS.slowModeSecondsMin && seconds <= CHAT_LIMITS.slowModeSecondsMax)) {
      found['chatSlowModeSeconds'] = `${FIELD_LABELS['chatSlowModeSeconds']}: a whole number from ${CHAT_LIMITS.slowModeSecondsMin} to ${CHAT_LIMITS.slowModeSecondsMax}.`;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      await api.mutate(UPDATE_ROOM_CONVERSATION, {
        input: {
          roomId: props.roomId,
          chatMode: draft.chatMode,
          ...(draft.chatMode === 'SLOW' ? { chatSlowModeSeconds: seconds } : {}),
          pinnedLinks: links.map((link) => ({ url: link.url.trim(), title: link.title.trim() || null })),
        },
      });
      setDirty(false);
      setSaved(true);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      // Screening names a link's URL or title by its place in the list sent (`pinnedLinks.0.title`,
      // read "Title (item 1 of pinned links)"); the form names it by its row.
      const shown = Object.fromEntries(
        Object.entries(fieldErrors).map(([field, message]) => {
          const item = /^pinnedLinks\.(\d+)\.(title|url)$/.exec(field);
          if (!item) return [field, message];
          const row = draft.links.indexOf(links[Number(item[1])] as LinkDraft) + 1;
          return ['pinnedLinks', message.replace(labelForField(field), item[2] === 'title' ? `The title of link ${row}` : `Link ${row}`)];
        }),
      );
      if (shown['chatMode'] || shown['chatSlowModeSeconds'] || shown['pinnedLinks']) setErrors(shown);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`} role="alert" data-testid={`settings-error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const full = draft.links.length >= CHAT_LIMITS.pinnedLinksMax;

  return (
    <details className="chat-settings" data-testid="conversation-settings">
      <summary>Conversation settings</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={`${id}-mode`}>{FIELD_LABELS['chatMode']}</label>
        <select id={`${id}-mode`} value={draft.chatMode} aria-describedby={errors['chatMode'] ? `${id}-chatMode-error` : undefined} onChange={(event) => edit({ chatMode: event.target.value as ChatMode })}>
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
        {errorFor('chatMode')}
        {draft.chatMode === 'SLOW' && (
          <>
            <label htmlFor={`${id}-seconds`}>{FIELD_LABELS['chatSlowModeSeconds']}</label>
            <input
              id={`${id}-seconds`}
              type="number"
              inputMode="numeric"
              min={CHAT_LIMITS.slowModeSecondsMin}
              max={CHAT_LIMITS.slowModeSecondsMax}
              value={draft.seconds}
              aria-invalid={Boolean(errors['chatSlowModeSeconds'])}
              aria-describedby={errors['chatSlowModeSeconds'] ? `${id}-chatSlowModeSeconds-error` : undefined}
              onChange={(event) => edit({ seconds: event.target.value })}
            />
            {errorFor('chatSlowModeSeconds')}
          </>
        )}
        <fieldset className="pinned-editor" aria-describedby={errors['pinnedLinks'] ? `${id}-pinnedLinks-error` : `${id}-links-hint`}>
          <legend>{FIELD_LABELS['pinnedLinks']}</legend>
          <p className="hint" id={`${id}-links-hint`}>
            At most {CHAT_LIMITS.pinnedLinksMax}, http or https, shown to everyone in the room.
          </p>
          {draft.links.map((link, index) => (
            <div key={link.key} className="pinned-editor-row">
              <label htmlFor={`${id}-url-${link.key}`}>Link {index + 1}</label>
              <input id={`${id}-url-${link.key}`} type="url" inputMode="url" placeholder="https://" value={link.url} aria-invalid={Boolean(errors['pinnedLinks'])} onChange={(event) => editLink(link.key, { url: event.target.value })} />
              <label htmlFor={`${id}-title-${link.key}`}>Title of link {index + 1} (optional)</label>
              <input id={`${id}-title-${link.key}`} maxLength={CHAT_LIMITS.pinnedLinkTitleMax} value={link.title} onChange={(event) => editLink(link.key, { title: event.target.value })} />
              <button type="button" className="link-button small" onClick={() => edit({ links: draft.links.filter((other) => other.key !== link.key) })}>
                Remove link {index + 1}
              </button>
            </div>
          ))}
          {errorFor('pinnedLinks')}
          <button type="button" className="button button-small" disabled={full} onClick={() => edit({ links: [...draft.links, { key: nextLinkKey++, url: '', title: '' }] })}>
            {full ? `${CHAT_LIMITS.pinnedLinksMax} links pinned (the most)` : 'Add a link'}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary button-small">
            {busy ? 'Saving…' : 'Save settings'}
          </button>
          {saved && (
            <span className="muted small" role="status">
              Saved. Everyone in the room sees the change.
            </span>
          )}
        </div>
      </form>
    </details>
  );
}

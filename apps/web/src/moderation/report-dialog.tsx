import { useEffect, useId, useRef, useState } from 'react';

import { REPORT_ABUSE } from '../api/operations';
import { useSession } from '../app/session';
import type { ReportCategory } from '../gql/graphql';
import { REPORT_CATEGORIES } from './moderation-labels';
import { reportErrorMessage } from './report-errors';

/** The API's limit on a report's details (characters). */
export const REPORT_DETAILS_MAX = 1000;

/**
 * Report a participant (or the room, without one), a question asked in the room, or a chat
 * message, to trust and safety: a category, optional details, then a confirmation in words. A
 * native modal <dialog>: focus trapped, Escape closes. A question's or a message's report quotes
 * it (the server keeps its text, and a message's neighbours, as evidence, and knows its author,
 * even an anonymous asker).
 */
export function ReportDialog(props: {
  roomId: string;
  target: { readonly id: string; readonly displayName: string } | null;
  question?: { readonly id: string; readonly text: string } | undefined;
  /** A chat message: the server keeps it and the messages around it as evidence. */
  chatMessage?: { readonly id: string; readonly text: string; readonly authorName: string } | undefined;
  onClose(): void;
}) {
  const { api } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detailsId = useId();
  const errorId = useId();
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [details, setDetails] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const question = props.question ?? null;
  const chatMessage = props.chatMessage ?? null;
  const name = question ? 'this question' : chatMessage ? 'this message' : (props.target?.displayName ?? 'this room');
  const quoted = question?.text ?? chatMessage?.text ?? null;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async () => {
    if (!category) {
      setError('Please choose what is wrong.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const trimmed = details.trim();
      const common = { roomId: props.roomId, category, details: trimmed === '' ? null : trimmed };
      await api.mutate(REPORT_ABUSE, {
        input: chatMessage
          ? { ...common, chatMessageId: chatMessage.id }
          : question
            ? { ...common, questionId: question.id }
            : { ...common, profileId: props.target?.id ?? null },
      });
      setSent(true);
    } catch (failure) {
      setError(reportErrorMessage(failure, question ? 'question' : chatMessage ? 'message' : 'person'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog report-dialog"
      aria-labelledby={titleId}
      data-testid="report-dialog"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>Report {name}</h2>
      {quoted !== null && (
        <blockquote className="reported-question">
          {chatMessage && <span className="muted small">{chatMessage.authorName}: </span>}
          {quoted}
        </blockquote>
      )}
      {sent ? (
        <>
          <p role="status" data-testid="report-sent">
            Thank you. Your report about {name} was sent to trust and safety staff, who review every report. {question ? 'Its asker is not told who reported it.' : chatMessage ? `${chatMessage.authorName} is not told who reported it.` : props.target ? `${props.target.displayName} is not told who reported them.` : ''}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={props.onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <fieldset className="report-categories" aria-describedby={error ? errorId : undefined}>
            <legend>What is wrong?</legend>
            {REPORT_CATEGORIES.map((option) => (
              <label key={option.value} className="radio">
                <input type="radio" name="category" value={option.value} checked={category === option.value} onChange={() => setCategory(option.value)} />
                <span>
                  <strong>{option.label}</strong> <span className="muted small">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label htmlFor={detailsId}>Details (optional)</label>
          <textarea id={detailsId} rows={3} maxLength={REPORT_DETAILS_MAX} value={details} onChange={(event) => setDetails(event.target.value)} />
          {error && (
            <p className="field-error" id={errorId} role="alert" data-testid="report-error">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-danger" disabled={busy}>
              {busy ? 'Sending…' : 'Send report'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

import { QUESTION_LIMITS } from '@roundtable/domain';
import { type FormEvent, useId, useState } from 'react';

import type { AskOutcome, AskQuestionFields } from './use-question-commands';

export const ASK_TEXT_MAX = QUESTION_LIMITS.textMax;

/**
 * Ask the stage a question: its text (1–500 characters, with a counter), whether to stay
 * anonymous to the room, and, for a listener, whether to ask it in person (which raises the hand).
 * What the person typed is cleared only when the question was taken: a refused one stays in the
 * box, with the server's sentence about it under the field.
 */
export function AskQuestionForm(props: { canAskInPerson: boolean; busy: boolean; onAsk(fields: AskQuestionFields): Promise<AskOutcome> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [askInPerson, setAskInPerson] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remaining = ASK_TEXT_MAX - text.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Write your question first.');
      return;
    }
    void props.onAsk({ text: text.trim(), anonymous, askInPerson: props.canAskInPerson && askInPerson }).then((outcome) => {
      if (outcome.ok) {
        setText('');
        setAskInPerson(false);
        setError(null);
      } else setError(outcome.textError);
    });
  };

  return (
    <form className="ask-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Ask the stage</h3>
      <label htmlFor={`${id}-text`}>Your question</label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={2}
        maxLength={ASK_TEXT_MAX}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-counter${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          if (error) setError(null);
        }}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="ask-error">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        <span>
          Ask anonymously <span className="muted small">(the host and moderators still see who asked)</span>
        </span>
      </label>
      {props.canAskInPerson && (
        <label className="checkbox">
          <input type="checkbox" checked={askInPerson} onChange={(event) => setAskInPerson(event.target.checked)} />
          <span>
            Ask it in person <span className="muted small">(raises your hand to come on stage)</span>
          </span>
        </label>
      )}
      <div className="raise-hand-footer">
        <span id={`${id}-counter`} className={`counter${remaining < 20 ? ' counter-low' : ''}`} aria-live="polite">
          {remaining} characters left
        </span>
        <button type="submit" className="button button-primary" disabled={props.busy}>
          Ask
        </button>
      </div>
    </form>
  );
}

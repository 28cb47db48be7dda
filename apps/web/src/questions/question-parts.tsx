import { type KeyboardEvent, type ReactNode, useRef } from 'react';

import { HandIcon } from '../components/icons';
import type { Question, QuestionStatus } from './question-list';

/** Who asked, as the viewer may know it: "you", the asker's name, or "Anonymous". */
export function askerLabel(question: Question, viewerId: string): string {
  if (question.asker?.id === viewerId) return question.anonymous ? 'You (anonymously)' : 'You';
  if (!question.asker) return 'Anonymous';
  return question.anonymous ? `${question.asker.displayName} (anonymous to the room)` : question.asker.displayName;
}

/** "Tom Becker's question", "your question", "an anonymous question": for buttons' accessible names. */
export function questionName(question: Question, viewerId: string): string {
  if (question.asker?.id === viewerId) return 'your question';
  return question.asker ? `${question.asker.displayName}'s question` : 'an anonymous question';
}

/**
 * The status in words, for the people who see it: a PENDING question reads "Waiting for the host"
 * to its asker and "Needs approval" to the host; an OPEN one needs no badge.
 */
export function statusLabel(status: QuestionStatus, forHost: boolean): string | null {
  switch (status) {
    case 'PENDING':
      return forHost ? 'Needs approval' : 'Waiting for the host';
    case 'ANSWERING':
      return 'Answering now';
    case 'ANSWERED':
      return 'Answered';
    case 'CLOSED':
      return 'Closed';
    case 'OPEN':
      return null;
  }
}

/** The question's text, who asked it, its badges, and the duplicates merged into it. */
export function QuestionBody(props: { question: Question; viewerId: string; forHost: boolean }) {
  const { question } = props;
  const status = statusLabel(question.status, props.forHost);
  const merged = question.mergedQuestions;
  return (
    <div className="question-body">
      <p className="question-text">{question.text}</p>
      <p className="question-meta small">
        <span className="muted">{askerLabel(question, props.viewerId)}</span>
        {status && <span className={`question-status question-status-${question.status.toLowerCase()}`}>{status}</span>}
        {question.askInPerson && (
          <span className="question-in-person">
            <HandIcon size={12} /> Wants to ask in person
          </span>
        )}
      </p>
      {merged.length > 0 && (
        <details className="question-merged">
          <summary>
            +{merged.length} similar<span className="visually-hidden"> {merged.length === 1 ? 'question' : 'questions'} merged into this one</span>
          </summary>
          <ul>
            {merged.map((duplicate) => (
              <li key={duplicate.id}>{duplicate.text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * The upvote toggle: pressed when the viewer has upvoted. Votes are taken on OPEN and ANSWERING
 * questions; elsewhere the count shows as text.
 */
export function VoteButton(props: { question: Question; viewerId: string; disabled: boolean; onVote(question: Question, up: boolean): void }) {
  const { question } = props;
  const count = question.upvoteCount;
  const unit = count === 1 ? 'vote' : 'votes';
  if (question.status !== 'OPEN' && question.status !== 'ANSWERING') {
    return (
      <span className="vote vote-static" data-testid="upvote-count">
        <span aria-hidden="true">▲</span> {count.toLocaleString('en')}
        <span className="visually-hidden"> {unit}</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`vote${question.viewerHasUpvoted ? ' vote-on' : ''}`}
      aria-pressed={question.viewerHasUpvoted}
      disabled={props.disabled}
      data-testid="upvote"
      onClick={() => props.onVote(question, !question.viewerHasUpvoted)}
    >
      <span className="visually-hidden">Upvote {questionName(question, props.viewerId)}, </span>
      <span aria-hidden="true">▲</span> <span data-testid="upvote-count">{count.toLocaleString('en')}</span>
      <span className="visually-hidden"> {unit}</span>
    </button>
  );
}

/**
 * A row of tabs (WAI-ARIA tabs: arrow keys, Home and End move between them, the chosen one is
 * the only one in the tab order) over one panel, `children`.
 */
export function Tabs<T extends string>(props: { label: string; idPrefix: string; tabs: readonly { value: T; label: string }[]; value: T; onChange(value: T): void; children: ReactNode }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = props.tabs.findIndex((tab) => tab.value === props.value);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = props.tabs.length - 1;
    const target = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    const tab = target === null ? undefined : props.tabs[target];
    if (target === null || !tab) return;
    event.preventDefault();
    props.onChange(tab.value);
    refs.current[target]?.focus();
  };
  return (
    <>
      <div className="question-tabs" role="tablist" aria-label={props.label}>
        {props.tabs.map((tab, index) => (
          <button
            key={tab.value}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${props.idPrefix}-tab-${tab.value}`}
            aria-selected={index === current}
            aria-controls={`${props.idPrefix}-panel`}
            tabIndex={index === current ? 0 : -1}
            className="question-tab"
            onClick={() => props.onChange(tab.value)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${props.idPrefix}-panel`} aria-labelledby={`${props.idPrefix}-tab-${props.value}`}>
        {props.children}
      </div>
    </>
  );
}

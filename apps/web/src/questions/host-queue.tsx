import { useEffect, useId, useRef, useState } from 'react';

import { Avatar } from '../components/avatar';
import { HandIcon } from '../components/icons';
import type { Participant } from '../room/room-types';
import type { ConversationTickListener } from '../conversation/use-conversation-ticks';
import type { RoomEventListener } from '../room/use-live-room';
import { hostQueueEntries, type QueueEntry } from './host-queue-entries';
import type { Question, QuestionOrder, QuestionView } from './question-list';
import { QuestionBody, questionName, Tabs } from './question-parts';
import { type QuestionCommands, useQuestionCommands } from './use-question-commands';
import { useQuestionList } from './use-question-list';
import { LoadMoreButton } from './load-more';

/** The host's queue lists what still needs them: waiting for approval, open, being answered. */
const HOST_VIEWS: Readonly<Record<QuestionOrder, QuestionView>> = {
  TOP: { statuses: ['PENDING', 'OPEN', 'ANSWERING'], order: 'TOP' },
  NEWEST: { statuses: ['PENDING', 'OPEN', 'ANSWERING'], order: 'NEWEST' },
};

const TABS: readonly { value: QuestionOrder; label: string }[] = [
  { value: 'TOP', label: 'Top' },
  { value: 'NEWEST', label: 'Newest' },
];

/**
 * Host and moderators: the raised hands and the questions as one queue. Screen new questions
 * (approve or reject each), answer one (optionally inviting its asker to the stage, who must still
 * accept), mark it answered, dismiss it, or merge duplicates: tick them, then "Merge into…" and
 * choose the one to keep. A hand raised with no question is invited or dismissed as before.
 */
export function HostQueue(props: {
  roomId: string;
  viewerId: string;
  hands: readonly Participant[];
  /** Profiles on stage now: their questions are answered without an invitation. */
  onStage: ReadonlySet<string>;
  screensQuestions: boolean;
  /** The room commands are running (invite, dismiss a hand). */
  busy: boolean;
  onInviteHand(target: Participant): void;
  onDismissHand(target: Participant): void;
  onRoomEvent(listener: RoomEventListener): () => void;
  /** The conversation's ticks: their vote counts move the list. */
  onTick(listener: ConversationTickListener): () => void;
  onReport(question: Question): void;
}) {
  const titleId = useId();
  const [order, setOrder] = useState<QuestionOrder>('TOP');
  const list = useQuestionList(props.roomId, HOST_VIEWS[order], props.onRoomEvent, props.onTick, true);
  const commands = useQuestionCommands(props.roomId, list.questionReturned);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState(false);
  // The switch shows what the host chose at once (back, if refused); the room's event confirms it
  // for every page.
  const [screening, setScreening] = useState<boolean | null>(null);
  const screens = screening ?? props.screensQuestions;
  useEffect(() => {
    if (screening === props.screensQuestions) setScreening(null);
  }, [screening, props.screensQuestions]);

  const entries = hostQueueEntries(list.items, props.hands, order);
  const selectedQuestions = list.items.filter((item) => selected.has(item.id));
  const busy = props.busy || commands.busy;
  const toggle = (question: Question, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(question.id);
      else next.delete(question.id);
      return next;
    });

  return (
    <section className="card queue" aria-labelledby={titleId} data-testid="host-queue">
      <h2 id={titleId}>
        Queue <span className="count">{(list.totalCount + entries.filter((entry) => entry.kind === 'hand').length).toLocaleString('en')}</span>
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={screens}
          disabled={busy}
          onChange={(event) => {
            const wanted = event.target.checked;
            setScreening(wanted);
            void commands.setScreening(wanted).then((ok) => !ok && setScreening(null));
          }}
        />
        <span>
          Screen questions <span className="muted small">(approve each before the room sees it)</span>
        </span>
      </label>
      <Tabs<QuestionOrder> label="Order the queue" idPrefix={titleId} tabs={TABS} value={order} onChange={setOrder}>
        {selectedQuestions.length > 0 && (
          <div className="merge-bar" role="group" aria-label="Merge duplicates">
            <span className="small">{selectedQuestions.length} selected</span>
            <button type="button" className="button button-small" disabled={busy || selectedQuestions.length < 2} onClick={() => setMerging(true)}>
              Merge into…
            </button>
            <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          </div>
        )}
        {!list.firstLoad && entries.length === 0 && <p className="muted">No one is waiting to speak, and no question is waiting.</p>}
        {selectedQuestions.length === 0 && list.items.length > 1 && <p className="hint">Tick two or more questions to merge duplicates.</p>}
        <ol className="queue-list" data-testid="raised-hands" aria-live="polite" aria-label="Questions and raised hands">
          {entries.map((entry) => (
            <QueueLine
              key={entry.key}
              entry={entry}
              viewerId={props.viewerId}
              busy={busy}
              commands={commands}
              selected={entry.kind === 'question' && selected.has(entry.question.id)}
              onSelect={toggle}
              onStage={props.onStage}
              onInviteHand={props.onInviteHand}
              onDismissHand={props.onDismissHand}
              onReport={props.onReport}
            />
          ))}
        </ol>
        <LoadMoreButton list={list} />
      </Tabs>
      {merging && (
        <MergeDialog
          questions={selectedQuestions}
          viewerId={props.viewerId}
          onCancel={() => setMerging(false)}
          onMerge={(into) => {
            setMerging(false);
            void commands.merge(into, selectedQuestions.filter((q) => q.id !== into.id)).then((ok) => ok && setSelected(new Set()));
          }}
        />
      )}
    </section>
  );
}

function QueueLine(props: {
  entry: QueueEntry;
  viewerId: string;
  busy: boolean;
  commands: QuestionCommands;
  selected: boolean;
  onSelect(question: Question, on: boolean): void;
  onStage: ReadonlySet<string>;
  onInviteHand(target: Participant): void;
  onDismissHand(target: Participant): void;
  onReport(question: Question): void;
}) {
  const { entry, busy, commands, viewerId } = props;
  const hand = entry.hand;
  const handActions = hand && (
    <>
      {entry.kind === 'question' && (
        <span className="hand-line small">
          <HandIcon size={12} /> Hand raised:
        </span>
      )}
      {hand.invitedToStageAt === null ? (
        <button type="button" className="button button-small" disabled={busy} aria-label={`Invite ${hand.profile.displayName} to the stage`} onClick={() => props.onInviteHand(hand)}>
          Invite
        </button>
      ) : (
        <span className="muted small">Invited, waiting for an answer</span>
      )}
      <button type="button" className="button button-small" disabled={busy} aria-label={`Dismiss ${hand.profile.displayName}'s hand`} onClick={() => props.onDismissHand(hand)}>
        Dismiss
      </button>
    </>
  );
  if (entry.kind === 'hand') {
    const name = entry.hand.profile.displayName;
    return (
      <li className="queue-item" data-testid="raised-hand">
        <Avatar profile={entry.hand.profile} size="medium" />
        <div className="queue-text">
          <strong>{name}</strong>
          {entry.hand.profile.headline && <span className="muted small">{entry.hand.profile.headline}</span>}
          {entry.hand.handRaiseQuestion ? <q className="question">{entry.hand.handRaiseQuestion}</q> : <span className="muted small">Raised a hand, no question given</span>}
          <div className="queue-actions">{handActions}</div>
        </div>
      </li>
    );
  }
  const { question } = entry;
  const name = questionName(question, viewerId);
  return (
    <li className={`queue-item${question.status === 'ANSWERING' ? ' question-answering' : ''}`} data-testid={hand ? 'raised-hand' : 'queue-question'} data-question-id={question.id} data-status={question.status}>
      <label className="queue-select">
        <input type="checkbox" checked={props.selected} onChange={(event) => props.onSelect(question, event.target.checked)} />
        <span className="visually-hidden">Select {name} to merge</span>
      </label>
      <div className="queue-text">
        <span className="small queue-votes">
          ▲ {question.upvoteCount.toLocaleString('en')}
          <span className="visually-hidden"> {question.upvoteCount === 1 ? 'vote' : 'votes'}</span>
        </span>
        <QuestionBody question={question} viewerId={viewerId} forHost />
        <div className="queue-actions">
          {question.status === 'PENDING' && (
            <>
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void commands.screen(question, true)}>
                Approve<span className="visually-hidden"> {name}</span>
              </button>
              <button type="button" className="button button-small" disabled={busy} onClick={() => void commands.screen(question, false)}>
                Reject<span className="visually-hidden"> {name}</span>
              </button>
            </>
          )}
          {question.status === 'OPEN' && <AnswerControl question={question} viewerId={viewerId} askerOnStage={question.asker !== null && props.onStage.has(question.asker.id)} busy={busy} onAnswer={(invite) => void commands.answer(question, invite)} />}
          {(question.status === 'OPEN' || question.status === 'ANSWERING') && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => void commands.markAnswered(question)}>
              Mark answered<span className="visually-hidden"> {name}</span>
            </button>
          )}
          <button type="button" className="button button-small" disabled={busy} onClick={() => void commands.dismiss(question)}>
            Dismiss question<span className="visually-hidden"> ({name})</span>
          </button>
          {question.asker?.id !== viewerId && (
            <button type="button" className="link-button small" onClick={() => props.onReport(question)}>
              Report<span className="visually-hidden"> {name}</span>
            </button>
          )}
        </div>
        {handActions && <div className="queue-actions hand-actions">{handActions}</div>}
      </div>
    </li>
  );
}

/**
 * "Answer" with the option to invite the asker to the stage (ticked when they asked to ask in
 * person); the asker is invited, not moved: they must still accept.
 */
function AnswerControl(props: { question: Question; viewerId: string; askerOnStage: boolean; busy: boolean; onAnswer(inviteAsker: boolean): void }) {
  const { question } = props;
  const asker = question.asker;
  const canInvite = asker !== null && asker.id !== props.viewerId && !props.askerOnStage;
  const [invite, setInvite] = useState(question.askInPerson);
  useEffect(() => setInvite(question.askInPerson), [question.askInPerson]);
  return (
    <span className="answer-control">
      <button type="button" className="button button-small button-primary" disabled={props.busy} onClick={() => props.onAnswer(canInvite && invite)}>
        Answer<span className="visually-hidden"> {questionName(question, props.viewerId)}</span>
      </button>
      {canInvite && (
        <label className="checkbox small">
          <input type="checkbox" checked={invite} onChange={(event) => setInvite(event.target.checked)} />
          <span>Invite {asker.displayName} to the stage</span>
        </label>
      )}
    </span>
  );
}

/** Choose which of the ticked questions to keep; the others are merged into it (their votes and askers move over). */
function MergeDialog(props: { questions: readonly Question[]; viewerId: string; onCancel(): void; onMerge(into: Question): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [intoId, setIntoId] = useState(() => [...props.questions].sort((a, b) => b.upvoteCount - a.upvoteCount)[0]?.id ?? null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const into = props.questions.find((q) => q.id === intoId) ?? null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="merge-dialog"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>Merge into…</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (into) props.onMerge(into);
        }}
      >
        <fieldset className="radio-group">
          <legend>Keep this question; the others are merged into it</legend>
          {props.questions.map((question) => (
            <label key={question.id} className="radio">
              <input type="radio" name="into" checked={question.id === intoId} onChange={() => setIntoId(question.id)} />
              <span>
                {question.text} <span className="muted small">({question.upvoteCount} ▲, {questionName(question, props.viewerId)})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!into}>
            Merge {props.questions.length - 1} into it
          </button>
        </div>
      </form>
    </dialog>
  );
}

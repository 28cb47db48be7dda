import { useId, useState } from 'react';

import type { Participant } from '../room/room-types';
import type { ConversationTickListener } from '../conversation/use-conversation-ticks';
import type { RoomEventListener } from '../room/use-live-room';
import { AskQuestionForm } from './ask-question-form';
import { answeringQuestion, type Question, type QuestionView } from './question-list';
import { QuestionBody, questionName, Tabs, VoteButton } from './question-parts';
import { useQuestionCommands } from './use-question-commands';
import { useQuestionList } from './use-question-list';
import { LoadMoreButton } from './load-more';

type AudienceTab = 'TOP' | 'NEWEST' | 'ANSWERED';

/** What each tab lists: the open questions by votes or by time (with the viewer's own waiting ones), or those answered. */
const AUDIENCE_VIEWS: Readonly<Record<AudienceTab, QuestionView>> = {
  TOP: { statuses: ['PENDING', 'OPEN', 'ANSWERING'], order: 'TOP' },
  NEWEST: { statuses: ['PENDING', 'OPEN', 'ANSWERING'], order: 'NEWEST' },
  ANSWERED: { statuses: ['ANSWERED'], order: 'NEWEST' },
};

const TABS: readonly { value: AudienceTab; label: string }[] = [
  { value: 'TOP', label: 'Top' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'ANSWERED', label: 'Answered' },
];

/**
 * Questions for the stage, for everyone who does not run the room: ask one, upvote others, withdraw
 * your own, report one. The list is live (QuestionChanged events) and reads its vote counts again
 * every little while. A question waiting for screening shows only to its asker, as "Waiting for
 * the host".
 */
export function QuestionsPanel(props: {
  roomId: string;
  viewerId: string;
  me: Participant | null;
  live: boolean;
  onRoomEvent(listener: RoomEventListener): () => void;
  /** The conversation's ticks: their vote counts move the list. */
  onTick(listener: ConversationTickListener): () => void;
  onReport(question: Question): void;
}) {
  const { viewerId } = props;
  const titleId = useId();
  const [tab, setTab] = useState<AudienceTab>('TOP');
  const list = useQuestionList(props.roomId, AUDIENCE_VIEWS[tab], props.onRoomEvent, props.onTick, props.live);
  const commands = useQuestionCommands(props.roomId, list.questionReturned);
  const answering = tab === 'ANSWERED' ? null : answeringQuestion(list.items);
  const rest = list.items.filter((item) => item !== answering);

  const item = (question: Question) => {
    const mine = question.asker?.id === viewerId;
    const waiting = question.status === 'PENDING' || question.status === 'OPEN' || question.status === 'ANSWERING';
    return (
      <li key={question.id} className={`question${question.status === 'ANSWERING' ? ' question-answering' : ''}`} data-testid="question" data-question-id={question.id} data-status={question.status}>
        {/* Never disabled while a command runs: a disabled button drops the keyboard focus. A second
            press before the answer sends the same vote again, which the API takes once. */}
        <VoteButton question={question} viewerId={viewerId} disabled={props.me === null} onVote={(q, up) => void commands.vote(q, up)} />
        <div className="question-main">
          <QuestionBody question={question} viewerId={viewerId} forHost={false} />
          <div className="question-actions">
            {mine && waiting && (
              <button type="button" className="link-button" disabled={commands.busy} onClick={() => void commands.withdraw(question)}>
                Withdraw<span className="visually-hidden"> your question</span>
              </button>
            )}
            {!mine && (
              <button type="button" className="link-button" onClick={() => props.onReport(question)}>
                Report<span className="visually-hidden"> {questionName(question, viewerId)}</span>
              </button>
            )}
          </div>
        </div>
      </li>
    );
  };

  return (
    <section className="card questions" aria-labelledby={titleId} data-testid="questions-panel">
      <h2 id={titleId}>
        Questions <span className="count">{list.totalCount.toLocaleString('en')}</span>
      </h2>
      {props.live && props.me ? (
        <AskQuestionForm canAskInPerson={props.me.role === 'LISTENER'} busy={commands.busy} onAsk={commands.ask} />
      ) : (
        props.live && <p className="muted small">Join the room to ask a question or upvote one.</p>
      )}
      <Tabs<AudienceTab> label="Show questions" idPrefix={titleId} tabs={TABS} value={tab} onChange={setTab}>
        {answering && (
          <div className="now-answering">
            <h3 className="small">Now answering</h3>
            <ul className="question-list">{item(answering)}</ul>
          </div>
        )}
        {!list.firstLoad && list.items.length === 0 && <p className="muted">{tab === 'ANSWERED' ? 'No question has been answered yet.' : 'No questions yet. Ask the first one.'}</p>}
        {rest.length > 0 && (
          <ol className="question-list" aria-label={tab === 'ANSWERED' ? 'Answered questions' : 'Questions'}>
            {rest.map(item)}
          </ol>
        )}
        <LoadMoreButton list={list} />
      </Tabs>
    </section>
  );
}

import { participant } from '../room/room-fixtures.test-helper';
import { hostQueueEntries, type QueueEntry } from './host-queue-entries';
import type { Question } from './question-list';

function question(id: string, askerId: string, extra: Partial<Question> = {}): Question {
  return {
    __typename: 'Question',
    id,
    text: `${id}?`,
    status: 'OPEN',
    anonymous: false,
    askInPerson: false,
    upvoteCount: 0,
    viewerHasUpvoted: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    answeredAt: null,
    asker: { __typename: 'Profile', id: askerId, displayName: askerId, headline: null },
    mergedQuestions: [],
    ...extra,
  };
}

const hand = (id: string, at: string) => participant(id, 'LISTENER', { handRaisedAt: at, handRaiseQuestion: null });
const keys = (entries: QueueEntry[]) => entries.map((entry) => (entry.kind === 'hand' ? `hand:${entry.hand.profile.id}` : entry.question.id + (entry.hand ? '+hand' : '')));

describe('the host queue: raised hands and questions as one list', () => {
  it('a hand that asks a listed question in person is shown on it; other hands are lines of their own', () => {
    const questions = [question('q-tom', 'tom', { askInPerson: true, upvoteCount: 2 }), question('q-lea', 'lea', { upvoteCount: 1 })];
    const hands = [hand('tom', '2026-01-01T10:00:01.000Z'), hand('ivy', '2026-01-01T10:00:02.000Z')];
    expect(keys(hostQueueEntries(questions, hands, 'TOP'))).toEqual(['q-tom+hand', 'q-lea', 'hand:ivy']);
  });

  it('the question being answered comes first, then those waiting for approval, then the rest by order', () => {
    const questions = [
      question('q1', 'a', { upvoteCount: 9, createdAt: '2026-01-01T10:00:01.000Z' }),
      question('q2', 'b', { status: 'PENDING', createdAt: '2026-01-01T10:00:02.000Z' }),
      question('q3', 'c', { status: 'ANSWERING', createdAt: '2026-01-01T10:00:03.000Z' }),
      question('q4', 'd', { createdAt: '2026-01-01T10:00:05.000Z' }),
    ];
    const hands = [hand('e', '2026-01-01T10:00:04.000Z')];
    expect(keys(hostQueueEntries(questions, hands, 'TOP'))).toEqual(['q3', 'q2', 'q1', 'hand:e', 'q4']);
    expect(keys(hostQueueEntries(questions, hands, 'NEWEST'))).toEqual(['q3', 'q2', 'q4', 'hand:e', 'q1']);
  });

  it('a hand is not tied to a question its person does not ask in person', () => {
    const entries = hostQueueEntries([question('q1', 'tom')], [hand('tom', '2026-01-01T10:00:01.000Z')], 'TOP');
    expect(keys(entries)).toEqual(['q1', 'hand:tom']);
  });
});

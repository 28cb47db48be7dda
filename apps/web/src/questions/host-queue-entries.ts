import type { Participant } from '../room/room-types';
import type { Question, QuestionOrder } from './question-list';

/**
 * One line of the host's queue: a question (with its asker's raised hand, when they want to ask
 * it in person), or a raised hand that came with no question.
 */
export type QueueEntry =
  | { readonly kind: 'question'; readonly key: string; readonly question: Question; readonly hand: Participant | null }
  | { readonly kind: 'hand'; readonly key: string; readonly hand: Participant };

/** Where an entry stands: the question being answered, then those waiting for approval, then the rest. */
function rank(entry: QueueEntry): number {
  if (entry.kind === 'hand') return 2;
  if (entry.question.status === 'ANSWERING') return 0;
  return entry.question.status === 'PENDING' ? 1 : 2;
}

const votesOf = (entry: QueueEntry) => (entry.kind === 'question' ? entry.question.upvoteCount : 0);
const timeOf = (entry: QueueEntry) => (entry.kind === 'question' ? entry.question.createdAt : (entry.hand.handRaisedAt ?? ''));

/**
 * The raised hands and the questions as one list for the host and moderators. A hand whose person
 * asks a listed question in person (`askInPerson`) is shown on that question; the other hands are
 * lines of their own, ordered with the questions as if they had no votes (TOP: most votes first,
 * ties oldest first; NEWEST: newest first). The question being answered comes first, then the
 * questions waiting for approval.
 */
export function hostQueueEntries(questions: readonly Question[], hands: readonly Participant[], order: QuestionOrder): QueueEntry[] {
  const handOf = new Map(hands.map((hand) => [hand.profile.id, hand]));
  const linked = new Set<string>();
  const entries: QueueEntry[] = questions.map((question) => {
    const hand = question.askInPerson && question.asker ? (handOf.get(question.asker.id) ?? null) : null;
    if (hand) linked.add(hand.profile.id);
    return { kind: 'question', key: question.id, question, hand };
  });
  for (const hand of hands) if (!linked.has(hand.profile.id)) entries.push({ kind: 'hand', key: `hand-${hand.id}`, hand });
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const byRank = rank(a.entry) - rank(b.entry);
      if (byRank !== 0) return byRank;
      if (order === 'TOP') return votesOf(b.entry) - votesOf(a.entry) || timeOf(a.entry).localeCompare(timeOf(b.entry)) || a.index - b.index;
      return timeOf(b.entry).localeCompare(timeOf(a.entry)) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

import type { RoomRelation } from '../rooms/room-access-policy';
import { MODERATING_ROLES } from '../rooms/room.types';
import { QuestionStatus } from './question-queue';

/** Statuses everyone who may see the room may see a question in (the contract's `Question`). */
export const PUBLIC_QUESTION_STATUSES: ReadonlySet<QuestionStatus> = new Set([
  QuestionStatus.Open,
  QuestionStatus.Answering,
  QuestionStatus.Answered,
]);

/** Who is looking at a question of a room they may see. */
export interface QuestionViewer {
  /** The signed-in profile; null for an anonymous visitor. */
  readonly profileId: string | null;
  /** The viewer hosts or moderates the room: they see every question and its asker. */
  readonly moderates: boolean;
}

/**
 * The {@link QuestionViewer} a room relation makes: the room's host (in the room or not) and its
 * moderators moderate its questions.
 */
export function questionViewerOf(profileId: string | null, relation: Pick<RoomRelation, 'isHost' | 'role'>): QuestionViewer {
  return { profileId, moderates: relation.isHost || (relation.role !== null && MODERATING_ROLES.has(relation.role)) };
}

/** What visibility reads of a question: its asker, status, and the question it was merged into. */
export interface QuestionVisibilityFacts {
  readonly askerId: string;
  readonly status: QuestionStatus;
  /** The kept question, for a duplicate merged into it (always one level deep); else null. */
  readonly mergedInto: { readonly askerId: string; readonly status: QuestionStatus } | null;
}

/**
 * Whether `viewer`, who may see the question's room, may see the question (`room-conversation.graphql`,
 * `Question`): host and moderators see every question; the asker sees their own in any status;
 * everyone else sees OPEN, ANSWERING and ANSWERED questions, and a duplicate merged into a
 * question they may see (it is listed in that question's `mergedQuestions`). A PENDING question
 * of someone else, or one a moderator dismissed, is not there for a listener. Pure.
 */
export function questionVisibleTo(question: QuestionVisibilityFacts, viewer: QuestionViewer): boolean {
  if (viewer.moderates) return true;
  if (viewer.profileId !== null && question.askerId === viewer.profileId) return true;
  if (PUBLIC_QUESTION_STATUSES.has(question.status)) return true;
  const kept = question.mergedInto;
  if (question.status !== QuestionStatus.Closed || kept === null) return false;
  return PUBLIC_QUESTION_STATUSES.has(kept.status) || (viewer.profileId !== null && kept.askerId === viewer.profileId);
}

/**
 * Whether `viewer` may know who asked a question (`Question.asker`): always, unless the asker
 * chose to stay anonymous; then only the asker, the host and moderators (who need it to act on
 * abuse).
 */
export function askerVisibleTo(question: { readonly askerId: string; readonly anonymous: boolean }, viewer: QuestionViewer): boolean {
  return !question.anonymous || viewer.moderates || (viewer.profileId !== null && question.askerId === viewer.profileId);
}

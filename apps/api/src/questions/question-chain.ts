import { randomUUID } from 'node:crypto';

import {
  decideQuestions,
  type Decision,
  type QuestionCommand,
  type QuestionQueueState,
  type QuestionSnapshot,
  type QuestionState,
  type RoomEvent,
  type RoomState,
  WAITING_STATUSES,
} from '@roundtable/domain';

import type { CommandFollowUp, FollowUpInput } from '../rooms/room-command.handler';
import { type ChainQuestionNeeds, lockChainQuestions, mergeQuestionRows, type QuestionRow, writeQuestionRows } from './question.store';

/**
 * The question queue in the room's command pipeline (issue 16): a {@link CommandFollowUp} that
 * applies, in the command's transaction and version chain,
 * - the question command given with the room command (`askQuestion`, `screenQuestion`,
 *   `answerQuestion`, `markQuestionAnswered`, `dismissQuestion`, `mergeQuestions`,
 *   `withdrawQuestion`), and
 * - what the room command's events mean for the queue: a hand raised with a question asks it in
 *   person (a raised hand with a question *is* a question), and a hand that comes down — lowered,
 *   dismissed, taken on stage, its owner gone — keeps its question, no longer asked in person.
 *
 * It reads and locks only the questions the commands touch (one statement), decides with the pure
 * rules (`decideQuestions`), writes the changed rows, and returns one `QuestionChanged` per
 * changed question. Votes never come here: they are one short write each (`castQuestionVote`).
 * A room command that touches no hand costs nothing (no statement).
 */
export class QuestionChain implements CommandFollowUp {
  readonly name = 'question queue';

  async follow({ tx, room, before, decision, now, question }: FollowUpInput): Promise<readonly RoomEvent[]> {
    const commands = [...(question ? [question] : []), ...handCommands(before, decision, question)];
    if (commands.length === 0) return [];
    const rows = await lockChainQuestions(tx, room.id, needsOf(commands));
    const counts = new Map(rows.map((row) => [row.id, row.upvoteCount]));
    const known = new Set(rows.map((row) => row.id));
    let state: QuestionQueueState = {
      screensQuestions: room.screensQuestions,
      questions: new Map(rows.map((row) => [row.id, toState(row)])),
    };
    // A hand raised again with the text of a question still waiting asks that one in person,
    // instead of asking it twice (raise, lower, raise again is one question).
    const resolved = commands.map((command) => (command.type === 'AskQuestion' && command.askInPerson && command !== question ? askAgain(state, command) : command));
    const changed: string[] = [];
    const merges: { intoId: string; keptAskerId: string; duplicateIds: readonly string[] }[] = [];
    for (const command of resolved) {
      const decided = decideQuestions(state, command, now);
      state = decided.state;
      changed.push(...decided.changedIds);
      if (command.type === 'MergeQuestions' && decided.changedIds.length > 0 && decided.question) {
        merges.push({ intoId: command.intoId, keptAskerId: decided.question.askerId, duplicateIds: [...new Set(command.questionIds)] });
      }
    }
    const order = [...new Set(changed)];
    if (order.length === 0) return [];
    const snapshot = (id: string): QuestionRow => {
      const q = state.questions.get(id);
      if (!q) throw new Error(`question ${id} changed but is not in the queue`);
      return { ...toSnapshot(q, counts.get(id) ?? 0), roomId: room.id };
    };
    // A merge writes its own rows (votes and askers move, duplicates close, earlier duplicates
    // repoint, the kept question is recounted); everything else is written row by row here.
    const mergedAway = new Set(merges.flatMap((merge) => merge.duplicateIds));
    const repointed = new Set(order.filter((id) => !mergedAway.has(id) && state.questions.get(id)?.mergedIntoId !== null && known.has(id)));
    const created = order.filter((id) => !known.has(id)).map(snapshot);
    const updated = order.filter((id) => known.has(id) && !mergedAway.has(id) && !repointed.has(id)).map(snapshot);
    await writeQuestionRows(tx, created, updated);
    for (const merge of merges) counts.set(merge.intoId, await mergeQuestionRows(tx, merge.intoId, merge.keptAskerId, merge.duplicateIds));
    let version = decision.state.version;
    return order.map((id): RoomEvent => {
      version += 1;
      return { type: 'QuestionChanged', roomId: room.id, version, previousVersion: version - 1, at: now, question: snapshot(id) };
    });
  }
}

/**
 * What the room command's events mean for the queue: a hand raised with a question by its owner
 * asks that question in person (unless the question command given with it already does), and
 * every hand that came down stops asking in person. Reads only the decision's own participants.
 */
function handCommands(before: RoomState, decision: Decision, question: QuestionCommand | null): QuestionCommand[] {
  const commands: QuestionCommand[] = [];
  const askedWithHand = question?.type === 'AskQuestion' && question.askInPerson ? question.askerId : null;
  for (const event of decision.events) {
    if (event.type === 'HandRaised' && event.participant.handRaiseQuestion !== null && event.participant.profileId !== askedWithHand) {
      commands.push({
        type: 'AskQuestion',
        questionId: randomUUID(),
        askerId: event.participant.profileId,
        text: event.participant.handRaiseQuestion,
        anonymous: false,
        askInPerson: true,
      });
    }
  }
  const subjects = new Set(decision.events.flatMap((event) => ('participant' in event ? [event.participant.profileId] : 'profileId' in event ? [event.profileId] : [])));
  for (const profileId of subjects) {
    const hadHand = (before.participants.get(profileId)?.handRaisedAt ?? null) !== null;
    const hasHand = (decision.state.participants.get(profileId)?.handRaisedAt ?? null) !== null;
    if (hadHand && !hasHand) commands.push({ type: 'SetAskInPerson', askerId: profileId, questionId: null });
  }
  return commands;
}

/** A hand's question: the asker's waiting question with the same text, asked in person, else a new question. */
function askAgain(state: QuestionQueueState, command: Extract<QuestionCommand, { type: 'AskQuestion' }>): QuestionCommand {
  for (const q of state.questions.values()) {
    if (q.askerId === command.askerId && q.text === command.text.trim() && WAITING_STATUSES.has(q.status)) {
      return { type: 'SetAskInPerson', askerId: command.askerId, questionId: q.id };
    }
  }
  return command;
}

/** The questions `commands` may read or change (see {@link lockChainQuestions}). */
function needsOf(commands: readonly QuestionCommand[]): ChainQuestionNeeds {
  const ids: string[] = [];
  const mergedInto: string[] = [];
  const askerIds: string[] = [];
  let answering = false;
  for (const command of commands) {
    switch (command.type) {
      case 'AskQuestion':
        askerIds.push(command.askerId);
        break;
      case 'SetAskInPerson':
        askerIds.push(command.askerId);
        if (command.questionId !== null) ids.push(command.questionId);
        break;
      case 'MergeQuestions':
        ids.push(command.intoId, ...command.questionIds);
        mergedInto.push(...command.questionIds);
        break;
      case 'AnswerQuestion':
        ids.push(command.questionId);
        answering = true;
        break;
      default:
        ids.push(command.questionId);
    }
  }
  return { ids, mergedInto, askerIds: [...new Set(askerIds)], answering };
}

/**
 * A row as the rules see it. The voter set is not loaded (votes never pass through here): a
 * merge's counts are recounted by the database (`mergeQuestionRows`).
 */
function toState(row: QuestionRow): QuestionState {
  return {
    id: row.id,
    askerId: row.askerId,
    text: row.text,
    anonymous: row.anonymous,
    status: row.status,
    askInPerson: row.askInPerson,
    voterIds: new Set(),
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
  };
}

function toSnapshot(q: QuestionState, upvoteCount: number): QuestionSnapshot {
  return {
    id: q.id,
    askerId: q.askerId,
    text: q.text,
    anonymous: q.anonymous,
    status: q.status,
    askInPerson: q.askInPerson,
    upvoteCount,
    mergedIntoId: q.mergedIntoId,
    createdAt: q.createdAt,
    answeredAt: q.answeredAt,
  };
}

import { type EntityManager } from '@mikro-orm/postgresql';
import type { QuestionStatus, QuestionVisibilityFacts } from '@roundtable/domain';

/** A question as a report on it reads it: who may see it, whom it names, and the text kept as evidence. */
export interface ReportedQuestion extends QuestionVisibilityFacts {
  readonly id: string;
  readonly roomId: string;
  readonly text: string;
  readonly anonymous: boolean;
}

interface ReportedQuestionRow {
  id: string;
  room_id: string;
  asker_id: string;
  text: string;
  anonymous: boolean;
  status: QuestionStatus;
  kept_asker_id: string | null;
  kept_status: QuestionStatus | null;
}

/**
 * The question `questionId` (`room_questions`) with the question it was merged into, or null when
 * none has that id. One statement, no lock: the caller holds the room's lock, under which the
 * room's command pipeline changes a question's status.
 * @param questionId an id already parsed as a UUID.
 */
export async function findReportedQuestion(tx: EntityManager, questionId: string): Promise<ReportedQuestion | null> {
  const [row] = await tx.execute<ReportedQuestionRow[]>(
    `select q.id, q.room_id, q.asker_id, q.text, q.anonymous, q.status, k.asker_id as kept_asker_id, k.status as kept_status
       from room_questions q left join room_questions k on k.id = q.merged_into_id
      where q.id = ?`,
    [questionId],
  );
  if (!row) return null;
  return {
    id: row.id,
    roomId: row.room_id,
    askerId: row.asker_id,
    text: row.text,
    anonymous: row.anonymous === true,
    status: row.status,
    mergedInto: row.kept_asker_id !== null && row.kept_status !== null ? { askerId: row.kept_asker_id, status: row.kept_status } : null,
  };
}

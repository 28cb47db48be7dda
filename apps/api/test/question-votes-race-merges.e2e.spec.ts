// The question queue's storage under concurrency (issue 16), on the real database, before the
// queue's mutations are served: votes racing a merge of their question, the same profile voting
// on both sides of a merge, votes and removals racing each other. The invariants: every root
// question's count equals its distinct voters; no vote is lost or doubled; a vote on a merged
// question lands on the kept one.
import { randomUUID } from 'node:crypto';

import { QuestionStatus } from '@roundtable/domain';

import { castQuestionVote, lockQuestions, mergeQuestionRows, questionPage } from '../src/questions/question.store';
import { sql } from './support/graphql-helpers';
import { asNamedProfiles, useTestApi } from './support/test-api';

describe('question votes racing merges (the kind: a count that drifts from its votes)', () => {
  const api = useTestApi();
  const { ok } = asNamedProfiles(() => api);
  const em = () => api.api.db.orm.em.fork();
  let roomId: string;
  const voters = Array.from({ length: 24 }, (_, i) => `qv-voter-${String(i).padStart(2, '0')}`);

  const askers = ['qv-asker-a', 'qv-asker-b', 'qv-asker-c', 'qv-asker-d'];

  beforeEach(async () => {
    await api.clear();
    const created = await ok('qv-host', `mutation { createRoom(input: { title: "Questions" }) { id } }`, {});
    roomId = (created['createRoom'] as { id: string }).id;
    // Each profile exists once it has signed in.
    await Promise.all([...voters, ...askers].map((id) => ok(id, `{ viewer { id } }`, {})));
  });

  async function ask(askerId: string, status: QuestionStatus = QuestionStatus.Open): Promise<string> {
    const id = randomUUID();
    await sql(api, `insert into room_questions (id, room_id, asker_id, text, status) values (?, ?, ?, ?, ?)`, [id, roomId, askerId, `Q ${id}`, status]);
    return id;
  }

  async function votesOf(questionId: string): Promise<string[]> {
    const rows = await sql<{ profile_id: string }>(api, `select profile_id from question_votes where question_id = ? order by profile_id`, [questionId]);
    return rows.map((r) => r.profile_id);
  }

  async function countOf(questionId: string): Promise<number> {
    const [row] = await sql<{ upvote_count: number }>(api, `select upvote_count from room_questions where id = ?`, [questionId]);
    return Number(row?.upvote_count);
  }

  /** Every question nothing was merged into has exactly as many votes as its count says. */
  async function expectCountsEqualVotes(): Promise<void> {
    const drift = await sql(
      api,
      `select q.id, q.upvote_count, (select count(*) from question_votes v where v.question_id = q.id)::int as votes
       from room_questions q where q.room_id = ? and q.merged_into_id is null
       and q.upvote_count <> (select count(*) from question_votes v where v.question_id = q.id)`,
      [roomId],
    );
    expect(drift).toEqual([]);
  }

  async function merge(intoId: string, duplicateIds: string[]): Promise<void> {
    await em().transactional(async (tx) => {
      const rows = await lockQuestions(tx, roomId, [intoId, ...duplicateIds]);
      const kept = rows.find((r) => r.id === intoId);
      if (!kept) throw new Error('kept question missing');
      await mergeQuestionRows(tx, intoId, kept.askerId, duplicateIds);
    });
  }

  it('given case: 24 votes racing the merge of their question all land on the kept question, each once', async () => {
    const kept = await ask('qv-host');
    const duplicate = await ask('qv-asker-a');
    // Half vote before the merge starts, on the duplicate; the rest race it.
    await Promise.all(voters.slice(0, 8).map((v) => castQuestionVote(em(), duplicate, v, true)));
    const racing = voters.slice(8).map((v, i) => castQuestionVote(em(), i % 2 === 0 ? duplicate : kept, v, true));
    const [outcomes] = await Promise.all([Promise.all(racing), merge(kept, [duplicate])]);
    for (const outcome of outcomes) expect(outcome.changed).toBe(true);
    // Every voter once, and the duplicate's asker (askers move with their question).
    expect(await votesOf(kept)).toEqual([...voters, 'qv-asker-a'].sort());
    expect(await countOf(kept)).toBe(voters.length + 1);
    await expectCountsEqualVotes();
    // A vote on the merged question now counts on the kept one; again is a no-op.
    const late = await castQuestionVote(em(), duplicate, 'qv-host', true);
    expect(late).toEqual({ questionId: kept, upvoteCount: voters.length + 2, changed: true });
    expect((await castQuestionVote(em(), duplicate, 'qv-host', true)).changed).toBe(false);
  });

  it('variant: the same profiles vote on both sides of a merge, and remove votes while it runs; counts stay exact', async () => {
    const kept = await ask('qv-host');
    const duplicates = [await ask('qv-asker-b'), await ask('qv-asker-c')];
    await Promise.all(voters.map((v, i) => castQuestionVote(em(), duplicates[i % 2]!, v, true)));
    await Promise.all(voters.slice(0, 12).map((v) => castQuestionVote(em(), kept, v, true)));
    // While the merge runs: the first 6 remove their vote from the kept question, the next 6 vote
    // on it again (idempotent), and the rest vote twice at once on their duplicate.
    await Promise.all([
      merge(kept, duplicates),
      ...voters.slice(0, 6).map((v) => castQuestionVote(em(), kept, v, false)),
      ...voters.slice(6, 12).map((v) => castQuestionVote(em(), kept, v, true)),
      ...voters.slice(12).flatMap((v, i) => [castQuestionVote(em(), duplicates[i % 2]!, v, true), castQuestionVote(em(), duplicates[i % 2]!, v, true)]),
    ]);
    await expectCountsEqualVotes();
    const counted = await votesOf(kept);
    // Each profile at most once; the 18 who did not remove a vote after the merge are all there.
    expect(new Set(counted).size).toBe(counted.length);
    for (const v of voters.slice(6)) expect(counted).toContain(v);
    expect(counted).toEqual(expect.arrayContaining(['qv-asker-b', 'qv-asker-c']));
  });

  it('refuses a vote on a PENDING question with QUESTION_STATE_CONFLICT and an unknown one with NOT_FOUND, changing nothing', async () => {
    const pending = await ask('qv-asker-d', QuestionStatus.Pending);
    await expect(castQuestionVote(em(), pending, voters[0]!, true)).rejects.toMatchObject({ code: 'QUESTION_STATE_CONFLICT' });
    await expect(castQuestionVote(em(), randomUUID(), voters[0]!, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(castQuestionVote(em(), 'not-a-uuid', voters[0]!, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await votesOf(pending)).toEqual([]);
    expect(await countOf(pending)).toBe(0);
  });

  it('lists a page of TOP questions in one statement, most votes first, with the viewer scope applied', async () => {
    const [a, b, c] = [await ask('qv-asker-a'), await ask('qv-asker-b'), await ask('qv-asker-c')];
    const pending = await ask('qv-asker-d', QuestionStatus.Pending);
    await Promise.all(voters.slice(0, 3).map((v) => castQuestionVote(em(), b!, v, true)));
    await castQuestionVote(em(), c!, voters[0]!, true);
    const listener = { roomId, moderates: false, viewerId: 'qv-someone', statuses: null, order: 'TOP' as const };
    const statements: string[] = [];
    const stop = api.api.db.onQuery((text) => statements.push(text));
    const page1 = await questionPage(em(), listener, 2, null);
    stop();
    expect(statements.filter((text) => /room_questions|question_votes/.test(text))).toHaveLength(1);
    expect(page1.edges.map((e) => e.node.id)).toEqual([b, c]);
    const page2 = await questionPage(em(), listener, 2, page1.pageInfo.endCursor);
    expect(page2.edges.map((e) => e.node.id)).toEqual([a]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const moderator = await questionPage(em(), { ...listener, moderates: true }, 10, null);
    expect(moderator.edges.map((e) => e.node.id)).toContain(pending);
    const asker = await questionPage(em(), { ...listener, viewerId: 'qv-asker-d' }, 10, null);
    expect(asker.edges.map((e) => e.node.id)).toContain(pending);
    expect(page1.edges.map((e) => e.node.id)).not.toContain(pending);
  });
});

import { seededUniform } from '@roundtable/ranking';

import { planQuestionVotes } from './question-vote-plan';

describe('planQuestionVotes', () => {
  const options = { votes: 5000, questions: 50, repeatPercent: 2, removalPercent: 2, seed: 16 };

  it('is deterministic: the same options give the same plan, another seed another one', () => {
    expect(planQuestionVotes(options)).toEqual(planQuestionVotes(options));
    expect(planQuestionVotes({ ...options, seed: 17 }).votes).not.toEqual(planQuestionVotes(options).votes);
    expect(seededUniform(1)()).toBe(seededUniform(1)());
  });

  it('spreads first votes over every question, each voter at most once per question', () => {
    const plan = planQuestionVotes(options);
    expect(plan.votes).toHaveLength(5000);
    const first = plan.votes.filter((v) => v.kind === 'vote');
    expect(new Set(first.map((v) => v.question)).size).toBe(50);
    expect(new Set(first.map((v) => `${v.question}/${v.voter}`)).size).toBe(first.length);
    for (const v of plan.votes) {
      expect(v.question).toBeGreaterThanOrEqual(0);
      expect(v.question).toBeLessThan(50);
      expect(v.voter).toBeLessThan(plan.voters);
    }
    // The voters the bench must seed: exactly the most first votes on one question.
    const perQuestion = new Map<number, number>();
    for (const v of first) perQuestion.set(v.question, (perQuestion.get(v.question) ?? 0) + 1);
    expect(plan.voters).toBe(Math.max(...perQuestion.values()));
  });

  it('repeats and removes only votes standing at that point, so plan order leaves votes − removals rows', () => {
    const plan = planQuestionVotes(options);
    const standing = new Set<string>();
    for (const v of plan.votes) {
      const key = `${v.question}/${v.voter}`;
      if (v.kind === 'vote') {
        expect(standing.has(key)).toBe(false);
        standing.add(key);
      } else {
        expect(standing.has(key)).toBe(true);
        expect(v.up).toBe(v.kind === 'repeat');
        if (v.kind === 'removal') standing.delete(key);
      }
    }
    expect(plan.rowsInPlanOrder).toBe(standing.size);
    expect(plan.rowsInPlanOrder).toBe(plan.counts.vote - plan.counts.removal);
    expect(plan.counts.vote + plan.counts.repeat + plan.counts.removal).toBe(5000);
    // About 2 % each (binomial, 5000 draws: 100 ± 3 standard deviations).
    expect(plan.counts.repeat).toBeGreaterThan(60);
    expect(plan.counts.repeat).toBeLessThan(140);
    expect(plan.counts.removal).toBeGreaterThan(60);
    expect(plan.counts.removal).toBeLessThan(140);
  });

  it('plans only first votes with no repeats or removals asked for, and starts with a first vote whatever is asked', () => {
    const plain = planQuestionVotes({ ...options, repeatPercent: 0, removalPercent: 0 });
    expect(plain.counts).toEqual({ vote: 5000, repeat: 0, removal: 0 });
    const allRemovals = planQuestionVotes({ ...options, votes: 10, removalPercent: 100 });
    // Nothing stands before the first vote, so removals alternate with the first votes they need.
    expect(allRemovals.votes.map((v) => v.kind)).toEqual(['vote', 'removal', 'vote', 'removal', 'vote', 'removal', 'vote', 'removal', 'vote', 'removal']);
    expect(allRemovals.rowsInPlanOrder).toBe(0);
  });
});

import { seededUniform } from '@roundtable/ranking';

/**
 * The votes `bench:questions` sends (issue 16), planned before the run so the vote store and its
 * baseline get exactly the same sequence. Questions and voters are indexes; the bench maps them to
 * question ids and profile ids.
 */

/** `vote`: a voter's first vote on the question; `repeat`: a vote that stands, cast again; `removal`: a standing vote taken back. */
export type PlannedVoteKind = 'vote' | 'repeat' | 'removal';

export interface PlannedVote {
  readonly question: number;
  readonly voter: number;
  /** True for an upvote (`vote`, `repeat`), false for a removal. */
  readonly up: boolean;
  readonly kind: PlannedVoteKind;
}

export interface VotePlan {
  readonly votes: readonly PlannedVote[];
  /** Voters the plan needs (indexes 0 … voters − 1): the most first votes on one question. */
  readonly voters: number;
  readonly counts: Readonly<Record<PlannedVoteKind, number>>;
  /** Vote rows left if every vote were applied one after another in plan order: votes − removals. */
  readonly rowsInPlanOrder: number;
}

export interface VotePlanOptions {
  readonly votes: number;
  readonly questions: number;
  /** Share of the votes, in percent, that repeat a standing vote (a no-op in plan order). */
  readonly repeatPercent: number;
  /** Share of the votes, in percent, that remove a standing vote. */
  readonly removalPercent: number;
  /** Seed of the deterministic random choices: the same options give the same plan. */
  readonly seed: number;
}

/**
 * Plans `votes` votes spread uniformly at random over `questions` questions. A first vote on a
 * question always comes from a voter who has not voted on it yet; repeats and removals pick a
 * vote standing at that point of the plan (so the first vote is always earlier in the plan), and
 * fall back to a first vote while none stands.
 */
export function planQuestionVotes(options: VotePlanOptions): VotePlan {
  const random = seededUniform(options.seed);
  const pick = (n: number) => Math.min(n - 1, Math.floor(random() * n));
  const nextVoter = new Array<number>(options.questions).fill(0);
  // Standing votes in plan order, as an array with swap-removal for O(1) random picks.
  const standing: { question: number; voter: number }[] = [];
  const votes: PlannedVote[] = [];
  const counts: Record<PlannedVoteKind, number> = { vote: 0, repeat: 0, removal: 0 };
  for (let i = 0; i < options.votes; i += 1) {
    const roll = random() * 100;
    const at = standing.length > 0 ? pick(standing.length) : -1;
    const chosen = standing[at];
    let vote: PlannedVote;
    if (chosen && roll < options.removalPercent) {
      // Swap-remove: the last standing vote takes the removed one's place.
      const last = standing.pop();
      if (last && last !== chosen) standing[at] = last;
      vote = { ...chosen, up: false, kind: 'removal' };
    } else if (chosen && roll < options.removalPercent + options.repeatPercent) {
      vote = { ...chosen, up: true, kind: 'repeat' };
    } else {
      const question = pick(options.questions);
      const voter = nextVoter[question] ?? 0;
      nextVoter[question] = voter + 1;
      standing.push({ question, voter });
      vote = { question, voter, up: true, kind: 'vote' };
    }
    counts[vote.kind] += 1;
    votes.push(vote);
  }
  return { votes, voters: Math.max(0, ...nextVoter), counts, rowsInPlanOrder: standing.length };
}

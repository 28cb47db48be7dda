/**
 * Which answers of one view may still be shown, when requests for it can overlap: a new search,
 * filter, route or reload while an earlier request is in flight. Answers can arrive in any order,
 * so each answer is shown only if no newer generation began after its request was sent.
 *
 * - `restart()` begins a generation (a first page, or the view read afresh) and returns its ticket;
 *   every earlier ticket is stale from then on.
 * - `current()` is the ticket of a further page ("Load more") of the current generation.
 * - `isCurrent(ticket)` says whether an answer to that ticket may be shown (and its error reported).
 */
export class LatestRequest {
  private generation = 0;

  restart(): number {
    this.generation += 1;
    return this.generation;
  }

  current(): number {
    return this.generation;
  }

  /** A first page (`after` null) restarts; a further page continues the current generation. */
  ticketFor(after: string | null): number {
    return after === null ? this.restart() : this.current();
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.generation;
  }
}

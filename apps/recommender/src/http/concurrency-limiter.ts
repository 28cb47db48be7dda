/**
 * A FIFO semaphore. The recommender parses and ranks at most `limit` requests at once: fifty
 * 2,000-candidate bodies parsed together put hundreds of MB of short-lived objects on the heap,
 * and the resulting major GC pauses were the longest event-loop stalls in the benchmark. Waiting
 * requests hold only their raw body Buffer (off-heap) until a slot frees up.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  /** Number of callers waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump the queue.
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** The clock an open loop runs on: real time in a benchmark, a virtual one in its tests. */
export interface OpenLoopClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: OpenLoopClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** What an open loop measured. */
export interface OpenLoopResult {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Per succeeded send: from its scheduled time to its answer, in ms, in completion order. */
  readonly latenciesMs: number[];
  /** From the first scheduled send to the last answer, in seconds. */
  readonly seconds: number;
  /** Failures by message (at most the first 200 characters of each), with their counts. */
  readonly failures: ReadonlyMap<string, number>;
}

/**
 * Sends `items` open loop: item i is sent at `i / perSecond` s after the start, whatever the
 * earlier sends are doing (none is awaited before the next leaves), and its latency is measured
 * from that scheduled time, not from when it actually left. A loop that falls behind (a busy
 * event loop, a slow clock) sends the late items at once, and their latency includes the delay,
 * so a slow system cannot hide its queue by slowing the senders down (coordinated omission).
 * A rejected send counts as failed; the loop always waits for every answer.
 */
export async function runOpenLoop<T>(
  items: readonly T[],
  perSecond: number,
  send: (item: T, index: number) => Promise<unknown>,
  clock: OpenLoopClock = REAL_CLOCK,
): Promise<OpenLoopResult> {
  const latenciesMs: number[] = [];
  const failures = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const started = clock.now();
  let lastAnswer = started;
  for (const [index, item] of items.entries()) {
    const dueAt = started + (index * 1000) / perSecond;
    const wait = dueAt - clock.now();
    // Timers are about 1 ms coarse: shorter waits are sent now (their latency still starts at dueAt).
    if (wait >= 1) await clock.sleep(wait);
    let answer: Promise<unknown>;
    try {
      answer = send(item, index);
    } catch (error) {
      answer = Promise.reject(error);
    }
    pending.push(
      answer.then(
          () => {
            lastAnswer = Math.max(lastAnswer, clock.now());
            latenciesMs.push(clock.now() - dueAt);
          },
          (error: unknown) => {
            lastAnswer = Math.max(lastAnswer, clock.now());
            const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
            failures.set(message, (failures.get(message) ?? 0) + 1);
          },
        ),
    );
  }
  await Promise.all(pending);
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0);
  return { sent: items.length, succeeded: latenciesMs.length, failed, latenciesMs, seconds: (lastAnswer - started) / 1000, failures };
}
